"""The built-in commerce lexicon: what shoppers call shipping, discounts, returns… in each of our languages.

A merchant writes a rule once, in their own words ("shipping, delivery"). Those words tell which intents
the rule is about (each intent's words in every language are looked up); the rule then also matches the
intent's words in all seven languages, so "frais de livraison ?", "Versandkosten?" and "spedizione?" reach
the same rule. A rule may replace the built-in words of any language (`KeywordRule.lexicon`), and the rules
editor shows them. The lists are data, reviewed by hand; docs/conversations.md explains how to extend them.

Words are written folded (lower case, no accents) and compared per language through that language's Snowball
stemmer ("livraisons" = "livraison", "spedizioni" = "spedizione"), plus one typo in words of 7+ letters.
"""

INTENTS = ("shipping", "discount", "returns", "sizing", "stock", "order_status", "payment")
INTENT_NAMES = {
    "shipping": "Shipping",
    "discount": "Discounts",
    "returns": "Returns",
    "sizing": "Sizing",
    "stock": "Stock",
    "order_status": "Order status",
    "payment": "Payment",
}


def _terms(listing: str) -> tuple[str, ...]:
    return tuple(term.strip() for term in listing.split(",") if term.strip())


LEXICON: dict[str, dict[str, tuple[str, ...]]] = {
    "shipping": {
        "en": _terms(
            "dhl, fedex, shipping, ship, ships, shipped, delivery, deliver, postage, arrive, arrival, get "
            "here, shipping cost, how long"
        ),
        "es": _terms(
            "mandan a, cuanto tarda, tarda en llegar, correos, dhl, envio, envios, enviar, envian, "
            "entrega, entregar, llega, llegar, gastos de envio, mandan"
        ),
        "fr": _terms(
            "livrez vous, livraison offerte, frais d envoi, delai de livraison, colissimo, chronopost, "
            "livraison, livrer, livrez, livre, livres, expedition, expedier, expediez, envoi, frais de "
            "port, port, colis, arriver, arrive, recevoir, delai"
        ),
        "de": _terms(
            "versandkostenfrei, lieferkosten, lieferzeiten, zugestellt, dhl, hermes, dpd, versand, "
            "versandkosten, versenden, versendet, verschicken, verschickt, liefern, lieferung, liefert, "
            "lieferzeit, porto, ankommen, zustellung, paket"
        ),
        "it": _terms(
            "spediscono, spedito, spese di spedizione, tempi di consegna, consegne, bartolini, brt, "
            "spedizione, spedizioni, spedire, spedite, spedisci, consegna, consegnare, consegnate, "
            "arriva, arrivare, costi di spedizione, corriere, pacco"
        ),
        "pt": _terms(
            "prazo de entrega, frete gratis, correios, sedex, ctt, envio, envios, enviar, enviam, "
            "entrega, entregar, entregam, frete, chega, chegar, prazo, portes, correio"
        ),
        "nl": _terms(
            "verzendtijd, bezorgtijd, leveringstijd, leveringskosten, komt het aan, komt aan, postnl, "
            "dhl, bpost, verzending, verzendkosten, verzenden, versturen, verstuurd, leveren, levering, "
            "bezorgen, bezorging, bezorgd, geleverd, verzonden, bezorgkosten, levertijd, pakket, "
            "aankomen, opsturen"
        ),
    },
    "discount": {
        "en": _terms(
            "promo codes, discount, coupon, promo, promo code, code, voucher, deal, sale, offer, cheaper, "
            "price match"
        ),
        "es": _terms(
            "descuentos, cupones, promo, codigo de descuento, descuento, cupon, codigo, oferta, rebaja, "
            "rebajas, promocion, mas barato"
        ),
        "fr": _terms(
            "reductions, promos, code de reduction, bon plan, reduction, remise, promo, code promo, "
            "coupon, solde, soldes, rabais, moins cher, bon de reduction"
        ),
        "de": _terms(
            "rabatte, gutscheine, sonderangebot, rabatt, gutschein, rabattcode, gutscheincode, angebot, "
            "aktion, gunstiger, sale, prozente"
        ),
        "it": _terms(
            "codice promo, promo, offerte, promozioni, buono sconto, sconto, sconti, coupon, codice, "
            "codice sconto, offerta, promozione, saldi, buono regalo"
        ),
        "pt": _terms(
            "cupons, promo, desconto, cupom, cupao, codigo, promocao, oferta, mais barato, liquidacao"
        ),
        "nl": _terms(
            "actiecode, kortingsbon, promocode, promotie, korting, kortingscode, kortingscodes, actie, "
            "aanbieding, coupon, goedkoper, uitverkoop, sale"
        ),
    },
    "returns": {
        "en": _terms("return, returns, refund, exchange, send back, send it back, money back"),
        "es": _terms(
            "devuelven, devuelvo, devolverlo, devuelvan, reembolsan, cambiarlo, devolucion, devoluciones, "
            "devolver, reembolso, cambio, cambiar"
        ),
        "fr": _terms(
            "rembourse, remboursee, renvoi, retour, retours, retourner, rembourser, remboursement, "
            "echange, echanger, renvoyer"
        ),
        "de": _terms(
            "retoure, retournieren, zuruckgeben, erstatten, ruckerstattung, ruckgabe, rucksendung, "
            "zurucksenden, zuruckschicken, umtausch, umtauschen, erstattung, geld zuruck"
        ),
        "it": _terms(
            "rimandarlo indietro, rimandare indietro, mandarlo indietro, restituzione, restituirlo, "
            "rimborsato, rendere, sostituzione, reso, resi, restituire, rimborso, rimborsare, cambio, "
            "cambiare, recesso"
        ),
        "pt": _terms(
            "reembolsar, trocas, dinheiro de volta, devolucao, devolver, reembolso, troca, trocar, estorno"
        ),
        "nl": _terms(
            "retour sturen, retourzending, terug sturen, terugbetaald, retourbeleid, geld teruggestort, "
            "retour, retourneren, terugsturen, ruilen, terugbetaling, geld terug, omruilen"
        ),
    },
    "sizing": {
        "en": _terms(
            "run large, runs large, runs small, runs big, true to size, size, sizing, fit, too small, too "
            "big, run small, run big, measurements, size chart"
        ),
        "es": _terms(
            "horma, queda grande, queda chico, queda pequeno, talla, tallas, medidas, queda, tallaje, "
            "guia de tallas"
        ),
        "fr": _terms("taille, tailles, pointure, mesures, guide des tailles, taille petit, taille grand"),
        "de": _terms(
            "groesse, groessen, passt mir, grosse, grossen, passform, passt, grossentabelle, fallt klein, "
            "fallt gross, klein aus, gross aus, konfektionsgrosse"
        ),
        "it": _terms(
            "vestono, calzata, taglia, taglie, misura, misure, vestibilita, tabella taglie, veste "
            "piccolo, veste grande"
        ),
        "pt": _terms(
            "numeracao, veste bem, tamanho, tamanhos, medidas, tabela de medidas, fica pequeno, fica grande"
        ),
        "nl": _terms(
            "welke maat, maatadvies, uitvallen, maat, maten, pasvorm, maattabel, afmetingen, valt klein, "
            "valt groot, valt het klein, valt het groot, te klein, te groot"
        ),
    },
    "stock": {
        "en": _terms("in stock, stock, available, availability, sold out, restock"),
        "es": _terms("disponible, disponibles, agotado, agotada, hay existencias, stock"),
        "fr": _terms(
            "dispo, dispos, rupture de stock, en stock, stock, disponible, disponibles, rupture, epuise, "
            "reassort"
        ),
        "de": _terms(
            "wieder verfugbar, nicht mehr da, auf lager, lager, verfugbar, vorratig, ausverkauft, "
            "lieferbar, wieder da"
        ),
        "it": _terms(
            "ancora disponibile, torna disponibile, tornera disponibile, disponibile, disponibili, "
            "disponibilita, esaurito, esaurita, magazzino"
        ),
        "pt": _terms("tem em estoque, disponivel, disponiveis, estoque, esgotado, esgotada"),
        "nl": _terms(
            "weer op voorraad, weer binnen, op voorraad, voorraad, beschikbaar, uitverkocht, leverbaar"
        ),
    },
    "order_status": {
        "en": _terms(
            "my package, my parcel, order status, my order, tracking, track, tracking number, where is my "
            "package, wheres my package"
        ),
        "es": _terms(
            "mi paquete, numero de seguimiento, rastreo, mi pedido, rastrear, seguimiento, numero de "
            "guia, estado del pedido"
        ),
        "fr": _terms(
            "mon colis, ou en est ma commande, ma commande, suivi, suivre, numero de suivi, suivi de "
            "commande, ou est mon colis"
        ),
        "de": _terms(
            "mein paket, wo bleibt, trackingnummer, meine bestellung, sendungsverfolgung, sendungsnummer, "
            "tracking, bestellstatus, wo ist mein paket"
        ),
        "it": _terms(
            "il mio pacco, numero di tracciamento, stato ordine, mio ordine, il mio ordine, tracciamento, "
            "tracking, stato dell ordine, numero di tracking"
        ),
        "pt": _terms(
            "meu pacote, meu pedido, rastreio, rastrear, rastreamento, codigo de rastreio, status do pedido"
        ),
        "nl": _terms(
            "waar blijft, mijn pakket, mijn pakketje, track trace, bestelstatus, mijn bestelling, track "
            "en trace, volgen, trackingcode, status bestelling, waar is mijn pakket"
        ),
    },
    "payment": {
        "en": _terms("payment, pay, card, declined, paypal, klarna, charged, credit card"),
        "es": _terms("pago, pagar, tarjeta, rechazada, rechazado, cobro, cobraron"),
        "fr": _terms("paiement, payer, carte, carte bancaire, refuse, refusee, prelevement, debite"),
        "de": _terms("zahlung, bezahlen, bezahlung, karte, kreditkarte, abgelehnt, abgebucht"),
        "it": _terms(
            "pagamento, pagare, carta, carta di credito, rifiutata, rifiutato, addebito, addebitato"
        ),
        "pt": _terms("pagamento, pagar, cartao, recusado, recusada, cobranca, cobrado, boleto, pix"),
        "nl": _terms("betaling, betalen, kaart, creditcard, geweigerd, afgeschreven, ideal"),
    },
}

# Words that mean something else in one of our languages. When the reply is in that language, the word
# does not count for any rule (neither a lexicon word nor the merchant's own keyword) unless a neighbouring
# word rescues it ("unless"), or only counts when no neighbour spoils it ("after"):
# French "sale" is dirty and "code" is "code postal" unless "promo" is next to it; Spanish "sale" is "goes
# out" and "envío" after a pronoun is "I send" ("te envío el número"); Dutch "postcode" is a postal code,
# not postage; German "Ende" is the end of anything ("Ende der Woche"), not the English keyword "end";
# Italian "sale" is salt and "porto" "I carry".
FALSE_FRIENDS: dict[str, dict[str, tuple[str, frozenset[str]]]] = {
    "fr": {
        "sale": ("unless", frozenset()),
        "sales": ("unless", frozenset()),
        "code": ("unless", frozenset({"promo", "reduction", "remise"})),
    },
    "es": {
        "sale": ("unless", frozenset()),
        "salen": ("unless", frozenset()),
        "envio": ("after", frozenset({"te", "le", "les", "se", "lo", "la", "los", "las", "yo", "os", "ya"})),
    },
    "de": {
        "ende": ("unless", frozenset()),
        "code": ("unless", frozenset({"rabatt", "gutschein", "rabattcode", "promo"})),
    },
    "nl": {"postcode": ("unless", frozenset())},
    "it": {
        "sale": ("unless", frozenset()),
        "porto": ("unless", frozenset()),
        "code": ("unless", frozenset({"sconto", "promo"})),
    },
    "pt": {"code": ("unless", frozenset({"desconto", "promo"}))},
}
