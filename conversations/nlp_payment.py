"""Payment trouble in the shopper's words: a declined card, a failing wallet, an erroring checkout, a double
charge, money taken without an order. A canned text cannot fix any of it: the router hands it to a person.

Data per language, phrases separated by ", " read on folded text (lower case, no accents or apostrophes):
- a means of payment (`PAYMENT_MEANS`: card, PayPal, Pix, Bizum, iDEAL, checkout, "pay"…) within a few words
  of a failure (`PAYMENT_FAILURES`: declined, error, "não tá caindo", "gaat fout"…), in either order;
- a charge (`CHARGED`) with "twice" (`TWICE`);
- paid or charged (`CHARGED`), then "but", then no order or confirmation (`NO_ORDER`);
- a bank transfer (`TRANSFERS`) the bank sent back (`SENT_BACK`), in either order, or a wrong IBAN;
- a subscription (`SUBSCRIPTIONS`) still (`STILL`) charged for (`CHARGING`);
- cancelled (`CANCELLED`), then charged again or anyway (`CHARGED_BY_US` near `AGAIN`), or the other way
  round;
- a subscription to change (`subscription_change`): paused, cancelled or changed (`SUBSCRIPTION_CHANGES`),
  or its deliveries asked at another rhythm ("every 6 weeks instead of 4", `EVERY` … `INSTEAD`).
A question about a means ("do you take Klarna?") names no failure and stays a question, and a payment the
shopper broke off themselves (`OWN_STOPS`: "hab die Zahlung abgebrochen, weil der Hund zog") is no failure.
"""

import re
from functools import cache

PAYMENT_MEANS = {
    "en": "card, cards, credit card, debit card, visa, mastercard, amex, payment, payments, pay, paying,"
    " paypal, klarna, afterpay, clearpay, apple pay, google pay, shop pay, checkout, check out, "
    "transaction, pay button, instalments, installments, instalment, installment, pay in 3, pay in 4, "
    "pay later",
    "es": "tarjeta, tarjetas, pago, pagos, pagar, bizum, pasarela, transaccion, cobro, checkout, boton "
    "de pagar, plazos, cuotas, pago a plazos",
    "fr": "carte, cb, carte bancaire, paiement, payer, reglement, transaction, bouton payer, bancontact,"
    " lydia",
    "de": "karte, kreditkarte, ec karte, kartenzahlung, zahlung, bezahlung, bezahlen, zahlen, kasse, "
    "sofortuberweisung,"
    " giropay, twint, ratenzahlung, ratenkauf, transaktion, lastschrift, uberweisung, bezahlen button, "
    "zahlungsseite, bezahlseite",
    "it": "carta, carta di credito, pagamento, pagare, pago, paga, postepay, satispay, scalapay, "
    "transazione, bonifico, pagamento a rate, a rate",
    "pt": "cartao, pix, boleto, parcelamento, parcelado, parcelada, parcelas, pagamento, pagar, mb way, "
    "mbway, multibanco, transacao, compra",
    "nl": "kaart, kaartbetaling, pinbetaling, creditcard, pinpas, bankpas, betaalpas, mijn pas, de pas, "
    "betaling, betalen, afrekenen, "
    "ideal, "
    "bancontact, betaalpagina, "
    "betaalknop, transactie, gespreide betaling, gespreid betalen, in termijnen, achteraf betalen",
}
# A phrase may hold a regular expression: Spanish "no va" fails, "no va a llegar" is a future.
PAYMENT_FAILURES = {
    "en": "declined, declines, declining, failed, fails, failing, fail, error, errors, erroring, "
    "rejected, refused, denied, turned down, turns down, turning down, wouldnt go through, wouldnt work, "
    "wasnt working, "
    " broken, crashed, crashes, crashing, not working, isnt working, doesnt work,"
    " wont work, not going through, wont go through, didnt go through, doesnt go through, does nothing, "
    "wont approve, not approved, glitch, glitching, bugged, wont load, not loading, didnt work, did not "
    "work, "
    "wont take, doesnt take, didnt take, wont accept, doesnt accept, didnt accept, not accepted, not "
    "accepting, "
    "not authorized, not authorised, wont complete, didnt complete, wont process, not processing, doesnt "
    "process, didnt process, cant, "
    "cannot, unable to, said no, says no, rejecting, rejects, refusing, refuses, blocked, bouncing, bounced, "
    "froze, freezes, "
    "frozen, freezing, hangs, keeps loading, keeps spinning, wont stop loading, disappears, disappeared, "
    "vanishes, stops at, stops on, stuck at, stuck on, gets stuck, got stuck, timing out, times out, "
    "timed out",
    "es": "rechazada, rechazado, rechaza, rechazan, rechazaron, rechazo, declinada, declinado, error, falla, "
    "fallo, fallando, no funciona, no funcionaba, no funciono, no iba, "
    " no va(?! a), no pasa, no se procesa, no procesa, cargando, no hace nada,"
    " no acepta, no me acepta, da error, bloqueado, bloqueada, no me pasa, no se completa, no se completo, "
    "no aprobado, no aprobada, no autorizado, no autorizada, denegada, denegado, no se realiza, no se hizo, "
    "no puedo, no consigo, no logro, no me deja, deniega, deniegan, bloqueo, bloquearon, se congela, "
    "se congelo, se traba, se trabo, se cuelga, se colgo, desaparece, desaparecio, no para de cargar, "
    "no paso, no pasaba, no me pasaba, no me dejaba, "
    "se queda en, se para en, se detiene en, reboto, rebota, rebotan, rebotado, rebotada, "
    "se corto a medias, se paro a medias, se quedo colgado, se quedo colgada, se quedo pillado, "
    "se quedo pillada, se quedo congelado, se quedo congelada",
    "fr": "refuse, refusee, refusees, rejete, rejetee, echoue, echec, erreur, bug, bugue, plante, "
    "bloque, bloquee, passe pas, marche pas, fonctionne pas, passait pas, marchait pas, "
    "fonctionnait pas, accepte pas, prend pas, non autorise, pas "
    "autorise, non autorisee, arrive pas, impossible, bloque, bloquee, plantait, plantent, fige, figee, "
    "gele, disparait, a disparu, arrete pas de charger, charge en boucle, s arrete a, s arrete au, s arrete "
    "sur, reste bloque, s est arrete, s est arretee, s est interrompu, s est interrompue",
    "de": "abgelehnt, lehnt, fehlgeschlagen, fehler, geht nicht, klappt nicht, funktioniert nicht, "
    "hangt, hing, hangte, bricht, streikt, ladt nicht, tut nichts, nicht akzeptiert, schlagt fehl, nicht "
    "angenommen, nicht autorisiert, nicht genehmigt, fehlermeldung, kann nicht, kann ich nicht, nimmt(?= "
    "(?:\\w+ ){0,3}nicht), akzeptiert(?= (?:\\w+ ){0,3}nicht), blockiert, gesperrt, zuruckgewiesen, "
    "zuruckgebucht, friert ein, eingefroren, sturzt ab, abgesturzt, verschwindet, friert, hort nicht auf zu "
    "laden, ladt und ladt, ladt ewig, ging nicht, nicht geklappt, "
    "nicht ging, nicht durchgegangen, brach ab, brach mittendrin ab, abgebrochen, "
    # "schlägt dauernd fehl", "schlägt bei mir immer wieder fehl": the verb's two halves apart
    "schlagt(?: \\w+){1,4} fehl",
    "it": "rifiutata, rifiutato, rifiuta, rifiutano, non andava, non funzionava, non passava, nn passava, "
    "nn passa, "
    " respinta, respinto, errore, fallita, fallito, non funziona, "
    "non va, non passa, si blocca, bloccato, bloccata, non riuscito, non fa niente, non fa nulla, non "
    "accetta, "
    "non autorizzato, non autorizzata, negato, negata, non prende, non riesco, impossibile, si pianta, "
    "crasha, si e bloccata, si e bloccato, sparisce, scompare, non smette di caricare, carica all infinito, "
    "si ferma a, si ferma al, si ferma su, si ferma sempre, si e fermato a meta, si e fermata a meta, "
    "si e interrotto, si e interrotta, fallire, fallisce, falliscono",
    "pt": "recusado, recusada, recusou, a recusar, nao funcionou, nao funcionava, nao passava, "
    " negada, negado, erro, falhou, falha, trava, travou, travando, "
    "nao passa, nao funciona, nao ta caindo, nao cai, nao caiu, nao foi confirmado, nao gera, nao finaliza,"
    " nao aprovado, nao aprovada, nao aprovou, reprovado, reprovou, nao autorizado, nao vai(?! (?:ser|"
    "chegar)), "
    "nao conclui, nao aceita, nao aceitou, nao consigo, recusa, recusam, bloqueou, bloquearam, congela, "
    "congelou, sumiu, desaparece, nao para de carregar, fica carregando, para na, para no, empaca, "
    "parou a meio, parou no meio, parou, interrompeu",
    "nl": "geweigerd, weigerde, weigerden, afgewezen, wees af, wezen af, mislukt, deed het niet, "
    "het niet deed, werkte niet, ging niet door, "
    "gaat niet door, lukte niet, "
    " fout, foutmelding, error, werkt niet, lukt niet, gaat mis, "
    "doet het niet, doet niks, doet niets, blijft(?: \\w+)? hangen, bleef(?: \\w+)? hangen, bleef steken, "
    "hangt, laadt niet, stopt bij, stopt steeds bij, wijst, niet geaccepteerd, niet goedgekeurd, afgekeurd, "
    "niet aangenomen, kan niet, accepteert(?= (?:\\w+ ){0,3}niet), neemt(?= (?:\\w+ ){0,3}niet), weigert, "
    "weigeren, geblokkeerd, blokkeert, mislukken, keurt(?= (?:\\w+ "
    "){0,3}af\\b), loopt vast, liep vast, vastgelopen, bevriest, verdwijnt, blijft laden, blijft maar laden",
}
# Phrases that already say "payment failed" or "charged twice" on their own. A payment that stopped halfway
# is one only with the payment first: "I stopped halfway through checkout" is the shopper pausing.
PAYMENT_FAILURE_PHRASES = (
    "payment stopped halfway, payment stopped half way, payment stopped midway, payment stopped in the "
    "middle, checkout stopped halfway, transaction stopped halfway, zahlungsfehler, betaalfout, "
    "double charge, duplicate charge, two charges, dos cargos, dos cobros, "
    "doble cargo, cargo doble, cargo duplicado, cobro duplicado, deux prelevements, double debit, "
    "doppelte abbuchung, zwei abbuchungen, doppio addebito, due addebiti, cobranca duplicada, duas "
    "cobrancas, "
    "cobranca em dobro, dubbele afschrijving, twee afschrijvingen"
)
CHARGED = {
    "en": "charged, charge, billed, debited, took my money, took the money, taken my money, taken the money, "
    "took payment, taken payment, paid, money gone, money is gone, moneys gone, money left my account, "
    "came out of my account, money came out, came off my card",
    "es": "cobraron, cobrasteis, cobrastes, "
    " cobrado, cobrada, cobran, cobro, descontaron, pague, debitaron, el dinero se fue, "
    "se fue el dinero, el dinero salio, el dinero desaparecio, sacaron, sacasteis, han sacado, quitaron, "
    "han quitado, me quitaron",
    "fr": "debite, debitee, preleve, prelevee, prelevement, paye, facture, l argent est parti, argent parti, "
    "l argent a disparu, pris l argent, pris mon argent, preleve l argent",
    "de": "abgebucht, belastet, abbuchung, bezahlt, berechnet, geld weg, geld ist weg, geld ist abgegangen, "
    "abgezogen, "
    "vom konto abgezogen",
    "it": "addebitato, addebitati, addebito, scalato, scalati, pagato, prelevato, soldi spariti, "
    "i soldi sono spariti, soldi andati, i soldi sono usciti, tolto i soldi, tolti i soldi, preso i soldi, "
    "presi i soldi",
    "pt": "cobrado, cobrada, cobraram, cobrou, cobranca, paguei, debitado, descontado, dinheiro saiu, "
    "dinheiro sumiu, o dinheiro foi, saiu dinheiro, saiu o dinheiro, tiraram o dinheiro, tiraram dinheiro",
    "nl": "afgeschreven, betaald, afschrijving, gedebiteerd, geld weg, geld is weg, geld van mijn rekening, "
    "van mijn rekening gegaan, van mijn rekening af",
}
TWICE = {
    "en": "twice, double, 2x, two times, 2 times",
    "es": "dos veces, doble, 2 veces",
    "fr": "deux fois, 2 fois, double",
    "de": "doppelt, zweimal, 2 mal",
    "it": "due volte, doppio, 2 volte",
    "pt": "duas vezes, dobro, duplicada, duplicado, 2 vezes",
    "nl": "twee keer, dubbel, 2 keer",
}
# "the bank returned my transfer", "el banco me devolvió la transferencia", "overboeking teruggestort": the
# money never reached the shop. Near each other (a few words), either order: "I returned the jacket, when does
# the bank transfer come?" is a refund question.
TRANSFERS = (
    "transfer, bank transfer, transferencia, transferencia bancaria, virement, virement bancaire, "
    "uberweisung, bonifico, bonifico bancario, transferencia, overboeking, bankoverschrijving, overschrijving"
)
SENT_BACK = {
    "en": "returned, bounced, came back, bounced back, sent back, reversed",
    "es": "devuelta, devuelto, devolvio, devolvieron, rebotada, reboto, rechazada, rechazaron",
    "fr": "rejete, rejetee, retourne, retournee, revenu, revenue, renvoye, renvoyee",
    "de": "zuruckgebucht, zuruckgekommen, kam zuruck, zuruckgewiesen, zuruckgegangen",
    "it": "tornato indietro, respinto, rifiutato, stornato, rimandato indietro",
    "pt": "devolvida, devolvido, devolveu, devolveram, voltou, estornada, estornado, recusada",
    "nl": "teruggestort, teruggeboekt, retour gekomen, teruggekomen, geweigerd, gestorneerd",
}
# "the IBAN was wrong", "verkeerd IBAN", "IBAN falsch": a transfer that cannot arrive.
WRONG = (
    "wrong, incorrect, mal, equivocado, errado, errada, incorrecto, mauvais, faux, erronne, falsch, falsche, "
    "falscher, falsches, sbagliato, errato, verkeerd, verkeerde, fout, onjuist"
)

# "I cancelled the subscription and you're still charging me", "Abo gekündigt, aber ihr bucht immer noch ab":
# a subscription (or membership) still charged for, "still" before or after the charge. A box sent every week
# or month is one too ("can I pause my weekly box in August?", "box settimanale", "Wochenbox").
SUBSCRIPTIONS = (
    "subscription, membership, suscripcion, abono, cuota, abonnement, adhesion, abo, mitgliedschaft, "
    "abbonamento, iscrizione, assinatura, mensalidade, lidmaatschap, "
    "weekly box, monthly box, caja semanal, caja mensual, box hebdomadaire, box mensuelle, wochenbox, "
    "monatsbox, box settimanale, box mensile, caixa semanal, caixa mensal, wekelijkse box, maandelijkse box, "
    "weekbox, maandbox"
)
STILL = (
    "still, todavia, aun, siguen, sigue, toujours, encore, continuez, immer noch, noch immer, weiterhin, "
    "noch, ancora, continuate, continua, ainda, continuam, nog steeds, nog altijd, nog, blijven, blijft"
)
CHARGING = (
    "charging, charge, charged, billing, billed, taking money, taking my money, taking payment, debiting, "
    "cobrando, cobran, cobrais, descontando, prelever, prelevez, prelevee, preleve, debiter, debitez, "
    "facturer, bucht, abbuchen, abgebucht, belastet, kassiert, addebitando, addebitate, addebitato, "
    "addebitare, prelevare, schrijven, schrijft, scalando, cobram, debitando, afschrijven, afgeschreven, "
    "incasseren"
)

# "I cancelled in October but you charged my card again", "Abo gekündigt, trotzdem wieder abgebucht",
# "abbonamento disdetto, eppure un altro addebito": a cancellation (said done, in the past) and a charge taken
# again by the shop, within a dozen words, in either order. The shopper paying again ("paid", "pagué") is
# their own act.
CANCELLED = (
    "cancelled, canceled, ended, terminated, unsubscribed, stopped it, hit cancel, pressed cancel, "
    "clicked cancel, tapped cancel, "
    "cancele, cancelado, cancelada, cancelamos, di de baja, me di de baja, dado de baja, dada de baja, "
    "anule, anulado, anulada, "
    "resilie, resiliee, annule, annulee, desabonne, desabonnee, desinscrit, desinscrite, "
    "gekundigt, storniert, beendet, abgemeldet, abbestellt, abgebrochen, "
    "disdetto, disdetta, annullato, annullata, cancellato, cancellata, disattivato, disattivata, "
    "disiscritto, disiscritta, "
    "cancelei, cancelou, cancelaram, encerrei, encerrado, encerrada, desativei, "
    "opgezegd, stopgezet, geannuleerd, beeindigd, afgemeld"
)
# Charges taken, not asked about: no infinitive ("will you charge shipping again?", "me van a cobrar otra
# vez?") and no "be charged" ("will I still be charged?").
CHARGED_BY_US = (
    "(?<!be )charged, charging, (?<!be )billed, billing, (?<!be )debited, took money, taken money, "
    "took my money, taken my money, taking money, taking my money, took the money, taken the money, "
    "did you take money, did you take my money, did you take the money, came off my card, "
    "came out of my account, left my account, money came out, "
    "pris l argent, pris mon argent, geld ist weg, "
    "presi i soldi, preso i soldi, me li avete presi, li avete presi, tolto i soldi, "
    "dinheiro saiu, saiu o dinheiro, saiu dinheiro, tiraram o dinheiro, van mijn rekening af, "
    "van mijn rekening gegaan, "
    "cobraron, cobrado, cobrada, cobran, cobrais, cargo, cargaron, descontaron, debitaron, "
    "debite, debitee, preleve, prelevee, prelevez, prelevement, facture, facturez, facturation, "
    "abgebucht, abbuchung, belastet, berechnet, kassiert, "
    "addebitato, addebitata, addebitati, addebito, addebitate, prelevato, prelevati, scalato, scalati, "
    "cobrado, cobrada, cobraram, cobrou, cobranca, debitado, descontado, debitaram, descontaram, "
    "afgeschreven, afschrijving, gedebiteerd, geincasseerd, incasso"
)
# The charge and the "again" in one: "me habéis vuelto a cobrar", "continuate ad addebitare".
CHARGED_AGAIN = (
    "volvieron a cobrar, vuelven a cobrar, volvio a cobrar, vuelve a cobrar, vuelto a cobrar, "
    "seguis cobrando, siguen cobrando, continuez a prelever, continuez de prelever, "
    "continuate ad addebitare, continuate a addebitare, continuam cobrando, continuam a cobrar, "
    "another charge, a second charge, a new charge, geld ist trotzdem weg, trotzdem weg"
)
# "charged anyway", "me cobraron igual", "trotzdem abgebucht", "toch afgeschreven": after a cancellation the
# charge came all the same.
AGAIN = (
    "anyway, anyways, regardless, all the same, igual, igualmente, de todos modos, aun asi, quand meme, "
    "malgre tout, trotzdem, dennoch, lo stesso, comunque, mesmo assim, assim mesmo, toch, alsnog, "
    "again, once more, still, another, otra vez, de nuevo, nuevamente, volvieron a, vuelven a, volvio a, "
    "vuelve a, vuelto a, "
    "otro, "
    "de nouveau, a nouveau, encore, un autre, une autre, wieder, schon wieder, erneut, nochmal, nochmals, "
    "noch eine, noch einmal, di nuovo, ancora, nuovamente, un altro, un altra, de novo, outra vez, "
    "novamente, na mesma, outra, nova, weer, opnieuw, nog een keer, nogmaals, nog een"
)

# "the site froze and you charged me anyway", "la web se colgó y me cobraron igual", "le site a planté et
# vous m'avez débité quand même", "crashte maar het geld is wel van mijn rekening af": the site or app hung
# (`HUNG`), then the money went all the same (`CHARGED_BY_US` near `AGAIN`) or "but" charged (`CHARGED`),
# within a dozen words.
HUNG = (
    "froze, frozen, crashed, hung, glitched, bugged, went down, timed out, stopped working, "
    "se colgo, se quedo colgada, se quedo colgado, se bloqueo, se congelo, se trabo, se cayo, "
    "a plante, ca plante, site plante, a bugue, bugue, "
    "s est bloque, s est bloquee, a fige, a gele, a crashe, "
    "aufgehangt, abgesturzt, hing, hangen geblieben, eingefroren, "
    "si e bloccato, si e bloccata, si e piantato, si e piantata, si e impallato, si e impallata, crashato, "
    "travou, bloqueou, congelou, crashou, site caiu, app caiu, pagina caiu, "
    "liep vast, vastgelopen, crashte, gecrasht, bleef hangen, viel uit"
)


# "pause my coffee subscription for a month", "suspendre mon abonnement", "Abo pausieren", "sospendere
# l'abbonamento": a change to a standing order only a person can make. A word naming a subscription
# (`SUBSCRIPTIONS`, also ending a compound: "koffieabonnement", "Kaffee-Abo") with a change asked of it
# (not one made: "I cancelled my gym membership to buy this" says why they buy).
SUBSCRIPTION_CHANGES = (
    "pause, pausing, skip, suspend, stop, cancel, change, changing, modify, "
    "move, hold, freeze, "
    "pausar, pausa, suspender, cancelar, cancela, cancelen, anular, cambiar, cambiad, modificar, saltar, "
    "congelar, "
    "suspendre, suspendez, mettre en pause, annuler, annulez, resilier, resiliez, changer, changez, modifier,"
    " modifiez, sauter, "
    "pausieren, pausiert, aussetzen, kundigen, kundige, stornieren, andern, umstellen, anpassen, "
    "unterbrechen, "
    "sospendere, sospendete, mettere in pausa, disdire, disdetta, annullare, annullate, cambiare, cambiate, "
    "modificare, saltare, "
    "suspendam, cancelem, alterar, alterem, mudar, mudem, trocar, pular, "
    "pauzeren, pauzeer, stopzetten, opzeggen, opzegging, wijzigen, wijzig, veranderen, aanpassen, "
    "overslaan, annuleren"
)
# The rhythm of a standing order changed: "every 6 weeks instead of every 4", "cada 6 semanas y no cada 4",
# "alle 6 Wochen statt alle 4", "a cada 6 semanas em vez de 4", "elke 6 weken in plaats van 4".
EVERY = "every, each, cada, toutes les, tous les, alle, ogni, a cada, elke, iedere, om de"
INSTEAD = (
    "instead of, rather than, not every, en vez de, en lugar de, y no, au lieu de, plutot que, et non, "
    "statt, anstatt, anstelle von, invece di, invece che, anziche, em vez de, ao inves de, em lugar de, "
    "in plaats van, ipv, niet elke"
)
_UNITS = (
    r"(?:days?|weeks?|months?|dias|semanas?|mes(?:es)?|jours|semaines?|mois|tage|tagen|wochen|monate|"
    r"monaten|giorni|settimane|mesi|meses|dagen|weken|maanden)"
)

# "…mais pas de commande", "but no order", "ma l'ordine non risulta": the money went, the order did not come
# (not "…but my order hasn't arrived yet", which asks about delivery).
NO_ORDER = {
    "but": "but, pero, mais, aber, ma, mas, maar",
    "none": "no, not, nothing, pas, kein, keine, keinen, geen, nessun, nessuna, nenhum, nenhuma, ningun,"
    " ninguna, sin, without, sans, ohne, senza, sem, zonder",
    "order": "order, confirmation, confirmacion, pedido, commande, bestellung, bestatigung, ordine, "
    "conferma, confirmacao, bestelling, bevestiging, email, mail",
    "not showing": "non risulta, nao aparece, nao apareceu, doesnt appear, doesnt show, isnt showing, "
    "not showing, erscheint nicht, verschijnt niet, n apparait pas, no aparece, no figura, non appare",
}
# The shopper broke the payment off: "ich hab die Zahlung abgebrochen, weil der Hund an der Leine zog" is a
# pause, "die Zahlung wurde abgebrochen" a failure. A pause stays trouble when the rest of the text still
# speaks of paying ("weil die Karte abgelehnt wird", "wie kann ich jetzt bezahlen?").
OWN_STOPS = {
    "de": r"\b(?:hab|habe|haben|hatte|hatten)\b(?: \w+){0,5}? abgebrochen\b",
}
# A discount code that "doesn't work at checkout" is a discount question, not payment trouble.
DISCOUNT_CODE_WORDS = (
    "code coupon promo promocode discount codigo cupon codice sconto cupom desconto gutschein gutscheincode "
    "rabatt rabattcode kortingscode korting voucher"
)

_GAP = r"(?: \w+){0,5}? "
_OWN_STOP = re.compile("|".join(OWN_STOPS.values()))
_DISCOUNT_CODE = frozenset(DISCOUNT_CODE_WORDS.split())


def _either(*tables: str) -> str:
    phrases = {p.strip() for table in tables for p in table.split(", ") if p.strip()}
    return "(?:" + "|".join(sorted(phrases, key=len, reverse=True)) + ")"


@cache
def _patterns() -> tuple[re.Pattern, ...]:
    means, failure = _either(*PAYMENT_MEANS.values()), _either(*PAYMENT_FAILURES.values())
    charged, twice = _either(*CHARGED.values()), _either(*TWICE.values())
    near = re.compile(rf"\b{means}\b{_GAP}{failure}\b|\b{failure}\b{_GAP}{means}\b")
    double = re.compile(rf"\b{charged}\b{_GAP}{twice}\b|\b{twice}\b{_GAP}{charged}\b")
    order = _either(NO_ORDER["order"])
    no_order = re.compile(
        rf"\b{charged}\b(?: \w+){{0,4}}? {_either(NO_ORDER['but'])}\b(?: \w+){{0,3}}? "
        rf"(?:{_either(NO_ORDER['none'])}(?: \w+){{0,3}}? {order}\b"
        rf"|{order}(?: \w+){{0,2}}? {_either(NO_ORDER['not showing'])}\b)"
    )
    said = re.compile(rf"\b{_either(PAYMENT_FAILURE_PHRASES)}\b")
    transfer, back, wrong = _either(TRANSFERS), _either(*SENT_BACK.values()), _either(WRONG)
    sent_back = re.compile(
        rf"\b{transfer}\b(?: \w+){{0,3}}? {back}\b|\b{back}\b(?: \w+){{0,2}}? {transfer}\b"
        rf"|\biban\b(?: \w+){{0,3}}? {wrong}\b|\b{wrong} iban\b"
    )
    subscription, still, charging = _either(SUBSCRIPTIONS), _either(STILL), _either(CHARGING)
    still_charged = re.compile(
        rf"\b{subscription}\b(?: \w+){{0,8}}? (?:{still}\b(?: \w+){{0,3}}? {charging}"
        rf"|{charging}\b(?: \w+){{0,3}}? {still})\b"
    )
    cancelled, charge, again = _either(CANCELLED), _either(CHARGED_BY_US), _either(AGAIN)
    charged_again = (
        rf"(?:\b{charge}\b(?: \w+){{0,3}}? {again}\b|\b{again}\b(?: \w+){{0,3}}? {charge}\b"
        rf"|\b{_either(CHARGED_AGAIN)}\b)"
    )
    charged_after_cancelling = re.compile(
        rf"\b{cancelled}\b(?: \w+){{0,12}}? {charged_again}|{charged_again}(?: \w+){{0,12}}? {cancelled}\b"
        rf"|\b{_either(HUNG)}\b(?: \w+){{0,12}}? (?:{charged_again}"
        rf"|{_either(NO_ORDER['but'])}\b(?: \w+){{0,5}}? {charged}\b)"
    )
    return said, near, double, no_order, sent_back, still_charged, charged_after_cancelling


@cache
def _subscription_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    # A compound ends in it ("koffieabonnement", "kaffeeabo"); "cabo" or "diabo" are no compounds.
    named = re.compile(rf"\b(?:\w{{3,}})?{_either(SUBSCRIPTIONS)}(?:s|en)?\b")
    change = re.compile(rf"\b{_either(SUBSCRIPTION_CHANGES)}\b")
    rhythm = re.compile(rf"\b{_either(EVERY)} \d+ {_UNITS}\b(?: \w+){{0,2}}? {_either(INSTEAD)}\b")
    return named, change, rhythm


def names_a_subscription(words: tuple[str, ...]) -> str:
    """The word naming a subscription ("abonnement", "koffieabonnement", "abo"), or ""."""
    match = _subscription_patterns()[0].search(" ".join(words))
    return match[0] if match else ""


def subscription_change(words: tuple[str, ...]) -> str | None:
    """The words asking for a subscription to be paused, cancelled or changed, or another rhythm."""
    folded = " ".join(words)
    named, change, rhythm = _subscription_patterns()
    match = rhythm.search(folded)
    if match:
        return match[0]
    subscription = named.search(folded)
    asked = change.search(folded) if subscription else None
    return f"{asked[0]} … {subscription[0]}" if asked and subscription else None


def payment_trouble(words: tuple[str, ...]) -> str | None:
    """The words that say a payment failed or went wrong, or None."""
    folded = " ".join(words)
    said, near, double, no_order, sent_back, still_charged, charged_after_cancelling = _patterns()
    for pattern in (said, double, no_order, sent_back, still_charged, charged_after_cancelling):
        match = pattern.search(folded)
        if match:
            return match[0]
    if not _DISCOUNT_CODE.isdisjoint(words):
        return None
    match = near.search(folded)
    return match[0] if match and not _only_a_pause(folded) else None


def _only_a_pause(folded: str) -> bool:
    """The shopper broke the payment off, and says nothing else of paying."""
    rest = _OWN_STOP.sub(" ", folded)
    return rest != folded and not _patterns_of_paying().search(rest)


@cache
def _patterns_of_paying() -> re.Pattern:
    return re.compile(rf"\b(?:{_either(*PAYMENT_MEANS.values())}|{_either(*PAYMENT_FAILURES.values())})\b")
