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


# "before Saturday", "vor Samstag", "avant samedi", "prima di sabato", "antes del sábado", "voor zaterdag": a
# day something should be there by, a circumstance of a delivery (a context word of shipping).
_DAYS = {
    "before": "monday, tuesday, wednesday, thursday, friday, saturday, sunday, the weekend",
    "vor": "montag, dienstag, mittwoch, donnerstag, freitag, samstag, sonntag, dem wochenende",
    "avant": "lundi, mardi, mercredi, jeudi, vendredi, samedi, dimanche, le week end",
    "prima di": "lunedi, martedi, mercoledi, giovedi, venerdi, sabato, domenica",
    "antes del": "lunes, martes, miercoles, jueves, viernes, sabado, domingo, fin de semana",
    "antes de": "segunda, terca, quarta, quinta, sexta, sabado, domingo",
    "voor": "maandag, dinsdag, woensdag, donderdag, vrijdag, zaterdag, zondag, het weekend",
}
_DAYS_LANGUAGE = {
    "before": "en",
    "vor": "de",
    "avant": "fr",
    "prima di": "it",
    "antes del": "es",
    "antes de": "pt",
    "voor": "nl",
}
_ARRIVING_BY_A_DAY = {
    "en": "",
    "es": "llegan * antes, lleguen antes",
    "fr": "arrivent avant, arrive avant",
    "de": "kommen * noch vor, kommen * vor",
    "it": "arrivano, arriveranno, arrivera",
    "pt": "chegam * antes",
    "nl": "zijn * er voor, komen * nog voor, komen * voor",
}
BEFORE_A_DAY = {
    language: ", ".join(
        [arriving for arriving in _terms(_ARRIVING_BY_A_DAY[language])]
        + [
            f"{before} {day}"
            for before, listing in _DAYS.items()
            if _DAYS_LANGUAGE[before] == language
            for day in _terms(listing)
        ]
    )
    for language in _ARRIVING_BY_A_DAY
}

LEXICON: dict[str, dict[str, tuple[str, ...]]] = {
    "shipping": {
        "en": _terms(
            "shipping, ship, ships, shipped, delivery, deliver, postage, arrive, arrival, get here, shipping "
            "cost, how long, dhl, fedex, in time, get it by, here by, how soon, how fast, if i order, if i "
            "buy, if i buy now, if i order now, courier, express delivery, get it to me, come by, send it "
            "to, send them to, send * to, sent to, send to, post to, post it to, post there, how many days, "
            "have it before, get it before, have it by, can it get to, will it get to, would it get to, can "
            "it reach, will it reach, would it reach, could it reach, express, next day delivery, "
            "send parcels to, send packages to, upstairs, carry it up, carry them up, carry * up, "
            "parcel locker, parcel lockers, "
            "pickup point, pick up point, collection point"
            ", come before, arrive before, be here before, get here before, be there before, by saturday, "
            "by sunday, by monday, by tuesday, by wednesday, by thursday, by friday, by the weekend, "
            "plain box, plain packaging, discreet packaging, discreet box, neutral box, unmarked box, "
            "plain parcel, send lipo, send lithium, ship lipo, ship lithium, send batteries, "
            "ship batteries, post batteries, batteries by post, leave it at, leave them at, "
            "leave the parcel, leave the package, "
            # a delivery slot, nobody home on the day, a cool chain in transit
            "time slot, time slots, delivery slot, delivery slots, delivery window, leave it with, "
            "leave them with, with a neighbour, with the neighbour, with my neighbour, with a neighbor, "
            "with the neighbor, with my neighbor, nobody home, nobody will be home, no one home, "
            "no one will be home, during transport, during transit, cold chain, cool chain"
            + ", "
            + BEFORE_A_DAY["en"]
        ),
        "es": _terms(
            "envio, envios, enviar, envian, entrega, entregar, llega, llegar, gastos de envio, mandan, mandan"
            " a, cuanto tarda, tarda en llegar, dhl, a tiempo, para cuando, lo tengo para, lo tendria para, "
            "si compro, si pido, si lo compro, paqueteria, repartidor, me llegaria, llegaria, a domicilio, "
            "envio express, enviais, mandais, mandar a, mandarlo a, mandarla a, enviar a, cuantos dias, "
            "punto de recogida, "
            "transporte, lo tengo antes, la tengo antes, tenerlo antes, tenerla antes, traen a casa, me lo "
            "traen, me lo "
            "suben, me la suben, me los suben, me las suben, al {measure} piso, al {size} piso, "
            "me suben, nos suben"
            ", caja neutra, caja discreta, embalaje neutro, embalaje discreto, paquete discreto, "
            "enviar baterias, mandar baterias, transportista, transportistas, primer piso, segundo piso, "
            "tercer piso, cuarto piso, quinto piso, sexto piso, "
            "franja horaria, franjas horarias, horario de entrega, conserjeria, en porteria, "
            "en la porteria, con el vecino, con la vecina, con un vecino, con los vecinos, al vecino, "
            "a la vecina, nadie en casa, cadena de frio, durante el transporte, viaja refrigerada, "
            "viaja refrigerado, viaja fria, viaja frio, llega refrigerada, llega refrigerado"
            + ", "
            + BEFORE_A_DAY["es"]
        ),
        "fr": _terms(
            "livraison, livrer, livrez, livre, livres, expedition, expedier, expediez, envoi, frais de port, "
            "port, colis, arriver, arrive, recevoir, delai, livrez vous, livraison offerte, frais d envoi, "
            "delai de livraison, colissimo, chronopost, a temps, l aurai, je l aurai, en combien de temps, "
            "combien de jours, si"
            " je commande, si je l achete, transporteur, point relais, livraison express, je l ai, "
            "frais de transport, l avoir avant, l avoir pour, l aurai avant, sera la avant, sera la pour, "
            "sera ici avant, au "
            "{measure} etage, monter a l etage, montent a l etage, vous montez, livreur, livreurs, "
            "creneau, creneaux, creneau horaire, creneaux horaires, chez le voisin, chez la voisine, "
            "chez un voisin, chez une voisine, chez mon voisin, chez ma voisine, chez les voisins, "
            "chez le gardien, chez la gardienne, personne a la maison, pendant le transport, "
            "durant le transport, chaine du froid" + ", " + BEFORE_A_DAY["fr"]
        ),
        "de": _terms(
            "versand, versandkosten, versenden, versendet, verschicken, verschickt, liefern, lieferung, "
            "geliefert, liefert, lieferzeit, porto, ankommen, zustellung, paket, versandkostenfrei, "
            "lieferkosten, kommt * an, "
            "lieferzeiten, dhl, hermes, dpd, ist es bis, ist das bis, bis wann, wann kommt, rechtzeitig, wann"
            " ist es da, wie schnell, habe ich es bis, wenn ich heute bestelle, wenn ich jetzt bestelle, wenn"
            " ich bestelle, wenn ich jetzt kaufe, expressversand, packstation, lieferdienst, kommt das, kommt"
            " es, schickt ihr, schicken nach, schickt nach, dauert es nach, dauert das nach, wie viele tage, "
            "wenn ich heute kaufe, wenn ich kaufe, schafft ihr das bis, schafft ihr es bis, schafft ihr das "
            "noch bis, schafft ihr es noch bis, vor weihnachten, bis weihnachten, vor ostern, bis ostern, "
            "vor nikolaus, paketbote, paketbotin, zusteller, in den {size} stock, ins {size} stockwerk, "
            "hochtragen, hochgetragen, tragen * hoch, tragen die fahrer, tragt ihr"
            ", neutralen karton, neutraler karton, neutralem karton, neutrale verpackung, "
            "neutraler verpackung, neutrales paket, kommen die vor, kommen sie vor, kommt sie vor, "
            "kommt es vor, kommt das vor, spater schicken, spater liefern, spater senden, spater "
            "zustellen, kommen * an, zeitfenster, lieferfenster, beim nachbarn, bei den nachbarn, "
            "bei der nachbarin, beim nachbar, niemand zuhause, niemand zu hause, keiner zuhause, "
            "keiner zu hause, beim transport, wahrend des transports, auf dem transport, kuhlkette, "
            "gekuhlt geliefert, gekuhlt verschickt, gekuhlt versendet" + ", " + BEFORE_A_DAY["de"]
        ),
        "it": _terms(
            "spedizione, spedizioni, spedire, spedite, spedisci, consegna, consegnare, consegnate, arriva, "
            "arrivare, costi di spedizione, corriere, pacco, spediscono, spedito, spese di spedizione, tempi "
            "di consegna, consegne, bartolini, brt, in tempo, per quando, quando arriva, lo ricevo, lo ricevo"
            " entro, se ordino, se compro, se lo compro, ci mette, ci vuole ad arrivare, consegna express, "
            "mandate in, mandate a, mandate pure a, "
            "mandate pure in, mandare in, mandare a, mandarla in, mandarlo in, mandarla a, mandarlo a, "
            "mandate anche in, mandate anche a, quanti giorni, averla entro, averlo entro, averla prima, "
            "averlo prima, al {size} piano, al {measure} piano, portano su, portate su, "
            "punto di ritiro, prima di natale, entro natale, prima di pasqua, "
            "fascia oraria, fasce orarie, al vicino, alla vicina, dal vicino, dalla vicina, ai vicini, "
            "al portiere, in portineria, nessuno in casa, nessuno a casa, durante il trasporto, "
            "catena del freddo, viaggia refrigerata, viaggia refrigerato, viaggia al fresco, "
            "arriva refrigerata, arriva refrigerato" + ", " + BEFORE_A_DAY["it"]
        ),
        "pt": _terms(
            "envio, envios, enviar, enviam, entrega, entregar, entregam, frete, chega, chegar, prazo, portes,"
            " correio, prazo de entrega, frete gratis, correios, sedex, ctt, a tempo, recebo ate, se eu "
            "comprar, se eu pedir, se comprar, quanto tempo demora, demora pra chegar, demora para chegar, "
            "transportadora, mandam pra, mandam para, mandam pro, mandar pra, mandar para, mandar pro, manda "
            "pra, manda pro, enviar pra, enviar pro, quantos dias, ter antes, receber antes, ter ate, mandam "
            "pros, mandam pras, manda pros, enviam pra, enviam pro, enviam pros, enviam para, ao {measure} "
            "andar, sobem ate, ponto de retirada"
            ", chegam antes, chega antes, caixa neutra, embalagem discreta, mandar * depois, "
            "enviar * depois, mandar depois, enviar depois, mandar mais tarde, enviar mais tarde, "
            "faixa de horario, faixas de horario, faixa horaria, faixas horarias, horario de entrega, "
            "com o vizinho, com a vizinha, com um vizinho, no vizinho, na vizinha, com os vizinhos, "
            "na portaria, com o porteiro, ninguem em casa, cadeia de frio, durante o transporte, "
            "vem refrigerada, vem refrigerado, chega refrigerada, chega refrigerado"
            + ", "
            + BEFORE_A_DAY["pt"]
        ),
        "nl": _terms(
            "verzending, verzendkosten, verzenden, versturen, verstuurd, leveren, levering, bezorgen, levert,"
            " bezorgt, verstuurt, verzendt, "
            "bezorging, bezorgd, geleverd, verzonden, bezorgkosten, levertijd, pakket, aankomen, opsturen, "
            "verzendtijd, bezorgtijd, leveringstijd, leveringskosten, komt het aan, komt aan, postnl, dhl, "
            "bpost, op tijd, hoe snel, wanneer heb ik, binnen hoeveel dagen, als ik bestel, als ik vandaag "
            "bestel, als ik nu bestel, is het er, in huis, afhaalpunt, pakketpunt, "
            "ophaalpunt, bezorgdienst, sturen naar, sturen jullie, duurt "
            "het naar, duurt het tot, hoeveel dagen, hem hebben voor, het hebben voor, komt het voor, komt "
            "hij voor, komt ie voor, komt het * binnen, is het er voor, in huis voor, voor sinterklaas, voor "
            "kerst, voor de kerst, voor pakjesavond, voor de feestdagen, voor zaterdag binnen, voor vrijdag "
            "binnen, {measure} verdieping, naar boven"
            ", zijn ze er voor, zijn ze er op tijd, is het er voor, komen ze voor, komt het voor, "
            "neutrale doos, neutrale verpakking, discrete verpakking, met de post, per post, later sturen, "
            "later versturen, later bezorgen, later leveren, later verzenden, "
            "komen * aan, tijdslot, tijdsloten, tijdvak, tijdvakken, bezorgmoment, bij de buren, "
            "bij de buurman, bij de buurvrouw, niemand thuis, tijdens transport, tijdens het transport, "
            "koelketen, gekoeld verzonden, gekoeld geleverd, gekoeld bezorgd, blijft * gekoeld"
            + ", "
            + BEFORE_A_DAY["nl"]
        ),
    },
    "discount": {
        "en": _terms(
            "discount, coupon, promo, promo code, code, voucher, deal, sale, offer, cheaper, price match, "
            "promo codes, percent off, student discount, deals, promos, price drop, drop in price, price go "
            "down, price come down, go on sale, goes on sale, on sale, black friday, cyber monday, off the "
            "price, money off, knock * off, reduced, boxing day, january sales, hot sale, first order code, "
            "code for a first order, code for my first order, first order discount, welcome code, welcome "
            "discount, {code} says invalid, {code} invalid, {code} is invalid, {code} not valid, {code} "
            "doesnt work, {code} isnt working, {code} not working, {code} wont work, {code} expired, "
            "invalid code, {code} valid, {code} still valid, {code} still work, {code} still working"
        ),
        "es": _terms(
            "descuento, cupon, codigo, oferta, rebaja, rebajas, promocion, mas barato, descuentos, cupones, "
            "promo, codigo de descuento, descuentito, codigo promocional, rebajita, bajar de precio, baja de "
            "precio, bajara de precio, black friday, cyber monday, hot sale, buen fin, primera compra, "
            "primer pedido"
        ),
        "fr": _terms(
            "reduction, remise, promo, code promo, code pour les, un code pour les, tarif club, coupon, "
            "solde, soldes, rabais, moins cher, bon de "
            "reduction, reductions, promos, code de reduction, bon plan, reduc, geste commercial, un geste, "
            "baisser, baisse de prix, petit prix, faites un prix, faire un prix, black friday, code de "
            "bienvenue, premiere commande"
        ),
        "de": _terms(
            "rabatt, gutschein, rabattcode, gutscheincode, angebot, aktion, gunstiger, sale, prozente, "
            "rabatte, gutscheine, sonderangebot, studentenrabatt, neukundenrabatt, im angebot, preis fallen, "
            "preis noch fallen, preis sinken, preis runter, billiger, reduziert, preislich, black friday, "
            "neukundenrabatt, willkommensrabatt, code fur die erste, code fur meine erste, code fur "
            "neukunden, winterschlussverkauf, sommerschlussverkauf, ermassigung, seniorenrabatt, "
            "rentnerrabatt"
            ", willkommenscode, willkommensrabatt, newsletter code, newslettercode"
        ),
        "it": _terms(
            "sconto, sconti, coupon, codice, codice sconto, offerta, promozione, saldi, codice promo, promo, "
            "offerte, promozioni, buono sconto, buono regalo, scontino, scontistica, prezzo scendera, prezzo "
            "scende, prezzo migliore, costera meno, costa meno, calera di prezzo, cala di prezzo, scontato, "
            "scontata, black friday, saldi di gennaio, saldi invernali, codice di benvenuto, primo ordine"
        ),
        "pt": _terms(
            "desconto, cupom, cupao, codigo, promocao, oferta, mais barato, liquidacao, cupons, promo, "
            "descontinho, cupom de desconto, vai baixar, preco baixar, precinho, preco melhor, black friday"
        ),
        "nl": _terms(
            "korting, kortingscode, kortingscodes, actie, aanbieding, coupon, goedkoper, uitverkoop, sale, "
            "actiecode, kortingsbon, promocode, promotie, acties, omlaag, prijs af, van de prijs, black "
            "friday"
            ", welkomstcode, welkomstkorting, nieuwsbriefcode"
        ),
    },
    "returns": {
        "en": _terms(
            "return, returns, refund, exchange, send back, send it back, send them back, money back, swap, "
            "damaged, "
            "defective, faulty, store credit, return shipping, return policy"
            ", take back, take * back, takes back, taken back, gift receipt, gift receipts"
        ),
        "es": _terms(
            "devolucion, devoluciones, devolver, reembolso, cambio, cambiar, devuelven, devuelvo, devolverlo,"
            " devuelvan, reembolsan, cambiarlo, regresar, regresarlo, danado, danada, defectuoso, defecto, "
            "cambios, dinero de vuelta, plata de vuelta"
            # a gift receipt is how a gift goes back, in every language
            ", ticket regalo, ticket de regalo, tique regalo, tickets regalo"
        ),
        "fr": _terms(
            "retour, retours, retourner, rembourser, remboursement, echange, echanger, renvoyer, rembourse, "
            "remboursee, renvoi, abime, abimee, endommage, defectueux, retourne, recuperer mon argent, "
            "recuperer l argent, rendre mon argent"
            ", ticket cadeau, tickets cadeaux, ticket cadeaux"
        ),
        "de": _terms(
            "ruckgabe, rucksendung, zurucksenden, zuruckschicken, umtausch, umtauschen, erstattung, geld "
            "zuruck, retoure, retournieren, zuruckgeben, erstatten, ruckerstattung, beschadigt, defekt, "
            "ruckversand, ruckgaberecht, widerruf"
            ", zuruckzuschicken, zuruckzugeben, zuruckzusenden, umzutauschen, tauschen gegen, "
            "gegen eine grossere, gegen eine kleinere, gegen die grossere, gegen die kleinere"
            ", krieg ich mein geld, kriege ich mein geld, bekomme ich mein geld, bekomm ich mein geld, "
            "kohle zuruck"
            # no umlaut key: "geld zurueck?"
            ", geld zurueck, kohle zurueck, rueckgabe, ruecksendung, zuruecksenden, zurueckschicken, "
            "zurueckgeben, rueckerstattung"
            ", nehmt * zuruck, nehmen sie * zuruck, zurucknehmen, zuruckgenommen"
            ", geschenkbeleg, geschenkquittung"
        ),
        "it": _terms(
            "reso, resi, restituire, rimborso, rimborsare, cambio, cambiare, recesso, rimandarlo indietro, "
            "rimandare indietro, mandarlo indietro, ridare indietro, ridarlo indietro, "
            "ridarla indietro, restituzione, restituirlo, rimborsato, rendere, "
            "sostituzione, danneggiato, danneggiata, difettoso, rimborsate, rimandarlo, soldi indietro, "
            "ridate i soldi, rivoglio i soldi, scontrino regalo, scontrino di cortesia, scontrini regalo"
        ),
        "pt": _terms(
            "devolucao, devolver, reembolso, troca, trocar, estorno, reembolsar, trocas, dinheiro de volta, "
            "defeito, com defeito, danificado, reembolsam, devolvem"
            ", aceitam de volta, aceita de volta, aceitam * de volta"
            ", nota de presente, talao de oferta, talao de troca, cupom de troca"
        ),
        "nl": _terms(
            "retour, retourneren, terugsturen, ruilen, terugbetaling, geld terug, omruilen, retour sturen, "
            "retourzending, terug sturen, terug te sturen, terugbetaald, retourbeleid, geld teruggestort, "
            "beschadigd, defect, "
            "bedenktijd, retourneer, terugbetalen, terugkrijgen, geld terugkrijgen"
            ", nemen * terug, neemt * terug, terugnemen, ruilbon, ruilbonnetje"
        ),
    },
    "sizing": {
        "en": _terms(
            "size, sizing, fit, too small, too big, run small, run big, measurements, size chart, run large, "
            "runs large, runs small, runs big, true to size, between sizes, between * {size}, {size} or "
            "{size}, usually wear, normally wear, i wear, usually take, normally take, tight, loose, snug, "
            "narrow, wide feet, length, inseam, sleeves, stretchy, oversized, fitted, size up, size down, "
            "come up large, come up small, comes up, fit big, fit small, usually * {size}, normally * "
            "{size}, typically * {size}, go up a size, go one up, one size up, long enough, short enough, "
            "roomy, stretch, stretchy, wide calf, wide calves, wide fit, chunky feet, broad shoulders, hips, "
            "take the {size}, take a {size}, go for the {size}, too long, too short, pinch, pinches, petite, "
            "sleep in it, room for, enough room, enough space, fit inside, usually in a {size}, normally in "
            "a {size}, always in a {size}, im in a {size}, im usually in a {size}, fit through, get through "
            "a, get through the, through the door, through a door, through my door, sloping ceiling, uk "
            "{size}, eu {size}, us {size}, {size} in eu, {size} in uk, {size} in us, big enough, large "
            "enough, roomy enough, "
            "would * go in, into a pocket, into my pocket, jacket "
            "pocket, jeans pocket, coat pocket, back pocket, curtain drop, which drop, what drop, drop for "
            "a, curtain length, for a rail, rail at, wide enough, narrow enough, wide face, broad face, "
            "narrow face, frame width, lens width, bridge width, down my nose, off my nose, slide down, "
            "slides down, slip down, slipping down, sliding down, sit better, fit better, {nationality} "
            "double, {nationality} king, {nationality} queen, {nationality} single, {nationality} super "
            "king, {nationality} sizes, same as a {nationality}, same as an {nationality}, on a {measure}, "
            "on my {measure}, onto a {measure}, onto my {measure}, ok for a {size}, right for a {size}, "
            "suitable for a {size}, big enough for a {size}, inch for a {size}, inches for a {size}, "
            "for {size} photos, for {size} pictures, holds {size} photos, nib, nibs, "
            "handwriting, ef or f, f or m, "
            "will it go in, will they go in, will these go in, will this go in, "
            # a sizer, a strength grade, a frame size, a wrist measured: sizes of other kinds
            "ring sizer, ring sizers, light or * medium, medium or * heavy, medium or * hard, {size} frame, "
            "frame in {size}, my wrist, wrist size, wrist is, "
            # a bed named as in another country, a stairwell, a car seat, a shoe system
            "queen or * king, king or * queen, stairwell, car seat for, mondopoint, "
            # a box, a portion or a tent for a number of people; a case for a device model or a screen size
            "{size} adults, "
            "feed {size}, big eaters, family of {size}, there are {size} of us, portions, "
            "case fit, case fits, cover fit, cover fits, case work with, case works with, cover work with, "
            "cover works with, case go on, cover go on, case goes on, cover goes on, inch case, inch cover, "
            "inch sleeve"
            ", small ring, small burner, small hob, smallest ring, my bed is {size}"
        ),
        "es": _terms(
            "talla, tallas, medidas, de que tamano, que tamano tiene, cabe en mi, entra en mi, "
            "me queda, te queda, le queda, queda bien, quedan bien, tallaje, guia de "
            "tallas, horma, queda grande, queda chico, queda pequeno, calza grande, calza pequeno, entre * "
            "{size}, {size} o {size}, uso * {size}, soy * {size}, calzo, que numero, ajustado, ajustada, "
            "ajusta, holgado, holgada, largo, de largo, mide, cuanto mide, viene grande, viene chico, viene "
            "pequeno, vienen chicas, vienen grandes, tallan, estrecho, estrecha, ancho, me sirve, talla mas, "
            "talla menos, ancha, anchas, anchos, pie ancho, elastico, elastica, cadera, caderas, empeine, "
            "valen para botas, valen para mis, sirven para mis, sirve para un, sirve para una, vale para un, "
            "vale para una, compatible con, caben, cabe, cabemos, cabria, caberian, entra en la, entra en "
            "el, entran en la, entran en el, {size} europeo, {size} en europa, le vale, le valdra, le "
            "valdria, bastante grande, suficientemente grande, lo bastante grande, "
            "entra en un, entra en una, entran en un, entran en una, cabe en un, cabe en una, caben en, en "
            "el bolsillo, en un bolsillo, en la mochila, lo mismo que una cama, igual que una cama, igual a "
            "una cama, lo mismo que un colchon, matrimonio {nationality}, cama {nationality}, medida "
            "{nationality}, medidas {nationality}, para * de {measure}, por la nariz, de la nariz, se "
            "resbalan, se me resbalan, sujetaran mejor, sujetan mejor, quedaran mejor, para un nino de "
            "{size}, para una nina de {size}, a un nino de {size}, a una nina de {size}, {size} o de "
            "{size}, de {size} o {size}, que tamano, plumin, plumines, letra pequena, letra chica, para "
            "{size} fotos"
            ", demasiado grande, demasiado pequeno, demasiado pequena, "
            "medidor de anillos, medidor de anillo, ligera o media, ligero o medio, media o fuerte, "
            "medio o fuerte, suave o media, cuadro {size}, la muneca de, muneca fina, muneca gruesa, "
            "queen o * king, king o * queen, escalera de {size}, silla de coche para, mondopoint, "
            "{size} adultos, {size} adultas, somos {size}, porciones, "
            "raciones, comilones, de buen comer, funda sirve, fundas sirven, funda le va, funda va, "
            "funda vale, carcasa sirve, carcasa le va, carcasa vale, funda de {size} pulgadas, "
            "carcasa de {size} pulgadas"
            ", placa pequena, fuego pequeno, hornilla pequena, zona pequena, mi cama es de {size}, "
            "mi cama es {size}"
        ),
        "fr": _terms(
            "taille, tailles, pointure, mesures, guide des tailles, taille petit, taille grand, entre * "
            "{size}, {size} ou {size}, entre deux tailles, je fais du, je fais un, je chausse, chausse, "
            "ajuste, ample, coupe, serre, serree, oversize, plus grand, plus petit, taille au dessus, taille "
            "en dessous, longue, longueur, manches, tour de poitrine, tour de taille, ca taille, je mets du, "
            "je mets un, je porte du, je porte un, pied large, pieds larges, pied tres large, pieds tres "
            "larges, taillent, taillent grand, taillent petit, chaussent, chausse grand, chausse petit, "
            "extensible, hanches, mollets, assez long, assez longue, trop long, trop longue, trop court, "
            "trop courte, trop serre, trop serree, convient a un, convient a une, convient il a, compatible "
            "avec, lui va, me va, s adaptent a, s adapte a, trop grand, trop grande, trop petit, trop "
            "petite, {size} europeen, {size} en europe, passe par la porte, porte, sous les combles, sous "
            "pente, {size} suffit, {size} suffira, assez grand, assez grande, assez grands, assez grandes, "
            "suffisamment grand, suffisamment grande, va sur un, va sur une, vont sur un, vont sur une, "
            "rentre dans, rentrent dans, tient dans, dans une poche, pareil qu un lit, meme "
            "chose qu un lit, comme un lit, equivaut a un lit, correspond a un lit, double {nationality}, "
            "lit {nationality}, taille {nationality}, tailles {nationality}, sur * de {measure}, pour * de "
            "{measure}, sur le nez, du nez, tiendront mieux, tiennent mieux, tiendra mieux, pour un enfant "
            "de {size}, pour une fille de {size}, pour un garcon de {size}, a un enfant de {size}, largeur, "
            "largeurs, quelle hauteur, hauteur de rideau, hauteur des rideaux, pour une tringle, tringle a, "
            "petite ecriture, ecriture fine, ef ou f, pour {size} photos"
            ", passe sous, rentre sous, tient sous, cm tient sur, cm tiennent sur, "
            "baguier, baguiers, leger ou moyen, legere ou moyenne, moyen ou fort, moyenne ou forte, "
            "cadre {size}, mon poignet, tour de poignet, combien de long, "
            "queen ou * king, king ou * queen, cage d escalier, siege auto pour, mondopoint, "
            "{size} adultes, gros mangeurs, "
            "on est {size}, nous sommes {size}, portions, coque va, coque va sur, "
            "etui va, etui va sur, housse va, housse va sur, etui {size} pouces, housse {size} pouces, "
            "coque {size} pouces"
            ", petit feu, petit foyer, petite plaque, mon lit fait {size}, mon lit est un {size}"
        ),
        "de": _terms(
            "grosse, grossen, passform, passt, grossentabelle, fallt klein, fallt gross, klein aus, gross "
            "aus, konfektionsgrosse, groesse, groessen, passt mir, zwischen * {size}, {size} oder {size}, "
            "fallt * klein, fallt * gross, fallt * aus, fallen * aus, wie fallt, eng, weit, geschnitten, "
            "sitzt, tailliert, lang genug, wie lang ist, nummer grosser, nummer kleiner, oversized, "
            "brustumfang, bund, ich trage, trage * {size}, sonst immer, kindergrosse, schuhgrosse, breite "
            "fusse, breite, breiten, breit, schmal, dehnbar, hufte, huften, waden, zu lang, zu kurz, zu eng, "
            "zu weit, passen * ins, passen * in, passen * mit, passt * ins, passt * rein, passen * rein, "
            "reinpassen, wie lang sind, armellange, durch die tur, dachschrage, {size} eu, {size} uk, reicht "
            "das, reicht die, reicht der, reicht * in {size}, gross genug, grosse genug, wischerlange, "
            "lange fur einen, lange fur eine, ringgrosse, "
            "geht * in eine, geht * in einen, gehen * in eine, hosentasche, jackentasche, manteltasche, "
            "{nationality} doppelbett, {nationality} bett, {nationality} grosse, {nationality} grossen, auf "
            "* {measure}, fur * {measure}, von der nase, rutscht mir, rutschen mir, sitzen * besser, sitzt "
            "* besser, sitzen besser, sitzt besser, fur einen {size} jahrigen, fur eine {size} jahrige, fur "
            "ein {size} jahriges, was fur einen {size}, was fur eine {size}, vorhanglange, gardinenlange, "
            "welche lange, welche hohe, handschrift, ef oder f, fur {size} fotos, fur {size} bilder, "
            "ringmassband, ringmass, leicht oder mittel, mittel oder schwer, mittel oder stark, "
            "rahmen in {size}, rahmengrosse, mein handgelenk, handgelenk hat, handgelenkumfang, "
            "queen oder * king, king oder * queen, treppenhaus, kindersitz fur, mondopoint, "
            "{size} erwachsene, "
            "wir sind {size}, portionen, portionsgrosse, grosse esser, "
            "pass ich, passe ich, geht * hulle auch, geht * hulle furs, geht * hulle aufs, "
            "{size} zoll hulle, {size} zoll case"
            ", kleine platte, kleinen platte, kleine herdplatte, kleinen herdplatte, mein bett ist {size}"
        ),
        "it": _terms(
            "taglia, taglie, misura, misure, vestibilita, tabella taglie, veste piccolo, veste grande, veste "
            "piccola, veste bene, veste largo, veste stretto, vestono piccolo, vestono grande, vestono "
            "piccole, vestono bene, vestono larghi, vestono stretti, calzata, tra * {size}, {size} o {size}, "
            "aderente, largo, larga, stretto, stretta, lungo, lunga, quanto e lungo, quanto e largo, chi "
            "porta, mi sta, ti sta, sono una, sono un, tirano, petto, spalle, oversize, regolare, taglia "
            "sopra, taglia sotto, calzano, calza grande, calza piccolo, abbastanza lunghi, abbastanza "
            "lunghe, elasticizzato, elasticizzata, fianchi, polpaccio, troppo lungo, troppo lunga, troppo "
            "corto, troppo corta, troppo stretto, troppo stretta, compatibile con, va bene per un, va bene "
            "su, vanno bene per i miei, vanno bene per scarponi, vanno bene per gli scarponi, entra nel, "
            "entra nella, entrano nel, entrano nella, ci sta dentro, ci entra, ci entrano, ci stiamo, {size} "
            "italiano, {size} europeo, che numero e, passa dalla porta, passa da * porta, sotto la mansarda, "
            "{size} di scarpe, basta per un, basta per una, serve la {size}, serve il {size}, "
            "abbastanza grande, abbastanza grandi, grande abbastanza, grandi abbastanza, lunghezza, "
            "ci sta in, ci sta nella, ci sta nel, entra in un, entra in una, entra in uno, entrano in un, "
            "entrano in una, in tasca, nella tasca, in una tasca, nello zaino, matrimoniale {nationality}, "
            "letto {nationality}, misura {nationality}, misure {nationality}, su * {measure}, per * "
            "{measure}, sul naso, dal naso, stanno meglio, calzano meglio, a un bimbo di {size}, a una "
            "bimba di {size}, per un bimbo di {size}, per una bimba di {size}, a un bambino di {size}, a "
            "una bambina di {size}, per un bambino di {size}, per una bambina di {size}, pennino, pennini, "
            "scrittura piccola, per {size} foto, vestono piccoli, vestono grandi"
            ", troppo grande, troppo piccolo, troppo piccola, "
            "misuratore per anelli, misuratore di anelli, misura anelli, leggero o medio, leggera o "
            "media, medio o forte, media o forte, sta su un, sta su una, stanno su un, stanno su una, "
            "telaio {size}, telaio in {size}, mio polso, il polso di, polso sottile, "
            "queen o * king, king o * queen, tromba delle scale, seggiolino auto per, mondopoint, "
            "{size} adulti, siamo in {size}, "
            "siamo {size}, porzioni, mangiano tanto, mangiano molto, "
            "cover va bene per, cover va bene su, cover va sul, cover va sulla, custodia va bene per, "
            "custodia va sul, custodia va sulla, custodia da {size} pollici, cover da {size} pollici"
            ", fuoco piccolo, fornello piccolo, piastra piccola, il mio letto e da {size}, piazza e mezza"
        ),
        "pt": _terms(
            "tamanho, tamanhos, medidas, tabela de medidas, fica pequeno, fica grande, numeracao, veste bem, "
            "veste pequeno, veste grande, veste justo, veste largo, vestem pequeno, vestem grande, forma "
            "pequena, forma grande, entre * {size}, {size} ou {size}, cabe, quem usa, usa * {size}, uso * "
            "{size}, calco, justo, justa, justinho, folgado, folgada, larga, largo, apertado, apertada, "
            "numero maior, numero menor, comprimento, mangas, modelagem, serve em, oversized, veste "
            "certinho, pe largo, estica, quadril, panturrilha, comprido, comprida, tronco, forma grande, "
            "forma pequeno, fica curta, fica curto, muito comprida, muito comprido, serve num, serve numa, "
            "serve para um, serve para uma, compativel com, {size} brasileiro, {size} europeu, {size} na "
            "europa, que numero e, passa pela porta, porta, grande o suficiente, grande o bastante, grande "
            "suficiente, "
            "no bolso, num bolso, na mochila, vai na mochila, vai no bolso, casal {nationality}, cama "
            "{nationality}, medida {nationality}, medidas {nationality}, da num, da numa, do nariz, no "
            "nariz, para uma crianca de {size}, para um menino de {size}, para uma menina de {size}, a uma "
            "crianca de {size}, {size} ou de {size}, de {size} ou {size}, pena ef, pena f, letra pequena, "
            "letra miuda, para {size} fotos, "
            "entra na caixa, entra na mochila, entra na bolsa, entra na mala, entra no bolso, "
            "medidor de anel, medidor de aneis, leve ou medio, leve ou media, medio ou forte, "
            "media ou forte, quadro {size}, meu pulso, pulso de, pulso fino, "
            "queen ou * king, king ou * queen, escada de {size}, cadeirinha pra, cadeirinha para, "
            "mondopoint, {size} adultos, "
            "somos {size}, porcoes, "
            "caibo, capinha serve, capa serve, capinhas servem, capas servem, "
            "capa de {size} polegadas, capinha de {size} polegadas"
            ", boca pequena, bocas pequenas, grandes ou pequenos, grande ou pequeno, grandes ou pequenas, "
            "grande ou pequena, minha cama e de {size}, casal ou {size}, {size} ou casal, solteiro ou casal, "
            "casal ou solteiro"
        ),
        "nl": _terms(
            "maat, maten, pasvorm, maattabel, afmetingen, valt klein, valt groot, valt het klein, valt het "
            "groot, te klein, te groot, welke maat, maatadvies, uitvallen, tussen * {size}, {size} of "
            "{size}, valt * klein, valt * groot, valt * ruim, valt * smal, valt * normaal, ruim, krap, smal, "
            "maat groter, maat kleiner, hoe lang is, lengte, oversized, borstomvang, gesneden, ik draag, "
            "draag * {size}, meestal {size}, past dit, past dat, past het, past de, past me, past mij, past "
            "hij op, past deze op, past * op een, mouwen, lang genoeg, schoenmaat, van maat, zit * strak, te "
            "strak, vallen * klein, vallen * groot, vallen * ruim, brede, breed, rekbaar, heupen, kuiten, "
            "passen ze, passen de, passen die, te lang, te kort, te krap, past mijn, past er, passen er, "
            "passen * in, in liggen, erin liggen, erin passen, ruimte voor, plek voor, hoe lang zijn, door "
            "de deur, schuin dak, schuine wand, klein uit, groot uit, ringmaat, hoe meet ik, "
            "gaat * in een, gaan * in een, jaszak, broekzak, in de zak, {nationality} tweepersoonsbed, "
            "{nationality} bed, {nationality} maat, {nationality} maten, om * van {measure}, op * van "
            "{measure}, van mijn neus, van de neus, zakt van, zakt steeds, zakken van, zitten * beter, zit "
            "* beter, zitten beter, voor een kind van {size}, geschikt voor een kind, penpunt, handschrift, "
            "voor {size} fotos, "
            "voor * van {measure}, welk formaat, welke afmeting, "
            "ringmeter, ringmaatmeter, licht of medium, licht of middel, medium of zwaar, medium of sterk, "
            "frame in {size}, framemaat, vensterbank van {size}, mijn pols, pols van, pols is, "
            "queen of * king, king of * queen, trappenhuis, autostoeltje voor, mondopoint, "
            "{size} volwassenen, "
            "grote eters, porties, pas ik, {size} inch hoes, {size} inch hoesje"
            ", kleine pit, kleinste pit, kleine kookplaat, mijn bed is {size}"
        ),
    },
    "stock": {
        "en": _terms(
            "in stock, stock, available, availability, sold out, restock, still have, any left, still got, "
            "any * left, have left, theres * left, left in, still there, still get, any more, more coming, "
            "coming back, come back, be back, its back, back in, gone for good, other colours, other colors, "
            "in {colour}, in {size}, out of stock, restocking, in size {size}, more {size}, does it come in, "
            "come in {colour}, come in {size}, come in other, still around, {colour} left, {colour} one "
            "back, one back, kids version, childrens version, junior version, version for, a version, do you "
            "do the, do you do a, do you do one, do you do them, do you make one, with wheels, with a "
            "shoulder strap, with shoulder strap, another colour, another color, other than, pack of, {size} "
            "pack, made in {size}, in a {size}, in an {size}, in {measure}, in {size} {unit}, with {size} "
            "{capacity}, {size} {unit} version, shade {size}, shade {measure}, in shade, travel size, travel "
            "sized, mini size, super king, in king, in queen, uk plug, eu plug, us plug, european plug, "
            "swiss plug, brazilian plug, australian plug, american plug, spare, spares, spare parts, more of "
            "* in, inner tube, inner tubes, or only {colour}, or just {colour}, only in {colour}, whole "
            "beans, whole bean, as beans, {measure} version, have * in a size {size}, "
            "{colour} in a size {size}, {colour} in size {size}, "
            "in light {colour}, in dark {colour}, in pale {colour}, in bright {colour}, "
            "alcohol free, non alcoholic, without alcohol, version without, one without, vegetarian "
            "version, veggie version, vegan version, {nationality} keyboard, {nationality} layout, keyboard "
            "layout, azerty, qwertz, qwerty, have that many, got that many, that many in stock, or only "
            "{size}, or just {size}, "
            "free version, "
            "do you have * without, have you got * without, do you do * without"
            ", left handed, left-handed, lefthanded, for lefties"
            ", {nationality} plug"
            ", do you have the, do u have the, have you got the, is * back, are * back, have * again, "
            "do you have {measure}"
            # a release and a pre-order ("when is it out? can I preorder?"), an edition in a language
            ", can i preorder, can i pre order, can we preorder, can you preorder, when is * out, "
            "when does * come out"
        ),
        "es": _terms(
            "disponible, disponibles, agotado, agotada, hay existencias, stock, les queda, les quedan, os "
            "queda, os quedan, todavia tienen, aun tienen, todavia hay, aun hay, siguen teniendo, lo tienen "
            "en, la tienen en, los tienen en, lo tienen todavia, queda en, quedan en, tienen * todavia, "
            "tienen * aun, hay en, hay del, hay en {colour}, en {colour}, queda alguna, queda algun, "
            "reponer, reposicion, vuelvan a tener, vuelva a tener, volvera, ya no lo venden, otros colores, "
            "mas colores, tienen mas, unidades, disponibilidad, se acabo, se agoto, agoto, cuantas quedan, "
            "quedan unidades, en talla {size}, cuando vuelve, cuando vuelven, volvereis a tener, volver a "
            "tener, vais a sacar, teneis mas, tendreis mas, version para, version de, version infantil, pack "
            "de, paquete de, en pack, con ruedas, con ruedecitas, con bandolera, con correa, otro color, en "
            "otro color, en {measure}, en {size} {unit}, de {size} {capacity}, tono {measure}, tono {size}, "
            "tamano de viaje, formato de viaje, formato viaje, en tamano {size}, enchufe ingles, enchufe "
            "britanico, enchufe suizo, enchufe brasileno, enchufe europeo, enchufe americano, repuesto, "
            "repuestos, recambio, recambios, lo teneis en, la teneis en, los teneis en, las teneis en, en "
            "grano, o solo {colour}, tienen * en la talla {size}, {colour} en la talla {size}, {colour} en "
            "talla {size}, "
            "sin alcohol, lo tienen sin, la tienen sin, los tienen sin, lo teneis sin, la teneis sin, lo "
            "hay sin, la hay sin, version sin, version vegetariana, version vegana, teclado {nationality}, "
            "teclado en {nationality}, con teclado, tienen tantas, tienen tantos, teneis tantas, teneis "
            "tantos, hay tantas, hay tantos, o solo de {size}, o solamente de {size}, la hay "
            "de, lo hay de, los hay de, las hay de"
            ", quedan, tienen de nuevo, teneis de nuevo, hay de nuevo, tienen otra vez, hay otra vez"
            ", enchufe {nationality}"
            ", tienen el, tienen la, tienen los, tienen las, teneis el, teneis la, teneis los, teneis las, "
            "tenes el, tenes la, tenes los, tenes las, viene en cuero, viene en piel, vienen en cuero, "
            "vienen en piel"
            ", hay preventa, tienen preventa, se puede reservar, puedo reservar, reabastecen, reabastecer, "
            "reabastecimiento"
        ),
        "fr": _terms(
            "en stock, stock, disponible, disponibles, rupture, epuise, reassort, dispo, dispos, rupture de "
            "stock, avez encore, l avez encore, l avez en, les avez en, l avez toujours, avez toujours, vous "
            "reste, il reste, il en reste, en reste, encore en, autres couleurs, existe en, en {colour}, "
            "plus de {size}, revient, il revient, refaites, refaire, encore le, y a encore, en rupture, en "
            "taille {size}, va revenir, revenir, reviendra, reviendront, en recevez, en aurez, reviennent "
            "quand, quand reviennent, reviennent en stock, version enfant, version pour, existe avec, existe "
            "pour, avec des roulettes, avec roulettes, a roulettes, avec bandouliere, pack de, lot de, autre "
            "couleur, en {measure}, en {size} {unit}, de {size} {capacity}, avec {size} {capacity}, teinte "
            "{measure}, teinte {size}, en teinte, format voyage, taille voyage, format mini, prise anglaise, "
            "prise uk, prise suisse, prise bresilienne, prise europeenne, prise americaine, pieces "
            "detachees, piece detachee, chambre a air, chambres a air, recevez d autres, recevrez d autres, "
            "aurez d autres, en grains, ou seulement en {colour}, ou juste en {colour}, avez * en {size}, "
            "{colour} en {size}, {colour} en taille {size}, "
            "sans alcool, l avez sans, les avez sans, existe sans, version sans, version vegetarienne, "
            "version vegane, clavier {nationality}, azerty, qwerty, qwertz, en avez autant, avez autant, ou "
            "seulement {size}, ou seulement de {size}, ou juste {size}"
            ", prise {nationality}"
            ", vous avez les, vous avez le, vous avez la, vous avez l, aurez de nouveau, "
            "de nouveau en stock, reapprovisionnez, reapprovisionner, reapprovisionnement, reappro, epuisee"
            ", peut precommander, peux precommander"
        ),
        "de": _terms(
            "auf lager, lager, verfugbar, vorratig, ausverkauft, lieferbar, wieder da, wieder verfugbar, "
            "nicht mehr da, noch da, noch zu haben, noch vorhanden, habt ihr noch, haben sie noch, gibt es "
            "noch, gibts noch, noch erhaltlich, erhaltlich, habt ihr * noch, haben sie * noch, hast du * "
            "noch, gibt es * noch, gibts * auch, gibt es * auch, habt ihr * auch, in {colour}, nochmal rein, "
            "wieder rein, nachproduziert, neue ware, noch kaufen, noch welche, andere farben, noch stuck, "
            "nachschub, noch in {size}, ist weg, gibts * wieder, gibt es * wieder, wieder lieferbar, in "
            "grosse {size}, kommt * wieder, wird es * nochmal geben, kommt * nochmal, nochmal geben, wieder "
            "geben, kommen * wieder, endgultig weg, neue rein, sind noch, gibts * nicht mehr, gibt es * "
            "nicht mehr, kinderversion, version fur, gibts * mit, gibt es * mit, mit rollen, mit "
            "schultergurt, mit tragegurt, er pack, erpack, andere farbe, anderen farbe, in {measure}, in "
            "{size} {unit}, farbton {measure}, farbton {size}, reisegrosse, reiseformat, ersatzteil, "
            "ersatzteile, schlauche, uk stecker, schweizer stecker, englischem stecker, englischer stecker, "
            "wieder * rein, bekommt ihr * rein, kriegt ihr * rein, lagernd, wieder lagernd, ganze bohne, "
            "ganze bohnen, als bohne, als bohnen, "
            "ohne alkohol, alkoholfrei, alkoholfreie, alkoholfreien, vegetarische variante, vegane "
            "variante, vegetarische version, vegane version, variante ohne, version ohne, habt ihr * ohne, "
            "gibt es * ohne, gibts * ohne, {nationality} tastatur, tastaturlayout, qwertz, azerty, habt ihr "
            "so viele, haben sie so viele, gibt es so viele, oder nur mit {size}, oder nur {size}, oder nur "
            "in {size}"
            ", {nationality} stecker, mit {nationality} stecker"
            ", habt ihr die, habt ihr den, habt ihr das, haben sie die, haben sie den, haben sie das, "
            "hast du die, hast du den, hast du das, fullt ihr * auf, fullt ihr * wieder auf, auffullen, "
            "aufgefullt"
            ", kann man vorbestellen, kann ich vorbestellen, wann erscheint, wann erscheinen, auf deutsch, "
            "auf englisch, auf {nationality}"
        ),
        "it": _terms(
            "disponibile, disponibili, disponibilita, esaurito, esaurita, magazzino, ancora disponibile, "
            "torna disponibile, tornera disponibile, avete ancora, l avete ancora, ce l avete, l avete in, "
            "ne avete ancora, avete * ancora, c e ancora, ce ancora, ne sono rimasti, ne rimangono, e "
            "rimasto, rifornite, rifornimento, riassortimento, altri colori, fate anche, anche in, in "
            "{colour}, e finito, in vendita, esiste in, c e la {size}, c e anche, pezzi, rimasti, quando "
            "torna, torna, tornera, in taglia {size}, rifarete, rifate, ne arrivano, ci sono ancora, non c e "
            "piu, quando tornano, tornano disponibili, torneranno, versione per, versione bambino, versione "
            "bambini, esiste con, c e con, con le ruote, con ruote, con rotelle, con tracolla, confezione "
            "da, altro colore, un altro colore, in {measure}, nella {measure}, da {measure}, da {size} "
            "{capacity}, in {size} {unit}, tonalita {measure}, tonalita {size}, nella tonalita, formato "
            "viaggio, formato da viaggio, spina inglese, spina svizzera, spina brasiliana, spina europea, "
            "spina americana, ricambi, ricambio, camera d aria, camere d aria, in grani, c e pure {colour}, "
            "c e pure in, o solo {colour}, avete * nella {size}, {colour} nella {size}, "
            "{colour} nella taglia {size}, rientra, rientrano, rientrera, rientreranno, "
            "senza alcol, analcolico, analcolica, c e senza, l avete senza, lo avete senza, la avete senza, "
            "versione senza, versione vegetariana, versione vegana, tastiera {nationality}, avete cosi "
            "tanti, avete cosi tante, ne avete cosi, o solo da {size}, avete * {colour}"
            ", spina {nationality}"
            ", avete il, avete la, avete lo, avete l, avete i, avete gli, avete le, avete dei, avete delle, "
            "avete degli, avete quelle, avete quelli, avete quella, avete quello, c e in, avrete di nuovo, "
            "avrete ancora, di nuovo disponibile"
            ", si puo preordinare, posso preordinare, quando esce, quando escono"
        ),
        "pt": _terms(
            "disponivel, disponiveis, estoque, esgotado, esgotada, tem em estoque, ainda tem, ainda tem em, "
            "tem * ainda, ainda ha, ainda temos, ainda resta, ainda restam, tem na cor, vcs tem em, voces "
            "tem em, tem no, tem na, tem em, no {colour}, em {colour}, outras cores, repor, reposicao, "
            "acabou, sobrou, sobraram, unidades, quando voltar, volta quando, volta ao estoque, tem mais, "
            "existe em, pronta entrega, tem o {size}, no tamanho {size}, vai voltar, vao voltar, voltar, "
            "chegar mais, vai chegar mais, quando volta, quando voltam, versao infantil, versao para, tem "
            "com, com rodinhas, com rodas, com alca, pacote com, pacote de, kit com, outra cor, em "
            "{measure}, de {size} {capacity}, em {size} {unit}, com {size} {capacity}, tom {measure}, tom "
            "{size}, em tamanho {size}, tamanho de viagem, tamanho viagem, plugue suico, plugue ingles, "
            "plugue europeu, plugue americano, plugue brasileiro, tomada suica, tomada inglesa, tomada "
            "europeia, tomada americana, pecas de reposicao, peca de reposicao, em grao, em graos, ou so "
            "{colour}, tem * em inox, tem * em ouro, tem * em prata, tem * em aco, tem * em couro, "
            "sem alcool, tem * sem, tem sem, versao sem, versao vegetariana, versao vegana, teclado "
            "{nationality}, tem tantos, tem tantas, ou so de {size}, ou so {size}"
            ", ficha {nationality}, tomada {nationality}, plugue {nationality}"
            ", voces tem o, voces tem a, voces tem os, voces tem as, vcs tem o, vcs tem a, vcs tem os, "
            "vcs tem as, cor {colour}, ter de novo, tem de novo, de novo em estoque"
            ", tem pre venda, fazer pre venda, tem prevenda, quando lanca, tem * em {nationality}, edicao em"
        ),
        "nl": _terms(
            "op voorraad, voorraad, beschikbaar, uitverkocht, leverbaar, weer op voorraad, weer binnen, "
            "hebben jullie nog, heb je nog, heeft u nog, hebben jullie * nog, heb je * nog, heeft u * nog, "
            "nog verkrijgbaar, verkrijgbaar, nog te krijgen, nog te koop, zijn er nog, nog terug, aangevuld, "
            "aanvullen, andere kleuren, in het {colour}, in {colour}, ook in, nog ergens, nog bestellen, "
            "bestaat * in, laatste stuks, stuks, nog in {size}, terugkomen, weer terug, in de winkel, nog "
            "binnen, krijgen * binnen, heb je * ook, in maat {size}, komt * terug, komen * terug, komt * "
            "weer, er weer, voorgoed weg, er nog, nieuwe binnen, er niet meer, kinderversie, versie voor, "
            "andere versie, met wieltjes, met schouderband, met schouderriem, andere kleur, per 10, pak van, "
            "in {measure}, ook in {size} {unit}, in {size} {unit}, van {size} {capacity}, met {size} "
            "{capacity}, tint {measure}, tint {size}, reisformaat, reisverpakking, engelse stekker, britse "
            "stekker, zwitserse stekker, braziliaanse stekker, onderdelen, reserveonderdelen, remblokken, "
            "binnenband, binnenbanden, in bonen, hele bonen, of alleen {colour}, {size} {unit} versie, "
            "{measure} versie, "
            "zonder alcohol, alcoholvrij, alcoholvrije, ook zonder, vegetarische versie, vegetarische "
            "variant, veganistische versie, versie zonder, is er * zonder, {nationality} toetsenbord, "
            "azerty, qwerty, hebben jullie er zoveel, er zoveel, zoveel op voorraad, of alleen van {size}, "
            "of alleen {size}, "
            "hebben jullie * zonder, heb je * zonder"
            ", {nationality} stekker"
            ", hebben jullie de, hebben jullie het, heb je de, heb je het, heeft u de, heeft u het, "
            "vullen jullie * aan"
            ", kan ik voorbestellen, kan ik reserveren, komt * uit, in het {nationality}"
        ),
    },
    "order_status": {
        "en": _terms(
            "order status, my order, tracking, track, tracking number, where is my package, wheres my "
            "package, my package, my parcel, ordered, i ordered, my stuff, says delivered, shows delivered, "
            "marked delivered, marked as delivered, already bought, hasnt arrived, has not arrived, not "
            "arrived, never arrived, never came, havent received, not received, never received, shipping "
            "update, shipping confirmation, ship yet, shipped yet, did it ship, has it shipped, i paid, paid "
            "on, order {number}, order number {number}, placed an order, placed my order, placed the order, "
            "in transit, stuck in, still waiting for my, still waiting on my, still waiting on the, still "
            "waiting for the, nothing yet, still nothing, heard nothing, wrong address, wrong postcode, "
            "wrong zip, wrong zip code, wrong postal code, wrong house number, change the address, change my "
            "address, correct the address, fix the address, update the address, update my address, has it "
            "gone out, gone out yet, has it been sent, been sent yet, has it been dispatched, been "
            "dispatched yet, in preparation, being prepared, new one been sent, new order been sent, "
            "printed yet, been printed, already printed, did you print, print it yet, printed it yet"
            ", our order, our orders, the status of, status of my, status of the new, no news, "
            "had no news, no news since"
            # short and bare: "parcel still not here", "not here yet", "still hasnt come"
            ", still not here, not here yet, still isnt here, still hasnt come, hasnt come yet, "
            "still not come"
        ),
        "es": _terms(
            "mi pedido, rastrear, seguimiento, numero de guia, estado del pedido, mi paquete, numero de "
            "seguimiento, rastreo, hice un pedido, hice el pedido, mi compra, lo que pedi, pedi, compre, no "
            "me ha llegado, no me llego, no ha llegado, no llega, aun no llega, todavia no llega, entregado, "
            "ya lo enviaron, ya salio, ya lo mandaron, pague, pedido {number}, sin noticias, ha salido, "
            "ha salio, esta pagado, parado desde, ya pague, ya la pague, ya lo pague, puse mal, "
            "codigo postal mal, codigo postal equivocado, direccion equivocada, direccion mal, corregir la "
            "direccion, cambiar la direccion, numero de casa equivocado, en preparacion, sigue en "
            "preparacion, "
            "ya imprimieron, ya lo imprimieron, ya la imprimieron, ya esta impreso, ya esta impresa, ya "
            "despacharon, ya lo despacharon, ya fue despachado, ya fue expedido"
            ", nuestro pedido, pedido sin querer, pedido por error, pedido por equivocacion, "
            "en que estado esta el, en que estado esta mi, en que estado va, estado del nuevo, "
            "no he tenido noticias, no tuve noticias, no tengo noticias, ninguna noticia, "
            "realice una compra, realice un pedido, realice el pedido"
        ),
        "fr": _terms(
            "ma commande, suivi, suivre, numero de suivi, suivi de commande, ou est mon colis, mon colis, ou "
            "en est ma commande, j ai commande, ce que j ai commande, mon paquet, pas recu, rien recu, "
            "toujours rien, toujours pas recu, jamais arrive, jamais arrivee, jamais recu, perdu, j ai paye, "
            "commande {number}, commande n {number}, est "
            "partie, marque livre, passe commande, passe une commande, en attente, bloque depuis, j attends "
            "toujours, j attends encore, commande passee, commande faite, deja paye, j ai paye, jai paye, "
            "mauvaise adresse, mauvais code postal, trompe d adresse, trompe de code postal, trompe de "
            "numero, corriger l adresse, modifier l adresse, changer l adresse, adresse erronee, "
            "deja imprime, deja imprimee, deja imprimes, deja expedie, deja expediee"
            ", notre commande, effectue une commande, effectue la commande, effectue ma commande, "
            "plus de nouvelles, pas de nouvelles, aucune nouvelle, sans nouvelles, ou en est la nouvelle, "
            "j avais commande, avais commande"
            ", toujours pas arrive, toujours pas arrivee, toujours pas la, pas encore arrive, "
            "pas encore arrivee, pas encore recu, toujours pas livre, toujours pas livree"
        ),
        "de": _terms(
            "meine bestellung, mei bestellung, mei paket, mei packchen, sendungsverfolgung, sendungsnummer, "
            "tracking, bestellstatus, wo ist mein paket, mein paket, wo bleibt, trackingnummer, bestellt, "
            "hab bestellt, habe bestellt, noch nix "
            "bekommen, nichts bekommen, nix bekommen, nicht bekommen, nicht angekommen, kam nie an, nie "
            "angekommen, noch nicht da, nix da, schon verschickt, schon versendet, versandbestatigung, meine "
            "lieferung, mein packchen, bezahlt, zugestellt, bestellung {number}, schon unterwegs, bestellung "
            "aufgegeben, hangt fest, steckt fest, warte immer noch, warte noch auf, nix gekommen, nichts "
            "gekommen, falsche hausnummer, falsche adresse, falsche postleitzahl, falsche plz, adresse "
            "andern, adresse korrigieren, adresse falsch, hausnummer falsch, hausnummer andern, in "
            "bearbeitung, in vorbereitung, "
            "schon gedruckt, bereits gedruckt, schon raus, schon versandt"
            ", unsere bestellung, ned da, no ned da, versehen storniert, versehentlich storniert, "
            "gezahlt, hab gezahlt, habe gezahlt, schon gezahlt, nichts mehr gehort, nix mehr gehort, "
            "keine neuigkeiten, stand der neuen, stand meiner bestellung, bestellung getatigt"
        ),
        "it": _terms(
            "mio ordine, il mio ordine, tracciamento, tracking, stato dell ordine, numero di tracking, il mio"
            " pacco, numero di tracciamento, stato ordine, ho ordinato, ordinato, non e ancora arrivato, mai "
            "arrivato, mai ricevuto, non "
            "e arrivato, non mi e arrivato, ancora arrivato, consegnato, non ho ricevuto, ricevuto nulla, "
            "ricevuto niente, non e passato, ho pagato, ancora aspettando, aspetto ancora, ordine {number}, "
            "numero d ordine {number}, fatto un ordine, fatto l ordine, fermo da, gia pagato, gia partito, "
            "e partito, sbagliato il cap, cap sbagliato, sbagliato l indirizzo, indirizzo sbagliato, "
            "correggere l indirizzo, cambiare l indirizzo, sbagliato il numero civico, numero civico "
            "sbagliato, in preparazione, in lavorazione, "
            "gia stampato, gia stampata, gia stampati, gia spedito, gia spedita"
            ", nostro ordine, ordine per sbaglio, ordine per errore, effettuato un ordine, "
            "effettuato l ordine, non ho piu notizie, nessuna notizia, a che punto e"
            ", ancora non arrivato, ancora non arrivata, non ancora arrivato, non ancora arrivata, "
            "ancora non e arrivato"
        ),
        "pt": _terms(
            "meu pedido, rastreio, rastrear, rastreamento, codigo de rastreio, status do pedido, meu pacote, "
            "comprei, fiz o pedido, fiz um pedido, pedido {number}, ja foi enviado, foi enviado, paguei, "
            "ainda nao chegou, nao chegou, entregue, nao recebi, minha encomenda, despacharam, minha compra, "
            "cade, fiz uma compra, fiz a compra, parado ha, parado faz, endereco errado, morada errada, cep "
            "errado, codigo postal errado, numero da porta errado, numero da porta, corrigir o endereco, "
            "corrigir a morada, alterar a morada, alterar o endereco, mudar o endereco, em preparacao, em "
            "separacao, em processamento, "
            "encomendei, ja imprimiram, ja foi impresso, ja foi impressa, ja esta impresso, foi expedida, "
            "foi expedido, ja expediram, encomenda {number}"
            ", nossa encomenda, nosso pedido, encomenda sem querer, pedido sem querer, "
            "encomenda por engano, pedido por engano, fiz uma encomenda, fiz a encomenda, "
            "nao tive mais noticias, nao tive noticias, sem noticias, nenhuma noticia, acompanho o pedido, "
            "acompanhar o pedido, "
            "acompanhar a encomenda, acompanhar meu pedido"
        ),
        "nl": _terms(
            "mijn bestelling, track en trace, volgen, trackingcode, status bestelling, waar is mijn pakket, "
            "waar blijft, mijn pakket, mijn pakketje, track trace, bestelstatus, besteld, bestelling "
            "{number}, nog niks, niks ontvangen, niet ontvangen, nog niet aangekomen, niet aangekomen, al "
            "verstuurd, al verzonden, al onderweg, staat bezorgd, niks gekregen, nooit gekregen, nooit "
            "aangekomen, nooit is aangekomen, niet "
            "gekregen, mijn order, betaald, wachten op mijn, bezorger is niet, bestelling geplaatst, staat "
            "stil, wanneer komt mijn, wacht nog steeds, wacht nog op, bestelde, niks gekomen, verkeerd "
            "adres, verkeerde adres, verkeerd huisnummer, verkeerde huisnummer, adres wijzigen, adres "
            "aanpassen, adres veranderen, huisnummer aanpassen, huisnummer wijzigen, in behandeling, in "
            "voorbereiding, "
            "al gedrukt, al de deur uit"
            ", onze bestelling, niet toegekomen, per ongeluk geannuleerd, bestelling gedaan, "
            "niets meer gehoord, niks meer gehoord, geen nieuws"
            ", nog niet binnen, nog steeds niet binnen, nog altijd niet binnen, nog steeds niet aangekomen, "
            "nog steeds niks, nog niet geleverd, nog steeds niet geleverd, nog niet bezorgd"
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
# word rescues it ("unless"), or only counts when no word before ("after") or after it ("before") spoils it:
# French "sale" is dirty and "code" is "code postal" unless "promo" or a code ("HIVER10") is next to it;
# Spanish "sale" is "goes out" and "envío" after a pronoun is "I send" ("te envío el número"); Dutch
# "postcode" is a postal code, not postage; French "envoie" after a pronoun is "I send" ("je vous envoie une
# photo"); German "Ende" is the end of anything ("Ende der Woche"), not the English keyword "end"; Italian
# "sale" is salt and "porto" "I carry", Portuguese "Porto" the city ("loja física no Porto"); French "je
# reviens vers vous" is the shopper coming back, not stock; "cuando llegue a casa", "quando voltar pra casa",
# "quando torno a casa" and "en arrivant" are the shopper arriving or coming home ("before": spoiled by one of
# the next two words), not a delivery or stock coming back.
# A neighbour that rescues "code": a discount code itself, letters and digits ("HIVER10", "10OFF").
A_CODE = "{code}"
_HOME = {
    "es": frozenset({"casa", "hotel", "hostal", "oficina", "trabajo", "curro"}),
    "it": frozenset({"casa", "hotel", "ufficio", "lavoro"}),
    "pt": frozenset({"casa", "hotel", "trabalho", "escritorio", "trampo"}),
}
# Coming back from anywhere, not only home: "cuando vuelva del pueblo", "quando torno dal mare", "quando
# voltar da praia". The place can be any word; the "from" after the verb tells the shopper's return apart
# from stock coming back ("cuando vuelva a estar disponible").
_BACK_FROM = {
    "es": _HOME["es"] | {"del", "de"},
    "it": _HOME["it"] | {"dal", "dalla", "dallo", "dai", "dalle", "da"},
    "pt": _HOME["pt"] | {"da", "do", "das", "dos", "de"},
}
# What a device measures ("does the watch measure heart rate?", "measure body fat") and how a shopper pays
# ("or only with PayPal?"): the words after "measure" or "or only" that make it no fit or stock question.
_MEASURED_BY_A_DEVICE = frozenset(
    _terms(
        "heart, pulse, blood, temperature, steps, sleep, oxygen, body, fat, weight, calories, distance, "
        "speed, glucose, humidity, noise"
    )
)
_PAYMENT_METHODS = frozenset(
    _terms(
        "paypal, card, cash, klarna, apple, google, bank, transfer, cod, karte, kreditkarte, bar, rechnung, "
        "vorkasse, ideal, kaart, pin, contant, creditcard, bancontact"
    )
)
FALSE_FRIENDS: dict[str, dict[str, tuple[str, frozenset[str]]]] = {
    "en": {
        # "do you offer instrument insurance?" offers a service; "what grind size" is the coffee's, not a fit
        "offer": ("after", frozenset({"you", "u", "we", "they", "still"})),
        "size": ("after", frozenset({"grind", "portion", "serving", "file", "font", "screen"})),
        # "does the watch measure heart rate?": what a device measures, not the shopper's measurements
        "measure": ("before", _MEASURED_BY_A_DEVICE),
        "measures": ("before", _MEASURED_BY_A_DEVICE),
        # "pay by card or only with PayPal?": a payment method, not a format in stock ("or only chewable")
        "only": ("before", _PAYMENT_METHODS),
        "just": ("before", _PAYMENT_METHODS),
        # "how many decibels do the ear defenders reduce?": noise reduced, not a price; a price, a total or
        # an "it" near it rescues the discount ("could you reduce the price?", "can you reduce it a bit")
        "reduce": (
            "unless",
            frozenset({"price", "prices", "cost", "total", "bill", "order", "basket", "cart", "it", "that"}),
        ),
    },
    "fr": {
        "sale": ("unless", frozenset()),
        "envoie": ("after", frozenset({"je", "j", "te", "t", "vous", "lui", "leur", "les", "le", "la", "l"})),
        "sales": ("unless", frozenset()),
        "code": (
            "unless",
            frozenset({"promo", "reduction", "remise", "bienvenue", "invalide", "expire", A_CODE}),
        ),
        "reviens": ("unless", frozenset()),
        "envoyez": ("after", frozenset({"m", "me"})),
        "renvoyer": ("after", frozenset({"m", "me", "nous"})),
        "arrivant": ("after", frozenset({"en"})),
        # "mon livre photo", "des livres": a book, not "livré" (delivered)
        "livre": ("after", frozenset({"mon", "ton", "son", "votre", "un", "le", "ce", "du", "au"})),
        "livres": ("after", frozenset({"mes", "tes", "ses", "vos", "nos", "des", "les", "ces"})),
        # "je rentre dans une semaine": the shopper coming back, not a thing fitting into another
        "rentre": ("after", frozenset({"je", "j", "on", "tu"})),
        # "de retour en stock": stock coming back, not a return
        "retour": ("before", frozenset({"stock"})),
        # "une dalle pour la serre": a greenhouse, not "serré" (tight)
        "serre": ("after", frozenset({"la", "une", "ma", "ta", "sa", "votre", "notre", "cette", "petite"})),
        "serres": ("after", frozenset({"les", "des", "mes", "vos", "nos", "ces"})),
    },
    "es": {
        "sale": ("unless", frozenset()),
        "salen": ("unless", frozenset()),
        "salimos": ("unless", frozenset()),
        "salir": ("unless", frozenset()),
        "salio": ("unless", frozenset()),
        "salido": ("unless", frozenset()),
        "salida": ("unless", frozenset()),
        "sales": ("unless", frozenset()),
        "salga": ("unless", frozenset()),
        # "me quedo el negro" (I keep the black one) is not "me queda" (it fits me)
        "quedo": ("unless", frozenset()),
        "salgan": ("unless", frozenset()),
        "saldra": ("unless", frozenset()),
        "saldran": ("unless", frozenset()),
        "envio": ("after", frozenset({"te", "le", "les", "se", "lo", "la", "los", "las", "yo", "os", "ya"})),
        # "¿dan descuento?" (they give) shares its stem with "dañado" (damaged)
        "dan": ("unless", frozenset()),
        # "el coche está en el taller" (a garage) is not "talla"
        "taller": ("unless", frozenset()),
        # "¿el reloj mide el pulso?": what a device measures, not how big it is ("¿cuánto mide el sofá?")
        "mide": (
            "before",
            frozenset({"pulso", "ritmo", "temperatura", "pasos", "sueno", "oxigeno", "tension"}),
        ),
        # "mis nietos se quedan conmigo" (they stay), not "¿quedan globos?" (any left) nor "me quedan chicos"
        # (they fit me small)
        "quedan": ("after", frozenset({"se"})),
        "llegue": ("before", _HOME["es"]),
        # "aquí no llega casi nadie": no carrier comes to the place, not a parcel missing
        "llega": ("before", frozenset({"nadie", "ningun", "ninguno", "ninguna"})),
        "llegar": ("before", _HOME["es"]),
        "vuelva": ("before", _BACK_FROM["es"]),
        "vuelvo": ("before", _BACK_FROM["es"]),
    },
    "de": {
        "ende": ("unless", frozenset()),
        "nur": ("before", _PAYMENT_METHODS),
        # "bis in den 3. Stock": a floor, not stock
        "stock": (
            "after",
            frozenset(
                {
                    "den",
                    "dem",
                    "im",
                    "ersten",
                    "zweiten",
                    "dritten",
                    "vierten",
                    "obersten",
                    "1",
                    "2",
                    "3",
                    "4",
                    "5",
                    "6",
                    "7",
                    "8",
                    "9",
                }
            ),
        ),
        "code": ("unless", frozenset({"rabatt", "gutschein", "rabattcode", "promo", A_CODE})),
    },
    "nl": {
        "postcode": ("unless", frozenset()),
        "alleen": ("before", _PAYMENT_METHODS),
        "volgende": ("unless", frozenset()),
        "volgend": ("unless", frozenset()),
        # "ik ben pas de 12e terug", "het is pas dinsdag": only (not until), not "past" (fits)
        "pas": ("after", frozenset({"ben", "is", "zijn", "was", "waren", "kom", "komt", "het", "dat", "nu"})),
    },
    "it": {
        "sale": ("unless", frozenset()),
        "porto": ("unless", frozenset()),
        # "tracce di frutta a guscio": traces of an allergen, not the tracking of a parcel
        "tracce": ("unless", frozenset()),
        # "l'orologio misura il battito?": what a device measures, not a size
        "misura": (
            "before",
            frozenset({"battito", "frequenza", "pressione", "temperatura", "passi", "sonno"}),
        ),
        "code": ("unless", frozenset({"sconto", "promo", A_CODE})),
        "rimandate": ("after", frozenset({"mi", "ci"})),
        "rimandi": ("after", frozenset({"mi", "ci"})),
        "torno": ("before", _BACK_FROM["it"]),
        "arrivo": ("before", _HOME["it"]),
    },
    "pt": {
        "code": ("unless", frozenset({"desconto", "promo", A_CODE})),
        # "cabo USB-C" is a cable; "caber" (to fit) says "cabe", "caibo", never "cabo"
        "cabo": ("unless", frozenset()),
        "livre": ("unless", frozenset()),
        "porto": ("unless", frozenset()),
        "chegar": ("before", _HOME["pt"]),
        # "chega de dúvida, tem em preto?": enough of it, not an arrival
        "chega": (
            "before",
            frozenset({"duvida", "duvidas", "indecisao", "enrolacao", "enrolar", "pensar", "drama", "papo"}),
        ),
        "chegue": ("before", _HOME["pt"]),
        "voltar": ("before", _BACK_FROM["pt"]),
        # "só volto dia 12": the shopper coming back ("I"), never the stock ("volta")
        "volto": ("unless", frozenset()),
    },
}

# A case, a cover or a sleeve for a device: whether it fits a phone model or a screen size is a fit question,
# even when the shopper writes "compatible" ("la housse est compatible avec la Galaxy Tab S9 ?"), where a
# charger or a cable compatible with a device is not.
DEVICE_COVERS = frozenset(
    _terms(
        "case, cases, cover, covers, sleeve, sleeves, funda, fundas, carcasa, carcasas, coque, coques, etui, "
        "etuis, housse, housses, hulle, hullen, schutzhulle, handyhulle, tablethulle, custodia, custodie, "
        "capa, capas, capinha, capinhas, hoes, hoesje, hoesjes"
    )
)

# Words that tell what a question is about only when nothing more specific is asked. "Refund if it arrives
# broken" asks about a refund, "do you still have it in size 9" about stock: the arrival and the size are the
# circumstances. A context word matches a rule only when no rule matched by its other words; a phrase with a
# slot ("{size}", "{colour}") is always one.
CONTEXT_WORDS: dict[str, frozenset[str]] = {
    "shipping": frozenset(
        _terms(
            "arrive, arrival, get here, how long, in time, get it by, here by, how soon, how fast, come by, "
            "can it get to, will it get to, would it get to, can it reach, will it reach, would it reach, "
            "could it reach, if i order, if i buy, if i buy now, if i order now, get it to me, how many "
            "days, cuantos dias, wie viele tage, quanti giorni, quantos dias, hoeveel dagen, wenn ich heute "
            "kaufe, wenn ich kaufe, mandan, mandan a, llega, llegar, a tiempo, para cuando, lo tengo para, "
            "lo tendria para, me llegaria, llegaria, si compro, si pido, si lo compro, cuanto tarda, tarda "
            "en llegar, arriver, arrive, recevoir, a temps, l aurai, je l aurai, je l ai, en combien de "
            "temps, combien de jours, si je commande, si je l achete, colis, ankommen, rechtzeitig, bis "
            "wann, wann kommt, ist es bis, ist das bis, wann ist es da, wie schnell, habe ich es bis, kommt "
            "das, kommt es, wenn ich heute bestelle, wenn ich jetzt bestelle, wenn ich bestelle, wenn ich "
            "jetzt kaufe, paket, arriva, arrivare, in tempo, per quando, quando arriva, lo ricevo, lo ricevo "
            "entro, ci mette, ci vuole ad arrivare, se ordino, se compro, se lo compro, pacco, chega, "
            "chegar, a tempo, recebo ate, se eu comprar, se eu pedir, se comprar, quanto tempo demora, "
            "demora pra chegar, demora para chegar, aankomen, komt het aan, komt aan, op tijd, hoe snel, "
            "wanneer heb ik, binnen hoeveel dagen, als ik bestel, als ik vandaag bestel, als ik nu bestel, "
            "is het er, in huis, pakket, vor weihnachten, bis weihnachten, vor ostern, bis ostern, "
            "vor nikolaus, voor sinterklaas, voor kerst, voor de kerst, voor pakjesavond, "
            "voor de feestdagen, prima di natale, entro natale, prima di pasqua, "
            # arriving before an event or a day: "come before the marathon", "kommen die vor dem 27."
            "come before, arrive before, be here before, get here before, be there before, by saturday, "
            "by sunday, by monday, by tuesday, by wednesday, by thursday, by friday, by the weekend, "
            "kommen die vor, kommen sie vor, kommen die noch vor, kommt sie vor, kommt es vor, "
            "kommt das vor, chegam antes, chega antes, zijn ze er voor, zijn ze er op tijd, is het er voor, "
            "komen ze voor, komen ze op tijd, komt het voor, leave it at, leave them at, "
            # who takes it when nobody is home, and how it travels: circumstances of a delivery
            "leave it with, leave them with, with a neighbour, with the neighbour, with my neighbour, "
            "with a neighbor, with the neighbor, with my neighbor, nobody home, nobody will be home, "
            "no one home, no one will be home, during transport, during transit, conserjeria, "
            "en porteria, en la porteria, con el vecino, con la vecina, con un vecino, con los vecinos, "
            "al vecino, a la vecina, nadie en casa, durante el transporte, chez le voisin, chez la "
            "voisine, chez un voisin, chez une voisine, chez mon voisin, chez ma voisine, chez les "
            "voisins, chez le gardien, chez la gardienne, personne a la maison, pendant le transport, "
            "durant le transport, kommen * an, beim nachbarn, bei den nachbarn, bei der nachbarin, "
            "beim nachbar, niemand zuhause, niemand zu hause, keiner zuhause, keiner zu hause, "
            "beim transport, wahrend des transports, auf dem transport, al vicino, alla vicina, "
            "dal vicino, dalla vicina, ai vicini, al portiere, in portineria, nessuno in casa, "
            "nessuno a casa, durante il trasporto, com o vizinho, com a vizinha, com um vizinho, "
            "no vizinho, na vizinha, com os vizinhos, na portaria, com o porteiro, ninguem em casa, "
            "durante o transporte, komen * aan, bij de buren, bij de buurman, bij de buurvrouw, "
            "niemand thuis, tijdens transport, tijdens het transport, blijft * gekoeld, "
            + ", ".join(BEFORE_A_DAY.values())
        )
    ),
    "stock": frozenset(
        _terms(
            "back in, left in, hay en, hay del, tienen mas, encore en, encore le, existe en, "
            "gibts * auch, gibt es * auch, habt ihr * auch, anche in, esiste in, torna, tem no, tem na, "
            "tem em, "
            "tem mais, ook in, heb je * ook, "
            "quedan, "
            # having the thing asked about ("do you have the drops for small dogs?"), or it coming in a
            # material: a stock question only when no other topic is asked
            "do you have the, do u have the, have you got the, is * back, are * back, tienen el, tienen la, "
            "tienen los, tienen las, teneis el, teneis la, teneis los, teneis las, "
            "tenes el, tenes la, tenes los, tenes las, vous avez les, vous avez le, vous avez la, "
            "vous avez l, habt ihr die, habt ihr den, "
            "habt ihr das, haben sie die, haben sie den, haben sie das, hast du die, hast du den, "
            "hast du das, avete il, avete la, avete lo, avete l, avete i, avete gli, avete le, avete dei, "
            "avete delle, avete degli, avete quelle, avete quelli, avete quella, avete quello, c e in, "
            "voces tem o, voces tem a, voces tem os, voces tem as, vcs tem o, vcs tem a, vcs tem os, "
            "vcs tem as, hebben jullie de, hebben jullie het, heb je de, heb je het, heeft u de, "
            "heeft u het"
        )
    ),
}

# A narrower topic beats a broader one whatever the rules' priorities: "do I pay return shipping?" asks
# about returns, "has my order shipped?" about an order, "I bought the wrong one, can I send it back?" about
# returns. Two topics joined by "and" are two questions
# ("shipping and returns?"): there the rules' priorities decide. The conjunctions are matched as typed
# (Italian "e" is "and", "è" is "is").
BROADER_THAN: dict[str, tuple[str, ...]] = {
    "shipping": ("returns", "order_status"),
    "order_status": ("returns",),
}
CONJUNCTIONS: dict[str, frozenset[str]] = {
    "en": frozenset({"and", "plus"}),
    "es": frozenset({"y"}),
    "fr": frozenset({"et"}),
    "de": frozenset({"und"}),
    "it": frozenset({"e", "ed"}),
    "pt": frozenset({"e"}),
    "nl": frozenset({"en"}),
}

# Past forms that only a shopper who already bought writes ("comprei", "bestellt", "ordered"), compared as
# written: their stem is also the future's ("se eu comprar", "wenn ich bestelle", "if I order").
# Also words whose stem is another word's: Portuguese "comprido" (long) is stemmed as "comprar", English
# "petite" as French "petit" ("un petit cadeau"), French "port" (postage) as "porte" (a door, "I wear"),
# Portuguese "transportadora" (a carrier firm) and Spanish "transporte", "transportista" as French
# "transport" ("caisse de transport", a pet carrier).
AS_WRITTEN = frozenset(
    _terms(
        "ordered, i ordered, i paid, pedi, compre, pague, ya lo enviaron, ya salio, entregado, j ai "
        "commande, ce que j ai commande, j ai paye, passe commande, passe une commande, bestellt, hab "
        "bestellt, habe bestellt, bezahlt, zugestellt, schon verschickt, schon versendet, ordinato, ho "
        "ordinato, ho pagato, consegnato, comprei, paguei, entregue, despacharam, ja foi enviado, foi "
        "enviado, besteld, betaald, al verzonden, al verstuurd, bestelde, comprido, comprida, petite, port, "
        "transportadora, transporte, transportista, transportistas, encomendei, plumin, plumines, "
        # "gezahlt" (paid) is no form of "zahlen" a shopper asks about
        "gezahlt, hab gezahlt, habe gezahlt, schon gezahlt, "
        # "¿quedan globos?" (any left) is not "me queda" (it fits me), which shares its stem
        "quedan, "
        # "¿tienen el cargador?" (do you have) is not "¿qué batería tiene el…?" (it has)
        "tienen el, tienen la, tienen los, tienen las, tenes el, tenes la, tenes los, tenes las"
    )
)

# The size nouns say "sizing" unless they name a size ("do you still have it in size 9", "se agotó la talla
# 40") or the shopper's own ("out of stock in my size"): then the question is about something else, and the
# size is a context word.
SIZE_NOUNS = frozenset(
    _terms(
        "size, sizes, talla, tallas, taille, tailles, pointure, grosse, grossen, groesse, groessen, taglia, "
        "taglie, misura, tamanho, tamanhos, numero, maat, maten"
    )
)
POSSESSIVES = frozenset(
    _terms("my, your, mi, tu, su, ma, mon, ta, votre, meine, meiner, deine, mia, tua, minha, meu, mijn, je")
)

# What "{size}" and "{colour}" stand for in a lexicon phrase (sizes as numbers are read by the matcher).
SIZE_LABELS = frozenset(
    _terms(
        "xxs, xs, s, m, l, xl, xxl, xxxl, 2xl, 3xl, 4xl, p, g, gg, xg, pp, small, medium, large, mediums, "
        "larges, mt, lt, xlt, xxlt, 2xlt, 3xlt, king, queen, superking, kingsize"
    )
)
# What "{unit}" stands for after a size number ("500 Wh", "50 ml"), and the words that with a size noun name a
# variant of the product rather than the shopper's size ("travel size", "tamaño de viaje", "king size").
UNITS = frozenset(
    _terms(
        "ml, cl, l, litre, litres, liter, liters, wh, kwh, mah, w, watt, watts, v, volt, volts, cm, mm, m, "
        "kg, g, gr, oz, gb, tb, inch, inches, zoll, pollici, polegadas, pouces, duim, kilo, kilos"
    )
)
# Capacity or power ("with 500 Wh", "de 50 ml"), the only units read after "with": "with 15 kg", "mit 2 m"
# are the shopper's weight or room.
CAPACITY_UNITS = frozenset(
    _terms("ml, cl, l, litre, litres, liter, liters, wh, kwh, mah, w, watt, watts, v, volt, volts, gb, tb")
)
SIZE_QUALIFIERS = frozenset(_terms("travel, viaje, voyage, reise, viaggio, viagem, reis, mini, king, queen"))
COLOURS = frozenset(
    _terms(
        "red, blue, green, black, white, pink, grey, gray, navy, beige, brown, yellow, orange, purple, "
        "cream, "
        "khaki, olive, "
        "rojo, roja, azul, verde, negro, negra, blanco, blanca, rosa, gris, marron, amarillo, "
        "rouge, bleu, bleue, vert, verte, noir, noire, blanc, blanche, jaune, violet, kaki, "
        "rot, rote, blau, blaue, grun, grune, schwarz, schwarze, weiss, weisse, grau, graue, braun, gelb, "
        "lila, "
        "rosso, rossa, blu, nero, nera, bianco, bianca, grigio, grigia, marrone, marroni, giallo, viola, "
        "vermelho, vermelha, preto, preta, branco, branca, cinza, marrom, amarelo, roxo, bege, castanho, "
        "castanha, castanhos, castanhas, "
        "rood, rode, blauw, blauwe, groen, groene, zwart, zwarte, wit, witte, roze, grijs, grijze, bruin, "
        "geel, "
        "paars, arancione, arancio, naranja, laranja, oranje, orange, "
        # named shades asked alone: "in anthrazit?", "vert sauge", "verde salvia", "vieux rose"
        "sage, sauge, salvia, anthracite, anthrazit, antracite, antraciet, antracita, mustard, mostaza, "
        "moutarde, senape, mostarda, mosterd, rose, teal, burgundy, "
        # a frame's pattern asked as its colour ("in tortoiseshell", "en carey", "tartarugata"), and "weis",
        # how "weiß" is typed without the ß
        "tortoiseshell, tortoise, carey, ecaille, schildpatt, tartarugata, tartarugato, tartaruga, "
        "schildpad, weis"
    )
)
# What "{nationality}" stands for: a country's adjective, the way a shopper names a national variant of a
# product or a size ("Spanish keyboard", "teclado español", "lit double anglais", "englisches Doppelbett",
# "matrimoniale inglese", "cama de casal inglesa", "Engelse maat"). Not "us" or "eu" ("give us", Portuguese
# "eu", I): "US king", "EU 42" have their own phrases.
NATIONALITIES = frozenset(
    _terms(
        "uk, british, english, american, european, spanish, french, german, italian, portuguese, dutch, "
        "belgian, swiss, brazilian, irish, australian, nordic, scandinavian, "
        "ingles, inglesa, britanico, britanica, americano, americana, estadounidense, europeo, europea, "
        "espanol, espanola, frances, francesa, aleman, alemana, italiano, italiana, portugues, portuguesa, "
        "holandes, holandesa, belga, suizo, suiza, brasileno, brasilena, latinoamericano, latinoamericana, "
        "anglais, anglaise, britannique, americain, americaine, europeen, europeenne, espagnol, espagnole, "
        "francais, francaise, allemand, allemande, italien, italienne, portugais, portugaise, neerlandais, "
        "hollandais, belge, suisse, bresilien, bresilienne, "
        "englisch, englische, englischer, englisches, englischen, britische, britischer, britisches, "
        "britischen, amerikanische, amerikanischer, amerikanisches, amerikanischen, europaische, "
        "europaischer, europaisches, europaischen, spanische, spanischer, spanisches, spanischen, "
        "franzosische, franzosischer, franzosisches, franzosischen, deutsche, deutscher, deutsches, "
        "deutschen, italienische, italienischer, italienisches, italienischen, portugiesische, "
        "portugiesischer, portugiesisches, portugiesischen, niederlandische, niederlandischer, "
        "niederlandisches, niederlandischen, schweizer, belgische, belgischer, belgisches, belgischen, "
        "inglese, inglesi, britannico, britannica, europei, spagnolo, spagnola, francese, tedesco, tedesca, "
        "portoghese, olandese, svizzero, svizzera, brasiliano, brasiliana, "
        "europeu, europeia, espanhol, espanhola, alemao, alema, suico, suica, brasileiro, brasileira, "
        "engels, engelse, brits, britse, amerikaans, amerikaanse, europees, europese, spaans, spaanse, "
        "frans, franse, duits, duitse, italiaans, italiaanse, portugees, portugese, nederlands, "
        "nederlandse, belgisch, zwitsers, zwitserse, braziliaans, braziliaanse"
    )
)
# German and Dutch write a shade and its colour as one word: "Marineblau", "dunkelgrün", "donkerblauw".
_SHADES = (
    "marine",
    "dunkel",
    "hell",
    "oliv",
    "tannen",
    "wein",
    "donker",
    "licht",
    "olijf",
    "leger",
    "navy",
    "salbei",
    "salie",
    "mint",
    "senf",
    # a finish written onto the colour: "mattschwarz", "mattweiss", "matzwart"
    "matt",
    "mat",
)


# German declines a colour before its noun: "in braunem Leder", "mit roten Streifen".
_GERMAN_COLOURS = frozenset(_terms("rot, blau, grun, schwarz, weiss, grau, braun, gelb"))
_GERMAN_ENDINGS = ("em", "en", "er", "es")


def is_colour(word: str) -> bool:
    return (
        word in COLOURS
        or any(word.startswith(shade) and word[len(shade) :] in COLOURS for shade in _SHADES)
        or any(
            word.endswith(ending) and word[: -len(ending)] in _GERMAN_COLOURS for ending in _GERMAN_ENDINGS
        )
    )
