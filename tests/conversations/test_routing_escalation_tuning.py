"""Escalation tuning (issue #16): when a person must answer and when the tone or a cart change only seems to
ask for one.

Written by hand for this work, in fresh words, from the kinds only (no blind set was read):
- a subscription cancelled last month yet charged again, and a wallet payment that keeps failing: a person
  (E), where the router gave the fallback;
- a Shipping, Returns or Availability question after an item taken out of the cart, a rude word said of a
  maybe ("if the battery is crap"), a "forget it" opener, "wrong … by mistake", a checkout left because the
  postage was not shown, a hot city, "enough dithering": the rule, where the router escalated;
- "is this a scam?" stays with a person;
- traps: real anger, real payment failures and cart changes that go with them stay escalations.

A TUNING set: the router was changed against it, so its score says nothing about unseen text.
First run on 09b51b8 (unchanged router): 113/157 (72.0 %), see FIRST_RUN below; after the changes 156/157
(1 known miss). AFTER_CHANGES (written after the first changes) 21/26 on its first run, 24/26 now (2 known
misses outside nlp_intents/nlp_payment). PROBES_AFTER: see its note. The blind sets' accuracy (test_routing_
languages.py, summary lines only) moved only up: sets 17, 31, 33, 37, 53, 54, 55, 57 by 0.3-2.1 points.

Labels as in test_routing_replies_tuning.py: E escalation, S shipping, R returns, A availability, F fallback,
N anything but an acknowledgement.
"""

import pytest

from tests.conversations.test_routing_gaps import route_text  # noqa: F401 (fixture)
from tests.conversations.test_routing_languages import english_rules_store  # noqa: F401 (fixture)
from tests.conversations.test_routing_replies_tuning import LABELS, assert_routed_as

FIRST_RUN = (
    "113/157 on 09b51b8: charged after cancelling 0/21 (fallback, 2 Availability, 1 Shipping), wallet "
    "keeps failing 12/16, rude word in a maybe 8/15, forget-it openers 13/14, wrong by mistake 12/14, "
    "hot city 6/14 (anger words, tone), traps 17/18; removed-then-shipping, stopped at checkout, dithering "
    "and scam all passed"
)

# Cancelled, then charged again: only a person can look at the bank and the subscription.
CHARGED_AFTER_CANCELLING = """
E I cancelled my subscription in October but you charged my card again this month
E cancelled the coffee plan last month and got billed again on the 3rd??
E i ended my membership weeks ago, why did you take money again?
es Cancelé la suscripción en octubre y este mes me volvieron a cobrar
es di de baja el plan el mes pasado pero me han cobrado otra vez
es cancelé el abono hace un mes y hoy me vuelve a aparecer el cargo en la tarjeta
fr J'ai résilié mon abonnement en octobre mais vous avez de nouveau débité ma carte ce mois-ci
fr abonnement annulé le mois dernier et pourtant prélevé à nouveau
fr j'ai annulé en octobre, pourquoi vous me facturez encore ce mois ci ?
de Ich habe das Abo im Oktober gekündigt, trotzdem wurde diesen Monat wieder abgebucht
de hab letzten Monat gekündigt und ihr habt schon wieder Geld abgebucht
de Mitgliedschaft ist seit September gekündigt, warum wird meine Karte erneut belastet?
it Ho disdetto l'abbonamento a ottobre ma questo mese mi avete addebitato di nuovo
it abbonamento disdetto il mese scorso, eppure mi è arrivato un altro addebito
it ho annullato a ottobre ma mi avete prelevato ancora i soldi questo mese
pt Cancelei a assinatura em outubro mas me cobraram de novo este mês
pt cancelei mês passado e vocês cobraram outra vez no cartão
pt já tinha cancelado a mensalidade e veio outra cobrança na fatura
nl Ik heb mijn abonnement in oktober opgezegd maar deze maand is er weer afgeschreven
nl vorige maand opgezegd en toch opnieuw geld afgeschreven
nl lidmaatschap al in september stopgezet, waarom wordt er nog een keer geïncasseerd?
"""

# A wallet payment that keeps failing.
WALLET_KEEPS_FAILING = """
E paying with paypal keeps failing on my phone
E Apple Pay keeps timing out at the last step
E google pay fails every single time I try
es el pago con PayPal falla todo el rato
es intento pagar con Bizum y me da error una y otra vez
fr le paiement par PayPal échoue à chaque fois
fr Apple Pay plante systématiquement au moment de valider
de Zahlung mit PayPal schlägt dauernd fehl
de Klarna schlägt bei mir immer wieder fehl
de Google Pay bricht jedes Mal ab
it il pagamento con PayPal continua a fallire
it con Satispay mi dà sempre errore
pt o pagamento pelo PayPal fica dando erro
pt tento pagar com Apple Pay e sempre falha
nl betalen met PayPal mislukt steeds
nl iDEAL geeft telkens een foutmelding
"""

# An item taken out of the cart, then a Shipping question.
REMOVED_THEN_SHIPPING = """
S I took the lamp out of my basket, what's delivery to Leeds now?
S removed the rug from the cart, is shipping still free?
S deleted the second mug, how much is delivery now?
es quité la alfombra del carrito, ¿cuánto es el envío a Sevilla ahora?
es He eliminado los cojines de la cesta, ¿sigue siendo gratis el envío?
fr j'ai enlevé la lampe du panier, combien coûte la livraison à Lyon maintenant ?
fr J'ai retiré le tapis, la livraison est toujours gratuite ?
de Ich habe die Lampe aus dem Warenkorb entfernt, was kostet der Versand nach Köln jetzt?
de Teppich rausgenommen, ist der Versand noch kostenlos?
it ho tolto la lampada dal carrello, quanto costa ora la spedizione a Bologna?
it Ho rimosso il tappeto, la spedizione è ancora gratuita?
pt tirei a luminária do carrinho, quanto fica o frete para Curitiba agora?
pt Removi o tapete do carrinho, o envio continua grátis?
nl ik heb de lamp uit mijn mandje gehaald, wat kost de verzending naar Utrecht nu?
nl Kussens verwijderd, is de verzending nog steeds gratis?
"""

# A rude word said of a maybe: a returns question.
RUDE_WORD_IN_A_MAYBE = """
R if the battery turns out crap, can I send it back within 30 days?
R what if the speaker sounds like garbage, can I return it?
R in case the fabric is rubbish, do I get a refund?
es si la batería resulta ser una mierda, ¿puedo devolverla en 30 días?
es y si el altavoz suena fatal, ¿se puede devolver?
fr si la batterie est nulle, je peux la renvoyer sous 30 jours ?
fr et si l'enceinte est pourrie, je peux me faire rembourser ?
de falls der Akku Mist ist, kann ich ihn innerhalb von 30 Tagen zurückschicken?
de wenn der Lautsprecher scheiße klingt, kann ich ihn zurückgeben?
it se la batteria fa schifo, posso restituirla entro 30 giorni?
it e se la cassa suona da schifo, me la rimborsate?
pt se a bateria for uma porcaria, posso devolver em 30 dias?
pt e se a caixinha de som for um lixo, dá pra devolver?
nl als de accu waardeloos is, kan ik hem binnen 30 dagen terugsturen?
nl en als de speaker kut klinkt, kan ik hem dan retourneren?
"""

# "Forget it" openers: a change of mind, not anger.
FORGET_IT_OPENERS = """
R forget the black frame, can I exchange it for the red one if my daughter doesn't like it?
R never mind the blue lamp, can I return it if it's too bright?
es olvídate del marco negro, ¿lo puedo cambiar por el rojo si a mi hija no le gusta?
es déjalo, ¿puedo devolver la lámpara si no me convence?
fr laisse tomber le cadre noir, je peux l'échanger contre le rouge si ma fille n'aime pas ?
fr oubliez ma question d'avant, je peux retourner la lampe si elle ne va pas ?
de vergiss den schwarzen Rahmen, kann ich ihn gegen den roten umtauschen, falls er der Tochter nicht gefällt?
de egal, kann ich die Lampe zurückgeben, wenn sie nicht passt?
it lasciamo perdere la cornice nera, posso cambiarla con la rossa se a mia figlia non piace?
it lascia perdere, posso restituire la lampada se non mi convince?
pt esquece a moldura preta, dá pra trocar pela vermelha se minha filha não gostar?
pt deixa pra lá, posso devolver a luminária se não gostar?
nl laat maar zitten met dat zwarte lijstje, kan ik het ruilen voor het rode als mijn dochter het niet wil?
nl laat maar zitten, kan ik de lamp retourneren als hij tegenvalt?
"""

# "Wrong … by mistake": the shopper's own slip, a returns question.
WRONG_BY_MISTAKE = """
R can I get a refund on an ebook if I bought the wrong edition by mistake?
R I accidentally ordered the wrong version, can I return it?
es ¿me devuelven el dinero del ebook si compré la edición equivocada por error?
es pedí el modelo equivocado sin querer, ¿lo puedo devolver?
fr je peux être remboursé pour un ebook si j'ai pris la mauvaise édition par erreur ?
fr j'ai commandé le mauvais modèle par erreur, je peux le retourner ?
de bekomme ich eine Erstattung für ein E-Book, wenn ich aus Versehen die falsche Ausgabe gekauft habe?
de versehentlich das falsche Modell bestellt, kann ich es zurückschicken?
it posso avere un rimborso per un ebook se ho comprato per sbaglio l'edizione sbagliata?
it ho ordinato il modello sbagliato per errore, posso fare il reso?
pt consigo reembolso de um ebook se comprei a edição errada por engano?
pt pedi o modelo errado sem querer, posso devolver?
nl kan ik mijn geld terugkrijgen voor een e-book als ik per ongeluk de verkeerde editie heb gekocht?
nl per ongeluk het verkeerde model besteld, kan ik het retourneren?
"""

# Left at checkout because the postage was not shown: a Shipping question.
STOPPED_AT_CHECKOUT_FOR_POSTAGE = """
S I stopped at checkout because the shipping cost to Austria wasn't shown, what does it cost?
S gave up at checkout, it never showed the delivery price for Belgium. how much is it?
es me quedé en el pago porque no salía el coste de envío a Austria, ¿cuánto es?
es dejé la compra a medias porque no aparecían los gastos de envío a Portugal, ¿cuánto son?
fr je me suis arrêté au paiement car les frais de livraison pour l'Autriche ne s'affichaient pas, combien ?
fr j'ai abandonné au panier, les frais de port vers la Belgique n'apparaissaient pas, ça coûte combien ?
de ich habe an der Kasse aufgehört, weil die Versandkosten nach Österreich fehlten wurden, was kostet es?
de bin an der Kasse stehen geblieben, die Versandkosten nach Belgien standen nirgends. wie viel ist es?
it mi sono fermata al pagamento perché non si vedevano le spese di spedizione per l'Austria, quanto costano?
it ho lasciato perdere al checkout, le spese di spedizione per il Belgio non comparivano, quanto sono?
pt parei no checkout porque não aparecia o frete para a Áustria, quanto custa?
pt desisti no pagamento porque o valor do envio para Portugal não aparecia, quanto é?
nl ik stopte bij het afrekenen omdat de verzendkosten naar Oostenrijk niet werden getoond, wat kost het?
nl bij de kassa afgehaakt, de verzendkosten naar België stonden er niet bij. hoeveel is het?
"""

# A hot city: a shipping question, not anger.
HOT_CITY = """
S is the cheese sent chilled? it's brutally hot where I live
S does the chocolate ship with ice packs? the heat here is insane
es ¿el queso se envía refrigerado? vivo en una ciudad con un calor absurdo
es ¿el envío del chocolate es refrigerado? aquí hace un calor horrible
fr le fromage est-il expédié au frais ? il fait une chaleur horrible chez moi
fr la livraison du chocolat se fait au frais ? ici la chaleur est insupportable
de wird der Käse beim Versand gekühlt? bei uns ist es unerträglich heiß
de ist der Versand der Schokolade gekühlt? hier ist eine schreckliche Hitze
it il formaggio viene spedito refrigerato? qui fa un caldo assurdo
it la spedizione del cioccolato è refrigerata? qui c'è un caldo terribile
pt o queijo é enviado refrigerado? moro numa cidade com um calor absurdo
pt o envio do chocolate é refrigerado? aqui faz um calor horrível
nl wordt de kaas gekoeld verzonden? het is hier belachelijk warm
nl is de verzending van de chocolade gekoeld? hier is het vreselijk heet
"""

# Done hesitating: an availability question, not anger.
DONE_DITHERING = """
A enough dithering lol, do you have the sofa in grey?
A ok stop wasting my own time haha, is the armchair in stock in green?
es basta de dudar jaja, ¿tenéis el sofá disponible en gris?
fr bon, assez hésité mdr, le canapé est-il disponible en gris ?
de genug rumgeeiert haha, ist das Sofa in Grau auf Lager?
it basta tentennare ahah, il divano è disponibile in grigio?
pt chega de enrolar kkk, o sofá está disponível em cinza?
nl genoeg getwijfeld haha, is de bank op voorraad in grijs?
"""

# A scam worry: a person answers it (kept as it is).
SCAM_WORRY = """
E is this legit or a scam? never heard of you
es ¿esto es de fiar o es una estafa? nunca había oído hablar de vosotros
fr c'est sérieux ou une arnaque ? je ne vous connais pas
de ist das seriös oder Betrug? nie von euch gehört
it è affidabile o è una truffa? non vi ho mai sentiti
pt isso é confiável ou é golpe? nunca ouvi falar de vocês
nl is dit betrouwbaar of oplichterij? nooit van jullie gehoord
"""

# Traps: real anger, real payment failures, a cancellation with no charge.
TRAPS = """
E you charged me again even though I cancelled, this is a joke
E the battery is crap, I want my money back now
E forget it, your shop is useless
E I removed the lamp and now the payment keeps failing
es me cobraron otra vez después de cancelar, es una vergüenza
es la batería es una mierda, quiero mi dinero ya
fr vous m'avez encore prélevé alors que j'ai résilié, c'est une arnaque
fr laissez tomber, votre boutique est nulle
de ihr habt schon wieder abgebucht obwohl ich gekündigt habe, Frechheit
de vergiss es, euer Laden ist eine Katastrophe
it lasciamo perdere, siete dei truffatori
it mi avete addebitato di nuovo dopo la disdetta, vergognatevi
pt me cobraram de novo depois de cancelar, que palhaçada
pt deixa pra lá, vocês são uns golpistas
nl laat maar zitten, wat een waardeloze service
nl weer afgeschreven terwijl ik had opgezegd, schandalig
S I cancelled the first order last month, when would a new one be delivered?
S PayPal works fine for me, how much is delivery to Austria?
"""

# Written after the first changes, in fresh words, before running them: the same kinds and traps for the new
# readings (the weather, a maybe, a slip, a cancellation) where a person is still the answer. First run on
# f8594e3: 21/26 (a trap lost: "ridiculous … in the heat"; "cancelled the green one" not read as a cart
# change; "debitaram", "habéis vuelto a cobrar" unknown; "I unsubscribed weeks ago" read as an opt-out).
AFTER_CHANGES = """
E we cancelled the plan in august and there's another charge on my statement
E how come you billed me again? I unsubscribed weeks ago
es me di de baja en septiembre y me habéis vuelto a cobrar
fr résilié depuis septembre et encore un prélèvement ce mois-ci
de Abo ist längst gekündigt, heute wurde schon wieder etwas abgebucht
it abbonamento cancellato da mesi ma continuate ad addebitare
pt cancelei em setembro e hoje debitaram de novo
nl ik had opgezegd maar jullie hebben weer geld afgeschreven
E checkout with apple pay keeps timing out
de die Bezahlung mit Apple Pay schlägt ständig fehl
R if the zip turns out rubbish can I still send it back?
es si al final la tela es una basura, ¿se puede devolver?
it se le cuffie fanno schifo, posso fare il reso?
nl als het matras bagger is, mag ik het dan retourneren?
R I picked the wrong colour by accident, is an exchange possible?
de versehentlich die falsche Farbe genommen, geht ein Umtausch?
S do the chocolates get delivered cool? it's crazy hot here in July
pt a entrega dos chocolates é refrigerada? aqui o calor é absurdo
it la spedizione del gelato è refrigerata? qui fa un caldo bestiale
A never mind the oak table, is the walnut one in stock?
E it's ridiculous that you left my parcel out in the heat for hours
E if you don't refund me I'm reporting you, scammers
E la batería es una porquería y nadie responde, quiero una solución
E j'ai résilié et vous continuez à prélever, c'est scandaleux
S I cancelled the green one, is delivery still free now?
S cancelé los cojines, ¿cuánto sale el envío ahora?
"""

# Probes written after AFTER_CHANGES against the new readings (tuned on: they showed that a slip or a maybe
# said to the shop, "you … by mistake", "if … you are garbage", is still anger, and that a charge asked about,
# "will you charge shipping again?", is no charge taken). On 0077de6 six of its eight English lines were
# misrouted (the two slips, the two "if … you" lines, "you still took the money" and "charge shipping
# again"); the other-language lines were written after, then all 20 pass.
PROBES_AFTER = """
E you guys sent me the wrong jacket by mistake, what now?
E your warehouse accidentally shipped the wrong item again
E if you call this quality then your shop is crap
E if this is how you treat customers you are garbage
E I cancelled my order and you still took the money
E we cancelled the plan in august and there's another charge on my statement
es si esto es lo que vendéis, sois una basura
fr si c'est ça votre qualité, votre boutique est nulle
de wenn ihr so mit Kunden umgeht, seid ihr echt Mist
it se trattate così i clienti, fate schifo
pt se vocês tratam cliente assim, são um lixo
nl als jullie zo met klanten omgaan, zijn jullie waardeloos
S I cancelled the red one, will you charge shipping again?
S I cancelled the lamp, will I still be charged for delivery?
es cancelé el pedido, ¿me van a cobrar el envío otra vez si lo vuelvo a pedir?
fr j'ai annulé la lampe, la livraison sera facturée à nouveau ?
de ich habe storniert, kann ich nochmal bestellen und was kostet der Versand?
it ho annullato l'ordine, se lo rifaccio pago di nuovo la spedizione?
pt cancelei o pedido e quero comprar outra vez, o frete é grátis?
nl ik heb geannuleerd en wil opnieuw bestellen, wat kost de verzending?
"""


# Session 10 (written by hand from the kinds only, no blind set read): a returns question after a conditional
# ("if it's too small") or after a complaint about the product ("so loud the neighbours knock"); a product
# question after self-deprecation ("nulle en bricolage") or excitement ("!!!"); a checkout left for a harmless
# reason, then a shipping question; and, the other way, a payment that went wrong with no "failed" word
# ("cancelled by mistake while paying and charged anyway", "froze … money gone"). Traps that must not move:
# real anger, a request for a person, a double charge, a plain returns question.
# first run on ec5bcaf: 62/91 (returns after "if … too small for my olive tree": a colour, or Sizing; a
# product called "horrible"/"assurdo" before "can I return it?": anger; "I'm useless at DIY", "nulle en
# bricolage", "soy un desastre": anger; "!!!" of excitement: shouting; "hab die Zahlung abgebrochen": a
# failed payment; cancelled and "charged anyway"/"cobraron igual": fallback or Order status; "se quedó
# colgado … el dinero se fue pero no hay confirmación": fallback).
# After the changes: 87/91; the 4 left are the lexicon's (KNOWN_MISSES, not this work's files).
SESSION_10_BATCH = """
R can I send the pot back if it's too small for my olive tree?
R if the planter turns out too small can i exchange it for a bigger one
es si la maceta se queda pequeña para mi olivo, puedo devolverla?
es y si la maceta es muy chica pa mi limonero la puedo cambiar?
fr je peux renvoyer le pot s'il est trop petit pour mon olivier ?
de wenn der Topf zu klein ist, kann ich ihn umtauschen?
it se il vaso è troppo piccolo per il mio ulivo posso rimandarlo indietro?
pt se o vaso ficar pequeno demais pra minha oliveira, posso devolver?
nl kan ik de pot terugsturen als hij te klein is voor mijn olijfboom?
R can i send it back if its too small for the olive tree? its for my balcony
R the rower is so loud the neighbours knock, can I send it back?
R treadmill is super noisy, my downstairs neighbour complained twice. can i return it?
R the rower makes a horrible racket, can I return it?
es la maquina de remo hace tanto ruido que los vecinos golpean la pared, puedo devolverla?
es el remo hace un ruido horrible, los vecinos ya se quejaron, ¿lo puedo devolver?
fr le rameur fait tellement de bruit que les voisins tapent au mur, je peux le renvoyer ?
fr le rameur fait un bruit horrible, les voisins se plaignent, je peux le renvoyer ?
de das Rudergerät ist so laut dass die Nachbarn klopfen, kann ich es zurückschicken?
it il vogatore è così rumoroso che i vicini bussano, posso restituirlo?
it il vogatore fa un rumore assurdo, i vicini bussano sempre, posso renderlo?
pt o remo ergométrico faz tanto barulho que os vizinhos batem na parede, da pra devolver?
pt o remo faz um barulho horrível, os vizinhos reclamam, posso devolver?
nl de roeitrainer maakt zoveel herrie dat de buren op de muur bonken, kan ik hem retourneren?
F do you offer assembly? I'm hopeless at DIY
F do u guys do assembly?? im terrible with tools lol
F is assembly included? i'm useless with a screwdriver
es haceis montaje? soy un desastre con el bricolaje
fr vous proposez le montage ? je suis nulle en bricolage
de bietet ihr Montage an? ich bin handwerklich eine Katastrophe
it fate anche il montaggio? sono un disastro col fai da te
pt vcs fazem montagem? sou pessima com ferramentas
nl doen jullie ook montage? ik ben hopeloos in klussen
F mom said I can get the cage!!! does it come with a wheel?
es mi mama dijo que puedo tener la jaula!!! viene con rueda?
fr maman a dit oui pour la cage !!! elle a une roue avec ?
de Mama hat ja gesagt zum Käfig!!! ist ein Laufrad dabei?
it la mamma ha detto che posso prendere la gabbia!!! ha anche la ruota?
pt minha mae deixou eu comprar a gaiola!!! vem com rodinha?
nl mama zegt dat ik de kooi mag!!! zit er een loopwiel bij?
S I stopped paying halfway because the dog pulled on the lead — is shipping free over 50?
S stopped mid checkout cause my toddler grabbed the phone, is delivery free over 50?
es deje el pago a medias porque el perro tiro de la correa, el envio es gratis a partir de 50?
fr j'ai arrêté de payer en plein milieu car le chien tirait sur la laisse, livraison gratuite dès 50 ?
de hab mitten beim Bezahlen aufgehört weil der Hund an der Leine gezogen hat, ist der Versand ab 50 gratis?
it ho interrotto il pagamento a metà perché il cane tirava il guinzaglio, la spedizione è gratis sopra i 50?
de hab die Zahlung abgebrochen weil der Hund an der Leine gezogen hat, ist der Versand ab 50 gratis?
pt parei de pagar no meio porque o cachorro puxou a coleira, o frete é grátis acima de 50?
nl ik stopte halverwege met betalen omdat de hond aan de riem trok, is de verzending gratis boven 50?
E I cancelled the order by mistake while paying and was charged anyway
E accidentally hit cancel during payment but the money still came off my card
es cancelé el pedido sin querer mientras pagaba y me cobraron igual
fr j'ai annulé la commande par erreur en payant et j'ai quand même été débité
de hab die Bestellung beim Bezahlen aus Versehen abgebrochen und trotzdem wurde abgebucht
it ho annullato l'ordine per sbaglio mentre pagavo e mi hanno addebitato lo stesso
pt cancelei o pedido sem querer na hora de pagar e cobraram mesmo assim
nl per ongeluk de bestelling geannuleerd tijdens het betalen en toch is het afgeschreven
E checkout just froze after I put my card in, money gone but no confirmation
es el pago se quedo colgado despues de poner la tarjeta, el dinero se fue pero no hay confirmacion
fr le paiement a figé après avoir mis ma carte, l'argent est parti mais aucune confirmation
de die Kasse ist eingefroren nachdem ich die Karte eingegeben hab, Geld weg aber keine Bestätigung
it il checkout si è bloccato dopo aver messo la carta, soldi spariti ma nessuna conferma
pt o checkout travou depois que coloquei o cartao, o dinheiro saiu mas nada de confirmação
nl de kassa liep vast nadat ik mijn kaart had ingevuld, geld weg maar geen bevestiging
E the site keeps crashing, I'm so annoyed
es la web se cae todo el rato, estoy harta
fr le site plante sans arrêt, je suis trop énervée
de die Seite stürzt ständig ab, ich bin echt sauer
it il sito continua a bloccarsi, sono arrabbiatissima
pt o site fica caindo toda hora, to muito irritada
nl de site crasht steeds, ik ben het zat
E I want to talk to someone
es quiero hablar con alguien
fr je veux parler à quelqu'un
de ich möchte mit jemandem sprechen
it voglio parlare con qualcuno
pt quero falar com alguém
nl ik wil iemand spreken
E I was charged twice
es me cobraron dos veces
fr j'ai été débité deux fois
de mir wurde doppelt abgebucht
it mi avete addebitato due volte
pt fui cobrado duas vezes
nl er is twee keer afgeschreven
R can I return it if it doesn't fit?
es puedo devolverlo si no me queda bien?
fr je peux le retourner s'il ne va pas ?
de kann ich es zurückgeben, wenn es nicht passt?
it posso restituirlo se non va bene?
pt posso devolver se nao servir?
nl kan ik het retourneren als het niet past?
"""

BATCHES = {
    "charged_after_cancelling": CHARGED_AFTER_CANCELLING,
    "wallet_keeps_failing": WALLET_KEEPS_FAILING,
    "removed_then_shipping": REMOVED_THEN_SHIPPING,
    "rude_word_in_a_maybe": RUDE_WORD_IN_A_MAYBE,
    "forget_it_openers": FORGET_IT_OPENERS,
    "wrong_by_mistake": WRONG_BY_MISTAKE,
    "stopped_at_checkout_for_postage": STOPPED_AT_CHECKOUT_FOR_POSTAGE,
    "hot_city": HOT_CITY,
    "done_dithering": DONE_DITHERING,
    "scam_worry": SCAM_WORRY,
    "traps": TRAPS,
    "after_changes": AFTER_CHANGES,
    "probes_after": PROBES_AFTER,
}

# Cases the router still misses, with why (strict: a fix shows).
KNOWN_MISSES: dict[str, str] = {
    "is the cheese sent chilled? it's brutally hot where I live": "no longer anger (a weather clause); but "
    "English 'sent' is no Shipping word in the lexicon (not this work's files), so it falls back",
    "how come you billed me again? I unsubscribed weeks ago": "compliance reads 'I unsubscribed' as an "
    "opt-out before any escalation (nlp_compliance, not this work's files)",
    "can I send the pot back if it's too small for my olive tree?": "no longer a colour (olive tree); but "
    "the lexicon's Sizing phrase 'too small' wins, 'send the pot back' is no returns phrase there "
    "(lexicon.py, not this work's files)",
    "fate anche il montaggio? sono un disastro col fai da te": "no longer anger (said of oneself); but the "
    "lexicon reads 'sono un' as a Sizing phrase (lexicon.py, not this work's files)",
    "mi mama dijo que puedo tener la jaula!!! viene con rueda?": "no longer shouting (glad news); but the "
    "lexicon reads 'con ruedas' as a stock phrase (lexicon.py, not this work's files)",
    "minha mae deixou eu comprar a gaiola!!! vem com rodinha?": "no longer shouting (glad news); but the "
    "lexicon reads 'com rodinhas' as a stock phrase (lexicon.py, not this work's files)",
}


# "It arrived, thanks": the lexicon's Shipping word (arrived, llegó, angekommen…) wins over the thanks; an
# acknowledgement rule (nlp_courtesy/lexicon, not this work's kind). Already so before session 11's changes.
_ARRIVED_THANKS = (
    "the card arrived with the parcel, thanks",
    "it arrived today, love it!",
    "la tarjeta regalo llegó con el paquete, gracias",
    "llego bien, gracias!",
    "la carte est arrivée avec le colis, merci",
    "c'est bien arrivé, merci",
    "die Karte kam mit dem Paket, danke",
    "ist gut angekommen, danke",
    "il biglietto è arrivato con il pacco, grazie",
    "arrivato tutto, grazie",
    "o cartão chegou junto com a encomenda, obrigado",
    "chegou tudo certinho, obrigada",
    "de kaart kwam mee met het pakket, bedankt",
    "is goed aangekomen, bedankt",
)
KNOWN_MISSES.update(
    dict.fromkeys(
        _ARRIVED_THANKS,
        "an arrival thanked for reads as the Shipping rule (lexicon 'arrived' before the acknowledgement): "
        "not nlp_intents/nlp_payment",
    )
)


def _lines(block: str) -> list[tuple[str, str]]:
    # "E text" (English) or "es text" (a language code before the text; the label is the batch's)
    cases = []
    for line in block.strip().splitlines():
        head, text = line.split(" ", 1)
        cases.append((head, text))
    return cases


def _labelled(batch: str, block: str) -> list[tuple[str, str, str]]:
    rows, label = [], None
    for head, text in _lines(block):
        if head in LABELS:
            label, language = head, "en"
        else:
            language = head
        rows.append((language, label, text))
    return rows


CASES = [
    pytest.param(
        text,
        label,
        id=f"{batch}-{language}-{index}",
        marks=[pytest.mark.xfail(strict=True, reason=KNOWN_MISSES[text])] if text in KNOWN_MISSES else [],
    )
    for batch, block in BATCHES.items()
    for index, (language, label, text) in enumerate(_labelled(batch, block))
]


def test_every_kind_is_written_in_the_seven_languages():
    for batch, block in BATCHES.items():
        assert {language for language, _, _ in _labelled(batch, block)} == {
            "en",
            "es",
            "fr",
            "de",
            "it",
            "pt",
            "nl",
        }, batch


@pytest.mark.django_db
@pytest.mark.parametrize(("text", "label"), CASES)
def test_a_reply_is_escalated_only_when_a_person_should_answer(route_text, text, label):  # noqa: F811
    # when
    got = route_text(text)

    # then
    assert_routed_as(got, text, label)


SESSION_10_CASES = [
    pytest.param(
        text,
        label,
        id=f"session_10-{language}-{index}",
        marks=[pytest.mark.xfail(strict=True, reason=KNOWN_MISSES[text])] if text in KNOWN_MISSES else [],
    )
    for index, (language, label, text) in enumerate(_labelled("session_10", SESSION_10_BATCH))
]


def test_session_10_batch_is_written_in_the_seven_languages():
    assert {language for language, _, _ in _labelled("session_10", SESSION_10_BATCH)} == {
        "en",
        "es",
        "fr",
        "de",
        "it",
        "pt",
        "nl",
    }


@pytest.mark.django_db
@pytest.mark.parametrize(("text", "label"), SESSION_10_CASES)
def test_session_10_replies_go_to_a_person_only_when_one_should_answer(route_text, text, label):  # noqa: F811
    # when
    got = route_text(text)

    # then
    assert_routed_as(got, text, label)


# Session 10, second batch: a formal letter asking for a call from staff, Spain's vosotros charge ("me
# cobrasteis"), a card refused said impersonally ("mi rifiutano la carta"), a checkout broken off because a
# wallet failed, anger with "!!" and weeks without an answer: a person. A gift that may be the wrong shade, a
# lipstick arrived broken and wanting an exchange: Returns; white-glove delivery up stairs with no lift:
# Shipping. Traps: "can you call me?", "charged twice", "the site is broken, I'm furious" stay with a person.
# first run on b1e9216: 46/66 (call-back letters es/it/pt/nl/en and "bitte um rueckruf": fallback or Order
# status; "me cobrasteis": fallback; "mi rifiutano la carta", "estão a recusar o meu cartão": fallback; every
# checkout broken off for a failed wallet: fallback; the wrong-shade gift, "cassé en deux … échange" and the
# white-glove delivery with no lift: escalation; the "!!" anger already passed).
# After the changes: 66/66.
SESSION_10_BATCH_2 = """
E Dear Sir or Madam, I should like to speak with a member of staff by telephone regarding my order.
E i would be grateful if someone from your team could phone me about the sofa
es Estimados señores, les agradecería que una persona de la tienda me llamara por teléfono.
es porfa que alguien de atencion me llame al movil, gracias
fr Madame, Monsieur, je souhaiterais être rappelée par un membre de votre service client.
fr merci de me faire rappeler par quelqu'un du magasin svp
de Sehr geehrte Damen und Herren, ich bitte um einen Rückruf durch einen Mitarbeiter.
de bitte um rueckruf wegen meiner bestellung
it Gentili signori, desidererei essere contattata telefonicamente da un vostro addetto.
it vorrei essere richiamato da un operatore per favore
pt Prezados, agradecia que um funcionário me contactasse por telefone.
pt gostaria que alguem da loja me ligasse, obrigado
nl Geachte heer/mevrouw, graag word ik teruggebeld door een medewerker.
nl kan een medewerker mij even terugbellen aub
E you charged me twice for the same order
es me cobrasteis dos veces el mismo pedido
es oye que me habeis cobrado dos veces la crema
fr vous m'avez débité deux fois la même commande
de ihr habt mir das zweimal abgebucht
it mi avete addebitato due volte lo stesso ordine
pt vocês me cobraram duas vezes o mesmo pedido
nl jullie hebben twee keer afgeschreven voor dezelfde bestelling
E they keep refusing my card at checkout
es me rechazan la tarjeta todo el rato al pagar
fr on me refuse la carte à chaque fois que je paie
de die karte wird mir immer abgelehnt beim bezahlen
it mi rifiutano la carta quando provo a pagare
pt estão a recusar o meu cartão no pagamento
nl ze weigeren steeds mijn kaart bij het afrekenen
E I abandoned the order because Apple Pay wouldn't go through, what now?
es deje el pedido a medias porque bizum no funcionaba, y ahora que?
fr j'ai abandonné la commande parce que paypal ne marchait pas, je fais quoi ?
de Bestellung abgebrochen weil Twint nicht ging, was nun?
it ho lasciato perdere l'ordine perché satispay non andava, e adesso?
pt desisti da encomenda porque o mbway não funcionou, e agora?
nl bestelling afgebroken omdat ideal het niet deed, wat nu?
E Outrageous, no answer for 3 weeks!!
es Una vergüenza, 3 semanas sin respuesta!!
fr Inadmissible, aucune réponse depuis 3 semaines !!
de Unverschämt, seit 3 Wochen keine Antwort!!
it Vergognoso, da 3 settimane nessuna risposta!!
pt Uma vergonha, há 3 semanas sem resposta!!
nl Schandalig, al 3 weken geen antwoord!!
E can you call me?
E the site is broken, I'm furious
R I have no idea what shade she is. Can I exchange it if it's wrong?
R my lipstick arrived broken in two, I want an exchange
es no se que tono usa ella, si no acierto puedo cambiarlo?
es el pintalabios llego partido en dos, quiero cambiarlo
fr je ne connais pas sa teinte, je pourrai l'échanger si ce n'est pas la bonne ?
fr mon rouge à lèvres est arrivé cassé en deux, je veux un échange
de keine ahnung welchen farbton sie hat, kann ich umtauschen wenn er nicht passt?
de mein lippenstift kam in zwei teile gebrochen an, ich möchte ihn umtauschen
it non so che tonalità usa, se sbaglio posso cambiarlo?
it il rossetto è arrivato spezzato in due, vorrei cambiarlo
pt não sei o tom dela, posso trocar se não for o certo?
pt o batom chegou partido ao meio, quero trocar
nl geen idee welke tint ze heeft, kan ik het ruilen als het niet klopt?
nl mijn lippenstift kwam in tweeën gebroken aan, ik wil hem ruilen
S do you do white-glove delivery to a 3rd floor flat with no lift?
es hacéis entrega con montaje a un tercer piso sin ascensor?
fr vous livrez au 3e étage sans ascenseur avec installation ?
de liefert ihr auch in den 3. Stock ohne Aufzug mit Aufbau?
it consegnate al terzo piano senza ascensore con montaggio?
pt entregam num terceiro andar sem elevador com montagem?
nl bezorgen jullie ook op de 3e verdieping zonder lift met montage?
"""


SESSION_10_BATCH_2_CASES = [
    pytest.param(
        text,
        label,
        id=f"session_10_2-{language}-{index}",
        marks=[pytest.mark.xfail(strict=True, reason=KNOWN_MISSES[text])] if text in KNOWN_MISSES else [],
    )
    for index, (language, label, text) in enumerate(_labelled("session_10_2", SESSION_10_BATCH_2))
]


@pytest.mark.django_db
@pytest.mark.parametrize(("text", "label"), SESSION_10_BATCH_2_CASES)
def test_session_10_batch_2_goes_to_a_person_only_when_one_should(route_text, text, label):  # noqa: F811
    # when
    got = route_text(text)

    # then
    assert_routed_as(got, text, label)


# Session 11 (intents9): goods that arrived broken, said with feeling (an angry face, "not happy", "very
# disappointed", "que rabia", "che delusione", "balen"): a person, where "arrived" pulled them to Shipping; a
# checkout left because the card payment would not go through; charged though the site hung; money taken
# twice said without "charged". Traps: a calm "it arrived broken, can I return it / get a refund?" stays
# Returns, "will it arrive before Friday?" Shipping, "the card arrived with the parcel, thanks" an
# acknowledgement, "does card payment work from Belgium?" and "can I pay by card on delivery?" no person.
# first run on f639b5d: 52/118 (damage with feeling: Shipping or fallback in every language; a checkout left
# for a card that would not go through: fallback, save fr; charged though the site hung: fallback, save es/fr
# slang; money taken twice without "charged": fallback in en/es/it/pt/nl; "arrived …, thanks": Shipping).
# After the changes: 104/118; the 14 left are the "arrived …, thanks" acknowledgements (KNOWN_MISSES).
SESSION_11_BATCH = """
E en the chair arrived broken, one leg snapped right off 😡
E en the mugs arrived smashed and the print is upside down. not happy
E en the underwire poked through after the first wash, I'm very angry
E en lamp came cracked, really not happy about this 😠
E en I left the charger in the cart because the card payment wouldn't go through
E en the site froze and you charged me anyway
E en the money came out of my account twice
S en will it arrive before Friday?
R en it arrived damaged, can I return it?
R en it arrived broken, can I get a refund?
K en the card arrived with the parcel, thanks
F en does card payment work from Belgium?
N en can I pay by card on delivery?
N en the parcel arrived, one small thing: which size is the lid?
E en mirror showed up shattered. very disappointed
E en the frame was broken when it got here 😤
E en payment kept failing with my visa so i just left it in the basket
E en website crashed during payment but the money is gone
E en you took the money twice from my account
K en it arrived today, love it!
E es la silla llegó rota, se le partió una pata 😡
E es me llegaron las tazas rotas, que rabia
E es el jarrón llegó hecho pedazos, estoy muy decepcionada
E es dejé el jamón en el carrito porque no pasaba el pago con tarjeta
E es no me pasaba el pago con la tarjeta y lo deje en la cesta
E es la web se colgó y me cobraron igual
E es me sacaron dos veces el dinero de la cuenta
S es llegara antes del viernes?
R es llegó dañado, lo puedo devolver?
R es me llegó roto, me podéis devolver el dinero?
K es la tarjeta regalo llegó con el paquete, gracias
F es se puede pagar con tarjeta desde Bélgica?
E es m llego la lampara rota 😡 q verguenza
E es no me dejaba pagar con la visa asi q lo deje en el carrito
E es se colgo la pagina al pagar y el dinero ya me lo han quitado
E es me han quitado el dinero 2 veces de la cuenta
K es llego bien, gracias!
E fr la chaise est arrivée cassée 😡
E fr les tasses sont arrivées brisées, je suis très fâchée
E fr colis reçu, le vase est arrivé en morceaux, très déçue
E fr j'ai laissé le panier car le paiement par carte ne passait pas
E fr le site a planté et vous m'avez débité quand même
E fr l'argent a été prélevé deux fois
S fr ça arrivera avant vendredi ?
R fr c'est arrivé abîmé, je peux le retourner ?
R fr arrivé cassé, je peux être remboursée ?
K fr la carte est arrivée avec le colis, merci
F fr le paiement par carte marche depuis la Belgique ?
E fr la lampe est arrivee cassee, tres decue 😡
E fr mon paiement CB ne passait pas donc j'ai laissé tomber le panier
E fr le site a bugué pendant le paiement et j'ai quand même été débitée
E fr on m'a pris l'argent deux fois sur mon compte
K fr c'est bien arrivé, merci
E de Stuhl kam kaputt an, ein Bein abgebrochen 😡
E de der Rucksack kam mit kaputtem Reißverschluss an. Sehr enttäuscht.
E de die Tassen kamen zerbrochen an, echt ärgerlich 😠
E de hab's im Warenkorb gelassen, weil die Kartenzahlung nicht ging
E de die Seite hat sich aufgehängt und trotzdem wurde abgebucht
E de ist zweimal abgebucht worden
S de kommt das noch vor Freitag an?
R de kam beschädigt an, kann ich es zurückschicken?
R de kam kaputt an, bekomme ich mein Geld zurück?
K de die Karte kam mit dem Paket, danke
F de geht Kartenzahlung auch aus Belgien?
E de spiegel kam zerbrochen an, bin echt sauer
E de kartenzahlung hat nicht geklappt, deshalb liegt es noch im warenkorb
E de seite ist abgestürzt und das geld ist trotzdem weg
E de das geld wurde zweimal von meinem konto abgezogen
K de ist gut angekommen, danke
E it la sedia è arrivata rotta 😡
E it le tazze sono arrivate in frantumi, che delusione
E it il vaso è arrivato rotto, sono molto arrabbiata
E it non passava il pagamento con la carta e ho lasciato tutto nel carrello
E it il sito si è bloccato e mi avete addebitato lo stesso
E it mi hanno prelevato i soldi due volte dal conto
S it arriva prima di venerdì?
R it è arrivato danneggiato, posso restituirlo?
R it è arrivato rotto, posso avere un rimborso?
K it il biglietto è arrivato con il pacco, grazie
F it il pagamento con carta funziona dal Belgio?
E it lampada arrivata rotta 😡 pessimo servizio
E it la carta nn passava quindi ho lasciato perdere il carrello
E it il sito si è piantato e i soldi me li avete presi lo stesso
E it mi avete tolto i soldi 2 volte dal conto
K it arrivato tutto, grazie
E pt a cadeira chegou quebrada 😡
E pt as canecas chegaram partidas, que raiva
E pt o vaso chegou todo partido, estou muito desiludida
E pt deixei no carrinho porque o pagamento com cartão não passava
E pt o site travou e me cobraram mesmo assim
E pt tiraram o dinheiro da minha conta duas vezes
S pt chega antes de sexta?
R pt chegou danificado, posso devolver?
R pt chegou quebrado, posso ter reembolso?
K pt o cartão chegou junto com a encomenda, obrigado
F pt pagamento com cartão funciona da Bélgica?
E pt o espelho chegou partido, estou muito chateada
E pt o cartão não passava então deixei tudo no carrinho
E pt o site bloqueou e o dinheiro saiu na mesma
E pt saiu dinheiro da minha conta duas vezes
K pt chegou tudo certinho, obrigada
E nl stoel kwam kapot aan 😡
E nl de mokken kwamen gebroken aan, balen
E nl de vaas kwam in stukken aan, erg teleurgesteld
E nl de betaling met mijn kaart ging niet door dus het staat nog in mijn winkelmandje
E nl de site liep vast en jullie hebben toch afgeschreven
E nl Er is twee keer geld van mijn rekening gegaan
S nl komt het voor vrijdag aan?
R nl kwam beschadigd aan, kan ik het terugsturen?
R nl kwam kapot aan, kan ik mijn geld terugkrijgen?
K nl de kaart kwam mee met het pakket, bedankt
F nl werkt betalen met een kaart ook vanuit België?
E nl spiegel kwam gebroken aan, ik ben echt boos
E nl mijn kaartbetaling lukte niet dus heb ik het winkelmandje laten staan
E nl website crashte maar het geld is wel van mijn rekening af
E nl het geld is 2x van mijn rekening afgeschreven
K nl is goed aangekomen, bedankt
"""


def _by_line(block: str) -> list[tuple[str, str, str]]:
    # "E es text": every line names its own label, then its language
    return [tuple(line.split(" ", 2)) for line in block.strip().splitlines()]


SESSION_11_CASES = [
    pytest.param(
        text,
        label,
        id=f"session_11-{language}-{index}",
        marks=[pytest.mark.xfail(strict=True, reason=KNOWN_MISSES[text])] if text in KNOWN_MISSES else [],
    )
    for index, (label, language, text) in enumerate(_by_line(SESSION_11_BATCH))
]


def test_session_11_batch_is_written_in_the_seven_languages():
    assert {language for _, language, _ in _by_line(SESSION_11_BATCH)} == {
        "en",
        "es",
        "fr",
        "de",
        "it",
        "pt",
        "nl",
    }


@pytest.mark.django_db
@pytest.mark.parametrize(("text", "label"), SESSION_11_CASES)
def test_session_11_damage_and_failed_payments_go_to_a_person(route_text, text, label):  # noqa: F811
    # when
    got = route_text(text)

    # then
    assert_routed_as(got, text, label)
