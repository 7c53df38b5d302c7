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
            "shipping, ship, ships, shipped, delivery, deliver, postage, arrive, arrival, get here, "
            "shipping cost, how long, dhl, fedex, in time, get it by, here by, how soon, how fast"
        ),
        "es": _terms(
            "envio, envios, enviar, envian, entrega, entregar, llega, llegar, gastos de envio, mandan, "
            "mandan a, cuanto tarda, tarda en llegar, correos, dhl, a tiempo, para cuando, lo tengo para, "
            "lo tendria para"
        ),
        "fr": _terms(
            "livraison, livrer, livrez, livre, livres, expedition, expedier, expediez, envoi, frais de "
            "port, port, colis, arriver, arrive, recevoir, delai, livrez vous, livraison offerte, frais d "
            "envoi, delai de livraison, colissimo, chronopost, a temps, l aurai, je l aurai, en combien de "
            "temps"
        ),
        "de": _terms(
            "versand, versandkosten, versenden, versendet, verschicken, verschickt, liefern, lieferung, "
            "liefert, lieferzeit, porto, ankommen, zustellung, paket, versandkostenfrei, lieferkosten, "
            "lieferzeiten, zugestellt, dhl, hermes, dpd, ist es bis, ist das bis, bis wann, wann kommt, "
            "rechtzeitig, wann ist es da, wie schnell, habe ich es bis"
        ),
        "it": _terms(
            "spedizione, spedizioni, spedire, spedite, spedisci, consegna, consegnare, consegnate, "
            "arriva, arrivare, costi di spedizione, corriere, pacco, spediscono, spedito, spese di "
            "spedizione, tempi di consegna, consegne, bartolini, brt, in tempo, per quando, quando arriva, "
            "lo ricevo, lo ricevo entro"
        ),
        "pt": _terms(
            "envio, envios, enviar, enviam, entrega, entregar, entregam, frete, chega, chegar, prazo, "
            "portes, correio, prazo de entrega, frete gratis, correios, sedex, ctt, a tempo, recebo ate"
        ),
        "nl": _terms(
            "verzending, verzendkosten, verzenden, versturen, verstuurd, leveren, levering, bezorgen, "
            "bezorging, bezorgd, geleverd, verzonden, bezorgkosten, levertijd, pakket, aankomen, "
            "opsturen, verzendtijd, bezorgtijd, leveringstijd, leveringskosten, komt het aan, komt aan, "
            "postnl, dhl, bpost, op tijd, hoe snel, wanneer heb ik, binnen hoeveel dagen"
        ),
    },
    "discount": {
        "en": _terms(
            "discount, coupon, promo, promo code, code, voucher, deal, sale, offer, cheaper, price match, "
            "promo codes"
        ),
        "es": _terms(
            "descuento, cupon, codigo, oferta, rebaja, rebajas, promocion, mas barato, descuentos, "
            "cupones, promo, codigo de descuento"
        ),
        "fr": _terms(
            "reduction, remise, promo, code promo, coupon, solde, soldes, rabais, moins cher, bon de "
            "reduction, reductions, promos, code de reduction, bon plan"
        ),
        "de": _terms(
            "rabatt, gutschein, rabattcode, gutscheincode, angebot, aktion, gunstiger, sale, prozente, "
            "rabatte, gutscheine, sonderangebot"
        ),
        "it": _terms(
            "sconto, sconti, coupon, codice, codice sconto, offerta, promozione, saldi, codice promo, "
            "promo, offerte, promozioni, buono sconto, buono regalo"
        ),
        "pt": _terms(
            "desconto, cupom, cupao, codigo, promocao, oferta, mais barato, liquidacao, cupons, promo"
        ),
        "nl": _terms(
            "korting, kortingscode, kortingscodes, actie, aanbieding, coupon, goedkoper, uitverkoop, "
            "sale, actiecode, kortingsbon, promocode, promotie"
        ),
    },
    "returns": {
        "en": _terms("return, returns, refund, exchange, send back, send it back, money back"),
        "es": _terms(
            "devolucion, devoluciones, devolver, reembolso, cambio, cambiar, devuelven, devuelvo, "
            "devolverlo, devuelvan, reembolsan, cambiarlo"
        ),
        "fr": _terms(
            "retour, retours, retourner, rembourser, remboursement, echange, echanger, renvoyer, "
            "rembourse, remboursee, renvoi"
        ),
        "de": _terms(
            "ruckgabe, rucksendung, zurucksenden, zuruckschicken, umtausch, umtauschen, erstattung, geld "
            "zuruck, retoure, retournieren, zuruckgeben, erstatten, ruckerstattung"
        ),
        "it": _terms(
            "reso, resi, restituire, rimborso, rimborsare, cambio, cambiare, recesso, rimandarlo "
            "indietro, rimandare indietro, mandarlo indietro, restituzione, restituirlo, rimborsato, "
            "rendere, sostituzione"
        ),
        "pt": _terms(
            "devolucao, devolver, reembolso, troca, trocar, estorno, reembolsar, trocas, dinheiro de volta"
        ),
        "nl": _terms(
            "retour, retourneren, terugsturen, ruilen, terugbetaling, geld terug, omruilen, retour "
            "sturen, retourzending, terug sturen, terugbetaald, retourbeleid, geld teruggestort"
        ),
    },
    "sizing": {
        "en": _terms(
            "size, sizing, fit, too small, too big, run small, run big, measurements, size chart, run "
            "large, runs large, runs small, runs big, true to size"
        ),
        "es": _terms(
            "talla, tallas, medidas, me queda, te queda, le queda, queda bien, quedan bien, tallaje, "
            "guia de tallas, horma, queda grande, queda chico, "
            "queda pequeno, calza grande, calza pequeno"
        ),
        "fr": _terms("taille, tailles, pointure, mesures, guide des tailles, taille petit, taille grand"),
        "de": _terms(
            "grosse, grossen, passform, passt, grossentabelle, fallt klein, fallt gross, klein aus, gross "
            "aus, konfektionsgrosse, groesse, groessen, passt mir"
        ),
        "it": _terms(
            "taglia, taglie, misura, misure, vestibilita, tabella taglie, veste piccolo, veste grande, "
            "veste piccola, veste bene, veste largo, veste stretto, vestono piccolo, vestono grande, "
            "vestono piccole, vestono bene, vestono larghi, vestono stretti, calzata"
        ),
        "pt": _terms(
            "tamanho, tamanhos, medidas, tabela de medidas, fica pequeno, fica grande, numeracao, veste bem, "
            "veste pequeno, veste grande, veste justo, veste largo, vestem pequeno, vestem grande, "
            "forma pequena, forma grande"
        ),
        "nl": _terms(
            "maat, maten, pasvorm, maattabel, afmetingen, valt klein, valt groot, valt het klein, valt "
            "het groot, te klein, te groot, welke maat, maatadvies, uitvallen"
        ),
    },
    "stock": {
        "en": _terms(
            "in stock, stock, available, availability, sold out, restock, still have, any left, still got"
        ),
        "es": _terms(
            "disponible, disponibles, agotado, agotada, hay existencias, stock, les queda, les quedan, "
            "os queda, os quedan, todavia tienen, aun tienen, todavia hay, aun hay, siguen teniendo, "
            "lo tienen en, la tienen en, los tienen en, lo tienen todavia, queda en, quedan en, tienen * "
            "todavia, tienen * aun"
        ),
        "fr": _terms(
            "en stock, stock, disponible, disponibles, rupture, epuise, reassort, dispo, dispos, rupture "
            "de stock, avez encore, l avez encore, l avez en, les avez en, l avez toujours, avez toujours, "
            "vous reste, il reste, il en reste, en reste, encore en"
        ),
        "de": _terms(
            "auf lager, lager, verfugbar, vorratig, ausverkauft, lieferbar, wieder da, wieder verfugbar, "
            "nicht mehr da, noch da, noch zu haben, noch vorhanden, habt ihr noch, haben sie noch, gibt es "
            "noch, gibts noch, noch erhaltlich, erhaltlich, habt ihr * noch, haben sie * noch, "
            "hast du * noch, gibt es * noch"
        ),
        "it": _terms(
            "disponibile, disponibili, disponibilita, esaurito, esaurita, magazzino, ancora disponibile, "
            "torna disponibile, tornera disponibile, avete ancora, l avete ancora, ce l avete, l avete in, "
            "ne avete ancora, avete * ancora, c e ancora, ce ancora, ne sono rimasti, ne rimangono, e rimasto"
        ),
        "pt": _terms(
            "disponivel, disponiveis, estoque, esgotado, esgotada, tem em estoque, ainda tem, ainda tem em, "
            "tem * ainda, ainda ha, ainda temos, ainda resta, ainda restam, tem na cor, vcs tem em, "
            "voces tem em"
        ),
        "nl": _terms(
            "op voorraad, voorraad, beschikbaar, uitverkocht, leverbaar, weer op voorraad, weer binnen, "
            "hebben jullie nog, heb je nog, heeft u nog, hebben jullie * nog, heb je * nog, heeft u * nog, "
            "nog verkrijgbaar, verkrijgbaar, nog te krijgen, "
            "nog te koop, zijn er nog"
        ),
    },
    "order_status": {
        "en": _terms(
            "order status, my order, tracking, track, tracking number, where is my package, wheres my "
            "package, my package, my parcel"
        ),
        "es": _terms(
            "mi pedido, rastrear, seguimiento, numero de guia, estado del pedido, mi paquete, numero de "
            "seguimiento, rastreo"
        ),
        "fr": _terms(
            "ma commande, suivi, suivre, numero de suivi, suivi de commande, ou est mon colis, mon colis, "
            "ou en est ma commande"
        ),
        "de": _terms(
            "meine bestellung, sendungsverfolgung, sendungsnummer, tracking, bestellstatus, wo ist mein "
            "paket, mein paket, wo bleibt, trackingnummer"
        ),
        "it": _terms(
            "mio ordine, il mio ordine, tracciamento, tracking, stato dell ordine, numero di tracking, il "
            "mio pacco, numero di tracciamento, stato ordine"
        ),
        "pt": _terms(
            "meu pedido, rastreio, rastrear, rastreamento, codigo de rastreio, status do pedido, meu pacote"
        ),
        "nl": _terms(
            "mijn bestelling, track en trace, volgen, trackingcode, status bestelling, waar is mijn "
            "pakket, waar blijft, mijn pakket, mijn pakketje, track trace, bestelstatus"
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
