"""'Not now': a pause of cart texts in the shopper's words, confirmed once, never an opt-out."""

import uuid
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from conversations.models import Message
from conversations.nlp import Text
from conversations.nlp_courtesy import is_acknowledgement
from conversations.router import reply_try
from conversations.snooze import snooze_intent
from flows.dispatcher import nudge_dispatch_due
from flows.models import Nudge
from flows.services import flow_seed_default, nudges_schedule_for_cart
from stores.models import ConsentEvent, SmsStatus
from tests.conversations.test_routing_languages import _label, english_rules_store  # noqa: F401
from tests.conversations.twilio import signed_post
from tests.flows.conftest import WEDNESDAY_NOON_NY
from tests.stores.factories import CartFactory, CartItemFactory, ConsentEventFactory, CustomerFactory

PHONE = "+447400123456"  # a UK shopper: the whole flow runs, so only the snooze holds it


def _text(client, store, body, *, phone=PHONE):
    response = signed_post(
        client,
        "/webhooks/twilio/sms/",
        {
            "MessageSid": "SM" + uuid.uuid4().hex,
            "AccountSid": "AC" + "0" * 32,
            "From": phone,
            "To": store.sms_number.as_e164,
            "Body": body,
        },
    )
    assert response.status_code == 200
    return response


@pytest.fixture
def shopper(store):
    customer = CustomerFactory(store=store, phone=PHONE, first_name="Maya")
    ConsentEventFactory(
        store=store, customer=customer, kind="granted", source="checkout", occurred_at=WEDNESDAY_NOON_NY
    )
    return customer


@pytest.mark.parametrize(
    ("body", "language", "days"),
    [
        ("not now", "en", 7),
        ("Not right now, thanks", "en", 7),
        ("text me next week", "en", 7),
        ("Text me in 2 weeks", "en", 14),
        ("remind me in a few days", "en", 3),
        ("text me in 3 months", "en", 30),
        ("pas maintenant", "fr", 7),
        ("Recontactez-moi dans 10 jours", "fr", 10),
        ("jetzt nicht", "de", 7),
        ("Schreib mir in zwei Wochen", "de", 14),
        ("vielleicht später, danke", "de", 7),
        ("ahora no, gracias", "es", 7),
        ("Escríbeme en dos semanas", "es", 14),
        ("non ora", "it", 7),
        ("scrivimi tra tre giorni", "it", 3),
        ("agora não", "pt", 7),
        ("me lembra semana que vem", "pt", 7),
        ("niet nu", "nl", 7),
        ("stuur me over twee weken", "nl", 14),
        # the texts paused in so many words, in a message of any length (blind sets 47-52 found them missed)
        (
            "can you pause these texts for two weeks? we're moving house and it's chaos, thanks a lot",
            "en",
            14,
        ),
        ("pourriez-vous mettre les messages en pause deux semaines ? je déménage", "fr", 14),
        ("könnt ihr die Nachrichten zwei Wochen pausieren? Umzug", "de", 14),
        ("¿pueden pausar los mensajes un par de semanas? me estoy mudando", "es", 14),
        ("potete mettere in pausa i messaggi per due settimane? trasloco", "it", 14),
        ("podem pausar as mensagens por duas semanas? estou de mudança", "pt", 14),
        ("kunnen jullie de berichten twee weken pauzeren? we verhuizen", "nl", 14),
        # being written to again at a named time, asked after the reason for the pause: any length (blind
        # sets 49-52 found the long ones read as questions)
        (
            "Not at the moment, my husband has surgery on Friday and I can't think about it. Message me "
            "again in two weeks please",
            "en",
            14,
        ),
        ("Pas pour l'instant, on part en vacances demain, recontactez-moi en janvier", "fr", 30),
        ("Im Moment nicht, wir renovieren die ganze Wohnung. Meldet euch nächste Woche nochmal", "de", 7),
        ("Ahora no, que estoy de exámenes hasta el viernes. Escríbeme la semana que viene", "es", 7),
        ("Adesso no, ho la casa piena di parenti per le feste. Scrivimi il mese prossimo", "it", 30),
        ("Agora não dá, estou viajando a trabalho até sexta. Me escreve daqui a duas semanas", "pt", 14),
        ("Nu even niet, de kinderen zijn ziek en ik heb mijn handen vol. App me volgende week maar", "nl", 7),
        # round 4's kinds (blind sets 53-58), in fresh words: a fortnight, "a couple of weeks", "after that",
        # Mexican "ahorita no" and "la otra semana", Dutch diminutives, "mo' no", "pausad", "mettez en pause"
        # (first run on 09b51b8: 1 of 12)
        ("Off on holiday tomorrow, can you message me again in a fortnight?", "en", 14),
        ("swamped rn, hit me up next week", "en", 7),
        ("Not now, the kitchen's being fitted. Text me after that", "en", 7),
        ("Ahorita no, mándame mensaje la otra semana", "es", 7),
        ("Ando de viaje, escríbanme en un par de semanas", "es", 14),
        ("pausad los mensajes unas semanas, porfa", "es", 21),
        ("Mettez les messages en pause quinze jours svp", "fr", 15),
        ("Mo' no, risentiamoci dopo le vacanze", "it", 7),
        ("Ho un trasloco, riscrivetemi tra un paio di settimane", "it", 14),
        ("Tô sem tempo, me manda msg daqui a umas três semanas", "pt", 21),
        ("Kunnen jullie de berichtjes een weekje pauzeren?", "nl", 7),
        ("kunnen jullie de smsjes een maandje stilzetten?", "nl", 30),
        # blind sets 59-64's kinds, in fresh words: a weekday named, Italian "la prossima" (first run on
        # a3dced7: 0 of 5)
        ("At a conference all week, text me again next Friday", "en", 7),
        ("In trasferta tutta la settimana, scrivetemi la prossima", "it", 7),
        ("Toute la semaine en déplacement, recontactez-moi lundi prochain", "fr", 7),
        ("Die ganze Woche auf Montage, schreibt mir nächsten Montag", "de", 7),
        ("Hele week op pad, stuur me volgende maandag maar", "nl", 7),
    ],
)
def test_pauses_are_read_with_their_length(body, language, days):
    snooze = snooze_intent(Text(body))

    assert snooze is not None
    assert (snooze.language, snooze.days) == (language, days)


@pytest.mark.parametrize(
    "body",
    [
        "is it waterproof?",
        "no thanks",
        "I can't stop now",
        "Does it ship next week or later this month?",
        # "later" without a named time is a pause only in a short message
        "Can you text me later when the green one is back? I really want it for my sister's birthday",
    ],
)
def test_ordinary_replies_are_no_pause(body):
    assert snooze_intent(Text(body)) is None


# "Later" alone or in a plan of the shopper's own is what they will do, as "I'll order it later" is in
# English: nothing to pause and nothing to answer. "Maybe later" still asks for a pause.
@pytest.mark.parametrize(
    "body",
    [
        "ok mach ich später",
        "ich bestelle später, danke",
        "Je repasse plus tard 😉",
        "je commanderai plus tard",
        "ok, lo miro más tarde 👍",
        "lo compro più tardi",
        "mais tarde eu peço, valeu",
        "ok doe ik later",
        "ok, plus tard",
        "passt, später",
        "más tarde",
    ],
)
def test_later_alone_or_in_a_plan_is_an_acknowledgement_not_a_pause(body):
    assert snooze_intent(Text(body)) is None
    assert is_acknowledgement(Text(body))


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("vielleicht später", "de"),
        ("peut-être plus tard", "fr"),
        ("quizás más tarde", "es"),
        ("forse più tardi", "it"),
        ("talvez mais tarde", "pt"),
        ("misschien later", "nl"),
        ("maybe later", "en"),
    ],
)
def test_maybe_later_asks_for_a_pause_in_every_language(body, language):
    snooze = snooze_intent(Text(body))
    assert snooze is not None
    assert snooze.language == language


@pytest.mark.django_db
def test_not_now_pauses_for_a_week_with_one_confirmation(
    client, store, shopper, sms_outbox, django_capture_on_commit_callbacks
):
    # when the shopper says it twice
    now = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        _text(client, store, "not now")
    with django_capture_on_commit_callbacks(execute=True):
        _text(client, store, "Not now!")

    # then a pause of a week, still subscribed, and one confirmation that says how to stop for good
    shopper.refresh_from_db()
    assert shopper.sms_status == SmsStatus.SUBSCRIBED
    assert now + timedelta(days=7) <= shopper.snoozed_until <= timezone.now() + timedelta(days=7)
    event = ConsentEvent.objects.get(customer=shopper, kind="snoozed")
    assert event.text_shown == "not now"
    assert event.evidence["until"] == shopper.snoozed_until.isoformat()
    assert len(sms_outbox) == 1
    assert sms_outbox[0].body.startswith(f"{store.name}: Got it, no cart reminders until ")
    assert sms_outbox[0].body.endswith("Reply STOP to stop texts for good.")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("body", "reply_start"),
    [
        ("pas maintenant", "C'est noté, pas de rappel de panier avant le "),
        ("jetzt nicht", "Alles klar, bis "),
    ],
)
def test_the_confirmation_speaks_the_shoppers_language(
    client, store, shopper, sms_outbox, django_capture_on_commit_callbacks, body, reply_start
):
    with django_capture_on_commit_callbacks(execute=True):
        _text(client, store, body)

    assert sms_outbox[0].body.startswith(f"{store.name}: {reply_start}")
    assert "STOP" in sms_outbox[0].body


@pytest.mark.django_db
def test_opt_out_wins_over_a_pause_in_the_same_text(
    client, store, shopper, sms_outbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _text(client, store, "Not now. STOP")

    shopper.refresh_from_db()
    assert shopper.sms_status == SmsStatus.UNSUBSCRIBED
    assert shopper.snoozed_until is None
    assert not ConsentEvent.objects.filter(customer=shopper, kind="snoozed").exists()
    assert "unsubscribed" in sms_outbox[0].body


@pytest.mark.django_db
def test_an_opted_out_shopper_saying_not_now_stays_out_and_unanswered(
    client, store, shopper, sms_outbox, django_capture_on_commit_callbacks
):
    ConsentEventFactory(
        store=store, customer=shopper, kind="revoked", source="keyword", occurred_at=timezone.now()
    )
    shopper.sms_status = SmsStatus.UNSUBSCRIBED
    shopper.save()

    with django_capture_on_commit_callbacks(execute=True):
        _text(client, store, "not now")

    shopper.refresh_from_db()
    assert (shopper.sms_status, shopper.snoozed_until) == (SmsStatus.UNSUBSCRIBED, None)
    assert sms_outbox == []


@pytest.mark.django_db(transaction=True)
def test_cart_texts_wait_for_the_pause_to_end(
    client, store, shopper, sms_outbox, django_capture_on_commit_callbacks
):
    # given a shopper who said "text me in 3 days" before their cart's first text was due
    flow_seed_default(store=store)
    cart = CartFactory(store=store, customer=shopper, last_activity_at=WEDNESDAY_NOON_NY)
    CartItemFactory(cart=cart)
    nudges_schedule_for_cart(store=store, cart=cart)
    with (
        time_machine.travel(WEDNESDAY_NOON_NY + timedelta(minutes=10), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        _text(client, store, "text me in 3 days")
    shopper.refresh_from_db()
    confirmations = len(sms_outbox)

    # when the text falls due, and again when the pause is over
    during = nudge_dispatch_due(now=WEDNESDAY_NOON_NY + timedelta(minutes=45))
    nudge = Nudge.objects.get(cart=cart, step__position=1)
    held_reason = nudge.reason
    after = nudge_dispatch_due(now=nudge.due_at)

    # then it was held with the reason, and sent once the pause ended (inside the UK window)
    assert (during.sent, during.deferred) == (0, 1)
    assert held_reason.startswith("held: the shopper asked for a pause — held until Sat ")
    assert shopper.snoozed_until == WEDNESDAY_NOON_NY + timedelta(days=3, minutes=10)
    assert nudge.due_at == shopper.snoozed_until
    assert after.sent == 1
    assert len(sms_outbox) == confirmations + 1
    assert Message.objects.filter(nudge=nudge).exists()


@pytest.mark.django_db
def test_the_customers_api_shows_the_pause(api_client, store, shopper):
    # given
    until = WEDNESDAY_NOON_NY + timedelta(days=7)
    shopper.snoozed_until = until
    shopper.save()

    # when
    response = api_client.get(f"/api/v1/stores/{store.id}/customers/", {"phone": PHONE})

    # then
    (row,) = response.json()["results"]
    assert row["snoozed_until"] == until.isoformat().replace("+00:00", "Z")
    assert row["sms_status"] == "subscribed"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("body", "reply_start"),
    [
        ("ahora no", "Entendido, no te enviaremos recordatorios hasta el "),
        ("non adesso", "Ok, nessun promemoria del carrello fino al "),
        ("agora não", "Combinado, nada de lembretes do carrinho até "),
        ("niet nu", "Prima, geen herinneringen tot "),
    ],
)
def test_a_pause_in_the_four_other_languages_is_confirmed_in_them(
    client, store, shopper, sms_outbox, django_capture_on_commit_callbacks, body, reply_start
):
    with django_capture_on_commit_callbacks(execute=True):
        _text(client, store, body)

    shopper.refresh_from_db()
    assert shopper.sms_status == SmsStatus.SUBSCRIBED
    assert shopper.snoozed_until is not None
    assert [sms.body[len(store.name) + 2 :][: len(reply_start)] for sms in sms_outbox] == [reply_start]
    assert "STOP" in sms_outbox[0].body


@pytest.mark.django_db
@pytest.mark.parametrize(
    "body",
    [
        "not now, text me again in a couple of weeks",
        "agora não, me mandem mensagem no mês que vem",
        "ahora no, escríbanme más adelante",
    ],
)
def test_not_now_then_write_me_later_is_a_pause_not_an_opt_out(
    client, store, shopper, django_capture_on_commit_callbacks, body
):
    # "not now" is its own clause: its "not" denies nothing in "text me again" (read as an opt-out before)
    with django_capture_on_commit_callbacks(execute=True):
        _text(client, store, body)

    shopper.refresh_from_db()
    assert shopper.sms_status != SmsStatus.UNSUBSCRIBED
    assert shopper.snoozed_until is not None


@pytest.mark.django_db
@pytest.mark.parametrize("body", ["STOP, ahora no", "niet nu, stop", "non ora. Disiscrivimi"])
def test_an_opt_out_beside_a_pause_is_an_opt_out(
    client, store, shopper, django_capture_on_commit_callbacks, body
):
    with django_capture_on_commit_callbacks(execute=True):
        _text(client, store, body)

    shopper.refresh_from_db()
    assert shopper.sms_status == SmsStatus.UNSUBSCRIBED
    assert shopper.snoozed_until is None


# Session 10's pauses, through the whole router against English rules: "remind me" with a time, "write to me
# again" after a time or an event, away until a date, and a time limit that makes "don't send me anything" a
# pause. Without a time limit it stays an opt-out, and "remind me" asking something is no pause.
# first run on ec5bcaf: 42/95 (pauses 15/65, traps 27/30: 3 missed opt-outs, on ec5bcaf too)
# after the fix (e762b8f): all 104 but 4 opt-outs nlp_compliance did not read ("no messages until further
# notice"); read since 60dd9be ("send me nothing" as the whole reply): 104/104.
SESSION_10_PAUSES = [
    # "remind me" with a time
    ("remind me tomorrow pls", "snooze"),
    ("can you remind me in two weeks? thats when I get paid", "snooze"),
    ("remind me after the holidays", "snooze"),
    ("pls remind me after payday on the 25th", "snooze"),
    ("remind me at the end of the month, skint till then", "snooze"),
    ("remind me on friday", "snooze"),
    ("recuérdame el lunes porfa", "snooze"),
    ("recuerdenme despues de la quincena", "snooze"),
    ("recordadme a final de mes, que ahora no tengo un duro", "snooze"),
    ("recuérdame en unos días", "snooze"),
    ("rappelez-moi dans 15 jours svp", "snooze"),
    ("rappelez-moi demain svp", "snooze"),
    ("relancez moi apres les fetes", "snooze"),
    ("rappelle moi à la fin du mois stp, quand j'aurai ma paie", "snooze"),
    ("erinnert mich nach dem Urlaub nochmal", "snooze"),
    ("erinnern Sie mich bitte in einem Monat", "snooze"),
    ("bitte Ende des Monats nochmal erinnern, nach dem Gehalt", "snooze"),
    ("erinnert mich am Montag", "snooze"),
    ("ricordatemi tra un mese", "snooze"),
    ("ricordamelo dopo lo stipendio", "snooze"),
    ("ricordatemi a fine mese per favore", "snooze"),
    ("lembrem-me daqui a duas semanas", "snooze"),
    ("me lembra depois do dia 25 que é quando cai o salário", "snooze"),
    ("me lembra no fim do mês", "snooze"),
    ("herinner me over een maand", "snooze"),
    ("herinner me na mijn salaris op de 25e aub", "snooze"),
    ("kunnen jullie me eind van de maand herinneren?", "snooze"),
    # write to me again after a time or an event
    ("write to me when I'm back from holiday", "snooze"),
    ("get back to me after the holidays", "snooze"),
    ("message me again after payday", "snooze"),
    ("escríbanme a la vuelta de vacaciones", "snooze"),
    ("vuelvan a escribirme despues de la quincena", "snooze"),
    ("recontactez-moi après les vacances", "snooze"),
    ("réécrivez-moi à la fin du mois", "snooze"),
    ("schreibt mir nächsten Monat wieder", "snooze"),
    ("meldet euch nach den Ferien nochmal", "snooze"),
    ("riscrivetemi dopo le ferie", "snooze"),
    ("scrivetemi quando torno, a fine mese", "snooze"),
    ("me mandem mensagem depois do feriado", "snooze"),
    ("escrevam-me quando eu voltar de viagem", "snooze"),
    ("ben tot vrijdag weg, stuur me daarna weer een berichtje", "snooze"),
    ("stuur na de vakantie maar weer een appje", "snooze"),
    # away until a date, then contact me
    ("on holiday until the 20th, text me after that", "snooze"),
    ("hold off on messages until next month, I'm in hospital", "snooze"),
    ("no messages for a month please, I'm away", "snooze"),
    ("only send messages next month", "snooze"),
    ("estoy de vacaciones hasta el 20, escríbanme después", "snooze"),
    ("nada de mensajes durante un mes por favor, estoy fuera", "snooze"),
    ("en vacances jusqu'au 20, recontactez-moi après", "snooze"),
    ("pas de messages pendant un mois svp, je suis à l'hôpital", "snooze"),
    ("bin bis zum 20. im Urlaub, schreibt mir danach", "snooze"),
    ("einen Monat lang keine Nachrichten bitte, bin verreist", "snooze"),
    ("sono in ferie fino al 20, scrivetemi dopo", "snooze"),
    ("niente messaggi per un mese per favore, sono via", "snooze"),
    ("estou de férias até dia 20, me escrevam depois", "snooze"),
    ("sem mensagens por um mês por favor, estou viajando", "snooze"),
    ("tot de 20e op vakantie, stuur me daarna maar", "snooze"),
    ("een maand geen berichten aub, ik ben weg", "snooze"),
    # a time limit makes "don't send me anything" a pause
    ("walking the dog, dont send me anything until Monday", "snooze"),
    ("no me manden nada hasta el lunes", "snooze"),
    ("ne m'envoyez rien jusqu'à lundi svp", "snooze"),
    ("schickt mir bis Montag nichts", "snooze"),
    ("non mandatemi niente fino a lunedì", "snooze"),
    ("não me mandem nada até segunda", "snooze"),
    ("stuur me tot maandag niks", "snooze"),
    # traps: no time limit, an opt-out
    ("don't send me anything ever again", "opt_out"),
    ("dont text me again until I contact you", "opt_out"),
    ("no me manden nada más", "opt_out"),
    ("no me manden nada hasta nuevo aviso", "opt_out"),
    ("ne m'envoyez plus rien", "opt_out"),
    ("schickt mir nichts mehr", "opt_out"),
    ("bis auf Weiteres keine SMS mehr", "opt_out"),
    ("non mandatemi più niente", "opt_out"),
    ("não me mandem mais nada", "opt_out"),
    ("stuur me niks meer", "opt_out"),
    ("not now, not next month, not ever. STOP", "opt_out"),
    ("don't send me anything until I say so", "opt_out"),
    # "don't send me anything" without "more" is no revocation nlp_compliance reads yet (not this block's)
    ("no messages until further notice", "opt_out"),
    ("ne m'envoyez rien tant que je ne vous le demande pas", "opt_out"),
    ("keine Nachrichten mehr bitte", "opt_out"),
    ("non mandatemi niente finché non ve lo dico io", "opt_out"),
    ("não me mandem nada até eu pedir", "opt_out"),
    ("stuur me niks tot ik het zeg", "opt_out"),
    # added after the first run, while fixing: "até segunda ordem" is "until further notice", and a time
    # in a sentence of its own limits nothing
    ("não me mandem nada até segunda ordem", "opt_out"),
    ("ne m'envoyez plus rien jusqu'à nouvel ordre", "opt_out"),
    ("non mandatemi niente fino a nuovo avviso", "opt_out"),
    ("i was away until monday. no more messages please", "opt_out"),
    ("ich war bis Montag im Urlaub, keine SMS mehr bitte", "opt_out"),
    ("ab Montag keine SMS mehr", "opt_out"),
    ("vanaf maandag geen berichten meer", "opt_out"),
    ("STOP. dont send me anything until monday", "opt_out"),
    ("dont send me anything until monday. actually never text me again", "opt_out"),
    # traps: "remind me" asking something, or a call
    ("remind me what your return window is", "rule:Returns"),
    # "ships" is the Shipping rule's word today; the point here is that it is no pause
    ("can you remind me when the order ships?", "rule:Shipping"),
    ("remind me to never buy here again", "fallback"),
    ("rappelez-moi svp", "escalation"),
    ("rappelez-moi quand le colis part", "escalation"),
    ("erinnert mich, wie lange dauert der Versand?", "rule:Shipping"),
    ("herinner me eraan wat de verzendkosten zijn", "rule:Shipping"),
    ("bin bis zum 20. im Urlaub, kommt das Paket vorher an?", "rule:Shipping"),
    ("recuérdame cuánto tarda el envío", "rule:Shipping"),
    ("me lembra qual é o prazo de troca?", "rule:Returns"),
    ("will it arrive before the holidays?", "rule:Shipping"),
    ("can I still return it after the holidays?", "rule:Returns"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("body", "label"), SESSION_10_PAUSES)
def test_session_10_pauses_route_as_a_person_would(english_rules_store, body, label):  # noqa: F811
    cart = CartFactory(store=english_rules_store)
    CartItemFactory(cart=cart)

    decision = reply_try(store=english_rules_store, text=body, customer=cart.customer)

    assert _label(decision) == label


# first run on b1e9216: 16/44
SESSION_10_PAUSES_ROUND_2 = [
    # "remind me about this / of it" with a time, with a clitic or object pronoun
    ("can you remind me about this next Monday?", "snooze"),
    ("remind me of it next week pls", "snooze"),
    ("pls remind me abt it tomorrow", "snooze"),
    ("recuérdenmelo el mes que viene", "snooze"),
    ("recuerdamelo la semana que viene porfa", "snooze"),
    ("me lo ricordate il mese prossimo?", "snooze"),
    ("me lo ricordi la settimana prossima?", "snooze"),
    ("lembre-me disto no mês que vem", "snooze"),
    ("me lembrem disso semana que vem", "snooze"),
    ("herinner me er volgende maand aan", "snooze"),
    ("herinner me er volgende week nog even aan aub", "snooze"),
    ("rappelez-moi ça la semaine prochaine", "snooze"),
    ("rappelle moi ca le mois prochain stp", "snooze"),
    ("erinnert mich nächste Woche daran", "snooze"),
    ("erinner mich bitte nächsten Monat dran", "snooze"),
    # "pause" as a bare verb with a duration, no noun
    ("bitte 2 Wochen pausieren", "snooze"),
    ("können wir eine Woche pausieren?", "snooze"),
    ("even pauzeren voor 2 weken aub", "snooze"),
    ("kunnen we een maandje pauzeren", "snooze"),
    ("pause for two weeks pls", "snooze"),
    ("can we pause for a month", "snooze"),
    ("pausa di due settimane", "snooze"),
    ("facciamo una pausa di un mese", "snooze"),
    ("pausa de dos semanas porfa", "snooze"),
    ("pausa de 15 dias por favor", "snooze"),
    ("pause de deux semaines svp", "snooze"),
    # write again at a time, with "please/erst/again" words in between
    ("schreibt mir bitte nächste Woche nochmal", "snooze"),
    ("schreibt mir bitte erst nächsten Monat wieder", "snooze"),
    ("schreib mir doch erst in 2 Wochen wieder", "snooze"),
    ("me manda mensagem daqui 15 dias", "snooze"),
    ("me escreve daqui uns dias", "snooze"),
    ("text me after we're back from Lisbon, 20th feb", "snooze"),
    ("text me again please next week", "snooze"),
    ("stuur me iets na de krokusvakantie", "snooze"),
    ("stuur me pas na de herfstvakantie weer wat", "snooze"),
    ("escríbanme por favor la semana que viene", "snooze"),
    ("écrivez-moi svp le mois prochain", "snooze"),
    ("scrivetemi per favore la settimana prossima", "snooze"),
    # traps: stay as today
    ("remind me about your return policy", "rule:Returns"),
    ("pause my coffee subscription for two weeks", "escalation"),
    ("can you pause the delivery until Monday?", "snooze"),
    ("rappelez-moi svp", "escalation"),
    ("rappelez-moi ce soir au 06 12 34 56 78", "escalation"),
    ("recuérdame la política de devoluciones", "rule:Returns"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("body", "label"), SESSION_10_PAUSES_ROUND_2)
def test_session_10_pauses_round_2_route_as_a_person_would(english_rules_store, body, label):  # noqa: F811
    cart = CartFactory(store=english_rules_store)
    CartItemFactory(cart=cart)

    decision = reply_try(store=english_rules_store, text=body, customer=cart.customer)

    assert _label(decision) == label


# Session 12 (snooze9): pauses the router read as fallbacks. A bare "remind me" and a weekday ("remind me
# monday", "herinner me maandag", "me lembra segunda", "ricordamelo lunedì"), "get in touch again" with a time
# ("bitte am Montag nochmal melden", "laat volgende week maar wat horen"), "send me something / talk to me in
# N days", and long, formal letters asking to be written to again at a time, with a greeting and a signature.
# Traps: a weekly box paused (a named subscription: an escalation), "remind me" asking something, the
# reminder or a delivery on Monday.
# first run on f639b5d: 30/75 (pauses 9/47; a weekly box paused 0/7, 3 of them read as a pause; the
# other traps 21/21, labelled as the router reads them today: the point is that they are no pause)
# after the fix (8f4d022): 75/75
SESSION_12_PAUSES = [
    # en
    ("remind me monday", "snooze"),
    ("no time now, remind me Monday", "snooze"),
    ("text me in a fortnight", "snooze"),
    ("get in touch again next week pls", "snooze"),
    ("send me something in 10 days", "snooze"),
    (
        "Thank you for the reminder. I am away visiting my sister; could you please write again at the end "
        "of the month? Kind regards, Margaret",
        "snooze",
    ),
    (
        "Dear Sir or Madam, thank you kindly for your message. Would you be so good as to write to me again "
        "at the start of next month? Yours sincerely, Harold Jenkins",
        "snooze",
    ),
    ("can I pause my weekly box in August?", "escalation"),
    ("remind me what size I ordered", "rule:Order status"),
    ("the reminder came on Monday", "fallback"),
    ("will it be delivered on monday?", "rule:Shipping"),
    # es
    ("mandame un recordatorio el lunes", "snooze"),
    ("mándame algo en 15 días", "snooze"),
    ("no tengo tiempo ahora, recuérdame lunes", "snooze"),
    ("háblame en un par de semanas", "snooze"),
    (
        "Muchas gracias por el recordatorio. Estoy fuera visitando a mi hermana; ¿sería tan amable de "
        "escribirme de nuevo a fin de mes? Un cordial saludo, Carmen",
        "snooze",
    ),
    (
        "Buenas tardes. Le agradecería que me volviera a escribir a principios del mes que viene. "
        "Atentamente, José Luis Ortega",
        "snooze",
    ),
    ("¿puedo pausar la caja semanal en agosto?", "escalation"),
    ("recuérdame qué talla pedí", "rule:Order status"),
    ("el recordatorio me llegó el lunes", "rule:Shipping"),
    ("¿me llega el lunes?", "rule:Shipping"),
    # fr
    ("écrivez-moi dans 15 jours", "snooze"),
    ("envoyez-moi un message dans 15 jours svp", "snooze"),
    ("pas le temps là, relance moi lundi", "snooze"),
    ("redonnez-moi des nouvelles la semaine prochaine", "snooze"),
    (
        "Bonjour, merci pour votre rappel. Je suis chez ma sœur en ce moment ; pourriez-vous m'écrire de "
        "nouveau à la fin du mois ? Cordialement, Monique",
        "snooze",
    ),
    (
        "Madame, Monsieur, je vous remercie de votre message. Pourriez-vous me recontacter au début du mois "
        "prochain ? Veuillez agréer mes salutations distinguées. Jeanne Dupont",
        "snooze",
    ),
    ("puis-je mettre en pause ma box hebdomadaire en août ?", "escalation"),
    ("rappelez-moi quelle taille j'ai commandée", "escalation"),
    ("le rappel est arrivé lundi", "rule:Shipping"),
    ("livraison lundi ?", "rule:Shipping"),
    # de
    ("bitte am Montag nochmal melden", "snooze"),
    ("meldet euch nächste Woche wieder", "snooze"),
    ("können Sie sich Anfang nächsten Monats wieder melden", "snooze"),
    ("schreib mir in 2 Wochen nochmal", "snooze"),
    ("keine Zeit grad, erinnert mich Montag", "snooze"),
    (
        "Sehr geehrte Damen und Herren, vielen Dank für die Erinnerung. Ich bin derzeit bei meiner Schwester "
        "zu Besuch. Könnten Sie sich bitte Anfang nächsten Monats wieder melden? Hochachtungsvoll, "
        "Gertrud Meier",
        "snooze",
    ),
    (
        "Guten Tag, würden Sie mir bitte Ende des Monats erneut schreiben? Mit freundlichen Grüßen, "
        "H. Schulz",
        "snooze",
    ),
    ("kann ich meine Wochenbox im August pausieren?", "escalation"),
    ("erinnert mich, welche Größe ich bestellt habe", "rule:Order status"),
    ("die Erinnerung kam am Montag", "fallback"),
    ("kommt die Lieferung am Montag?", "rule:Shipping"),
    # it
    ("ricordamelo lunedì", "snooze"),
    ("scrivimi tra 15 giorni", "snooze"),
    ("mandami qualcosa tra 15 giorni", "snooze"),
    ("fatevi sentire la settimana prossima", "snooze"),
    ("non ho tempo adesso, ricordamelo lunedi", "snooze"),
    (
        "Gentili signori, vi ringrazio per il promemoria. Sono da mia sorella in questi giorni; potrebbe "
        "cortesemente scrivermi di nuovo a fine mese? Cordiali saluti, Giuseppina",
        "snooze",
    ),
    (
        "Buongiorno, potreste ricontattarmi all'inizio del mese prossimo? Distinti saluti, Franco Bianchi",
        "snooze",
    ),
    ("posso mettere in pausa la box settimanale ad agosto?", "escalation"),
    ("ricordami che taglia ho ordinato", "rule:Order status"),
    ("il promemoria è arrivato lunedì", "rule:Shipping"),
    ("la consegna arriva lunedì?", "rule:Shipping"),
    # pt
    ("me lembra segunda", "snooze"),
    ("lembra-me na segunda-feira sff", "snooze"),
    ("fala comigo daqui 15 dias", "snooze"),
    ("sem tempo agora, me lembra segunda", "snooze"),
    ("me manda algo semana que vem", "snooze"),
    (
        "Boa tarde. Agradeço o lembrete. Estou fora a visitar a minha irmã; poderiam escrever-me novamente "
        "no fim do mês? Cumprimentos, Maria da Conceição",
        "snooze",
    ),
    (
        "Prezados, agradeço a mensagem. Poderiam entrar em contato novamente no início do mês que vem? "
        "Atenciosamente, Sebastião",
        "snooze",
    ),
    ("posso pausar a caixa semanal em agosto?", "escalation"),
    ("me lembra qual tamanho eu pedi", "rule:Order status"),
    ("o lembrete chegou segunda", "rule:Shipping"),
    ("a entrega chega segunda?", "rule:Shipping"),
    # nl
    ("herinner me maandag aub", "snooze"),
    ("ben op kamp, herinner me maandag", "snooze"),
    ("laat over 2 weken iets horen", "snooze"),
    ("laat volgende week maar wat horen", "snooze"),
    ("stuur me over 15 dagen iets", "snooze"),
    (
        "Geachte heer/mevrouw, dank voor uw herinnering. Ik logeer momenteel bij mijn zus. Zou u mij aan het "
        "eind van de maand opnieuw willen schrijven? Hoogachtend, W. de Vries",
        "snooze",
    ),
    (
        "Goedemiddag, kunt u begin volgende maand weer contact met mij opnemen? Met vriendelijke groet, Henk",
        "snooze",
    ),
    ("kan ik mijn wekelijkse box pauzeren in augustus?", "escalation"),
    ("herinner me welke maat ik besteld heb", "rule:Order status"),
    ("de herinnering kwam maandag", "fallback"),
    ("wordt het maandag bezorgd?", "rule:Shipping"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("body", "label"), SESSION_12_PAUSES)
def test_session_12_pauses_route_as_a_person_would(english_rules_store, body, label):  # noqa: F811
    cart = CartFactory(store=english_rules_store)
    CartItemFactory(cart=cart)

    decision = reply_try(store=english_rules_store, text=body, customer=cart.customer)

    assert _label(decision) == label


# Session 13 (snooze10): pauses still read as fallbacks. Regional imperatives (Spain's vosotros "escribidme",
# Argentina's voseo "escribime", "mandame algo", Brazil's "me chama", Portugal's "para a semana"), regional
# month and holiday names ("Jänner", "Feber", "nach Weihnachten", "después de Reyes", "après les fêtes",
# "dopo le feste", "depois do Natal", "na de feestdagen"), fragments ("later please, next week", "hablamos la
# semana que viene", "on se reparle la semaine prochaine"), and a pause asked at the end of a long message
# that first says something else was cancelled (a gym membership, another order). Traps: a visit to the
# shop next week, the shopper's own plan (an acknowledgement), a delivery next week, "write to me in
# English", and "stop" (opt-out wins).
# first run on 92bfb54: 54/90 (pauses 19/55; traps 35/35, none read as a pause, labelled as the router
# reads them today: four of them are not what a person would say, the point is they are no pause)
SESSION_13_PAUSES = [
    # en
    ("text me again after the holidays", "snooze"),
    ("later please, next week", "snooze"),
    ("later pls.. next week", "snooze"),
    ("try me again after Christmas", "snooze"),
    ("hit me up after new years", "snooze"),
    ("talk next week", "snooze"),
    ("ok, talk next week then", "ack"),
    ("I cancelled my gym membership so no rush for the leggings. Text me again in two weeks", "snooze"),
    (
        "Cancelled the other order already, the jacket was too small. Anyway no hurry with this one, message "
        "me after the holidays",
        "snooze",
    ),
    ("see you next week at the shop", "fallback"),
    ("I'll order next week", "ack"),
    ("I'll talk to my husband after the holidays and order then", "ack"),
    ("will it arrive next week?", "rule:Shipping"),
    ("write to me in English please", "fallback"),
    ("stop, no more texts", "opt_out"),
    # es
    ("escribidme el mes que viene", "snooze"),
    ("avisadme la semana que viene porfa", "snooze"),
    ("escribime mañana", "snooze"),
    ("mandame algo el lunes", "snooze"),
    ("avisame la otra semana", "snooze"),
    ("escribidme después de Reyes", "snooze"),
    ("mas adelante, la semana q viene", "snooze"),
    ("hablamos la semana que viene", "snooze"),
    ("vale, hablamos la semana que viene", "ack"),
    (
        "Cancelé la suscripción del gimnasio así que no hay prisa con las mallas. Escríbeme de nuevo en dos "
        "semanas",
        "snooze",
    ),
    ("nos vemos la semana que viene en la tienda", "fallback"),
    ("hago el pedido la semana que viene", "fallback"),
    ("¿llega la semana que viene?", "rule:Shipping"),
    ("escríbeme en inglés por favor", "fallback"),
    ("basta, no más mensajes", "opt_out"),
    # fr
    ("plus tard svp, semaine prochaine", "snooze"),
    ("on se reparle la semaine prochaine", "snooze"),
    ("écris-moi la semaine prochaine", "snooze"),
    ("recontactez moi apres les fetes svp", "snooze"),
    ("envoie moi un sms après les fêtes", "snooze"),
    ("on en reparle après les fêtes", "snooze"),
    (
        "J'ai résilié mon abonnement à la salle de sport donc pas pressée pour les leggings. Réécrivez-moi "
        "dans deux semaines",
        "snooze",
    ),
    (
        "J'ai annulé l'autre commande, la veste était trop petite. Pas d'urgence pour celle-ci, relancez-moi "
        "après les fêtes",
        "snooze",
    ),
    ("à la semaine prochaine au magasin", "fallback"),
    ("je commande la semaine prochaine", "ack"),
    ("ça arrive la semaine prochaine ?", "rule:Shipping"),
    ("écrivez-moi en anglais svp", "fallback"),
    ("stop, plus de messages", "opt_out"),
    # de
    ("meldet euch nach Weihnachten wieder", "snooze"),
    ("bitte erst im Jänner wieder melden", "snooze"),
    ("schreibt mir im Feber nochmal", "snooze"),
    ("später bitte, nächste Woche", "snooze"),
    ("meld dich nächste Woche", "snooze"),
    ("schreib mir nach den Feiertagen", "snooze"),
    ("wir hören uns nächste Woche", "snooze"),
    ("nächste Woche nochmal bitte, grad keine Zeit", "snooze"),
    (
        "Hab mein Fitnessstudio gekündigt, also keine Eile mit den Leggings. Schreibt mir in zwei Wochen "
        "nochmal",
        "snooze",
    ),
    ("bis nächste Woche im Laden", "fallback"),
    ("ich bestelle nächste Woche", "ack"),
    ("kommt das nächste Woche an?", "rule:Shipping"),
    ("schreibt mir bitte auf Englisch", "rule:Availability"),
    ("stopp, keine SMS mehr", "opt_out"),
    # it
    ("scrivetemi dopo le feste", "snooze"),
    ("più avanti, settimana prox", "snooze"),
    ("ci sentiamo la settimana prossima", "snooze"),
    ("risentiamoci dopo le feste", "snooze"),
    ("mandatemi un messaggio dopo natale", "snooze"),
    ("più tardi per favore, la settimana prossima", "snooze"),
    (
        "Ho disdetto l'abbonamento in palestra quindi nessuna fretta per i leggings. Scrivetemi di nuovo tra "
        "due settimane",
        "snooze",
    ),
    ("ci vediamo la settimana prossima in negozio", "fallback"),
    ("ordino la settimana prossima", "ack"),
    ("arriva la settimana prossima?", "rule:Shipping"),
    ("scrivetemi in inglese per favore", "fallback"),
    ("ci vediamo dopo le feste in negozio", "fallback"),
    ("stop, basta messaggi", "opt_out"),
    # pt
    ("me chama semana que vem", "snooze"),
    ("falem comigo para a semana", "snooze"),
    ("mais pra frente, semana q vem", "snooze"),
    ("me escreve depois do Natal", "snooze"),
    ("falamos para a semana", "snooze"),
    ("a gente se fala semana que vem", "snooze"),
    (
        "Cancelei a academia então sem pressa com as leggings. Me escreve de novo daqui a duas semanas",
        "snooze",
    ),
    (
        "Já cancelei o outro pedido, a blusa veio pequena. Sem pressa com este, me chama depois das festas",
        "snooze",
    ),
    ("até semana que vem na loja", "fallback"),
    ("vou comprar semana que vem", "ack"),
    ("chega semana que vem?", "rule:Shipping"),
    ("me escreve em inglês por favor", "fallback"),
    ("pare, chega de mensagens", "opt_out"),
    # nl
    ("volgende week graag opnieuw, nu te druk", "snooze"),
    ("stuur me na de feestdagen iets", "snooze"),
    ("later graag, volgende week", "snooze"),
    ("we spreken elkaar volgende week", "snooze"),
    ("mail me volgende week", "snooze"),
    ("laat na nieuwjaar maar wat horen", "snooze"),
    (
        "Ik heb mijn sportschool opgezegd dus geen haast met de legging. Stuur me over twee weken nog een "
        "berichtje",
        "snooze",
    ),
    ("tot volgende week in de winkel", "rule:Availability"),
    ("ik bestel volgende week", "ack"),
    ("ik app volgende week wel", "fallback"),
    ("komt het volgende week aan?", "fallback"),
    ("stuur me een bericht in het Engels aub", "rule:Availability"),
    ("stop, geen berichten meer", "opt_out"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("body", "label"), SESSION_13_PAUSES)
def test_session_13_pauses_route_as_a_person_would(english_rules_store, body, label):  # noqa: F811
    cart = CartFactory(store=english_rules_store)
    CartItemFactory(cart=cart)

    decision = reply_try(store=english_rules_store, text=body, customer=cart.customer)

    assert _label(decision) == label
