"""The manage-texts page: stop, pause or resume from a link in the HELP and STOP replies."""

import re
import uuid
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from flows.models import Nudge
from stores.manage_links import manage_code
from stores.models import ConsentEvent, EvidenceLink, SmsStatus
from tests.conversations.twilio import signed_post
from tests.flows.factories import NudgeFactory
from tests.stores.factories import CartFactory, CustomerFactory

PHONE = "+14155550123"
LINK = re.compile(r"https://cartrecovery\.test(/m/[0-9a-z]+-[\w-]{12})")


@pytest.fixture
def shopper(store):
    return CustomerFactory(store=store, phone=PHONE)


def _text(client, store, body, capture):
    with capture(execute=True):
        response = signed_post(
            client,
            "/webhooks/twilio/sms/",
            {
                "MessageSid": "SM" + uuid.uuid4().hex,
                "From": PHONE,
                "To": store.sms_number.as_e164,
                "Body": body,
            },
        )
    assert response.status_code == 200


def _post(path: str, action: str):
    """A browser without JavaScript: load the page (CSRF cookie and field), then submit one form."""
    browser = Client(enforce_csrf_checks=True, REMOTE_ADDR="198.51.100.4", HTTP_USER_AGENT="Mobile Safari")
    page = browser.get(path)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())[1]
    return browser, browser.post(path, {"action": action, "csrfmiddlewaretoken": token})


@pytest.mark.django_db
def test_help_and_stop_replies_carry_the_manage_link(
    client, store, shopper, sms_outbox, django_capture_on_commit_callbacks
):
    _text(client, store, "HELP", django_capture_on_commit_callbacks)
    _text(client, store, "STOP", django_capture_on_commit_callbacks)

    help_reply, stop_reply = (sms.body for sms in sms_outbox)
    path = f"/m/{manage_code(shopper)}"
    assert LINK.search(help_reply)[1] == path
    assert LINK.search(stop_reply)[1] == path
    assert "Reply START to resubscribe" in stop_reply


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("help_word", "stop_word", "link_words"),
    [
        ("AYUDA", "BAJA", "Gestiona tus mensajes: "),
        ("AIDE", "ARRET", "Gérer vos SMS : "),
        ("HILFE", "STOPP", "SMS verwalten: "),
        ("AIUTO", "DISISCRIVIMI", "Gestisci i messaggi: "),
        ("AJUDA", "DESCADASTRAR", "Gerenciar mensagens: "),
        ("HULP", "AFMELDEN", "Berichten beheren: "),
    ],
)
def test_help_and_stop_in_other_languages_carry_the_manage_link_in_them(
    client, store, shopper, sms_outbox, django_capture_on_commit_callbacks, help_word, stop_word, link_words
):
    _text(client, store, help_word, django_capture_on_commit_callbacks)
    _text(client, store, stop_word, django_capture_on_commit_callbacks)

    shopper.refresh_from_db()
    assert shopper.sms_status == SmsStatus.UNSUBSCRIBED
    path = f"/m/{manage_code(shopper)}"
    help_reply, stop_reply = (sms.body for sms in sms_outbox)
    for reply in (help_reply, stop_reply):
        assert f"{link_words}https://cartrecovery.test{path}" in reply
    assert "STOP" in help_reply
    assert "START" in stop_reply


@pytest.mark.django_db
def test_the_page_works_without_javascript_and_without_login(store, shopper):
    response = Client().get(f"/m/{manage_code(shopper)}")

    html = response.content.decode()
    assert response.status_code == 200
    assert f"Texts from {store.name}" in html
    assert html.count('<form method="post">') == 2
    assert ">Stop texts</button>" in html
    assert ">Pause for a week</button>" in html
    assert html.count('name="csrfmiddlewaretoken"') == 2


@pytest.mark.django_db
def test_stop_on_the_page_is_a_revocation_that_cancels_pending_texts(store, shopper):
    # given a pending cart text
    nudge = NudgeFactory(step__flow__store=store, cart=CartFactory(store=store, customer=shopper))

    # when
    browser, response = _post(f"/m/{manage_code(shopper)}", "stop")

    # then
    shopper.refresh_from_db()
    nudge.refresh_from_db()
    assert response.status_code == 302
    assert shopper.sms_status == SmsStatus.UNSUBSCRIBED
    assert nudge.state == Nudge.State.CANCELLED
    event = ConsentEvent.objects.get(customer=shopper, kind="revoked")
    assert (event.source, event.ip_address, event.user_agent) == (
        "manage_page",
        "198.51.100.4",
        "Mobile Safari",
    )
    assert event.text_shown == f"Stop texts from {store.name}"
    assert EvidenceLink.objects.filter(store=store, kind="consent", content__id=event.id).exists()
    done = browser.get(response["Location"]).content.decode()
    assert "you will get no more texts" in done
    assert ">Resume</button>" in done


@pytest.mark.django_db
def test_pause_then_resume(store, shopper):
    path = f"/m/{manage_code(shopper)}"

    _post(path, "pause")
    shopper.refresh_from_db()
    paused_until = shopper.snoozed_until
    _post(path, "resume")
    shopper.refresh_from_db()

    assert timezone.now() + timedelta(days=6, hours=23) < paused_until <= timezone.now() + timedelta(days=7)
    assert shopper.snoozed_until is None
    assert shopper.sms_status == SmsStatus.SUBSCRIBED
    kinds = list(ConsentEvent.objects.filter(customer=shopper).values_list("kind", "source"))
    assert kinds == [("snoozed", "manage_page"), ("resumed", "manage_page")]


@pytest.mark.django_db
def test_resume_after_stop_subscribes_again(store, shopper):
    path = f"/m/{manage_code(shopper)}"
    _post(path, "stop")

    _post(path, "resume")

    shopper.refresh_from_db()
    assert shopper.sms_status == SmsStatus.SUBSCRIBED
    assert ConsentEvent.objects.filter(customer=shopper, kind="granted", source="manage_page").exists()


@pytest.mark.django_db
def test_a_post_without_the_csrf_token_is_refused(store, shopper):
    response = Client(enforce_csrf_checks=True).post(f"/m/{manage_code(shopper)}", {"action": "stop"})

    shopper.refresh_from_db()
    assert response.status_code == 403
    assert shopper.sms_status == SmsStatus.SUBSCRIBED


@pytest.mark.django_db
@pytest.mark.parametrize(
    "mangle",
    [lambda c: c[:-1] + ("A" if c[-1] != "A" else "B"), lambda c: "zz" + c, lambda c: "x", lambda c: ""],
)
def test_an_altered_or_made_up_code_finds_nobody(store, shopper, mangle):
    assert Client().get(f"/m/{mangle(manage_code(shopper))}").status_code == 404


@pytest.mark.django_db
def test_an_unknown_action_is_a_clear_400(store, shopper):
    _, response = _post(f"/m/{manage_code(shopper)}", "delete-everything")

    assert response.status_code == 400
    assert "Choose one of the buttons" in response.content.decode()
