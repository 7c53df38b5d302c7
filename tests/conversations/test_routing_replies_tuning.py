"""Tuning corpus for the replies that are not opt-outs (issue #16): acknowledgements with more words,
requests for a call or a person, refused payment methods, shipping to a named place, fit for a body shape,
stock coming back, an order placed versus delivery before buying, sale and price-drop questions, and product
questions no rule covers.

Written by hand for this work, none of it copied from the labelled sets in data/ (sets 6 and 7 only named
the categories). It is a TUNING set: the router was changed against it with word lists and general shapes,
so its score says nothing about unseen text; the blind held-out sets in test_routing_languages.py measure
that. First run on main ea7f1f9: 397/561 (70.8 %). A second batch (SECOND_BATCH), written after the
first round of changes, scored 145/168 (86.3 %) on its first run, then was tuned on. A third
(THIRD_BATCH, acknowledgements and traps) scored 4/20 acknowledgements on its first run; tuning on it
read 3 of its 14 traps as acknowledgements until waiting and unasked questions stopped a plan.
A fourth (FOURTH_BATCH) scored 33/39 on its first run, then was tuned on.
A fifth (FIFTH_BATCH: someone answering for the shopper, bought elsewhere, done hesitating, a reason to
wait, an older shopper asking for a call, a body height, a date before a trip) scored 23/61 on its first
run on integ 4d8725f; then two "later" plans became W and two cases were added, and it was tuned on.
A sixth (SIXTH_BATCH: the same with greetings, sign-offs, shorthand apologies, a named store) scored
0/15 on its first run, then was tuned on.
A seventh (SEVENTH_BATCH, session 5: the kinds blind set 11 missed on its first run — a code like SNOW15
that "doesn't work", delivery before a date, stock "coming back", a plan after payday or a talk — in new
words, none copied from the set) scored 12/27 on its first run, then was tuned on. An eighth (EIGHTH_BATCH:
the kinds blind set 12 missed — a payment page that keeps loading, "I'll talk it over with my husband", a
plan for payday or pocket money, fit to a rail, a compound colour) scored 4/34 on its first run, then was
tuned on; its opt-outs (PROMPTED_BY_SET_12 in test_routing_optout_tuning.py) 6/25, traps 7/7. A ninth
(NINTH_BATCH: set 13's kinds; a bare "later" is an acknowledgement in every language, as in English) scored
5/12 on its first run; its opt-outs (PROMPTED_BY_SET_13) 5/12, traps 4/4. A tenth (TENTH_BATCH: set 14's
kinds: slang and staccato plans signed with a name, a plan with "next week", a child's height, paid already)
scored 1/20 on its first run; its opt-outs (PROMPTED_BY_SET_14) 5/11, traps 3/3. An eleventh
(ELEVENTH_BATCH: sets 15 and 16's kinds) scored 4/12 on its first run; its opt-outs
(PROMPTED_BY_SETS_15_AND_16) 1/24, traps 5/5. A twelfth (TWELFTH_BATCH: sets 17 and 18's kinds) scored 1/13
on its first run; its opt-outs (PROMPTED_BY_SETS_17_AND_18) 5/12, traps 3/3. A thirteenth (THIRTEENTH_BATCH,
session 6: sets 20–22's kinds — slang thanks, plans on a grant or after a committee, dictated punctuation,
lettered order numbers, a product's own durations, versions, fit into things, payment sent back) scored
56/126 on its first run, then was tuned on; its traps (THIRTEENTH_BATCH_TRAPS, written after) 28/29. The same
kinds in fresh words: FOURTEENTH_BATCH 76/84 on its first run, FIFTEENTH_BATCH 13/37, SIXTEENTH_BATCH 42/49,
SEVENTEENTH_BATCH 23/27, each then tuned on. Session 7's EIGHTEENTH_BATCH (regional speech, see its note);
NINETEENTH_BATCH (the kinds blind sets 29-34 missed) 44/91 on its first run, its traps 19/20, then tuned on.
Session 8's TWENTIETH_BATCH (the kinds blind sets 35-40 missed, traps with them) 86/158, then tuned on.
Session 9's TWENTY_FIRST_BATCH (the kinds blind sets 41-46 missed, traps with them) 77/161, then tuned on;
TWENTY_FIRST_BATCH_AFTER_TRAPS, written after, 26/26 on its first run.

Labels: K acknowledgement, W acknowledgement or snooze ("maybe later" is a pause by design, see
conversations/snooze.py; seven K became W after the first run for that reason), E escalation, S
shipping, Z sizing, A availability, O order status, D discount, R returns, F fallback (no rule fits), N
anything but an acknowledgement (a trap).
"""

import pytest

from conversations.languages import LANGUAGES
from conversations.router import Step
from tests.conversations.test_routing_gaps import route_text  # noqa: F401 (fixture)
from tests.conversations.test_routing_languages import english_rules_store  # noqa: F401 (fixture)

LABELS = {
    "K": (Step.ACKNOWLEDGEMENT,),
    "W": (Step.ACKNOWLEDGEMENT, "snooze"),
    "E": (Step.ESCALATION,),
    "S": ("rule:Shipping",),
    "Z": ("rule:Sizing",),
    "A": ("rule:Availability",),
    "O": ("rule:Order status",),
    "D": ("rule:Discount",),
    "R": ("rule:Returns",),
    "F": (Step.FALLBACK,),
    "N": (),  # a trap: anything but an acknowledgement
}

# Thanks with a plan, a goodbye, a regional thanks: nothing to answer.
ACKS = {
    "en": """
K ok thanks, bye
K thanks! might think it over and grab it later 🙂
W cool, maybe later then
K alright I'll think it over, cheers
K ta love, will sort it at the weekend
W ok no worries, I'll probably order it next week 👍
K thanks, gonna sleep on it
K cheers! I'll have a proper look tonight
K ok got it, thanks again, bye!
K lol ok, I'll decide after payday
K thanks for checking in, I'll come back to it later
""",
    "es": """
K vale gracias, ya lo pienso con calma
W ok, lo miro más tarde 👍
K genial, mañana lo veo tranqui, gracias
W gracias! igual lo pido el finde
K oki, lo pensaré, saludos
K muchas gracias, ya te digo algo
K va, gracias, hasta luego
K dale, en la quincena lo compro 😅
K vale vale, luego me lo miro
K gracias guapa, un besito
""",
    "fr": """
K ok merci, je vais y réfléchir tranquillement
K super merci, je regarde ça ce soir 👍
W d'accord, peut-être plus tard, bonne soirée
W merci ! je commanderai sûrement le week-end prochain
K ça marche, je vous redis, merci
K ok top, bonne journée à vous
K merci bien, à plus
K je verrai à la fin du mois, merci 😊
K ok ok je me laisse le temps de réfléchir
K merci c'est gentil, bisous
""",
    "de": """
K ok danke, ich denk nochmal drüber nach
K super, schau's mir heute abend an 👍
W alles klar, vielleicht später, schönen abend
W danke! bestell wahrscheinlich nächstes wochenende
K passt scho, danke euch
K ok top, schönen tag noch
K danke dir, bis bald
K mal schauen, danke 😊
K ok ok, lass mir noch zeit
K vielen dank, ich meld mich
""",
    "it": """
K ok grazie, ci penso con calma
K perfetto, stasera ci do un'occhiata 👍
W va bene, magari più tardi, buona serata
W grazie! probabilmente ordino il weekend prossimo
K ok ok, vi faccio sapere, grazie
K top, buona giornata
K grazie mille, a presto
K vediamo a fine mese, grazie 😊
K ok ci rifletto un po'
K grazie gentilissimi, ciao ciao
""",
    "pt": """
K ok obrigada, vou pensar com calma
W show, vejo isso mais tarde 👍
K beleza, quem sabe depois, boa noite
W valeu! acho que compro no fim de semana
K fechou, te aviso, obg
K top, bom dia pra vc
K brigadão, até mais
K vou ver no fim do mês, obrigado 😊
K tá bom, vou dar uma pensada
K obrigada, vcs são uns amores
""",
    "nl": """
K ok dank je, ik denk er rustig over na
K top, kijk er vanavond even naar 👍
W prima, misschien later, fijne avond
W thanks! bestel het waarschijnlijk volgend weekend
K is goed, ik laat het weten, dankje
K super, fijne dag nog
K dankjewel, tot later
K eind van de maand maar eens kijken, bedankt 😊
K oké oké, even over nadenken
K dank u wel, groetjes
""",
}

# Call me back, a person on the line, a payment method that says no.
ESCALATIONS = {
    "en": """
E can somebody give me a ring tomorrow morning?
E I'd rather talk to someone on the phone tbh
E is there a number I can call to speak to an actual person
E my card keeps getting declined even though there's money on it
E tried paying with apple pay 3 times and it just says transaction failed
E please have someone phone me, it's easier
E third time writing, nobody answers, I need a human now!!
E klarna said no to me, what are my options?
E my bank blocked the payment, help
E afterpay keeps rejecting me, why?
""",
    "es": """
E prefiero que me llame alguien, por teléfono es más fácil
E quiero hablar con una persona ya, llevo tres días escribiendo y nadie contesta!!
E me rechazan la tarjeta y tengo saldo, qué hago?
E el bizum no me deja terminar el pago
E paypal me da error todo el rato
E me podéis llamar al móvil por favor?
E necesito que alguien me atienda por teléfono
E klarna me lo deniega siempre, alguna solución?
E el banco me bloqueó el pago, ayuda
E quiero que me llame un encargado
""",
    "fr": """
E j'aimerais mieux qu'on m'appelle, c'est plus simple
E je veux parler à quelqu'un au téléphone
E ma carte est refusée alors que j'ai de l'argent dessus
E paypal me met une erreur à chaque fois
E pouvez-vous me téléphoner demain matin ?
E ça fait trois fois que j'écris, personne ne répond, je veux un humain !!
E klarna refuse mon paiement, je fais comment ?
E ma banque a bloqué le paiement, aidez moi
E est-ce qu'un conseiller peut me rappeler ?
E le paiement par apple pay échoue tout le temps
""",
    "de": """
E mir wär's lieber, wenn mich jemand anruft
E ich will mit jemandem telefonieren
E meine karte wird abgelehnt obwohl das konto gedeckt ist
E paypal zeigt dauernd einen fehler
E könnt ihr mich morgen früh anrufen?
E schreib jetzt zum dritten mal, keiner antwortet, ich will einen menschen!!
E klarna lehnt mich immer ab, was jetzt?
E die bank hat die zahlung blockiert, hilfe
E kann mich ein berater zurückrufen?
E apple pay bricht immer ab
""",
    "it": """
E preferirei che mi chiamasse qualcuno, al telefono è più facile
E voglio parlare con qualcuno al telefono
E la carta mi viene rifiutata ma ho i soldi sul conto
E paypal mi dà sempre errore
E potete telefonarmi domattina?
E è la terza volta che scrivo e nessuno risponde, voglio una persona!!
E klarna mi rifiuta sempre, che faccio?
E la banca ha bloccato il pagamento, aiuto
E un operatore mi può richiamare?
E apple pay non va a buon fine
""",
    "pt": """
E prefiro que alguém me ligue, por telefone é mais fácil
E quero falar com uma pessoa por telefone
E meu cartão tá sendo recusado e tenho saldo
E o paypal dá erro toda hora
E vocês podem me ligar amanhã cedo?
E é a terceira vez que escrevo e ninguém responde, quero um humano!!
E a klarna sempre recusa, e agora?
E o banco bloqueou o pagamento, socorro
E um atendente pode me retornar?
E o mb way não conclui o pagamento
""",
    "nl": """
E liever dat iemand me even belt, dat is makkelijker
E ik wil iemand aan de telefoon
E mijn kaart wordt geweigerd terwijl er genoeg op staat
E paypal geeft steeds een foutmelding
E kunnen jullie mij morgenochtend bellen?
E derde keer dat ik schrijf en niemand reageert, ik wil een mens!!
E klarna keurt me steeds af, wat nu?
E de bank heeft de betaling geblokkeerd, help
E kan een medewerker mij terugbellen?
E ideal betaling blijft mislukken
""",
}

# Shipping to a named country, region or city, without the word "shipping".
SHIPPING_TO_A_PLACE = {
    "en": """
S do u deliver to scotland?
S can you send it to my sister in Toronto?
S how long would it take to get to Lisbon?
S I'm in Berlin, do you post there and how many days?
S any chance you ship to Hawaii
S can it be sent to Northern Ireland
S shipping to puerto rico possible?
S what does it cost to send to Australia
S do you guys ship over to the UK
S if I order today can it reach Texas by friday?
""",
    "es": """
S envían a Canarias?
S hacéis envíos a Argentina?
S cuánto tarda en llegar a Bilbao?
S me lo podéis mandar a Francia?
S llega a Mallorca?
S mandan a Colombia?
S cuanto cuesta el envio a portugal
S vivo en Andorra, me lo enviáis?
S si lo pido hoy llega a Sevilla el viernes?
S se puede enviar a Ceuta?
""",
    "fr": """
S vous livrez en Suisse ?
S vous envoyez au Canada ?
S combien de temps pour recevoir à Marseille ?
S c'est possible de livrer en Corse ?
S vous expédiez à la Réunion ?
S la livraison en Belgique coûte combien ?
S je suis à Bruxelles, vous livrez ?
S si je commande aujourd'hui ça arrive à Lyon vendredi ?
S vous envoyez au Maroc ?
S ça coûte combien d'envoyer au Luxembourg ?
""",
    "de": """
S liefert ihr in die Schweiz?
S versendet ihr nach Österreich?
S wie lange dauert es nach München?
S kann man nach Mallorca liefern lassen?
S schickt ihr auch nach Luxemburg?
S was kostet der versand nach Belgien?
S ich wohne in Wien, liefert ihr da hin?
S wenn ich heute bestelle, ist es freitag in Hamburg?
S geht versand nach Polen?
S könnt ihr es nach Italien schicken?
""",
    "it": """
S spedite in Svizzera?
S mandate anche in Sardegna?
S quanto ci mette ad arrivare a Palermo?
S si può spedire a San Marino?
S consegnate in Germania?
S quanto costa la spedizione in Francia?
S abito a Lugano, spedite lì?
S se ordino oggi arriva a Milano venerdì?
S spedite in Albania?
S me la potete mandare in Austria?
""",
    "pt": """
S vocês entregam em Angola?
S enviam para os Açores?
S quanto tempo demora pra chegar em Recife?
S dá pra enviar pra Espanha?
S entregam no Rio?
S quanto custa o frete pra Manaus?
S moro em Lisboa, vocês mandam pra cá?
S se eu comprar hoje chega em BH até sexta?
S mandam pra Madeira?
S conseguem mandar pro Canadá?
""",
    "nl": """
S leveren jullie in België?
S versturen jullie naar Duitsland?
S hoe lang duurt het naar Groningen?
S kan het naar Curaçao verstuurd worden?
S sturen jullie ook naar Frankrijk?
S wat kost verzenden naar Spanje?
S ik woon in Antwerpen, bezorgen jullie daar?
S als ik vandaag bestel is het vrijdag in Utrecht?
S verzenden jullie naar Zwitserland?
S kunnen jullie het naar Engeland sturen?
""",
}

# Fit for a body: wide feet, long arms, broad shoulders, runs small.
SIZING_FOR_A_BODY = {
    "en": """
Z I've got wide feet, will these be ok?
Z my arms are really long, are the sleeves long enough?
Z do they come up small? I'm usually an M
Z broad shoulders here, should I go a size up?
Z I'm 6'3, will the trousers be long enough
Z is it roomy around the hips?
Z curvy girl here, does the dress have any stretch?
Z do the boots fit a wide calf?
Z my feet are a 10.5, should I take the 11?
Z are they narrow? I have chunky feet lol
""",
    "es": """
Z tengo el pie ancho, me irán bien?
Z tengo los brazos largos, las mangas son largas?
Z vienen pequeñas o normales?
Z soy de espalda ancha, cojo una talla más?
Z mido 1,90, el pantalón me llegará?
Z tallan grande?
Z son cómodas para pie ancho?
Z estoy entre la M y la L, cuál me recomiendas
Z tiene elástico la cintura? tengo cadera ancha
Z las botas van bien con gemelo ancho?
""",
    "fr": """
Z j'ai le pied large, elles iront ?
Z j'ai les bras longs, les manches sont assez longues ?
Z ça taille petit ou normal ?
Z j'ai des épaules larges, je prends une taille au-dessus ?
Z je mesure 1m88, le pantalon sera assez long ?
Z les baskets chaussent grand ?
Z c'est confortable pour pieds larges ?
Z j'hésite entre le 38 et le 40
Z la robe est extensible ? j'ai des hanches
Z les bottes vont à des mollets larges ?
""",
    "de": """
Z ich hab breite füße, passen die?
Z hab lange arme, sind die ärmel lang genug?
Z fallen die klein aus?
Z breites kreuz hier, lieber eine nummer größer?
Z bin 1,92, sind die hosen lang genug?
Z sind die schuhe eher schmal?
Z taugen die für breite Füße?
Z schwanke zwischen 38 und 40
Z ist das kleid dehnbar? hab breite hüften
Z passen die stiefel bei kräftigen waden?
""",
    "it": """
Z ho il piede largo, vanno bene?
Z ho le braccia lunghe, le maniche sono abbastanza lunghe?
Z vestono piccole o normali?
Z ho le spalle larghe, prendo una taglia in più?
Z sono alto 1,90, i pantaloni bastano?
Z le scarpe calzano grandi?
Z sono comode per piedi larghi?
Z sono indecisa tra la 42 e la 44
Z il vestito è elasticizzato? ho i fianchi larghi
Z gli stivali vanno bene con il polpaccio largo?
""",
    "pt": """
Z tenho o pé largo, serve?
Z tenho braço comprido, a manga é longa o suficiente?
Z vestem pequeno ou normal?
Z tenho ombro largo, pego um número maior?
Z tenho 1,90, a calça fica curta?
Z o tênis forma grande?
Z é confortável pra pé largo?
Z tô entre o 38 e o 40
Z o vestido estica? tenho quadril largo
Z a bota serve em panturrilha grossa?
""",
    "nl": """
Z ik heb brede voeten, passen ze?
Z ik heb lange armen, zijn de mouwen lang genoeg?
Z vallen ze klein?
Z brede schouders hier, maatje groter nemen?
Z ben 1,95, is de broek lang genoeg?
Z zijn de schoenen smal?
Z geschikt voor brede voeten?
Z twijfel tussen 38 en 40
Z is de jurk rekbaar? heb brede heupen
Z passen de laarzen bij brede kuiten?
""",
}

# Will a colour come back, any left in a size or a colour.
STOCK_COMING_BACK = {
    "en": """
A will the green one come back?
A any chance the navy is restocked soon?
A got any left in XL?
A is the yellow still around or gone?
A when's the black one back
A do u have more of the mugs coming
A still got the blue in a medium?
A are there any of the red left?
A will you get more in size 8
A is the beige sold out for good?
""",
    "es": """
A va a volver el verde?
A volveréis a tener la azul?
A os queda alguna en XL?
A cuándo reponen el negro?
A quedan en talla 38?
A el rosa ya no lo vais a sacar?
A hay alguna en blanco todavía?
A se agotó la beige para siempre?
A tenéis más del modelo gris?
A cuando vuelven a entrar las camisetas?
""",
    "fr": """
A le vert va revenir ?
A vous allez refaire le bleu marine ?
A il vous en reste en XL ?
A quand est-ce que le noir revient ?
A il y en a encore en 39 ?
A le beige est épuisé pour de bon ?
A vous l'avez encore en blanc ?
A vous en recevez d'autres bientôt ?
A il en reste des roses ?
A la veste grise, c'est fini ?
""",
    "de": """
A kommt die grüne wieder?
A wird es das dunkelblaue nochmal geben?
A habt ihr noch welche in XL?
A wann ist die schwarze wieder da?
A gibt's die noch in 39?
A ist die beige endgültig weg?
A habt ihr die noch in weiß?
A bekommt ihr bald neue rein?
A sind noch rosa da?
A die graue jacke, gibt's die nicht mehr?
""",
    "it": """
A tornerà il verde?
A rifarete il blu navy?
A ne avete ancora in XL?
A quando torna il nero?
A c'è ancora il 39?
A il beige è finito per sempre?
A l'avete ancora in bianco?
A ne arrivano altri a breve?
A ci sono ancora quelle rosa?
A la giacca grigia non c'è più?
""",
    "pt": """
A o verde vai voltar?
A vão repor o azul marinho?
A ainda tem no GG?
A quando volta o preto?
A tem o 39 ainda?
A o bege acabou de vez?
A vocês ainda têm no branco?
A vai chegar mais?
A sobrou algum rosa?
A a jaqueta cinza não tem mais?
""",
    "nl": """
A komt de groene nog terug?
A komt het donkerblauw weer?
A hebben jullie nog in XL?
A wanneer is de zwarte er weer?
A is 39 er nog?
A is de beige voorgoed weg?
A heb je hem nog in wit?
A krijgen jullie binnenkort nieuwe binnen?
A zijn er nog roze?
A de grijze jas, is die er niet meer?
""",
}

# An order already placed (order status) against delivery before buying (shipping).
ORDER_OR_DELIVERY = {
    "en": """
O ordered on tuesday, still no shipping email?
O I placed an order last week and heard nothing, where is it?
O my parcel says delivered but it's not here
O has order #55213 gone out yet?
O still waiting on the hoodie I bought on the 2nd
S if I order now when would it arrive?
S what's the delivery cost?
O got a confirmation but no tracking link yet
O it's been 10 days since I ordered, nothing yet
S how long does delivery usually take
""",
    "es": """
O hice el pedido el martes y aún no tengo el mail de envío
O compré hace una semana y nada, dónde está?
O pone entregado pero no me ha llegado nada
O el pedido #40921 ya salió?
O sigo esperando lo que pedí el día 3
S si lo pido ahora cuándo me llega?
S cuánto cuesta el envío?
O me llegó la confirmación pero no el número de seguimiento
O hace 10 días que compré y nada
S cuanto tardan los envios normalmente
""",
    "fr": """
O j'ai commandé lundi et toujours pas de mail d'envoi
O commande faite il y a une semaine, rien reçu, elle est où ?
O le suivi dit livré mais j'ai rien
O ma commande #88120 est partie ?
O j'attends toujours le pull acheté le 3
S si je commande maintenant je le reçois quand ?
S combien coûtent les frais de port ?
O j'ai eu la confirmation mais pas de numéro de suivi
O ça fait 10 jours que j'ai passé commande, rien
S vous livrez en combien de jours en général ?
""",
    "de": """
O hab montag bestellt und noch keine versandmail
O bestellung vor einer woche, nix gekommen, wo ist die?
O tracking sagt zugestellt, aber hier ist nichts
O ist bestellung #77341 schon raus?
O warte immer noch auf den pulli vom 3.
S wenn ich jetzt bestelle, wann kommt es?
S was kostet der versand?
O bestätigung kam, aber keine sendungsnummer
O seit 10 tagen bestellt und nichts
S wie lange braucht die lieferung normalerweise?
""",
    "it": """
O ho ordinato lunedì e ancora niente mail di spedizione
O ordine fatto una settimana fa, non è arrivato niente, dov'è?
O il tracking dice consegnato ma qui non c'è nulla
O l'ordine #66102 è già partito?
O aspetto ancora la felpa presa il 3
S se ordino adesso quando mi arriva?
S quanto costa la spedizione?
O mi è arrivata la conferma ma non il numero di tracking
O sono 10 giorni che ho ordinato e niente
S in quanti giorni consegnate di solito?
""",
    "pt": """
O pedi na segunda e até agora nada de e-mail de envio
O comprei faz uma semana e não chegou nada, cadê?
O o rastreio diz entregue mas não recebi nada
O o pedido #55019 já saiu?
O ainda tô esperando o moletom que comprei dia 3
S se eu comprar agora quando chega?
S quanto é o frete?
O recebi a confirmação mas não o código de rastreio
O faz 10 dias que fiz o pedido e nada
S em quantos dias vocês entregam normalmente?
""",
    "nl": """
O maandag besteld en nog geen verzendmail
O week geleden besteld, niks gekomen, waar blijft het?
O track & trace zegt bezorgd maar er is niks
O is bestelling #44120 al de deur uit?
O wacht nog steeds op de trui die ik de 3e bestelde
S als ik nu bestel, wanneer komt het?
S wat zijn de verzendkosten?
O bevestiging gehad maar geen trackingcode
O al 10 dagen geleden besteld en niks
S hoe lang duurt de levering meestal?
""",
}

# Black Friday, a percentage off, a price that may drop, a sale to come.
SALES_AND_PRICE_DROPS = {
    "en": """
D will this go on sale for black friday?
D any cyber monday deals coming?
D is there 10% off for first orders?
D will the price drop soon?
D any chance of a discount if I buy two?
D do you do student discount
D when's your next sale
D could you knock a bit off the price?
D is it cheaper on black friday
D got any codes for new customers?
""",
    "es": """
D la sudadera baja de precio en rebajas?
D tendréis ofertas en el black friday?
D hay un 10% para primera compra?
D va a bajar de precio?
D si compro dos me hacéis descuento?
D tenéis descuento de estudiante?
D cuándo empiezan las rebajas?
D me lo dejas un poco más barato?
D estará más barato el cyber monday?
D hay algún código para nuevos clientes?
""",
    "fr": """
D le manteau sera en promo pour le black friday ?
D il y aura des soldes bientôt ?
D y a -10% sur la première commande ?
D le prix va baisser ?
D si j'en prends deux vous faites un prix ?
D réduction étudiante possible ?
D c'est quand les prochaines soldes ?
D vous pouvez me faire un petit prix ?
D ce sera moins cher au cyber monday ?
D un code promo pour les nouveaux clients ?
""",
    "de": """
D ist der mantel am black friday reduziert?
D gibt es bald einen sale?
D gibt's 10% auf die erste bestellung?
D wird der preis noch fallen?
D wenn ich zwei nehme, gibt's rabatt?
D gibt es studentenrabatt?
D wann ist euer nächster sale?
D geht da preislich noch was?
D wird es am cyber monday günstiger?
D habt ihr einen gutschein für neukunden?
""",
    "it": """
D il cappotto sarà scontato per il black friday?
D fate i saldi a breve?
D c'è il 10% sul primo ordine?
D il prezzo scenderà?
D se ne prendo due mi fate uno sconto?
D avete sconti per studenti?
D quando iniziano i saldi?
D mi fate un prezzo migliore?
D costerà meno al cyber monday?
D c'è un codice sconto per nuovi clienti?
""",
    "pt": """
D o casaco vai ter desconto na black friday?
D vai ter promoção logo?
D tem 10% na primeira compra?
D o preço vai baixar?
D se eu levar dois tem desconto?
D tem desconto pra estudante?
D quando começa a liquidação?
D faz um precinho melhor?
D vai ficar mais barato na cyber monday?
D tem cupom pra cliente novo?
""",
    "nl": """
D gaat de jas in de black friday sale?
D komt er binnenkort uitverkoop?
D is er 10% op de eerste bestelling?
D gaat de prijs nog omlaag?
D als ik er twee neem, krijg ik korting?
D hebben jullie studentenkorting?
D wanneer is de volgende sale?
D kan er nog wat van de prijs af?
D is het goedkoper op cyber monday?
D is er een kortingscode voor nieuwe klanten?
""",
}

# Questions about the product or the cart that no rule answers: a person should.
NO_RULE_FITS = {
    "en": """
F is the bottle dishwasher safe?
F what's the jacket made of?
F is the leather vegan?
F does the charger work with iphone 15?
F can I pick it up from your shop?
F do the candles smell strong?
F my cat shredded the last one 😂 is this one tougher?
F oops I emptied my cart by accident, can you resend the link?
F is the mug microwave safe
F does it come with batteries?
""",
    "es": """
F la botella se puede meter en el lavavajillas?
F de qué material es la chaqueta?
F el cuero es vegano?
F el cargador sirve para iphone 15?
F puedo recogerlo en la tienda?
F las velas huelen mucho?
F mi gato destrozó la otra jaja, esta aguanta más?
F borré el carrito sin querer, me pasáis el enlace otra vez?
F la taza va al microondas?
F trae pilas?
""",
    "fr": """
F la gourde passe au lave-vaisselle ?
F la veste est en quelle matière ?
F le cuir est vegan ?
F le chargeur marche avec l'iphone 15 ?
F je peux le récupérer en boutique ?
F les bougies sentent fort ?
F mon chien a détruit l'ancien mdr, celui-ci est plus solide ?
F j'ai vidé mon panier par erreur, vous pouvez me renvoyer le lien ?
F le mug va au micro-ondes ?
F les piles sont fournies ?
""",
    "de": """
F ist die flasche spülmaschinenfest?
F aus welchem material ist die jacke?
F ist das leder vegan?
F geht das ladekabel mit dem iphone 15?
F kann ich das im laden abholen?
F riechen die kerzen stark?
F mein hund hat den alten zerlegt haha, ist der robuster?
F warenkorb aus versehen gelöscht, könnt ihr den link nochmal schicken?
F ist die tasse mikrowellengeeignet?
F sind batterien dabei?
""",
    "it": """
F la borraccia va in lavastoviglie?
F di che materiale è la giacca?
F la pelle è vegana?
F il caricatore funziona con l'iphone 15?
F posso ritirarlo in negozio?
F le candele profumano tanto?
F il mio cane ha distrutto quello vecchio ahah, questo è più resistente?
F ho svuotato il carrello per errore, mi mandate di nuovo il link?
F la tazza va nel microonde?
F le pile sono incluse?
""",
    "pt": """
F a garrafa pode ir na lava-louça?
F qual o material da jaqueta?
F o couro é vegano?
F o carregador funciona com iphone 15?
F posso retirar na loja?
F as velas têm cheiro forte?
F meu cachorro destruiu o antigo kkkk, esse é mais resistente?
F apaguei o carrinho sem querer, me mandam o link de novo?
F a caneca vai no micro-ondas?
F vem com pilhas?
""",
    "nl": """
F mag de fles in de vaatwasser?
F van welk materiaal is de jas?
F is het leer vegan?
F werkt de oplader met de iphone 15?
F kan ik het in de winkel ophalen?
F ruiken de kaarsen sterk?
F mijn hond heeft de vorige gesloopt haha, is deze steviger?
F winkelwagen per ongeluk leeggemaakt, kunnen jullie de link nog eens sturen?
F kan de mok in de magnetron?
F zitten er batterijen bij?
""",
}

# A second batch, every category again in new words, written after the first round of changes and run once
# before any change for it (its first-run score is in the module docstring), then tuned on too.
SECOND_BATCH = {
    "en": """
K nice one, I'll probably sort it out after the weekend
K ok thank you, will decide tomorrow 😊
K thanks hun, I'll have a think and come back to you
E could someone from your team phone me this afternoon
E I'd like a callback please, easier than texting
E my payment got refused twice, bank says all fine
S do you post to new zealand?
S can you ship this to my mum in Spain
S how many days to get to Canada?
Z are these ok for someone with high arches and wide feet?
Z I have a long torso, is the top long enough?
Z my shoulders are broad, will the medium be too tight?
A is the olive one ever coming back?
A got any more of the grey in stock soon?
A any navy left in a small?
O where's my stuff? ordered 2 weeks ago
O bought it on monday and still no tracking
S if I buy it today will it be here by saturday?
D are you doing anything for black friday?
D will it be reduced soon?
D do you ever do 20% off?
F is the jacket machine washable?
F does the lamp come with a bulb?
F can you gift wrap it?
""",
    "es": """
K vale, gracias, ya lo decido mañana
K genial, lo pienso y os digo, saludos
K gracias majo, a ver si el finde lo pido
E me puede llamar alguien esta tarde?
E prefiero hablar por teléfono con alguien, es más fácil
E no me acepta el pago, la tarjeta está bien
S enviáis a Portugal?
S me lo mandáis a Londres?
S cuanto tarda a Mexico?
Z tengo el empeine alto, me valdrán?
Z tengo el torso largo, la camiseta es larga?
Z de hombros soy ancho, la M me quedará justa?
A volverá el verde oliva?
A os queda alguna en azul marino?
A cuándo vuelve a estar la gris?
O pedí hace dos semanas y nada, dónde está?
O compré el lunes y aún sin seguimiento
S si lo compro hoy llega el sábado?
D haréis algo para el black friday?
D bajará de precio pronto?
D hacéis 20% alguna vez?
F la chaqueta se puede lavar en lavadora?
F la lámpara trae bombilla?
F lo podéis envolver para regalo?
""",
    "fr": """
K merci, je vais voir ça demain tranquille
K ok super, je réfléchis et je vous dis
K merci beaucoup, je commanderai sûrement ce week-end
E quelqu'un pourrait m'appeler cet après-midi ?
E je préfère qu'on m'appelle, c'est plus facile
E mon paiement est refusé alors que ma banque dit que tout va bien
S vous envoyez en Espagne ?
S vous pouvez l'envoyer à ma mère à Londres ?
S combien de jours pour le Canada ?
Z j'ai le pied très large, ça passe ?
Z j'ai le buste long, le haut est assez long ?
Z j'ai les épaules carrées, le M sera trop serré ?
A le kaki va revenir un jour ?
A il vous en reste en bleu marine ?
A quand est-ce que le gris revient en stock ?
O commandé il y a deux semaines et toujours rien, il est où ?
O acheté lundi et toujours pas de suivi
S si je l'achète aujourd'hui je l'ai samedi ?
D vous faites quelque chose pour le black friday ?
D ça va baisser bientôt ?
D vous faites parfois -20% ?
F la veste passe en machine ?
F la lampe est livrée avec une ampoule ?
F vous pouvez faire un paquet cadeau ?
""",
    "de": """
K danke, ich entscheide morgen 😊
K super, ich überleg's mir und meld mich
K dankeschön, bestell wahrscheinlich am wochenende
E kann mich heute nachmittag jemand anrufen?
E ich würde lieber mit jemandem telefonieren
E meine zahlung wurde abgelehnt, die bank sagt alles ok
S liefert ihr nach Spanien?
S könnt ihr das an meine mutter in london schicken?
S wie viele tage nach Kanada?
Z hab einen hohen spann und breite füße, geht das?
Z hab einen langen oberkörper, ist das shirt lang genug?
Z breite schultern, wird M zu eng?
A kommt das olivgrün nochmal?
A habt ihr noch was in marineblau?
A wann ist die graue wieder auf lager?
O vor zwei wochen bestellt und nichts da, wo bleibt es?
O montag gekauft und immer noch keine sendungsverfolgung
S wenn ich heute kaufe, ist es samstag da?
D macht ihr was zum black friday?
D wird das bald günstiger?
D gibt es mal 20%?
F kann man die jacke in der maschine waschen?
F ist bei der lampe eine birne dabei?
F könnt ihr es als geschenk verpacken?
""",
    "it": """
K grazie, decido domani 😊
K ok perfetto, ci penso e vi dico
K grazie mille, probabilmente ordino nel weekend
E qualcuno mi può chiamare oggi pomeriggio?
E preferisco parlare al telefono con qualcuno
E il pagamento è stato rifiutato ma la banca dice che è tutto ok
S spedite in Spagna?
S potete mandarlo a mia madre a Londra?
S quanti giorni per il Canada?
Z ho il collo del piede alto e il piede largo, vanno bene?
Z ho il busto lungo, la maglia è abbastanza lunga?
Z ho le spalle larghe, la M sarà stretta?
A tornerà il verde oliva?
A vi resta qualcosa in blu navy?
A quando torna disponibile il grigio?
O ordinato due settimane fa e niente, dov'è?
O comprato lunedì e ancora nessun tracking
S se lo compro oggi arriva sabato?
D fate qualcosa per il black friday?
D calerà di prezzo presto?
D fate mai il 20%?
F la giacca si può lavare in lavatrice?
F la lampada ha la lampadina inclusa?
F potete fare una confezione regalo?
""",
    "pt": """
K obrigado, decido amanhã 😊
K show, vou pensar e te falo
K valeu demais, acho que peço no fim de semana
E alguém pode me ligar hoje à tarde?
E prefiro falar por telefone com alguém
E meu pagamento foi recusado mas o banco diz que tá tudo certo
S vocês enviam pra Espanha?
S dá pra mandar pra minha mãe em Londres?
S quantos dias pro Canadá?
Z tenho peito do pé alto e pé largo, serve?
Z tenho tronco comprido, a blusa é longa?
Z tenho ombros largos, o M vai ficar apertado?
A o verde oliva vai voltar?
A ainda tem algum azul marinho?
A quando o cinza volta pro estoque?
O pedi faz duas semanas e nada, cadê?
O comprei segunda e ainda sem rastreio
S se eu comprar hoje chega sábado?
D vão fazer algo na black friday?
D vai baixar de preço logo?
D vocês fazem 20% às vezes?
F a jaqueta pode lavar na máquina?
F a luminária vem com lâmpada?
F vocês fazem embrulho de presente?
""",
    "nl": """
K dank je, ik beslis morgen 😊
K top, ik denk erover na en laat het weten
K dankjewel, bestel waarschijnlijk in het weekend
E kan iemand me vanmiddag bellen?
E ik praat liever telefonisch met iemand
E mijn betaling is geweigerd maar de bank zegt dat alles ok is
S leveren jullie in Spanje?
S kunnen jullie het naar mijn moeder in Londen sturen?
S hoeveel dagen naar Canada?
Z ik heb een hoge wreef en brede voeten, gaat dat?
Z ik heb een lang bovenlijf, is het shirt lang genoeg?
Z brede schouders, wordt M te krap?
A komt het olijfgroen nog terug?
A hebben jullie nog iets in marineblauw?
A wanneer is de grijze weer op voorraad?
O twee weken geleden besteld en niks, waar blijft het?
O maandag gekocht en nog steeds geen track en trace
S als ik het vandaag koop, is het er zaterdag?
D doen jullie iets met black friday?
D wordt het binnenkort goedkoper?
D doen jullie wel eens 20%?
F mag de jas in de wasmachine?
F zit er een lampje bij de lamp?
F kunnen jullie het als cadeau inpakken?
""",
}

# A third batch, acknowledgements only (first run after the second round: 4/20), with traps that carry a
# plan and something to answer (N: anything but an acknowledgement), written before the change for them.
THIRD_BATCH = {
    "en": """
K let me think about it, thanks
K need to think about it tbh
K I'll check with my husband first
K I need to talk to my wife first, thanks
K no rush, I'll get it next payday
K thanks, will order once I'm back from holiday
K cheers, gonna wait till payday
N gonna wait, the site keeps logging me out
N I'll order it but the zip was broken on the last one
N let me know when the blue is back
N I'll wait for the refund then
N i'll check the link but it shows an error
""",
    "es": """
K déjame pensarlo, gracias
K tengo que pensarlo, gracias
K lo consulto con mi pareja y te digo
N tengo que esperar mucho para el reembolso
""",
    "fr": """
K laissez-moi réfléchir, merci
K je dois en parler à mon mari, merci
N je dois attendre combien de temps
""",
    "de": """
K ich muss noch überlegen, danke
K ich frag mal meinen mann, danke
N ich muss noch warten bis die karte geht
N ich frag mal, wo bleibt mein paket
""",
    "it": """
K devo pensarci, grazie
K ne parlo con mio marito e vi faccio sapere
N devo aspettare ancora tanto
N ne parlo con mio marito, ma il link non funziona
""",
    "pt": """
K preciso pensar, obrigada
K vou falar com meu marido e te aviso
N preciso esperar o reembolso
N vou esperar o estorno
""",
    "nl": """
K ik moet er nog even over nadenken, bedankt
K ik overleg het even met mijn vriend
N ik moet nog wachten op mijn geld
""",
}

# A fourth batch (a place, a body, a colour back, a call, a card), written after the third round and run
# once before any change for it: 33/39; then tuned on ("too long", "zu lang", "te kort"...).
FOURTH_BATCH = {
    "en": """
S hi, do you deliver to the canary islands?
S can I get it delivered to my office in Brooklyn?
S is it possible to send to an APO address?
Z my toes are wide, will the sneakers pinch?
Z I'm petite, will the jeans be too long?
Z do the sleeves fit long arms?
A will you restock the lilac?
E can someone call me? it's about my order
E my visa got declined at checkout
""",
    "es": """
S mandáis a Galicia?
Z soy bajita, el vestido me quedará largo?
A vais a volver a sacar el lila?
E necesito que me llamen, es urgente
E mi tarjeta no pasa
""",
    "fr": """
S vous livrez en Guadeloupe ?
Z je suis petite, le jean sera trop long ?
A vous allez remettre le lilas en stock ?
E rappelez-moi au plus vite svp
E ma carte ne passe pas
""",
    "de": """
S liefert ihr auch nach Südtirol?
Z ich bin klein, ist die hose zu lang?
A kommt lila wieder rein?
E bitte um rückruf heute
E meine karte geht nicht durch
""",
    "it": """
S consegnate anche in Sicilia?
Z sono bassina, il vestito sarà troppo lungo?
A rimetterete in vendita il lilla?
E richiamatemi per favore è urgente
E la carta non passa
""",
    "pt": """
S entregam em Portugal continental?
Z sou baixinha, a calça vai ficar comprida?
A vão voltar a vender o lilás?
E me liga por favor, é urgente
E meu cartão não passa
""",
    "nl": """
S bezorgen jullie ook op de Waddeneilanden?
Z ik ben klein, is de broek te lang?
A komen jullie weer met lila?
E bel me even terug aub
E mijn pas werkt niet bij het afrekenen
""",
}

# A fifth batch (someone answering for the shopper, "bought it elsewhere, thanks anyway", "enough dithering,
# I'll order", a plan around work or payday, an older shopper asking for a call, a body height for a length,
# a delivery date before a trip or after another shop's cancelled order), with traps, written before any
# change for it.
FIFTH_BATCH = {
    "en": """
K this is Tom's PA, he'll have a look on Monday, thanks
K I'm her husband, I'll pass it on to her
K sorry, just seen this, already picked one up in town, thanks anyway
K got one elsewhere in the end, thanks though
K right, enough umming and ahhing, I'll order it tonight
K left it there on purpose, I get paid on Friday
K just finishing work, will order it this evening thanks
E I'm 81 and I can't figure out how to pay on the website, could someone ring me
Z I'm 6'2, is the sleeping bag long enough?
S do you ship fast enough to get it before the 20th? flying to Lisbon
S I cancelled an order with another store, how quickly can you deliver to Leeds?
O my assistant says the order never arrived
O already bought it last week, where is it?
""",
    "es": """
K soy la hija de Carmen, ya se lo digo yo, gracias
K perdona, lo acabo de ver, ya lo compré en otra tienda, gracias igualmente
K venga, ya no lo pienso más, lo pido esta noche
K salgo ahora del curro, luego lo pido, gracias
E tengo 80 años y no sé cómo terminar la compra, me pueden llamar por teléfono?
Z mido 1,90, quepo en el saco de dormir?
S nos vamos el día 15, si lo pido hoy llega antes?
O ya lo compré hace una semana, dónde está?
""",
    "fr": """
K je suis le mari de Claire, je lui transmets, merci
K désolée, je viens de voir, je l'ai déjà acheté en magasin, merci quand même
K allez, j'arrête d'hésiter, je commande ce soir
K je l'ai laissé exprès, la paie tombe vendredi
E j'ai 79 ans et je n'arrive pas à finir la commande, quelqu'un peut me téléphoner ?
Z je mesure 1m92, le duvet sera assez long ?
S j'ai annulé ma commande chez un autre site, vous livrez vite à Lyon ?
O mon assistante dit que la commande n'est jamais arrivée
""",
    "de": """
K hier ist die Assistentin von Herrn Maier, er meldet sich morgen, danke
K sorry, grad erst gesehen, hab's schon im Laden gekauft, trotzdem danke
K so, genug hin und her, ich bestell heut abend
W komm grad von der Arbeit, bestell's später, danke
E ich bin 82 und komme mit der Bestellung nicht klar, kann mich jemand anrufen?
Z ich bin 1,93 groß, reicht der Schlafsack?
S meine Bestellung bei einem anderen Laden hab ich storniert, wie schnell liefert ihr nach Köln?
S wir fliegen am 18., kommt es bis dahin an wenn ich heute bestelle?
O hab's schon letzte woche gekauft, wo bleibt es?
""",
    "it": """
K sono la moglie di Marco, glielo dico io, grazie
K scusate, l'ho visto solo ora, l'ho già preso in negozio, grazie lo stesso
K basta pensarci, stasera la ordino
K l'ho lasciato apposta, lo stipendio arriva venerdì
E ho 78 anni e non riesco a completare l'acquisto, qualcuno mi può telefonare?
Z sono alta 1,80, il sacco a pelo è abbastanza lungo?
Z sono alto 1,92, ci entro nel sacco a pelo?
S ho annullato un ordine su un altro sito, quanto ci mettete a consegnare a Torino?
O la mia segretaria dice che l'ordine non è mai arrivato
""",
    "pt": """
K sou o marido da Joana, eu passo o recado, obrigado
K desculpa, só vi agora, já comprei noutra loja, obrigada na mesma
K chega de pensar, hoje à noite eu compro
W tô saindo do trampo, mais tarde eu peço, valeu
E tenho 77 anos e não consigo finalizar a compra, alguém pode me ligar?
Z tenho 1,91, o saco de dormir dá para mim?
S viajo dia 22, se eu pedir hoje chega antes?
O já comprei faz uma semana, cadê?
""",
    "nl": """
K ik ben de assistent van Peter, hij kijkt er morgen naar, dank je
K sorry, nu pas gezien, heb 'm al in de winkel gekocht, toch bedankt
K genoeg getwijfeld, ik bestel 'm vanavond
K ik heb het expres laten staan, vrijdag krijg ik salaris
E ik ben 80 en snap niet hoe ik de bestelling afrond, kan iemand me bellen?
Z ik ben 1,95, past de slaapzak?
S ik heb bij een andere winkel geannuleerd, hoe snel leveren jullie in Utrecht?
O mijn assistent zegt dat de bestelling nooit is aangekomen
""",
}

# A sixth batch, the same categories with a greeting or a sign-off around them, shorthand apologies, a named
# store, written after the fifth round and run once before any change for it.
SIXTH_BATCH = {
    "en": """
K Hi, I'm Sam's carer, I'll let him know. Kind regards
K soz only just noticed this, grabbed one at Decathlon last week, thanks anyway
K Good morning, this is Mrs Patel's secretary, she will get back to you. Thanks
""",
    "es": """
K Hola, soy la mujer de Luis, le digo que lo mire mañana
K perdón, ahora lo veo, al final lo compré en otra tienda, gracias igual
""",
    "fr": """
K Bonjour, je suis l'assistante de M. Martin, il vous rappellera. Cordialement
K dsl je le vois seulement maintenant, finalement je l'ai acheté ailleurs, merci quand même
""",
    "de": """
K Guten Tag, hier ist der Sekretär von Herrn Koch, er meldet sich. Grüße
K sry eben erst gesehen, hab's schon woanders gekauft, trotzdem danke
""",
    "it": """
K Buongiorno, sono l'assistente del dott. Bianchi, glielo riferisco. Saluti
K scusate, vedo solo adesso, l'ho già comprato altrove, grazie lo stesso
""",
    "pt": """
K Bom dia, sou a esposa do Rui, vou avisar ele. Obrigada
K desculpe, só vi agora, já comprei noutra loja, obrigado mesmo assim
""",
    "nl": """
K Goedemorgen, ik ben de vrouw van Jan, ik geef het aan hem door. Groetjes
K sorry, zie het nu pas, al bij een andere winkel gekocht, toch bedankt
""",
}

SEVENTH_BATCH = {
    "en": """
D the code SNOW15 doesn't work
S can I have it before the 18th? it's a present
K after payday I'll order, thanks
N the tracking code doesn't work
""",
    "es": """
S ¿lo tengo antes del 20? salimos de viaje el 22
A ¿cuándo vuelven las botas en el 38?
N salimos mañana, ¿se puede recoger en tienda?
D el código NIEVE15 no funciona
""",
    "fr": """
D le code NEIGE15 ne marche pas
S je peux l'avoir avant le 18 ? c'est pour un cadeau
A les bonnets reviennent quand ?
N le code postal ne passe pas, je fais comment ?
K après la paie je commande, merci
""",
    "de": """
D der Code SCHNEE15 funktioniert nicht
K danke, ich bespreche das mit meinem Mann
K nach dem Gehalt bestell ich, danke
A wann kommen die Handschuhe wieder?
N der Code für die Sendungsverfolgung geht nicht
""",
    "it": """
A quando tornano i guanti in taglia S?
D il codice NEVE15 non funziona
S posso averla entro il 18? è un regalo
""",
    "pt": """
A quando volta a bota no 38?
D o código NEVE15 não funciona
S consigo ter antes do dia 18? é presente
""",
    "nl": """
D de code SNEEUW15 werkt niet
A wanneer komen de handschoenen terug?
S kan ik hem hebben voor de 18e? het is een cadeau
""",
}

EIGHTH_BATCH = {
    "en": """
E the checkout keeps spinning and won't stop loading, but the money left my account
K Many thanks, I shall talk it over with my husband.
K leave it with me, will get it when my pocket money comes in
""",
    "es": """
E el pago no para de cargar y ya me quitaron el dinero
K Mil gracias, lo consultaré con mi marido.
K sale, gracias
K lo pillo cuando me den la paga
S ¿me lo traen a casa en Toledo? ¿cuánto cobran por traerlo?
Z ¿sirve para un carril de 3,50 m?
""",
    "fr": """
E le paiement n'arrête pas de charger et j'ai été débité
K Je vous remercie, je vais en discuter avec mon mari.
K je prends ça quand j'ai mon argent de poche
Z il convient à un rail de 3,50 m ?
""",
    "de": """
E die Bezahlseite lädt und lädt, hört nicht auf, Geld ist aber weg
K Vielen Dank, ich bespreche es mit meinem Mann.
K hol ich mir wenn das Gehalt kommt
D gibt es Seniorenrabatt oder eine Ermäßigung für Studenten?
A habt ihr die Jacke in Dunkelgrün?
""",
    "it": """
E il pagamento non smette di caricare e mi hanno scalato i soldi
K La ringrazio, ne parlo con mio marito.
K vabbè ci penso, grazie
K la compro quando mi arriva lo stipendio
R posso ridare indietro lo zaino se non mi piace?
Z è compatibile con un binario da 3,50 m?
R si può restituire se fa schifo?
""",
    "pt": """
E o pagamento não para de carregar e o dinheiro já saiu da conta
K Obrigada, vou falar com o meu marido.
Z serve num trilho de 3,50 m?
""",
    "nl": """
E de betaalpagina blijft maar laden, maar het geld is wel weg
K Hartelijk dank, ik overleg het met mijn man.
K koop ik als mijn salaris binnen is
A hebben jullie hem in lichtgrijs?
Z past hij op een rail van 3,50 m?
R kan ik hem terugsturen als hij kut is?
""",
}

NINTH_BATCH = {
    "en": """
K later, thanks
""",
    "es": """
S dejé el pedido a medias, ¿llega a Sevilla antes del domingo?
K dale che, gracias
K ok, más tarde
""",
    "fr": """
K ok merci, plus tard
""",
    "de": """
S kommt die Jacke bis Montag geliefert, wenn ich heute bestelle?
K ok, später
""",
    "it": """
Z taglia S o M per la giacca? sono 1,70
K ok più tardi
""",
    "pt": """
K beleza, mais tarde
""",
    "nl": """
S kan ik het laten bezorgen bij een afhaalpunt in Brugge?
""",
}

TENTH_BATCH = {
    "en": """
R if the boots are too tight can I send them back?
""",
    "es": """
K Gracias. Lo compraré. Cuando cobre la pensión. Saludos, Paco
K vale tío, luego lo pillo
S ¿hay punto de recogida en Málaga?
O ya pagué la mochila, ¿cuándo sale?
""",
    "fr": """
K Merci. Je la commanderai. Le mois prochain. Cordialement, Jeanne
K jvais voir ça ce soir
Z mon fils fait 1m35, le sac de couchage lui va ?
O j'ai déjà payé le réchaud, il part quand ?
""",
    "de": """
K Danke. Ich bestelle. Wenn die Rente da ist. Gruß Erwin
K ok, kauf ich nächste Woche
""",
    "it": """
K raga top, lo prendo dopo
O ho già pagato la tenda, quando la spedite?
""",
    "pt": """
K Obrigado. Vou comprar. Quando receber a aposentadoria. Abraço, Joaquim
K mano, vou pegar depois
Z meu filho tem 1,35m, o saco de dormir serve?
""",
    "nl": """
K Dank u. Ik bestel. Volgende week. Groet, Kees
K ga m morgen kopen
Z mijn zoon is 1,35 m, past hij in de slaapzak?
R hoeveel tijd heb ik om iets terug te sturen?
""",
}

ELEVENTH_BATCH = {
    "en": """
K thanks, I'll go through it tonight with my partner
""",
    "es": """
Z ¿los crampones valen para mis botas?
""",
    "fr": """
Z les guêtres s'adaptent à mes chaussures de marche ?
K merci, je regarde ça demain avec mon mari
""",
    "de": """
S kommt das Zelt bis Dienstag an?
""",
    "it": """
Z i ramponi vanno bene per i miei scarponi?
O ordine fatto ieri, è già partito?
A c'è in arancione?
""",
    "pt": """
K obrigada pelo aviso, vou ver com o meu marido
A tem na cor laranja?
Z tenho 1,85m, cabe no saco de dormir?
""",
    "nl": """
A hebben jullie hem in oranje?
""",
}

TWELFTH_BATCH = {
    "en": """
K thanks, we'll think it over
""",
    "es": """
K gracias, lo hablamos en casa y te aviso
K cuando cobre la jubilación la pido
E no pasó el pago con la tarjeta, ¿qué hago?
""",
    "fr": """
K merci, on en reparle ce soir
K je réfléchis et je reviens vers vous
""",
    "de": """
K danke, wir überlegen es uns noch
E die Karte ging nicht durch, was jetzt?
""",
    "it": """
K grazie, ci pensiamo su
K ok ci sentiamo più avanti
""",
    "pt": """
K obrigado, vamos pensar
""",
    "nl": """
K bedankt, we denken er even over na
K goeiemiddag, merci, ik bestel het morgen
""",
}

# Session 6, after blind sets 20–22's first runs: their kinds (described to the writer, not quoted), in new
# words. First run on split 6e7db21, before any change: 56/126 (44.4 %); then tuned on.
# (Named THIRTEENTH: a TWELFTH_BATCH for sets 17 and 18 already existed.)
THIRTEENTH_BATCH = {
    "en": """
K legend, ta
K grand job, nae bother
K cheers mate, legend 👍
K thanks, I'll buy it when my birthday money comes in
K I'll order it when I get paid on Friday
K thanks, I'll take it to the committee meeting on Tuesday and come back to you
K ok thanks comma I'll think about it period
Z does the medium fit a 40 inch chest question mark
O where's #KT-44120 at?
O paid 5 days ago and nothing yet
O I paid by bank transfer yesterday, has it shipped?
O I typed the wrong house number on my order, can you fix it?
F how long does the cooler keep ice for?
F how fast does the solar shower heat up?
A do you do the board bag for a 6'8?
A is the wetsuit made in LT?
A does it come in read?
A when is the large back in stock?
S will it arrive before the 21st?
S can you ship it straight to the campsite at the festival?
Z will my phone fit in the pouch with its case on?
Z ok enough questions, last one: do two adults with rucksacks fit in the tent?
E my card keeps getting refused, I'm with Monzo
E you took the money twice
""",
    "es": """
K chido, gracias
K dale, ahorita lo miro
K gracias mi amor, lo pienso y te digo
K gracias, lo compro cuando me llegue la beca
K lo pido cuando me paguen las prácticas
K gracias, lo llevo a la junta directiva y te digo
K vale gracias punto
N el reparto es a las 10 en punto?
O ¿qué pasa con el ES-55102?
O pagué hace 6 días y nada todavía
O puse mal el código postal en el pedido, ¿se puede corregir?
F ¿cuánto tiempo tarda en calentar la ducha solar?
A ¿hay versión para niños?
A ¿la venden en pack de 10?
S ¿me llega antes del 20?
Z ¿cuántos niños de 10 años caben en la tienda?
E el banco me devolvió la transferencia, el IBAN estaba mal
A basta con que me digas si queda en verde
""",
    "fr": """
K merci bin gros
K correct, je vais y penser
K merci, je vais réfléchir une fois
K merci, je commande quand ma bourse tombe
K merci, je le présente au comité jeudi et je reviens vers vous
K merci virgule je vais réfléchir point
O des nouvelles de FR-88213 ?
O j'ai payé par virement lundi, c'est parti ?
O je me suis trompé de code postal dans ma commande, vous pouvez le corriger ?
F combien de temps la glacière garde le froid ?
A elle existe avec des roulettes ?
A vous l'avez dans une autre couleur que le gris ?
S ça arrive avant le 12 ?
Z je fais 1m95, je tiens dans la chaise ?
E ma carte est refusée encore et encore, je suis au Crédit Agricole
F vous avez un magasin à Lille ?
""",
    "de": """
K leiwand, danke
K Vergelt's Gott
K danke, bist a Legende
W schau ich mir am WE an
K danke, ich bestell's wenn das Geld vom Ferialjob da ist
K wenn das Geburtstagsgeld da ist, bestell ich
K danke, ich bespreche das mit dem Vorstand und melde mich
K danke Komma schau ich mir morgen an Punkt
Z passt die Jacke bei 1,80 Fragezeichen
O was ist mit DE-40518?
O vor 4 Tagen bezahlt und noch nichts
O hab per Überweisung bezahlt, ist es schon raus?
O falsche Hausnummer in der Bestellung, kann man das ändern?
F wie lange braucht die Solardusche zum Aufheizen?
A gibt's die Tasche auch mit Schultergurt?
A wann ist die Größe M wieder da?
S ist es bis Freitag da?
Z passen zwei Leute mit Rucksäcken ins Zelt?
E ihr habt zweimal abgebucht!
E Handy ist beim Bezahlen eingefroren
""",
    "it": """
K daje, grazie
K grazie regà, siete forti
K grazie picciotti
K grazie, lo prendo quando arrivano i soldi del compleanno
K grazie, ne parlo con la direzione e vi faccio sapere
K grazie virgola ci penso punto
S arriva entro venerdì punto interrogativo
O pagato con bonifico, è già partito?
O ho sbagliato il CAP nell'ordine, si può correggere?
F quanto tempo ci vuole per montare la tenda?
A c'è la versione per bambini?
A esiste in rosso?
S arriva prima del 15?
Z il telefono con la cover entra nel marsupio?
E la carta viene rifiutata di continuo, ho Intesa
F c'è un punto vendita a Torino?
A basta che mi dite se c'è in verde
""",
    "pt": """
K boa onda, valeu
K blz, obg
K obrigado, compro quando cair a bolsa do estágio
K obrigada, vou levar à direção do clube e depois digo
K obrigado vírgula vou pensar ponto
A tem em azul ponto de interrogação
O alguma novidade do nº PT-52280?
O paguei há 8 dias e até agora nada
F quantos dias o gelo dura na caixa térmica?
A tem com rodinhas?
A vem em outra cor sem ser laranja?
S chega antes do dia 9?
Z quantas crianças de 10 anos cabem na barraca?
E o QR code do Pix não gera
E o celular travou no meio do pagamento
F vocês têm loja física no Porto?
""",
    "nl": """
K thx, sws kijk ik er morgen naar
K grantangi
K ik zal er eens over nadenken
K thanks, ik bestel het als mijn studiefinanciering binnen is
K dank je, ik leg het voor aan het bestuur en laat het weten
K bedankt komma ik denk erover na punt
S komt het voor zaterdag vraagteken
O hoe staat het met NL-31907?
O ik heb het verkeerde huisnummer ingevuld bij mijn bestelling, kan dat nog aangepast?
F hoe lang duurt het om de tent op te zetten?
A is er een kinderversie?
A wanneer is maat L weer op voorraad?
S komt het vóór woensdag binnen?
Z past mijn telefoon met hoesje in het tasje?
E de bank heeft mijn overboeking teruggestort, verkeerd IBAN
""",
}

# Written after tuning on THIRTEENTH_BATCH, to check its word lists do not reach too far: dictated marks that
# are words, slang thanks before a question, durations of delivery, "ci sta" (it may be) beside "ci sta
# nel" (it fits). First run: 28/29 ("ci sta che arrivi domani?" read as sizing; "ci sta" alone left the list).
THIRTEENTH_BATCH_TRAPS = {
    "en": """
R what's the return period?
K ok thanks period
N legend, but the link is broken
D I'll buy it when I get paid but the code SNOW15 doesn't work
D is the SALE-2024 code still valid?
S how long does shipping take to arrive, it needs to stay cold
F how long does the battery last?
Z is it long enough for a 6'2 guy?
""",
    "es": """
S estoy a punto de comprarlo, ¿llega antes del viernes?
S chido, y el envío a Monterrey
O dale, pero no me llegó el pedido
S cuánto tarda en llegar a Madrid?
D entra en la oferta?
""",
    "fr": """
S livraison en point relais possible ?
Z je reviens vers vous demain pour la taille
S combien de temps pour la livraison ?
""",
    "de": """
Z 1 komma 80 lang, passt das?
O du bist a Legende, aber wo ist meine Bestellung
S wie lange dauert der Versand?
D gibt es das mit Rabatt?
""",
    "it": """
F c'è un punto vendita a Roma?
N grazie ragazzi, ma la taglia M c'è?
S ci sta che arrivi domani?
""",
    "pt": """
F vem com manual?
S vocês enviam para o Porto?
S quanto tempo demora para chegar?
""",
    "nl": """
O thx, waar blijft mijn pakket
S hoe lang duurt de levering?
D past er korting op?
""",
}

# Session 6, the same kinds again in fresh words, written after tuning on THIRTEENTH_BATCH and run once before
# any further change, to see whether that tuning generalised. First run: 76/84 (90.5 %); then tuned on.
FOURTEENTH_BATCH = {
    "en": """
K cheers pal, you're a star
K ta very much, sound
W grand so, I'll have a look at the weekend
K I'll grab it when my student loan lands
K gonna run it by the club committee first, cheers
K thanks full stop
O any update on order GB-55213?
O paid 3 days ago, nothing's come through yet
O I put the wrong postcode on it, can you change it?
F how long does the gas canister last?
A do you do a 12-pack?
A is there a version with a longer strap?
S could it get here before the 9th?
Z will a 13 inch laptop fit in the daypack?
E my bank says the payment bounced twice
""",
    "es": """
K órale, gracias
K qué padre, gracias, lo checo al rato
K lo compro cuando me caiga la quincena
K lo comento con la directiva del club y te aviso
K muchas gracias coma lo pienso punto
O ¿cómo va el pedido MX-44871?
O pagué por transferencia el lunes, ¿ya salió?
F ¿cuánto dura la batería de la linterna?
A ¿la tienen en versión infantil?
Z ¿caben dos sacos en la mochila?
E me cobraron dos veces con Bizum
""",
    "fr": """
K merci ben gros, c'est bin correct
K tiguidou, merci
K je commande quand ma paie tombe vendredi
K je soumets ça au comité du club et je vous redis
O où en est la commande BE-20554 ?
O j'ai fait un virement il y a 4 jours, c'est expédié ?
F combien de temps pour que la douche solaire chauffe ?
A elle existe en version enfant ?
S vous pouvez la livrer directement au camping du festival ?
E ma banque a rejeté le virement, mauvais IBAN
""",
    "de": """
K servus, merci vielmals
K passt, vergelt's Gott
K bestell ich, wenn das Bafög da ist
K ich bring's in die Vorstandssitzung und meld mich
K danke Punkt
O Bestellung AT-33018, wo ist die?
O vor 5 Tagen überwiesen und nix passiert
F wie lange hält die Kühlbox kalt?
A gibt's den Rucksack auch in einer Kinderversion?
S kommt das noch vor Samstag?
E Zahlung zweimal abgebucht
E die Überweisung kam zurück, IBAN war falsch
""",
    "it": """
K daje regà, grazie
K grazie, mitici
K lo prendo quando mi arriva lo stipendio venerdì
K ne parlo col direttivo e vi faccio sapere
K ok grazie punto
O novità su IT-71120?
O ho fatto il bonifico 6 giorni fa e ancora niente
F quanto dura il ghiaccio nella borsa frigo?
A c'è anche la versione con le ruote?
S arriva prima di sabato?
Z ci entrano due persone con gli zaini nella tenda?
E il bonifico è tornato indietro, IBAN sbagliato
""",
    "pt": """
K valeu, tmj, boa onda
K fechou, blz
K compro quando cair o salário na sexta
K vou levar pra diretoria e depois te aviso
K obrigado ponto
O e o pedido BR-22871?
O paguei por transferência há 5 dias e nada
F quanto tempo a bateria dura?
A tem versão infantil?
Z cabe um notebook de 15 na mochila?
E o Pix não gera o código
E cobraram duas vezes no cartão
""",
    "nl": """
K thx, sws top
K dankjewel, ik zal er eens naar kijken
K ik bestel het als mijn loon binnen is
K ik bespreek het met het bestuur en laat het weten
K dank je punt
O hoe zit het met BE-40213?
O 4 dagen geleden betaald en nog niks
F hoe lang blijft de koelbox koud?
A is er een versie met wieltjes?
S is het er voor vrijdag?
Z passen er twee mensen met rugzak in de tent?
E de overboeking is teruggestort, IBAN klopte niet
""",
}

# Session 6, probes written after tuning on FOURTEENTH_BATCH, each run once before the changes they prompted:
# FIFTEENTH_BATCH (more slang thanks, money to come, a council to consult) 13/37 on its first run;
# SIXTEENTH_BATCH (delivery by a day or to a place, a product's durations, versions, fit, a bank named
# beside a refused card, a shop in a city, "basta che") 42/49. Both then tuned on.
FIFTEENTH_BATCH = {
    "en": """
K spot on, cheers
K bang on mate, ta
K wicked, thanks
K cheers me dear
K when my student finance comes in I'll order
K I'll get it on payday
K I'll raise it at the board meeting and get back to you
K need to check with the committee first, thanks
""",
    "es": """
K vale, guay, gracias
K mola, gracias crack
K de una, gracias
K cuando cobre a fin de mes lo pido
K tengo que consultarlo con la junta, gracias
""",
    "fr": """
K pas de trouble, merci
K pas de souci, merci
K nickel, merci bien
K au top merci
K trop bien merci
K je l'achète quand j'aurai ma bourse
K je dois voir avec le bureau de l'association, merci
""",
    "de": """
K basst scho, danke
K mega, danke dir
K supi, danke
K ich bestell wenn der Lohn kommt
K muss das erst mit dem Vorstand abklären, danke
""",
    "it": """
K grazie di cuore
K figo, grazie
K lo compro a fine mese quando prendo lo stipendio
K devo sentire il consiglio direttivo, grazie
""",
    "pt": """
K show de bola, valeu
K bacana, obrigado
K compro quando sair o pagamento
K preciso ver com a diretoria, obrigado
""",
    "nl": """
K toppie, dankjewel
K is goed, komt goed
K ik bestel het als ik betaald krijg
K moet het even met het bestuur overleggen, bedankt
""",
}

SIXTEENTH_BATCH = {
    "en": """
S will it be here by Friday?
S can you send it to the campsite?
F how long does it take to inflate?
A is it available with a shoulder strap?
A do you do it in XLT?
Z fits 2 people?
Z can 3 kids sleep in it?
E card declined again, I'm with Revolut
F do you have a shop in Leeds?
""",
    "es": """
S lo tengo antes del 14?
S podéis mandarlo al camping del festival?
F ¿cuánto tarda en montarse?
E tarjeta rechazada otra vez, soy de BBVA
F tenéis tienda física en Madrid?
S basta con que llegue antes del viernes
""",
    "fr": """
S arrivera-t-il avant le 14 ?
S ce sera là avant vendredi ?
S vous pouvez l'envoyer au camping ?
F combien de temps met-elle à chauffer ?
E carte refusée encore, je suis chez Boursorama
F avez-vous une boutique à Lyon ?
""",
    "de": """
S ist das bis Donnerstag da?
S schafft ihr das bis Donnerstag?
S kommt es bis Freitag?
S könnt ihr es direkt zum Festivalgelände schicken?
F wie lange dauert der Aufbau?
A kommt der auch in Rot?
A gibt es den Schlafsack in einer Kinderversion?
E Karte wird immer abgelehnt, Sparkasse
F habt ihr einen Laden in Wien?
""",
    "it": """
S arriva entro il 14?
S potete spedirlo al campeggio?
F quanto ci mette a scaldarsi?
A c'è in rosso?
E carta rifiutata ancora, ho Fineco
F avete un negozio a Milano?
S basta che arrivi entro venerdì
""",
    "pt": """
S chega até dia 14?
S dá pra mandar pro camping?
F quanto tempo leva pra montar?
Z cabem 3 crianças?
E cartão recusado de novo, Nubank
F têm loja em Lisboa?
""",
    "nl": """
S is het voor vrijdag in huis?
S kunnen jullie het naar de camping sturen?
F hoe lang duurt het opladen?
Z kan ik er met 1,95 m in liggen?
E kaart geweigerd, ING
F hebben jullie een winkel in Utrecht?
""",
}

# Session 6, a last probe of dictated marks, lettered order numbers, address mistakes and refused payments in
# fresh words, run once before the changes it prompted: 23/27 (an address mistake read as returns or not at
# all, "keeps refusing", "bleef hangen"). Then tuned on.
SEVENTEENTH_BATCH = {
    "en": """
K thanks exclamation mark
A does it come in blue question mark
O what's happening with NL-55120
O order ref #FR88213 any news
O paid a week ago, still waiting
E tried paying 3 times, the bank keeps refusing it (Santander)
""",
    "es": """
K vale punto final
A hay en talla M signo de interrogación
O puse mal el número de la casa, ¿lo podéis cambiar?
""",
    "fr": """
K merci point final
S c'est livré quand point d'interrogation
S le point relais est fermé, vous pouvez livrer à domicile ?
O j'ai mis le mauvais code postal, vous pouvez corriger ?
""",
    "de": """
K danke Ausrufezeichen
O wann kommt DE-77311?
O hab die falsche PLZ angegeben, könnt ihr das korrigieren?
""",
    "it": """
K grazie mille punto esclamativo
O ho pagato con bonifico, è partito?
E mi sono stati addebitati due volte
""",
    "pt": """
K valeu ponto final
N qual é o ponto de retirada?
O fiz a transferência ontem, já foi enviado?
E o app do banco travou no pagamento
""",
    "nl": """
K dank je wel uitroepteken
A is het op voorraad vraagteken
O ik heb een verkeerd huisnummer opgegeven, kan dat aangepast worden?
E iDEAL bleef hangen bij het betalen
""",
}


# Session 7, regional speech read as standard words everywhere (nlp.STANDARD_FORMS, no longer only
# for opt-outs) and two standard-language misses found while writing them, each block run once before the
# change it prompted: Swiss, Swabian, Bavarian, Austrian German 14/36 (their standard paraphrases all
# right); Andalusian Spanish and Flemish, written after the Spanish forms were added, 7/12; "¿ya ha salido el
# pedido?" read as a sale (Spanish "salido" shares a stem with "sale") and Dutch "levert u …" 1/5; Scots and
# Geordie English, Quebec French, Roman and Neapolitan Italian, Minas Portuguese 7/12.
EIGHTEENTH_BATCH = {
    "en": """
O where's me parcel? paid for it on monday like
S d'ye deliver tae Orkney?
K cheers pet, ah'll have a think
""",
    "es": """
E Me han cobrao do vece el pedido, arreglen eso
O Ya está pagao, cuándo me llega el pedío?
O El pedío ya ha salío o todavía no?
O El pedido ya ha salido?
O ya salió mi pedido?
S ¿Cuánto cuehta el envío a Cádiz?
K Graciah, ya lo miro mañana
S cuándo sale el pedido si compro hoy?
D hay rebajas? vi que sale más barato en otra web
F sale bien la mancha de la funda?
""",
    "fr": """
S Ça va-tu arriver avant samedi si je commande à soir?
A Vous l'avez-tu en bleu, le manteau?
K Merci ben, j'vas y penser
""",
    "de": """
O Wo isch mei Bschtellung? Hab am Mäntig zahlt
O Wo is mei Packerl? Hab scho am Montag zoit
S Chunnt das bis am Samschtig, wänn ich hüt bstell?
S Kommt des bis Samschdag, wenn i heit bstell?
S Kimmt des bis Samstag, wenn i heit bstö?
S Liefered ihr au is Tessin?
S Was choschtet de Versand nach Basel?
R Chan ich d Schue zruggschicke wänn's nöd passed?
R Kann i die Schuah zruckschicka wenn's ned passn?
R Kriag i mei Geld zruck?
R Chan ich s Gäld zrugg ha?
A Hän ihr d Jagge au in Blau?
A Gits das no i Gröössi M?
Z Fallt die Hose eher chli us?
Z Fallt de Hosn eher kloa aus?
D Gits no Rabatt uf d Zelt?
D De Gutschiincode gaht nöd
E Mini Charte wird immer abglehnt
E Mei Kartn wird oiwei abglehnt
E Zwoimol abbuacht, so geht des ned!
E Chan mi öpper aalüte?
E Kann mi oana oruafa?
K Merci vielmal, ich überleg's mir no
K Vergelt's Gott, passt scho
K Isch guet, merci
K Dange, bassd scho
K Passt, i bstell's wenn da Lohn kimmt
""",
    "it": """
O Ndo sta er pacco mio? L'ho pagato lunedì
S Me lo mannate pure a Napoli?
K Grazie assaje, ce penso
""",
    "pt": """
O Cadê meu pedido? Paguei na segunda, uai
S Ocês entregam em BH?
K Brigadão, vou pensar
""",
    "nl": """
S Hedde gij ook levering naar Gent?
A Hebt ge die jas nog in het groen?
S Levert ge ook naar Luxemburg?
S Kunt ge da tegen zaterdag leveren?
S Levert u ook naar Duitsland?
""",
}


# Session 7, the kinds blind sets 29-34 found misrouted (issue #16), in fresh words and products, none copied
# from the sets (their brief only described the kinds). First run on s7 a81aafc, before any change: 44/91;
# its traps (NINETEENTH_BATCH_TRAPS) 19/20 (German "wie lang sind die Ärmel?" read as fallback).
NINETEENTH_BATCH = {
    "en": """
A do you have the duvet cover in 200x200?
A is the kettle available with a UK plug?
A do you have it in a 44?
A do you sell spare chains for this bike model?
F is the charger compatible with a Samsung?
F how many years of warranty on the blender?
Z will the cover fit a galaxy s23?
K THANK YOU SO MUCH LOVE, ENJOY YOUR WEEKEND. BRENDA
K oh great, another text 🙄 yes I know the lamp is still in my cart
K will order once my bonus comes through
W I'll look properly tomorrow when the baby's napping
S need the suit for a christening on the 22nd, will it get here in time?
S take off the green mug, I'll keep the white one; can it get to Bristol by Thursday?
E the page froze after I hit pay, no idea if it went through
F does the wardrobe come assembled or do I have to build it?
Z will the sofa get through a 75 cm door?
D are you doing anything for cyber monday?
A when are you getting more of the linen shirts in?
E I cancelled the subscription months ago and you're still taking money
K ok can lah, thanks
K alright sha, thank you
""",
    "es": """
A ¿tenéis el sérum en tamaño de viaje?
A ¿lo tienen en la L?
F ¿cuántos años de garantía tiene la cafetera?
K MUCHAS GRACIAS HIJA, QUE TENGA BUEN DIA. CARMEN
K lo compro cuando cobre a fin de mes
W mañana por la mañana lo miro con calma, que hoy no doy más
S lo necesito para una boda el día 9, ¿llega a tiempo?
A ya está bien de dudar: ¿os queda la mochila en verde?
F ¿viene montada o la tengo que montar yo?
Z mi hijo pesa 16 kilos, ¿aún cabe en la mochila portabebés?
D ¿tenéis descuento para el primer pedido?
""",
    "fr": """
A vous avez des chambres à air pour ce modèle de vélo ?
F c'est compatible avec un Mac ?
K encore un rappel 🙄 oui je sais que c'est dans mon panier
K je commande quand les enfants seront couchés
W ok je regarde demain
S enlevez le pull bleu, je garde le gris ; ça arrive à Lyon avant vendredi ?
E arrivé cassé et personne ne répond à mes mails
F combien de temps pour le montage ?
Z le 0-3 mois est trop grand pour un prématuré ?
A quand est-ce que vous recevez d'autres bougies ?
K peuchère, merci bien, je verrai
""",
    "de": """
A habt ihr den Akku auch mit 500 Wh?
A gibt es die Bettwäsche in 155x220?
F wie lange ist die Garantie?
K VIELEN DANK UND EINEN SCHÖNEN SONNTAG. GERDA
K bestell ich wenn das Gehalt da ist
W schau ich mir morgen früh an, wenn ich wieder klar denken kann
S geht auch Expressversand?
A genug überlegt: habt ihr die Lampe noch in Messing?
E bei Klarna bricht die Zahlung jedes Mal ab
F wie viel Kilo trägt das Regal?
Z passt der Schrank unter eine Dachschräge von 1,60 m?
A wann bekommt ihr wieder die Tassen rein?
E Abo gekündigt, aber ihr bucht immer noch ab
""",
    "it": """
A avete il fondotinta nella tonalità 2N?
F quanto dura la garanzia?
K GRAZIE MILLE CARA, BUONA SERATA. GIUSEPPINA
K ordino a fine mese quando si libera l'appartamento
W ok guardo domani
S fate la spedizione express?
E il pagamento si blocca sempre su Satispay
F quanto ci vuole a montarlo?
Z un 38 italiano che numero è in UK?
D partecipate al black friday?
K grazie bedda, ci penso
""",
    "pt": """
A tem o lençol em tamanho king?
A vocês têm o secador com plugue suíço?
F é compatível com a Alexa?
K nossa, mais um lembrete kkk já sei que tá no carrinho
K compro quando cair o salário
W vejo amanhã quando as crianças dormirem
S preciso do vestido pra uma formatura dia 18, chega a tempo?
A chega de enrolar: ainda tem o tênis no 39?
E o pagamento trava na etapa do pix toda vez
Z um 40 brasileiro equivale a quanto na Europa?
D tem cupom de primeira compra?
""",
    "nl": """
A hebben jullie dit parfum ook in 50 ml?
A hebben jullie remblokken voor dit model?
Z past dit hoesje op de Pixel 8?
K alweer een herinnering 🙄 ja ik weet het, het ligt in mijn mandje
K ik bestel als mijn salaris binnen is
W ok kijk morgen wel
E betaling blijft steeds hangen bij Bancontact
F hoeveel kilo kan de plank hebben?
Z past de bank in een kamer van 3 bij 3?
O heb gisteravond al betaald, is het al verstuurd?
K switi, dank je
K taaac, bedankt
K merci hé, tot de volgende
""",
}
# Written with NINETEENTH_BATCH, before any change: what its word lists must not reach.
NINETEENTH_BATCH_TRAPS = {
    "en": """
R the 200x200 was too small, can I send it back?
S how long does delivery take?
Z how long are the sleeves?
E MY CARD WAS CHARGED TWICE. MARGARET
N WHERE IS MY PARCEL I PAID ON MONDAY
N I'll order when you fix the checkout
N another reminder but the code in it doesn't work
O ok lah but where is my order
""",
    "es": """
N lo compro cuando me digáis si hay en azul
S ¿cuánto tarda el envío a Sevilla?
""",
    "fr": """
N encore un rappel, mais le lien ne marche pas
Z la robe taille grand ?
""",
    "de": """
O wann kommt mein Paket, hab gestern bezahlt
Z wie lang sind die Ärmel?
""",
    "it": """
S bedda, ma quanto costa la spedizione?
A avete la borsa in nero?
""",
    "pt": """
N compro quando vocês responderem se tem no 38
R o tênis 39 ficou pequeno, posso trocar?
""",
    "nl": """
S hoe lang duurt de levering?
N switi, maar waar blijft mijn pakket?
""",
}

# Written after tuning on NINETEENTH_BATCH, against what its lists could reach: a sigh, an "ok lah" or caps
# courtesy followed by a real question, durations of delivery, a kept colour with a refund, sizes of a body;
# then the same kinds in other languages, each run once before the change it prompted (0/12), and one trap
# ("la talla M me queda grande?") for the stock words those changes tried.
NINETEENTH_BATCH_AFTER_TRAPS = {
    "en": """
D yes I know, but the code in the text doesn't work
O ok lah but the parcel never came
N THANK YOU. BUT WHERE IS MY ORDER
S how long is the delivery to Leeds?
R remove the red one and refund me please
Z I'm usually in a 38, which one should I take?
A does it come in 250 ml too?
E my card was declined at the Bancontact step
F is it delivered assembled or do I build it?
""",
    "es": """
N ya lo sé, pero el enlace no funciona
S ¿cuánto tarda el envío si lo pido mañana por la mañana?
S quita el rojo, me quedo el negro, ¿llega a Sevilla el viernes?
Z la talla M me queda grande?
""",
    "fr": """
N encore un rappel ? je n'ai jamais rien commandé chez vous, qui êtes-vous
R je garde le noir, comment je renvoie le bleu ?
Z le canapé passe par une porte de 80 ?
Z je porte du 38, je prends quoi ?
F arrive-t-il monté ?
""",
    "de": """
S wie lange dauert der Versand nach Wien?
Z ist das Bett 140x200 zu groß für mein Zimmer?
E die Seite hing beim Bezahlen, weiß nicht ob es durch ist
F wird es aufgebaut geliefert?
""",
    "it": """
A ce l'avete in 40?
S lo so, ma quando arriva se ordino oggi?
E ho disdetto l'abbonamento ma continuate ad addebitare
""",
    "pt": """
E cancelei a assinatura e vocês continuam cobrando
N sei lá, o site não abre
Z o sofá passa por uma porta de 80?
F chega montado ou eu monto?
""",
    "nl": """
S hoe lang duurt de verzending naar Gent?
N taaac, maar mijn pakket is nog niet binnen
E ik heb het abonnement opgezegd maar jullie schrijven nog steeds af
F wordt het gemonteerd geleverd of moet ik het zelf in elkaar zetten?
""",
}

# Session 8 (replies8), the kinds blind sets 35-40 found misrouted (issue #16), in fresh words and products,
# none copied from the sets (the brief only described the kinds): polite closings and deferrals, account
# changes that need a person, payment failures, a variant in stock, arrival before a date, parcels carried
# upstairs, a pet's size, a code refused, an order stuck; and traps for the words those kinds use.
# First run on e85f4b2, before any change: 86/158 (72 misrouted, 39 of them to fallback; 8 of its 28
# fallback traps read as a rule: Discount for a 30 % slope or insurance, Sizing for a grind size, Shipping
# for "kommt es fertig"), then tuned on.
TWENTIETH_BATCH = {
    "en": """
K thank you dear, that's very kind of you. Maureen
K lovely, thanks ever so much, most kind. Pat x
W I'll have a think and ask my husband first
K will order at the start of the month when my pension comes in
E can you pause my coffee subscription for a month?
E can I get the dog food every 6 weeks instead of every 4?
E please cancel the coffee subscription, not the texts
E could someone from your team call me back please
E my card bounced, can you help
E the card keeps getting declined though there's money in the account
E payment stopped halfway and I was still charged
E you charged me twice for the subscription this month
E the table arrived scratched and nobody answers my emails
A do you have the guitar in sunburst or only white?
A do you do the coffee as whole beans?
S will it arrive before Christmas?
S will the rug get here before Saturday?
S do you send parcels to Norway?
Z my Great Dane is 62 kg, is the XL bed big enough?
D WELCOME10 says invalid at checkout
O my order still says in preparation, is that normal?
O ordered on Monday and still no tracking number
O I cancelled the first order because of the wrong address, has the new one been sent?
R can I swap the food if the dog won't eat it? the bag is unopened
F how thick is the yoga mat?
F what grind size for a french press?
F do you offer instrument insurance?
F is it normal that the heater stays on all the time?
F how often should I change the silica litter?
F do I have to assemble the treadmill or does it come ready?
F are the electronic drums quiet enough for a flat?
F will the robot mower manage a 30% slope?
""",
    "es": """
K muchísimas gracias, es usted muy amable, que Dios la bendiga. Rosario
K gracias guapa, muy amable
W lo pienso y se lo pregunto a mi hija primero
K lo pido a primeros de mes cuando cobre la pensión
E ¿me podéis pausar la suscripción de café un mes?
E quiero recibir el pienso cada 6 semanas y no cada 4
E la tarjeta me rebotó otra vez y tengo saldo
E me habéis cobrado dos veces la suscripción
E ¿me puede llamar alguien de atención al cliente?
A ¿el café lo tenéis en grano o solo molido?
A ¿la funda la hay en gris?
S ¿llegará antes de Reyes?
S ¿me lo suben al 4º piso? pesa mucho
S ¿enviáis paquetes a Chile?
Z mi perro es un labrador de 35 kilos, ¿la cama L le vale?
D el código HOLA10 me dice que no es válido
O el pedido sigue en preparación, ¿es normal?
O pedí el lunes y todavía no tengo número de seguimiento
R si el perro no se come el pienso, ¿puedo cambiarlo? la bolsa está sin abrir
F ¿qué grosor tiene la esterilla de yoga?
F ¿el robot aguanta una pendiente del 30%?
F ¿la sartén sirve para inducción?
""",
    "fr": """
K merci beaucoup Madame, vous êtes bien aimable. Josette
K merci infiniment, c'est très gentil à vous
W je vais réfléchir et en parler à mon mari
K ok jverrai ça a la fin du mois
K je commanderai au début du mois quand ma retraite tombe
E pouvez-vous me faire rappeler par un conseiller ?
E je voudrais suspendre mon abonnement croquettes pendant un mois
E ma carte est refusée alors que j'ai de l'argent sur le compte
E le paiement s'est arrêté en plein milieu et j'ai été débité
E arrivé rayé et personne ne répond à mes messages
A vous l'avez en noir mat ?
A le café existe en grains ou seulement moulu ?
S ça arrivera avant Noël ?
S vous envoyez des colis en Suisse ?
Z mon chat fait 7 kilos, la caisse de transport M suffit ?
D le code BIENVENUE ne marche pas
O ma commande est toujours en préparation, c'est normal ?
O commandé lundi et toujours pas de numéro de suivi
F quelle mouture pour une cafetière à piston ?
F quelle épaisseur fait le tapis de yoga ?
F c'est normal que le chauffage reste allumé tout le temps ?
F la batterie électronique est assez silencieuse pour un appartement ?
""",
    "de": """
K vielen Dank, sehr freundlich von Ihnen. Liebe Grüße, Helga
K danke digga
W muss erst meine Frau fragen, melde mich dann
K bestelle Anfang des Monats wenn die Rente da ist
E könnt ihr mein Kaffee-Abo für einen Monat pausieren?
E ich möchte das Futter alle 6 Wochen statt alle 4 bekommen
E meine Karte wird ständig abgelehnt, obwohl Geld drauf ist
E ihr habt mir das Abo zweimal abgebucht
E kann mich bitte jemand zurückrufen?
A gibt es den Kaffee auch als ganze Bohne?
A wann ist die Jacke wieder lagernd?
A habt ihr die Gitarre auch in Schwarz?
S kommt die Lampe noch vor Weihnachten an?
S trägt der Paketbote das Laufband bis in den 3. Stock?
S schickt ihr auch in die Schweiz?
Z mein Hund wiegt 30 kg, reicht das Bett in L?
D der Code HALLO10 wird als ungültig angezeigt
O die Bestellung steht immer noch auf "in Bearbeitung", ist das normal?
F wie dick ist die Yogamatte?
F welcher Mahlgrad für eine French Press?
F muss ich das Laufband selbst zusammenbauen oder kommt es fertig?
F wie oft wechselt man die Silikatstreu?
""",
    "it": """
K grazie mille, molto gentili. Saluti, Franca
K lo prendo quando prendo la pensione
W ci penso e chiedo a mio figlio
E potete farmi richiamare da un operatore?
E vorrei sospendere l'abbonamento delle crocchette per un mese
E la carta viene rifiutata ma i soldi ci sono
E mi avete addebitato due volte l'abbonamento
A c'è pure nera?
A il caffè ce l'avete in grani?
S arriva prima di Natale?
S spedite pacchi in Svizzera?
Z porto la 46, che taglia prendo?
Z porto il 42 di scarpe, va bene la M?
Z le scarpe vestono piccole o regolari?
Z il trasportino M basta per un gatto di 6 chili o serve la L?
D il codice CIAO10 risulta non valido
O l'ordine è ancora in preparazione, è normale?
O ho ordinato lunedì e non ho ancora il numero di tracking
F la padella va bene per l'induzione?
F il robot tagliaerba va bene su una pendenza del 30%?
F quanto è spesso il tappetino?
""",
    "pt": """
K muito obrigada, Deus abençoe. Dona Fátima
K arretado, obrigado
W vou ver com o meu genro e depois digo alguma coisa
K vou pensar
E dá para pausar a assinatura da ração por um mês?
E queria receber o café a cada 6 semanas em vez de 4
E o meu cartão foi recusado mas tenho saldo
E o pagamento parou a meio e fui cobrado
E podem pedir para alguém me ligar?
A tem encordoamento de nylon?
A o café tem em grão?
S chega antes do Natal?
S vcs mandam pros Estados Unidos?
Z a caminha M serve para um beagle de 12 kg?
D o cupom BEMVINDO diz inválido
O o pedido continua em preparação, é normal?
O pedi na segunda e ainda não tenho número de seguimento
F a frigideira serve para indução?
F o robô aguenta uma inclinação de 30%?
F qual a espessura do tapete de yoga?
""",
    "nl": """
K dank u wel, heel vriendelijk van u. Groetjes, Ria
K ewa bedankt, ik bestel later
W ik denk er nog even over na
E kunnen jullie mijn koffieabonnement een maand pauzeren?
E mijn pas wordt steeds geweigerd terwijl er geld op staat
E jullie hebben het abonnement twee keer afgeschreven
E kan iemand mij terugbellen?
A hebben jullie de koffie ook in bonen?
A is de gitaar ook in het zwart?
S komt het nog voor Sinterklaas binnen?
S komen de stoelen voor zaterdag binnen?
S sturen jullie ook pakketten naar Spanje?
Z is de reismand maat M groot genoeg voor een kater van 6 kilo?
D de code WELKOM10 werkt niet bij het afrekenen
O mijn bestelling staat nog op 'in behandeling', is dat normaal?
O maandag besteld en nog steeds geen trackingnummer
F hoeveel watt heb ik nodig voor een aquarium van 120 liter?
F hoe dik is de yogamat?
F is het normaal dat de verwarming de hele tijd aan blijft?
""",
}

# Written after tuning on TWENTIETH_BATCH, against what its lists could reach: a family member who ordered, a
# pause of texts (not of a subscription), a subscription cancelled in the past, a battery's or a wool's
# percentage, "big enough" said as a report, a code asked about, a holiday in an order question, "fertig"
# of an order. First run on 2cba911: 30/35; then "{code} still valid" and "grande o suficiente" were added.
TWENTIETH_BATCH_AFTER_TRAPS = {
    "en": """
N my husband ordered it last week and it hasn't come
W can you pause the texts for a month?
S I cancelled my gym subscription to afford this, do you ship to Ireland?
F my phone battery is at 20%, is the charger fast?
K perfect, the bed is big enough, thanks. June
D is WELCOME10 still valid?
O ordered before Christmas and the tracking hasn't moved
""",
    "es": """
S es para mi madre, ¿llega antes de Reyes?
E gracias guapa, pero la tarjeta me rebota
Z ¿le vale a mi hijo la talla 10?
F ¿la bici sube una pendiente del 15%?
K mil gracias, que Dios te bendiga, lo pido cuando cobre la pensión
""",
    "fr": """
R je voudrais échanger les croquettes, mon chien n'en veut pas
A vous l'avez en noir ou seulement en blanc ?
O ma commande est en préparation depuis 10 jours
E je voudrais passer mon abonnement café à toutes les 6 semaines au lieu de 4
K merci Monsieur, vous êtes bien aimable, je vais en parler à ma femme
""",
    "de": """
O ist meine Bestellung schon fertig?
S liefert ihr bis vor Weihnachten nach Österreich?
F die Wolle ist 80 % Merino, kratzt sie?
K danke digga, bestell ich wenn die Rente da ist
E ich möchte mein Abo kündigen, nicht die SMS
""",
    "it": """
Z porto il 44, la L mi va?
F la pentola va bene sull'induzione?
E il pagamento si è fermato a metà ma mi hanno addebitato
K grazie mille, molto gentile, ne parlo con mio marito
A ce l'avete in grani o solo macinato?
""",
    "pt": """
O o pedido está em preparação há uma semana, é normal?
E quero pausar a assinatura por dois meses
Z o cachorro pesa 30 kg, a cama G é grande o suficiente?
K muito obrigado, vou falar com a minha mulher e depois digo
""",
    "nl": """
F hoeveel liter heeft de bak van 120 cm?
S komt het pakket voor de kerst binnen?
E kunnen jullie het abonnement om de 6 weken sturen in plaats van 4?
K dank u wel, heel vriendelijk, ik overleg met mijn man
""",
}

# Session 9's TWENTY_FIRST_BATCH: the kinds blind sets 41-46 missed, in fresh words, traps with them —
# excitement or a wedding's stress (caps, ???, emoji) that is not anger, one colour exchanged for another,
# thanks with a remark about the gift, teen and Flemish thanks with a plan, payday plans, "just looking",
# bare "<thing> to <country>?" and "in <colour>?" fragments, a pick-up point or a floor without a lift, tyre,
# wiper and ring sizes, a size's stock, discounts for a trade or a group, a polite "customer service"
# order question, double charges and asks for a person; traps for fitting, a feature or a receipt.
# First run on 980004c: 77/161 (47.8 %), before any change it prompted. Session 11 relabelled its two
# gift-receipt traps Returns: blind sets 24 and 86 label a gift receipt so (it is how a gift is exchanged).
TWENTY_FIRST_BATCH = {
    "en": """
S OMG will the suit get here before the 20th??? it's THE day 😱 how long does shipping take?
S WAIT the shoes ship to Canada?? 😍 how much is postage
R can I swap the black clutch for the silver one?
R could I exchange the olive jumper for the mustard one?
K thanks a lot, he's going to be thrilled with it
K cheers, she'll absolutely love it x
K honestly obsessed with those trainers lol, gonna ask my mum tonight
K love it, I'll grab it when I get paid on friday
K nah thanks, only browsing
S camping stove to Iceland?
S can you leave it at a parcel locker instead of my flat?
S I'm on the 6th floor and there's no elevator, will the drivers carry the fridge up?
Z will 205/55 R16 tyres fit a Ford Focus?
Z what wiper blade length for a Peugeot 208?
Z how do I measure my ring size at home?
Z do your rings run small?
A do you have the sage green blazer in a size 10?
A do you have the fridge in the 300 litre version?
A the backpack is out of stock?? when is it back
D any discount for nurses?
D do you give a discount if we buy 8 bridesmaid dresses?
D the code BRIDE15 isn't accepted 😭
O Dear customer service, could you tell me where my order no. 55120 is?
E the payment failed at the end but the money left my account anyway??
E I was billed twice for one order
E the engraving has my name spelled wrong, I want to speak to someone right now
E THIS IS RIDICULOUS, third time the parcel is lost, I want a refund NOW
F do you do installation too or do I need a fitter?
F does the doorbell camera record at night?
R is there a gift receipt without the price?
""",
    "es": """
S DIOS MÍO llega el vestido antes del sábado??? es MI BODA 😱 cuánto tarda el envío?
R ¿puedo cambiar la corbata gris por una color mostaza?
R quiero cambiar el bolso negro por el beige, se puede?
K gracias!! le va a fascinar
K mil gracias, qué amables
K no gracias, solo estoy viendo
K vale, lo miro después de la boda de mi prima
K qué guay, le pregunto a mi madre y vuelvo
S ¿la barbacoa a Andorra?
S ¿pueden dejarlo en un punto de recogida en vez de en casa?
S vivo en un quinto sin ascensor, ¿me suben el sofá?
Z ¿de qué medida es el horno? no sé si cabe en mi cocina
Z ¿cómo mido la talla de mi anillo?
A ¿tienen el vestido verde agua en la talla 38?
A tengo el coche parado en el taller, ¿tienen las pastillas de freno en stock?
D ¿hay descuento para taxistas?
D el código BODA10 no me funciona 😭
O Estimado servicio al cliente, ¿me podrían decir cómo va mi pedido n.º 77801?
E me cobraron dos veces el mismo pedido
E los repartidores rompieron la mesa al subirla, exijo una solución
E ¿me puede pasar con un agente, por favor?
F ¿la instalación la hacen ustedes?
F ¿la tablet trae lápiz incluido?
F ¿hacen arreglos de costura?
""",
    "fr": """
S OMG la robe arrive avant le 14 ??? c'est LE jour 😱 combien de temps pour la livraison ?
R est-ce que je peux échanger la cravate noire contre la bleu marine ?
K merci mille fois, il va être ravi
K merci beaucoup, c'est très gentil
K trop stylé, je demande à mon père et je reviens
K non merci, je regarde seulement
S le barbecue en Belgique ?
S vous pouvez livrer en point relais plutôt qu'à domicile ?
S 4e étage sans ascenseur, vous montez le frigo ?
Z la bâche va sur une piscine de 4 m ?
Z comment je mesure mon tour de doigt ?
A vous avez le blazer vert sauge en 38 ?
A le sac à dos est en rupture ?? il revient quand
D une remise pour les infirmières ?
D le code MARIAGE10 ne passe pas 😭
O Madame, Monsieur, pourriez-vous me dire où en est ma commande n° 41207 ?
E on m'a facturé deux fois
E je voudrais parler à un conseiller s'il vous plaît
F vous faites le montage ?
F la caméra filme en 1080p ?
F il y a assez de place pour deux dans la tente ?
""",
    "de": """
S OMG kommt das Kleid vor dem 14.??? das ist DER Tag 😱 wie lange dauert der Versand?
R kann ich die schwarze Krawatte gegen die dunkelgrüne umtauschen?
K danke, er wird sich mega freuen
K vielen Dank, sehr nett von Ihnen
K voll cool, ich frag meinen Vater und meld mich
K passt, ich bestell dann zum Monatsanfang
S Grill nach Österreich?
S könnt ihr an eine Packstation liefern statt nach Hause?
S 4. Stock ohne Aufzug, tragen die Fahrer die Waschmaschine hoch?
Z passen 205/55 R16 auf einen Polo?
Z Scheibenwischer Länge für einen Opel Corsa?
Z fallen eure Ringe klein aus?
A in Salbeigrün?
A habt ihr die Waschmaschine in der 8-kg-Version?
D Rabatt für Pflegekräfte?
D der Code HOCHZEIT10 geht nicht 😭
O Sehr geehrter Kundenservice, können Sie mir sagen, wo meine Bestellung Nr. 66310 ist?
E mir wurde zweimal abgebucht
E der Name auf dem Schild ist falsch graviert, ich will sofort jemanden sprechen
F macht ihr auch die Montage?
F filmt die Kamera in 4K?
F ist genug Platz für zwei im Zelt?
""",
    "it": """
S OMG arriva l'abito prima del 14??? è IL giorno 😱 quanto ci mette la spedizione?
R posso cambiare la cravatta nera con quella verde scuro?
K grazie mille, sarà felicissimo
K la ringrazio, ne parlo con mia moglie
K no grazie, sto solo guardando
K top, chiedo a mia madre e vi faccio sapere
S barbecue in Austria?
S potete consegnare a un punto di ritiro invece che a casa?
S abito al quarto piano senza ascensore, me la portate su la lavatrice?
Z i 205/55 R16 vanno bene su una Panda?
Z lunghezza tergicristallo per una Fiat Tipo?
Z la giacca veste grande? di solito porto la 46
A in verde salvia?
A avete il blazer verde salvia nella 42?
D sconto per infermieri?
D il codice SPOSA10 non funziona 😭
O Gentile assistenza clienti, potreste dirmi dov'è il mio ordine n. 52210?
E mi avete addebitato due volte
E i corrieri hanno rovinato il divano, pretendo una soluzione
F fate anche l'installazione?
R c'è lo scontrino regalo senza prezzo?
F fate anche orli e riparazioni?
""",
    "pt": """
S MEU DEUS o vestido chega antes do dia 14??? é O dia 😱 quanto tempo demora a entrega?
R posso trocar a bolsa preta pela bege?
K brigada, ela vai adorar
K nossa amei, vou falar com meu pai e volto
K nao obg, so dando uma olhada
K beleza, compro quando cair o salário
S churrasqueira pra Portugal?
S dá pra entregar num ponto de retirada em vez de em casa?
Z 205/55 R16 serve num Onix?
Z como meço o tamanho do meu anel?
A tem a geladeira em inox?
A tem o anel em ouro rosé?
A em verde sálvia?
D desconto pra enfermeiro?
D o cupom NOIVA10 não funciona 😭
O Prezado atendimento, poderiam me dizer como está o meu pedido nº 30988?
E fui cobrado duas vezes
E a senhora poderia me passar para um atendente?
E quero falar c o gerente
F vocês fazem a instalação?
F a câmera grava em 4K?
F vocês fazem bainha?
""",
    "nl": """
S OMG komt de jurk voor de 14e??? dat is DE dag 😱 hoe lang duurt de levering?
R kan ik de zwarte das ruilen voor de donkergroene?
K dank je wel, hij gaat het super vinden
K merci, ik laat nog iets weten
K echt chill, ik vraag het ff aan m'n vader
K ik bestel wel als m'n loon binnen is
S barbecue naar Oostenrijk?
S kunnen jullie het bij een afhaalpunt leveren in plaats van thuis?
Z passen 205/55 R16 op een Polo?
Z hoe meet ik de maat van mijn ring?
A in saliegroen?
A hebben jullie de wasmachine in de 8 kg-versie?
D korting voor verpleegkundigen?
D de code BRUID10 werkt niet 😭
O Beste klantenservice, kunt u mij zeggen waar mijn bestelling nr. 61145 is?
E ik heb twee keer betaald voor één bestelling
E ik wil nu iemand spreken, de gravure is fout
F doen jullie ook de montage?
F filmt de camera in 4K?
F is er genoeg plaats voor twee in de tent?
""",
}

# Written after tuning on TWENTY_FIRST_BATCH, against what its changes could reach: where a thing is made or a
# shop stands, delight with a question after it, only looking for something, real anger with a sad face,
# a salutation then a real request for a person, "fate anche" of a version, a resolution, a trade with money.
# First run on e554712: 26/26.
TWENTY_FIRST_BATCH_AFTER_TRAPS = {
    "en": """
F is the lamp made in Italy?
N she's going to love it, can you gift wrap it?
N just looking for the linen shirt in navy, where is it on the site?
E worst service ever 😭 the parcel is lost and nobody answers
E Dear customer service, I want to speak to a manager
A do you do the throw in mustard?
F does the baby monitor film in 1080p?
""",
    "es": """
F ¿tienen tienda en Madrid?
N le va a encantar, ¿lo envolvéis para regalo?
E exijo que me devuelvan el dinero ya, es una vergüenza
A ¿tienen la chaqueta color mostaza en la talla M?
""",
    "fr": """
F c'est fabriqué en France ?
E Bonjour service client, je veux parler à un conseiller
K merci, il va adorer !
""",
    "de": """
F wird das in Deutschland hergestellt?
E Sehr geehrter Kundenservice, ich möchte sofort mit einem Mitarbeiter sprechen
A gibt es die Decke auch in Senfgelb?
""",
    "it": """
A fate anche la versione per bambini?
F la telecamera registra in 4K?
S divano in Svizzera?
""",
    "pt": """
F é feito em Portugal?
K valeu, ele vai amar
E a entrega quebrou a mesa, exijo uma solução
""",
    "nl": """
F hebben jullie een winkel in Gent?
K dank je, ze gaat het prachtig vinden
S bank naar België?
""",
}


# Session 9's TWENTY_SECOND_BATCH: the kinds blind sets 49-52 missed (acknowledgements and pauses), in fresh
# words: a reason in its own sentence then the shopper's plan, a plan with "when I'm ...", someone in the
# family seeing to the cart, waiting for the money, warm thanks to the team, a long "not now" that asks to
# be written to again at a named time; traps: a problem or a question before the plan, "later" in a long
# question, waiting as a complaint.
# First run on 16ac38d (session 8's router): 10/45, then tuned on. The kinds blind sets 53-58 added (a Swiss
# or Bavarian "I'll look again", "meh" alone, bought elsewhere without "I have", no longer needed, a plan
# with a longer when-clause), appended below each language's first lines: first run on 09b51b8: 5/18 (the
# Dutch 'laat dan iets weten' was written with its change, not before). Blind sets 59-64's kinds (a flatmate
# already bought them, Belgian 'à tantôt', 'fico a pensar', 'on y réfléchit', 'überlegen's uns'), added
# last in each language: first run on a3dced7: 1/14 (then two written with their change: 'os digo',
# 'primeiro').
TWENTY_SECOND_BATCH = {
    "en": """
K Train's just pulled in 🚆 I'll buy the boots when I get to the office
K Baby woke up, I'll order the cot tonight
K my daughter will sort it for me on Sunday, thank you
K I'll wait till payday, cheers
K you lot are stars, have a lovely evening
W Not at the moment, my husband has surgery on Friday. Message me again in two weeks please
N the link is broken, I'll order later
N the checkout crashed twice 😩 I'll try again tonight
N Can you text me later when the green one is back? I really want it for my sister's birthday
K don't need it anymore, found one at Argos
K cheers il order it tmrw when im off work
N I don't need your texts anymore
K my flatmate already got us the tickets, thanks anyway
K boo 👻 thanks for the nudge
""",
    "es": """
K Estoy en el metro 🚇 lo compro cuando llegue a casa
A ¿cuándo vuelve a haber stock del azul?
S ¿cuándo llega si lo pido hoy?
K mi marido lo pide el viernes, gracias
K voy a esperar a que me paguen, gracias guapa
K sois unos soles, gracias por todo
W Ahora no, que estoy de exámenes hasta el viernes. Escríbeme la semana que viene
N la página da error, lo compro luego
K sip gracias
K ya lo compré en Liverpool, gracias
K gracias, lo compro cuando me den el finiquito del trabajo viejo
O ya lo compré en su web, ¿cuándo llega?
K mi compañero de piso ya los compró, gracias igual
K lo hablo con mi marido y os digo
F mis hijos se quedan con su abuela, el saco de dormir abriga bien?
Z me probé la 40 y me quedan chicas, ¿pido la 41?
""",
    "fr": """
K Je suis au boulot, je commanderai le manteau en rentrant ce soir
K ma fille s'en occupe ce week-end, merci
K j'attends ma paie et je commande
K merci, vous êtes adorables, bonne soirée à toute l'équipe
W Pas pour l'instant, on part en vacances demain avec les enfants, recontactez-moi en janvier
N le site plante, je commande demain
K bof
K assez de questions de ma part, merci pour tout
K ok, à tantôt
K on vient de déménager, on y réfléchit
K je demande à ma sage-femme et je reviens vers vous
K ma coloc les a déjà achetés, merci quand même
""",
    "de": """
K Bin grad im Zug, ich bestell die Jacke wenn ich daheim bin
K mein Mann kümmert sich am Wochenende darum, danke
K ich warte noch aufs Gehalt, danke
K ihr seid super, schönen Abend noch
W Im Moment nicht, wir renovieren gerade die ganze Wohnung. Meldet euch nächste Woche nochmal
N die Seite zeigt einen Fehler, ich bestell später
K na gut, mal schauen. Gute Nacht
K merci vielmal, ich lueg nomal
K schon im Laden gekauft, trotzdem danke
K wir ziehen grad um, überlegen's uns noch
K mein Mitbewohner hat sie schon gekauft, trotzdem danke
""",
    "it": """
K Sono in riunione, lo ordino quando esco dall'ufficio
K Sono dal medico 🏥 lo prendo quando torno a casa
A quando torna il blu?
K ci pensa mia figlia nel fine settimana, grazie
K aspetto lo stipendio e lo prendo
K grazie, siete gentilissimi, buona serata a tutti
W Adesso no, ho la casa piena di parenti per le feste. Scrivimi il mese prossimo
N il sito va in errore, lo compro dopo
K boh, grazie
K già preso altrove, grazie lo stesso
K il mio coinquilino li ha già presi, grazie lo stesso
""",
    "pt": """
K Tô no ônibus, compro a mochila quando chegar em casa
K o meu filho trata disso no sábado, obrigada
K vou esperar o salário cair, valeu
K Cancelaram minha reunião 😩 compro a mala quando voltar pra casa
A quando volta o azul?
K vocês são demais, boa noite pra todos
W Agora não dá, estou viajando a trabalho até sexta. Me escreve daqui a duas semanas
N o site deu erro, compro depois
K já comprei noutra loja, obrigada
K tá bom, obrigadinho
K fico a pensar nisso, obrigado
K meu colega de quarto já comprou, valeu mesmo assim
K vou ver com o meu marido primeiro e depois digo
""",
    "nl": """
K Zit in de trein, ik bestel de jas als ik thuis ben
K mijn vrouw regelt het in het weekend, bedankt
K ik wacht even op mijn salaris, dank je
K jullie zijn top, nog een fijne avond
W Nu even niet, de kinderen zijn ziek en ik heb mijn handen vol. App me volgende week maar
N de site geeft een foutmelding, ik bestel later
K al ergens anders gekocht, toch bedankt
K ik kijk vanavond met mijn zus en laat dan iets weten
K mijn huisgenoot heeft ze al gekocht, toch bedankt
""",
}


# Session 9's TWENTY_THIRD_BATCH: the kinds a new round of blind sets sent to the fallback, in fresh words:
# whether a thing fits in or into something (a pocket, a school bag, a crate), a curtain drop for a rail,
# one country's bedding size against another's, a cover or a sheet of W x L on a duvet or bed of W x L, a
# frame width for a wide face, glasses slipping off the nose, glasses or a tablet for a child's age, a nib for
# small handwriting, an album for N photos; a version without something or vegetarian, a tortoiseshell
# frame, a keyboard layout, a weight variant "or only", "that many", a colour (one a typo); paid or ordered
# on a day and asking whether it was printed or dispatched, a subscription's first box, a prescription sent
# for an order, "ordered N days ago, still nothing". Traps: the same words in shipping, discount and returns
# questions, and thanks.
# First run on 09b51b8 (session 9's router): 96/197 (48.7 %), before any change it prompted; 196/197 after
# the changes it prompted (a {nationality} slot, fit-into and version phrases; the miss is in KNOWN_MISSES).
TWENTY_THIRD_BATCH = {
    "en": """
Z will the A5 notebook fit in a jacket pocket?
Z does the phone slide into the back pocket of jeans or is it too big?
Z would the planner go in a school rucksack?
Z what curtain drop do I need for a rail at 230 cm?
Z is a 160x200 duvet the same as a UK king?
Z will the 200x220 cover go on my 200x200 duvet?
Z does a 90x190 fitted sheet work on a 90x200 mattress?
Z my face is quite wide, is a 145 mm frame wide enough?
Z my glasses keep sliding down my nose, will these sit better?
Z are these glasses ok for a 4 year old?
Z EF or F nib for really tiny handwriting?
Z 8 or 10 inch tablet for a 6 year old?
Z which album size holds 300 photos?
A do you do the mulled wine without alcohol?
A is there a vegetarian version of the hamper, without the ham?
A have you got the frames in tortoiseshell?
A do you have the laptop with a Spanish keyboard?
A is the kettlebell available in 12 kg or only 8?
A I need 12 of the tumblers, do you have that many?
A do you have the throw in beige?
O paid on Sunday, has my photo book been printed yet?
O ordered Monday, has it been dispatched?
O I paid for the subscription already, when does the first box come?
O I sent the prescription for order 6612, did you get it?
O ordered 10 days ago and still nothing, any news?
S how long does delivery take for the album?
D any discount if I buy 12?
K brilliant, thanks, it'll fit nicely under the tree 🎄
""",
    "es": """
Z ¿la libreta cabe en el bolsillo de una chaqueta?
Z ¿el móvil entra en el bolsillo del vaquero?
Z ¿la agenda entra en una mochila del cole?
Z ¿qué largo de cortina necesito para una barra a 2,40?
Z ¿150x190 es lo mismo que una cama de matrimonio inglesa?
Z ¿una funda nórdica de 200x220 sirve para un nórdico de 200x200?
Z ¿una sábana de 90x200 vale para una cama de 105x190?
Z tengo la cara ancha, ¿qué ancho de montura en mm me recomiendan?
Z se me resbalan las gafas por la nariz, ¿estas me sujetarán mejor?
Z ¿estas gafas le valen a un niño de 4 años?
Z ¿plumín EF o F para letra pequeña?
Z ¿tablet de 8 o de 10 pulgadas para un niño de 7?
Z ¿qué tamaño de álbum para 200 fotos?
A ¿el bizcocho lo tienen sin alcohol?
A ¿hay versión vegetariana de la cesta, sin jamón?
A ¿tienen las gafas en carey?
A ¿tienen el portátil con teclado español, con la ñ?
A ¿la mancuerna la hay de 7 kg o solo de 5?
A necesito 12, ¿tenéis tantas?
A ¿lo tenéis en beige?
O ya pagué el domingo, ¿ya lo imprimieron?
O ¿ya imprimieron mi fotolibro? lo pedí el viernes
O lo pedí el lunes, ¿ya lo despacharon?
O ya pagué la suscripción, ¿cuándo llega la primera caja?
O mandé la receta para el pedido 6612, ¿la recibieron?
O hace 10 días que pedí y nada, díganme algo
S ¿cuánto tarda el envío a Canarias?
D ¿hay descuento si compro 12?
""",
    "fr": """
Z le carnet rentre dans une poche de veste ?
Z le téléphone tient dans la poche d'un jean ?
Z l'agenda rentre dans un cartable ?
Z quelle hauteur de rideau pour une tringle à 2m50 ?
Z le 140x190 c'est pareil qu'un lit double anglais ?
Z une housse de 200x220 pour une couette de 200x200, ça passe ?
Z un drap de 160x200 sur un lit de 140x190, ça va ?
Z j'ai un visage large, quelle largeur de monture en mm ?
Z mes lunettes glissent sur le nez, celles-ci tiendront mieux ?
Z ces lunettes, c'est bon pour un enfant de 4 ans ?
Z plume EF ou F pour une petite écriture ?
Z tablette 8 ou 10 pouces pour un enfant de 6 ans ?
Z quel format d'album pour 300 photos ?
A vous l'avez sans alcool ?
A il y a une version végétarienne, sans jambon ?
A vous avez la monture en écaille ?
A vous avez le portable avec un clavier AZERTY ?
A vous avez le sac de 7 kg ou seulement 5 ?
A il m'en faut 12, vous en avez autant ?
A vous l'avez en beige ?
O j'ai payé dimanche, c'est déjà imprimé ?
O vous avez déjà imprimé mon livre photo ? commandé vendredi
O commandé lundi, c'est parti ?
O j'ai déjà payé l'abonnement, quand arrive la première box ?
O j'ai envoyé l'ordonnance pour la commande 6612, vous l'avez reçue ?
O commandé il y a 10 jours, toujours rien, dites-moi quelque chose
S combien coûte la livraison pour la Belgique ?
R je peux retourner le clavier s'il ne me plaît pas ?
""",
    "de": """
Z passt das Notizbuch in eine Jackentasche?
Z geht das Handy in die Hosentasche einer Jeans?
Z passt der Kalender in einen Schulranzen?
Z welche Vorhanglänge bei einer Stange auf 2,40 m?
Z ist 140x200 dasselbe wie ein englisches Doppelbett?
Z geht der Bezug 200x220 auf eine Decke 200x200?
Z passt ein Laken 180x200 auf ein Bett 160x200?
Z ich hab ein breites Gesicht, welche Rahmenbreite in mm?
Z die Brille rutscht mir immer von der Nase, sitzen die besser?
Z ist die Brille was für einen 4-Jährigen?
Z EF oder F Feder für eine kleine Handschrift?
Z 8 oder 10 Zoll Tablet für ein Kind mit 6?
Z welches Album für 250 Fotos?
A gibt es den Punsch auch ohne Alkohol?
A habt ihr eine vegetarische Variante, ohne Schinken?
A habt ihr die Brille in Schildpatt?
A habt ihr den Laptop mit spanischer Tastatur?
A gibt es den Sack mit 7 kg oder nur mit 5?
A ich brauche 12 Stück, habt ihr so viele?
A gibts die Decke in weis?
O hab am Sonntag schon bezahlt, ist es schon gedruckt?
O habt ihr mein Fotobuch schon gedruckt? am Freitag bestellt
O am Montag bestellt, ist es schon raus?
O Abo ist schon bezahlt, wann kommt die erste Box?
O ich hab das Rezept für Bestellung 6612 geschickt, habt ihr es bekommen?
O vor 10 Tagen bestellt und immer noch nichts, sagt mal was
S wie lange dauert der Versand nach Österreich?
D gibt es Rabatt ab 12 Stück?
""",
    "it": """
Z il taccuino ci sta in una tasca della giacca?
Z il telefono sta nella tasca dei jeans?
Z il diario entra in uno zaino di scuola?
Z che lunghezza di tenda per un bastone a 2,50?
Z il 160x200 è uguale a un matrimoniale inglese?
Z il copripiumino 200x220 va bene per un piumone 200x200?
Z un lenzuolo 90x200 va su un letto 80x190?
Z ho il viso largo, che larghezza di montatura in mm?
Z gli occhiali mi scivolano sul naso, questi stanno meglio?
Z questi occhiali vanno a un bimbo di 4 anni?
Z pennino EF o F per una scrittura piccola?
Z tablet da 8 o 10 pollici per un bambino di 6 anni?
Z i jeans vestono piccoli?
Z che formato di album per 400 foto?
A il panettone c'è senza alcol?
A c'è una versione vegetariana, senza prosciutto?
A avete la montatura tartarugata?
A avete il portatile con la tastiera italiana?
A c'è il sacco da 7 kg o solo da 5?
A me ne servono 12, ne avete così tanti?
A lo avete in beige?
O ho già pagato domenica, l'avete già stampato?
O avete già stampato il mio fotolibro? ordinato venerdì
O ordinato lunedì, è già stato spedito?
O ho già pagato l'abbonamento, quando arriva la prima scatola?
O ho mandato la ricetta per l'ordine 6612, l'avete ricevuta?
O ordinato 10 giorni fa e ancora niente, ditemi qualcosa
S quanto costa la spedizione in Svizzera?
D c'è uno sconto se ne prendo 12?
""",
    "pt": """
Z o caderno entra no bolso da jaqueta?
Z o celular cabe no bolso da calça jeans?
Z a agenda vai na mochila da escola?
Z que comprimento de cortina para um varão a 2,40 m?
Z 140x190 é igual a uma cama de casal inglesa?
Z a capa de edredom 200x220 serve num edredom 200x200?
Z um lençol de 160x200 dá numa cama de 140x190?
Z tenho o rosto largo, qual a largura da armação em mm?
Z os óculos escorregam do nariz, esses vão ficar melhor?
Z esses óculos servem para uma criança de 4 anos?
Z pena EF ou F para letra pequena?
Z tablet de 8 ou 10 polegadas para uma criança de 6 anos?
Z qual o tamanho do álbum para 300 fotos?
A tem o bolo sem álcool?
A tem uma versão vegetariana, sem presunto?
A vocês têm a armação em tartaruga?
A vocês têm o portátil com teclado português?
A tem o saco de 7 kg ou só de 5?
A preciso de 12, vocês têm tantos?
A tem em bege?
O já paguei no domingo, já imprimiram?
O já imprimiram o meu fotolivro? encomendei na sexta
O encomendei na segunda, já foi expedida?
O já paguei a assinatura, quando chega a primeira caixa?
O mandei a receita da encomenda 6612, receberam?
O encomendei há 10 dias e nada ainda, me digam alguma coisa
S quanto é o frete para Portugal?
D tem desconto para 12 unidades?
""",
    "nl": """
Z past het notitieboekje in een jaszak?
Z gaat de telefoon in de zak van een spijkerbroek?
Z past de agenda in een schooltas?
Z welke gordijnlengte bij een rail op 2,40 m?
Z is 140x200 hetzelfde als een Engels tweepersoonsbed?
Z gaat een dekbedovertrek 200x220 om een dekbed van 200x200?
Z past een laken 160x200 op een bed van 140x200?
Z ik heb een breed gezicht, welke montuurbreedte in mm?
Z mijn bril zakt steeds van mijn neus, zitten deze beter?
Z is deze bril geschikt voor een kind van 4?
Z EF of F penpunt voor een klein handschrift?
Z tablet van 8 of 10 inch voor een kind van 6?
Z welk album voor 300 foto's?
A hebben jullie de glühwein ook zonder alcohol?
A is er een vegetarische versie, zonder ham?
A hebben jullie het montuur in schildpad?
A hebben jullie de laptop met een AZERTY toetsenbord?
A is er de zak van 7 kg of alleen van 5?
A ik heb er 12 nodig, hebben jullie er zoveel?
A hebben jullie hem in beige?
O zondag al betaald, is het al gedrukt?
O hebben jullie mijn fotoboek al gedrukt? vrijdag besteld
O maandag besteld, is het al de deur uit?
O abonnement al betaald, wanneer komt de eerste doos?
O ik heb het recept voor bestelling 6612 gestuurd, hebben jullie het ontvangen?
O 10 dagen geleden besteld en nog steeds niks, laat iets weten
S wat kost verzending naar Duitsland?
R kan ik de laptop terugsturen als het toetsenbord niet bevalt?
""",
}


# Session 9's TWENTY_FOURTH_BATCH (helper replies12): the kinds a new round of blind sets sent to the
# fallback or the wrong rule, in fresh words: a format or capacity "or only/just", stock "back" in French, a
# material and finish, a colour for boots, a plug type, a left-handed version, "any left", a handle colour in
# stock; arriving before an event or date, a plain box, batteries by post, leaving goods at a site fence;
# ordered and asking whether it was sent, a cancelled order restored, a team order not arrived (regional);
# German zu-infinitives for returns, a swap for a bigger size; a welcome code after unsubscribing, a code that
# fails on a product; fit under a cupboard, a pan for a hob ring, a propeller for a drone. Traps (F): product
# questions no rule covers (heel drop, heart rate, a thermometer for a baby, a drone licence, voltage,
# sharpening, decibels, cut resistance, how long a balloon floats).
# First run on a3dced7 (session 9's router): 98/147 (66.7 %), before any change it prompted; 146/147 after
# the changes it prompted (word families, plug {nationality} slots, false friends for what a device measures
# or reduces, a payment method after "or only" and "retour en stock", a baby's age in months blanked; the miss
# is in KNOWN_MISSES). 142/147 after the merge: "or only/just" as a stock phrase was taken out again, it sent
# twelve product questions of the older held-out sets to Availability (the four are in KNOWN_MISSES).
TWENTY_FOURTH_BATCH = {
    "en": """
A do you have the vitamins in gummies or only chewable?
A is there still the 8GB one or just the 4GB left?
A is the PLA filament available in matte black?
A do you have these boots in brown?
A can I get the kettle with a European plug?
A do you make a left-handed version of the scissors?
A any of the gold number 3 balloons left?
A is the santoku with the black handle in stock?
S will the trainers come before the marathon on the 27th?
S can you get it to Leeds by Saturday?
S could it be sent in a plain box? it's a present
S can you send LiPo batteries to Australia?
S can you leave it at the building site fence if nobody is there?
O I ordered a week ago, has it been sent yet?
O ordered on Monday, still nothing, where is it?
O I cancelled my order by mistake, can you restore it?
O our order for the team still hasn't arrived
R it arrived far too small, can I swap it for a bigger size?
D I unsubscribed from the newsletter, is the welcome code still valid?
Z will the knife block fit under a 40 cm cupboard?
Z is the 32 cm pan too big for the small hob ring?
Z which propeller size fits the Mini 3 drone?
F what heel-to-toe drop do you recommend for a beginner runner?
F does the watch measure heart rate?
F is the infrared thermometer ok for a 2 month old?
F do I need a licence for a drone under 250 g?
F is the heated bed 220 V or do I have to change something?
F how many decibels do the ear defenders reduce?
""",
    "es": """
A ¿lo tienen en cápsulas o solo en polvo?
A ¿queda el de 256 GB o solo el de 128?
A ¿tienen el filamento PETG en negro mate?
A ¿hay estas botas en marrón?
A ¿la plancha viene con enchufe europeo?
A ¿tienen una versión para zurdos?
A ¿quedan globos dorados del número 5?
A ¿ya tienen de nuevo la sartén de 28?
S ¿llegan antes de la boda del 14?
S ¿me lo pueden mandar en una caja neutra?
S ¿se pueden enviar baterías de litio a Canarias?
O hice el pedido hace una semana, ¿ya lo han enviado?
O pedí el lunes y todavía nada, ¿dónde está?
O cancelé el pedido sin querer, ¿lo pueden recuperar?
R me llegó muy pequeño, ¿puedo cambiarlo por una talla más grande?
D me di de baja del boletín, ¿sigue valiendo el código de bienvenida?
Z ¿el taco de cuchillos cabe debajo de un armario a 40 cm?
Z ¿la sartén de 32 cm es demasiado grande para el fuego pequeño?
F ¿el reloj mide el pulso?
F ¿ofrecen servicio de afilado? ¿qué grano usan?
F ¿los guantes son anticorte?
""",
    "fr": """
A vous l'avez en gélules ou seulement en poudre ?
A il reste le 16 Go ou juste le 8 Go ?
A est-ce que le mixeur est de retour en stock ?
A vous avez les bottines en marron ?
A vous faites une version pour gaucher ?
A il reste des ballons chiffre 7 dorés ?
S est-ce qu'ils arrivent avant le marathon du 27 ?
S vous pouvez l'envoyer dans un colis neutre ?
S vous envoyez des batteries lithium en Suisse ?
O j'ai commandé il y a une semaine, elle a déjà été envoyée ?
O commandé lundi, toujours rien, elle est où ?
O j'ai annulé ma commande par erreur, vous pouvez la rétablir ?
R il est arrivé beaucoup trop petit, je peux l'échanger contre une taille au-dessus ?
D le code BIENVENUE10 ne marche pas sur la cafetière
D je me suis désabonnée de la newsletter, le code de bienvenue est toujours valable ?
Z le bloc à couteaux passe sous un meuble à 40 cm ?
Z quelle taille d'hélice pour le drone Mini 2 ?
F quel drop conseillez-vous pour un débutant ?
F le thermomètre infrarouge convient à un bébé de 2 mois ?
F combien de décibels le casque antibruit atténue ?
""",
    "de": """
A gibt es das als Kapseln oder nur als Pulver?
A habt ihr noch die 512-GB-Version oder nur die 256er?
A gibt es das PLA in mattschwarz?
A habt ihr die Stiefel auch in braun?
A gibt es den Wasserkocher mit UK-Stecker?
A gibt es die Schere auch für Linkshänder?
A sind noch goldene Zahlenballons 4 da?
S kommen die vor dem Marathon am 27. an?
S könnt ihr das in einem neutralen Karton schicken?
S darf man Akkus mit der Post verschicken?
S könnt ihr die Lieferung am Bauzaun abstellen?
O vor einer Woche bestellt, ist es schon verschickt?
O am Montag bestellt und noch immer nix, wo bleibt es?
O unsere Bestellung für die Mannschaft is no ned da
O ich habe die Bestellung aus Versehen storniert, könnt ihr sie wiederherstellen?
R ist es möglich, die Jacke zurückzuschicken?
R ich habe vor, die Schuhe zurückzugeben, wie geht das?
R viel zu klein angekommen, kann ich es gegen eine größere Größe tauschen?
D ich habe den Newsletter abbestellt, gilt der Willkommenscode noch?
Z passt der Messerblock unter einen Hängeschrank mit 40 cm Abstand?
F brauche ich für eine Drohne unter 250 g einen Führerschein?
F ist das Heizbett 220 V oder muss ich was umstellen?
F wie lange schwebt ein 12-Zoll-Ballon mit Helium?
""",
    "it": """
A ce l'avete in caramelle gommose o solo masticabili?
A c'è ancora da 1 TB o solo quella da 512?
A avete gli stivali marroni?
A c'è la versione per mancini?
A sono rimasti palloncini dorati numero 3?
S arrivano prima della maratona del 27?
S potete spedirlo in una scatola anonima?
S spedite batterie al litio in Australia?
O ho ordinato una settimana fa, è già stato spedito?
O ordinato lunedì, ancora niente, dov'è?
O il nostro ordine per la squadra ancora niente
O ho annullato l'ordine per sbaglio, potete ripristinarlo?
R è arrivato troppo piccolo, posso cambiarlo con una taglia più grande?
D mi sono disiscritto dalla newsletter, il codice di benvenuto vale ancora?
Z la padella da 32 cm è troppo grande per il fornello piccolo?
Z che misura di eliche per il drone Mini 3?
F l'orologio misura il battito cardiaco?
F i guanti sono antitaglio?
""",
    "pt": """
A tem em gomas ou só mastigável?
A ainda há o de 8GB ou só o de 4GB?
A tem estas botas em castanho?
A a chaleira vem com ficha inglesa?
A têm uma versão para canhotos?
A ainda há balões dourados número 3?
S chegam antes da maratona do dia 27?
S podem enviar numa caixa discreta?
S posso mandar baterias de lítio pelo correio?
O encomendei há uma semana, já foi enviada?
O encomendei segunda e ainda nada, onde está?
O cancelei a encomenda sem querer, podem recuperá-la?
R chegou muito pequeno, posso trocar por um tamanho maior?
D cancelei a newsletter, o código de boas-vindas ainda vale?
Z o bloco de facas cabe debaixo de um armário a 40 cm?
Z que tamanho de hélice serve no drone Mini 2?
F o termómetro infravermelho serve para um bebé de 2 meses?
F quantos decibéis reduzem os protetores auriculares?
""",
    "nl": """
A hebben jullie het als gummies of alleen kauwtabletten?
A is er nog de 8GB of alleen de 4GB?
A hebben jullie de laarzen in bruin?
A is er een versie voor linkshandigen?
A zijn er nog gouden cijferballonnen 3?
S zijn ze er voor de marathon van de 27e?
S komen ze voor de 14e aan?
S kunnen jullie het in een neutrale doos sturen?
S mogen batterijen met de post?
O een week geleden besteld, is het al verzonden?
O maandag besteld en nog niks, waar blijft het?
O onze bestelling voor de ploeg is nog altijd niet toegekomen
O ik heb de bestelling per ongeluk geannuleerd, kunnen jullie die terugzetten?
R veel te klein aangekomen, kan ik het ruilen voor een grotere maat?
D ik heb me afgemeld voor de nieuwsbrief, is de welkomstcode nog geldig?
Z past het messenblok onder een kastje op 40 cm?
Z is de pan van 32 cm te groot voor de kleine pit?
F hoe lang blijft een ballon van 12 inch zweven met helium?
F bieden jullie een slijpservice aan?
""",
}


AREAS = {
    "ack": ACKS,
    "escalation": ESCALATIONS,
    "shipping-place": SHIPPING_TO_A_PLACE,
    "sizing-body": SIZING_FOR_A_BODY,
    "stock-back": STOCK_COMING_BACK,
    "order-or-delivery": ORDER_OR_DELIVERY,
    "sale": SALES_AND_PRICE_DROPS,
    "fallback": NO_RULE_FITS,
    "second": SECOND_BATCH,
    "third": THIRD_BATCH,
    "fourth": FOURTH_BATCH,
    "fifth": FIFTH_BATCH,
    "sixth": SIXTH_BATCH,
    "seventh": SEVENTH_BATCH,
    "eighth": EIGHTH_BATCH,
    "ninth": NINTH_BATCH,
    "tenth": TENTH_BATCH,
    "eleventh": ELEVENTH_BATCH,
    "twelfth": TWELFTH_BATCH,
    "thirteenth": THIRTEENTH_BATCH,
    "thirteenth-traps": THIRTEENTH_BATCH_TRAPS,
    "fourteenth": FOURTEENTH_BATCH,
    "fifteenth": FIFTEENTH_BATCH,
    "sixteenth": SIXTEENTH_BATCH,
    "seventeenth": SEVENTEENTH_BATCH,
    "eighteenth": EIGHTEENTH_BATCH,
    "nineteenth": NINETEENTH_BATCH,
    "nineteenth-traps": NINETEENTH_BATCH_TRAPS,
    "nineteenth-after-traps": NINETEENTH_BATCH_AFTER_TRAPS,
    "twentieth": TWENTIETH_BATCH,
    "twentieth-after-traps": TWENTIETH_BATCH_AFTER_TRAPS,
    "twenty-first": TWENTY_FIRST_BATCH,
    "twenty-first-after-traps": TWENTY_FIRST_BATCH_AFTER_TRAPS,
    "twenty-second": TWENTY_SECOND_BATCH,
    "twenty-third": TWENTY_THIRD_BATCH,
    "twenty-fourth": TWENTY_FOURTH_BATCH,
}
# Batches written after a blind set's first run, for the kinds it found: as long as those kinds needed.
FOLLOW_UP_BATCHES = (
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "thirteenth-traps",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "nineteenth-traps",
    "nineteenth-after-traps",
    "twentieth",
    "twentieth-after-traps",
    "twenty-first",
    "twenty-first-after-traps",
    "twenty-second",
    "twenty-third",
    "twenty-fourth",
)
# Misrouted still, and not fixable without harm elsewhere; strict, so a fix shows up here.
_OR_ONLY = (
    "'or only/just' read as a stock phrase sent twelve product questions of the older held-out sets to "
    "Availability ('waterproof or just water resistant?', 'leihen oder nur kaufen?'): one format asked "
    "against another is not told apart from one property against another"
)
_OWN_WATTAGE = (
    "the product's own power named before the question ('de 50 W') is read as a variant asked for by "
    "Availability's 'de {size} {capacity}'"
)
KNOWN_MISSES: dict[str, str] = {
    "komen jullie weer met lila?": "'weer met' (again with) is too loose a stock phrase",
    "könnt ihr das an meine mutter in london schicken?": "only 'nach' is read as a destination before a "
    "verb-final 'schicken': 'an' is as often 'an meine Mail schicken'",
    "do u have more of the mugs coming": "'more * coming' with a noun in the gap: gaps open only on an "
    "article",
    "la veste grise, c'est fini ?": "'c'est fini' ends anything ('c'est fini pour moi'); too broad for stock",
    "kan ik het in de winkel ophalen?": "'in de winkel' is a stock phrase ('ligt het nog in de winkel?'); "
    "picking up in the shop reads the same",
    "Gits das no i Gröössi M?": "Swiss 'no i' (still in) is English 'no I': only the whole words are read",
    "je garde le noir, comment je renvoie le bleu ?": "a colour named outside a cart change makes a policy "
    "answer uncovered (uncovered_question); which colour questions a returns policy does answer is wider "
    "than this batch",
    "I cancelled the first order because of the wrong address, has the new one been sent?": "the English "
    "tone reader scores 'cancelled' with 'wrong' at -0.62, read as anger before any rule",
    "perfect, the bed is big enough, thanks. June": "'big enough' is a fit question's words; said as a "
    "report with thanks it still reaches Sizing (as 'long enough' did before)",
    "Tô no ônibus, compro a mochila quando chegar em casa": "Portuguese 'no' (in the) is English and "
    "Spanish 'no': a reason before a plan that holds it reads as negated ('no me funciona, lo compro luego')",
    "gracias, lo compro cuando me den el finiquito del trabajo viejo": "a when-clause of seven words: a "
    "plan's time is read up to six, a longer clause may hold a question",
    "brilliant, thanks, it'll fit nicely under the tree 🎄": "'fit' is the merchant's own Sizing keyword, "
    "read before any acknowledgement; thanks that report a fit reach Sizing (as 'big enough' above)",
    "any of the gold number 3 balloons left?": "'any * left' gaps hold three words, here six; 'any of the' "
    "alone as a stock phrase also reached 'any of the reviews say how it washes?'",
    "is there still the 8GB one or just the 4GB left?": _OR_ONLY,
    "gibt es das als Kapseln oder nur als Pulver?": _OR_ONLY,
    "¿el calentador de 50 W basta para un acuario de 100 litros?": _OWN_WATTAGE,
    "le chauffage de 100 W suffit pour un bac de 120 litres ?": _OWN_WATTAGE,
    "bringt der Fahrer das Laufband in den 3. Stock oder bleibt es unten?": "'Stock' after a number is "
    "blanked as a false friend (a floor, not stock), so the phrase 'in den {size} stock' cannot see it; "
    "rescuing it lets the English 'stock' take it, and a phrase with a slot is only a context word",
    "porto il 44, la L mi va?": "too short for the detector; 'porto' before a size is no longer postage, but "
    "'mi va' (it fits me, also 'I feel like') is no fit word",
}


def _lines(block: str) -> list[tuple[str, str]]:
    return [(line[0], line[2:]) for line in block.strip().splitlines()]


CASES = [
    pytest.param(
        text,
        label,
        id=f"{area}-{language}-{index}",
        marks=[pytest.mark.xfail(strict=True, reason=KNOWN_MISSES[text])] if text in KNOWN_MISSES else [],
    )
    for area, by_language in AREAS.items()
    for language, block in by_language.items()
    for index, (label, text) in enumerate(_lines(block))
]


def test_the_corpus_is_broad_in_every_language_and_area():
    # then: at least ten phrasings per area in each of the seven languages
    for area, by_language in AREAS.items():
        assert set(by_language) == set(LANGUAGES), area
        assert all(
            len(_lines(block)) >= (1 if area in FOLLOW_UP_BATCHES else 10) for block in by_language.values()
        ), area
        assert all(label in LABELS for block in by_language.values() for label, _ in _lines(block))


@pytest.mark.django_db
@pytest.mark.parametrize(("text", "label"), CASES)
def test_a_reply_routes_as_a_person_would(route_text, text, label):  # noqa: F811
    # when
    got = route_text(text)

    # then
    assert_routed_as(got, text, label)


def assert_routed_as(got: str, text: str, label: str) -> None:
    """A trap (N) is anything but an acknowledgement; every other label names the steps that are right."""
    if label == "N":
        assert got != Step.ACKNOWLEDGEMENT, f"{text!r}: read as an acknowledgement"
    else:
        assert got in LABELS[label], f"{text!r}: expected {' or '.join(LABELS[label])}, got {got}"


# Session 10: stock questions the router missed ("do you have X for Y?", "sold out?", "does it come in brown
# leather?", "will you have it again?", "when do you restock?"), a stock question after a first clause with a
# stopping word ("enough of…", "I stopped the grain food, do you have…": no opt-outs), money back in German,
# a sale to wait for; traps that must not move (a voltage, a shop, a number, delivery).
# first run on ec5bcaf: 60/107 (no opt-outs; two voltages read as stock)
TWENTY_FIFTH_BATCH_STOCK = {
    "en": """
A do you have the flea drops for small dogs?
A do u have the 12-53s cassette
A is the 10-46 string set sold out?
A does the wallet come in brown leather?
A will you have the 45 cm chain again?
A when are the ceramic disc pads back?
A when do you restock the 11-speed chains
A do you have 29x2.2 tyres
A Enough of strings snapping mid-gig — do you have the coated ones?
A I can't stop practising 😂 is the metronome back?
A I stopped the grain food, do you have the grain-free bag?
R when do I get my money back?
D will the tent be on sale after the holidays? I can wait
F does the amp work on 110V?
F do you have a shop in Lyon?
F do you have my number?
S is it available for delivery to Chile?
""",
    "es": """
A ¿tienen las gotas para perros pequeños?
A tienen el casete 11-50?
A se agotaron las cuerdas 10-46?
A ¿viene en cuero marrón?
A volveran a tener la cadena de 45 cm?
A cuando reponen las pastillas de freno?
A basta de vueltas, ¿tienen la cubierta 29x2.2 o no?
A dejé de darle pienso con cereales, tienen el saco sin cereales?
R cuando me devuelven el dinero?
R quiero mi dinero de vuelta, le dio alergia
D ¿estará en rebajas después de las fiestas? puedo esperar
F el ampli funciona con 110V?
F ¿tienen tienda en Lyon?
S ¿está disponible para envío a Chile?
""",
    "fr": """
A vous avez les gouttes pour petits chiens ?
A elles sont épuisées les cordes 10-46 ?
A le portefeuille existe en cuir marron ?
A vous aurez de nouveau la chaîne de 45 cm ?
A les plaquettes reviennent quand ?
A vous réapprovisionnez quand les chaînes 11 vitesses ?
A j'ai arrêté les croquettes aux céréales, vous avez le sac sans céréales ?
A marre des cordes qui cassent, vous avez les cordes gainées ?
R je veux récupérer mon argent, réaction allergique
D ce sera en solde après les fêtes ? je peux attendre
F l'ampli marche en 110V ?
F vous avez une boutique à Lyon ?
F vous avez mon numéro ?
S c'est disponible en livraison au Chili ?
""",
    "de": """
A habt ihr die Tropfen für kleine Hunde?
A sind die 10-46 Saiten ausverkauft?
A gibt's die 45 cm Kette wieder?
A gibt es die Geldbörse in braunem Leder?
A wann sind die Bremsbeläge wieder da?
A wann füllt ihr die 11-fach Ketten wieder auf?
A Schluss mit reißenden Saiten – habt ihr die beschichteten?
A hab mit dem Getreidefutter aufgehört, habt ihr den getreidefreien Sack?
R wann bekomme ich mein Geld zurück
R will mein Geld zurück, allergische Reaktion
R krieg ich mein Geld für die Tropfen zurück?
R wann krieg ich meine kohle zurück
D ist das Zelt nach den Feiertagen im Sale? ich kann warten
F läuft der Verstärker mit 110V?
F habt ihr einen Laden in Lyon?
F habt ihr meine Nummer?
S ist das für Lieferung nach Chile verfügbar?
""",
    "it": """
A avete semi di basilico genovese?
A avete le gocce per cani piccoli?
A le corde 10-46 sono esaurite?
A sono esauriti i pacchi pignoni 12-53?
A c'è in pelle marrone?
A avrete di nuovo la catena da 45 cm?
A quando tornano le pastiglie dei freni?
A quando rifornite le catene a 11 velocità?
A ho smesso con le crocchette ai cereali, avete il sacco senza cereali?
A basta con le corde che si rompono, avete quelle rivestite?
R quando mi ridate i soldi?
D il divano andrà in saldo dopo le feste? posso aspettare
F l'ampli funziona a 110V?
F avete un negozio a Lione?
S è disponibile la consegna in Cile?
""",
    "pt": """
A vocês têm as gotas para cães pequenos?
A vcs tem semente de manjericão?
A tem a mochila na cor cinza?
A esgotaram as cordas 10-46?
A tem em couro marrom?
A vão ter de novo a corrente de 45 cm?
A quando voltam as pastilhas de freio?
A tem pneu 29x2.2?
A parei de dar ração com grãos, vocês têm o saco sem grãos?
A chega de cordas partindo, vocês têm as revestidas?
R quando recebo meu dinheiro de volta?
R quero meu dinheiro de volta, deu alergia
D a barraca estará em promoção depois das festas? posso esperar
D vai entrar em promoção depois do natal? eu espero
F o amplificador funciona em 110V?
F vocês têm loja em Lyon?
S está disponível para entrega no Chile?
""",
    "nl": """
A hebben jullie de druppels voor kleine honden?
A zijn de 10-46 snaren uitverkocht?
A is de portemonnee er ook in bruin leer?
A krijgen jullie de ketting van 45 cm weer binnen?
A wanneer zijn de remblokken weer terug?
A wanneer vullen jullie de 11-speed kettingen aan?
A ik ben gestopt met graanvoer, hebben jullie de graanvrije zak?
A genoeg van snaren die knappen, hebben jullie de gecoate?
R wanneer krijg ik mijn geld terug?
D gaat de tent na de feestdagen in de uitverkoop? ik kan wachten
F werkt de versterker op 110V?
F hebben jullie een winkel in Lyon?
S is het beschikbaar voor levering naar Chili?
""",
}


STOCK_MISSES: dict[str, str] = {
    "when are the ceramic disc pads back?": "'are * back' gaps hold three words, here four",
    "chega de cordas partindo, vocês têm as revestidas?": "'chega de' (enough of) is 'chega' (it arrives), a "
    "shipping word, as in 'chega antes de sábado?': only the next two words are read, and 'de' is in both",
}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "label"),
    [
        pytest.param(
            text,
            label,
            id=f"stock-{language}-{index}",
            marks=[pytest.mark.xfail(strict=True, reason=STOCK_MISSES[text])] if text in STOCK_MISSES else [],
        )
        for language, block in TWENTY_FIFTH_BATCH_STOCK.items()
        for index, (label, text) in enumerate(_lines(block))
    ],
)
def test_a_stock_question_after_any_first_clause_routes_as_a_person_would(route_text, text, label):  # noqa: F811
    # when
    got = route_text(text)

    # then
    assert_routed_as(got, text, label)


# Session 10, courtesy7: acknowledgements a person reads as such — late-night musing then a plan for
# tomorrow, the reminder quoted back with a joke then a plan, done with a wish ("fingers crossed"), payday
# plans in any word order, "maybe next spring", regional thanks, a plan on coming back from somewhere — and
# the traps next to them that must keep their label. First run on ec5bcaf: 57/116 (the traps all held; "the
# link is broken, I'll order tomorrow" goes to the fallback there, not to a person, so it is a trap N: no
# acknowledgement). 116/116 after the changes it prompted (courtesy7, on ec5bcaf).
TWENTY_FIFTH_BATCH_ACKS = {
    "en": """
K it's 1am and I'm still looking at kettlebells instead of sleeping lol, I'll decide tomorrow
K 2am and still scrolling dumbbells haha, gonna decide in the morning
K lol 'Your basket misses you' - yes, and I'm waiting for my salary; end of month I'll buy it
K "your cart misses you" haha i miss it too, buying it on payday
K just ordered it, fingers crossed!
K bought it last night, wish me luck 🤞
K Cool, ordering it on payday
K on payday i'm ordering it, cheers
W maybe next spring
K omg my mom said yes, buying tomorrow
K sorry wrong chat 😊, I'll order when I'm back from Crete
K I'll buy it when I'm back from the village
K will grab it when im back from the beach
S I'll decide tomorrow, but do you ship to Canada?
O ordered last week, still nothing?
R when I'm back can I still return it?
N the link is broken, I'll order tomorrow
O ordered Monday, fingers crossed it comes before Friday — will it?
D 'Your basket misses you' lol, is the discount still on?
""",
    "es": """
K es la 1 de la mañana y sigo mirando pesas rusas en vez de dormir jaja, mañana decido
K "Tu carrito te extraña" jaja sí, y espero el sueldo; a fin de mes lo compro
K ya lo pedí, deséenme suerte
K pedido hecho, crucemos los dedos 🤞
K genial, el dia de cobro lo pido
W quizas la proxima primavera
K gracias, lo compro cuando vuelva del pueblo
K cuando vuelva de la playa lo pido
K mi mama dijo que siii, mañana lo compro
K perdon, chat equivocado 😅 lo pido cuando vuelva de Mallorca
S mañana decido, pero ¿envían a Canadá?
O lo pedí la semana pasada y todavía nada?
R cuando vuelva ¿lo puedo devolver igual?
N el enlace está roto, lo pido mañana
O pedí el lunes, crucemos los dedos que llegue antes del viernes, ¿llegará?
A ¿cuando vuelva a estar disponible me avisan?
""",
    "fr": """
K il est 1h du mat et je regarde encore des kettlebells au lieu de dormir mdr, je verrai demain
K « Votre panier s'ennuie de vous » haha oui, j'attends ma paie, à la fin du mois je l'achète
K c'est commandé, croisons les doigts !
K je viens de commander, souhaitez-moi bonne chance
K à la paie je commande
K cool, je le commande le jour de la paie
W peut-être au printemps prochain
K assez niaisé, je commande ce soir
K je l'achète à mon retour de Bretagne
K je commande quand je rentre de la plage
K ma mère a dit oui !! je l'achète demain
K oups mauvaise conversation 😊 je commande à mon retour de Corse
S je verrai demain, mais vous livrez au Canada ?
O commandé la semaine dernière, toujours rien ?
R à mon retour je pourrai encore le renvoyer ?
N le lien ne marche pas, je commande demain
S commandé lundi, croisons les doigts pour que ça arrive avant vendredi, ça ira ?
""",
    "de": """
K es ist 1 Uhr nachts und ich schau immer noch Kettlebells an statt zu schlafen lol, morgen vielleicht
K „Dein Warenkorb vermisst dich“ haha ja, ich warte aufs Gehalt, Ende des Monats kauf ich ihn
K bestellt, Daumen drücken
K grad bestellt, drückt mir die Daumen 🤞
K nach dem Zahltag bestelle ich
K cool, am Zahltag bestell ich
W vielleicht nächsten Frühling
K jo danke dir
K merci vielmal
K ich kaufs wenn ich aus dem Urlaub zurück bin
K bestell ich wenn ich vom Strand zurück bin
K meine Mama hat ja gesagt, kauf morgen
K sorry falscher Chat 😊, bestell wenn ich aus Kreta zurück bin
S morgen entscheide ich, aber liefert ihr nach Kanada?
O letzte Woche bestellt, immer noch nichts?
R wenn ich zurück bin, kann ich es noch zurückgeben?
N der Link ist kaputt, ich bestelle morgen
O Montag bestellt, Daumen drücken dass es vor Freitag kommt – klappt das?
D „Dein Warenkorb vermisst dich“ – gilt der Rabatt noch?
""",
    "it": """
K è l'una di notte e sto ancora guardando kettlebell invece di dormire lol, decido domani
K 'Il tuo carrello ti aspetta' ahah sì, aspetto lo stipendio, a fine mese lo compro
K fatto l'ordine, incrociamo le dita
K appena ordinato, speriamo bene 🤞
K dopo la paga lo ordino
W magari la prossima primavera
K lo compro quando torno dal mare
K quando torno dalla Sardegna lo ordino
K mia mamma ha detto sì!! domani lo compro
K scusa chat sbagliata 😊 lo ordino quando torno da Creta
S decido domani, ma spedite in Canada?
O ordinato la settimana scorsa, ancora niente?
R quando torno posso ancora restituirlo?
N il link non funziona, lo ordino domani
O ordinato lunedì, incrociamo le dita che arrivi prima di venerdì, ce la fa?
""",
    "pt": """
K já é 1h da manhã e eu ainda olhando kettlebell em vez de dormir kkk, amanhã eu decido
K "Seu carrinho sente sua falta" kkk sim, e tô esperando o salário; no fim do mês eu compro
K acabei de encomendar, figas!
K já comprei, torçam por mim
K no dia do pagamento eu compro
W fica para a próxima primavera
K compro quando voltar da praia
K quando voltar da viagem eu encomendo
K minha mãe deixou!! compro amanhã
K desculpa, conversa errada 😊 compro quando voltar de Creta
S amanhã eu decido, mas vocês enviam pro Canadá?
O encomendei semana passada e ainda nada?
R quando voltar ainda posso devolver?
N o link tá quebrado, compro amanhã
O encomendei segunda, figas pra chegar antes de sexta, chega?
""",
    "nl": """
K het is 1 uur 's nachts en ik kijk nog steeds naar kettlebells ipv te slapen haha, ik beslis morgen
K 'Je winkelmandje mist je' haha ja, ik wacht op mijn salaris, eind van de maand koop ik het
K besteld, duimen!
K net besteld, duim voor me 🤞
K op betaaldag bestel ik hem
W volgend voorjaar misschien
K ik koop het als ik terug ben van het strand
K ik bestel als ik terug ben uit Bretagne
K mijn moeder zei ja!! morgen koop ik het
K sorry verkeerde chat 😊 ik bestel als ik terug ben van Kreta
S ik beslis morgen, maar leveren jullie in Canada?
O vorige week besteld, nog steeds niks?
R als ik terug ben kan ik het dan nog retourneren?
N de link werkt niet, ik bestel morgen
O maandag besteld, duimen dat het voor vrijdag komt, lukt dat?
""",
}
TWENTY_FIFTH_BATCH_ACKS_CASES = [
    pytest.param(text, label, id=f"twenty-fifth-acks-{language}-{index}")
    for language, block in TWENTY_FIFTH_BATCH_ACKS.items()
    for index, (label, text) in enumerate(_lines(block))
]


@pytest.mark.django_db
@pytest.mark.parametrize(("text", "label"), TWENTY_FIFTH_BATCH_ACKS_CASES)
def test_an_acknowledgement_with_a_plan_or_a_wish_needs_no_answer(route_text, text, label):  # noqa: F811
    # when
    got = route_text(text)

    # then
    assert_routed_as(got, text, label)


# Session 10's TWENTY_FIFTH_BATCH_FIT (helper lexb7): what "fit" means. A body or a size is Sizing (a ring
# sizer, a band's strength for a beginner, an instrument for a child's age, a case for a 4/4 guitar, a
# planter on a sill, a rack on a frame size, a strap's length against a wrist); how many letters an engraving
# holds, a part compatible with a brand, a heater enough for a tank, a metal tarnishing, a cage safe for a
# pet, a base under a greenhouse are not (F). Shipping: carrying up to a floor, sending later when the shopper
# is back, batteries as dangerous goods, arriving before a holiday in a village, delivering to a remote
# village. Traps: an order not arrived (O), a size too long for a height (Z), how long delivery takes (S).
# First run on ec5bcaf: 109/154 (70.8 %); 151/154 after the changes it prompted (the three in KNOWN_MISSES:
# a heater's own wattage read as a variant by Availability, a German floor 'in den 3. Stock').
TWENTY_FIFTH_BATCH_FIT = {
    "en": """
Z do you have a ring sizer i can order? no idea what she wears
Z im new to training, would the light or the medium band suit me?
Z my niece is 7, soprano uke or the concert one?
Z will the padded case take a full 4/4 classical guitar?
Z would the 70cm trough sit on a 60cm deep window ledge?
Z does the bike rack work on an XL frame?
Z how long is the watch band? my wrist is about 16cm
Z is a 20 cm bracelet too long for a slim wrist?
F how many letters can you engrave inside the band?
F is this cassette compatible with shimano 105?
F is the 100 W heater enough for a 150 litre aquarium?
F does sterling silver go black over time?
F is the cage ok for a syrian hamster?
F do I need a concrete base for the polytunnel?
S will the courier carry the rowing machine up to the 2nd floor or leave it at the door downstairs?
S im away until the 20th, could you ship the trees after that?
S do you ship ebike batteries to norway? i heard they count as dangerous goods
S will the seeds get here before christmas? we're in a small village in cornwall
S do you deliver to tiny villages in the highlands? hardly anyone comes out here
O my order still hasn't arrived
Z is the M too long for me? im 1.60
S how long does delivery take?
""",
    "es": """
Z ¿tenéis medidor de anillos? no se que numero usa
Z soy principiante, ¿que resistencia de goma me conviene, ligera o media?
Z mi nieta tiene 6 años, ¿ukelele soprano o de concierto?
Z ¿la funda acolchada sirve para una guitarra clasica 4/4?
Z ¿la jardinera de 80 cm entra en un alfeizar de 60?
Z ¿el portabultos vale para un cuadro talla L?
Z ¿cuanto mide la correa? tengo la muñeca de 15 cm
Z ¿una pulsera de 19 cm me quedara larga? tengo la muñeca fina
F ¿cuantas letras caben en el grabado interior del anillo?
F ¿esta cadena es compatible con el grupo Shimano GRX?
F ¿el calentador de 50 W basta para un acuario de 100 litros?
F ¿la plata se oscurece con el tiempo?
F ¿la jaula es segura para un hamster ruso?
F ¿hace falta una base de hormigon para el invernadero?
S ¿el transportista sube la cinta de correr al cuarto piso o la deja en el portal?
S estoy fuera hasta el dia 15, ¿me podeis enviar las plantas mas tarde?
S ¿enviais baterias de bici electrica a Suiza? son mercancia peligrosa
S ¿llegaran los bulbos antes de navidad? vivo en un pueblo de Soria
S ¿entregais en un pueblo de Jaen? aqui no llega casi nadie
O mi pedido todavia no ha llegado
Z ¿la M me quedara larga? mido 1,58
S ¿cuanto tarda el envio?
""",
    "fr": """
Z vous vendez un baguier ? je connais pas son tour de doigt
Z je debute, quel elastique de resistance choisir, leger ou moyen ?
Z mon petit-fils a 6 ans : ukulele soprano ou concert ?
Z la housse peut prendre une guitare classique 4/4 ?
Z une jardiniere de 60 cm tient sur un rebord de fenetre de 50 ?
Z le porte-bagages va sur un cadre taille L ?
Z le bracelet fait combien de long ? mon poignet fait 16 cm
Z 18 cm c'est trop long pour mon poignet ?
F combien de lettres on peut graver a l'interieur de la bague ?
F la chaine est compatible avec Campagnolo 12v ?
F le chauffage de 100 W suffit pour un bac de 120 litres ?
F est-ce que l'argent noircit avec le temps ?
F la cage convient a un hamster nain ?
F il faut une dalle beton pour la serre ?
S le livreur monte le tapis de course au 3e etage ou il le laisse en bas ?
S je suis absente jusqu'au 12, vous pouvez expedier les plantes plus tard ?
S vous envoyez des batteries de VAE au Canada ? c'est de la marchandise dangereuse
S les bulbes arriveront avant noel ? j'habite un village pres de Gap
S vous livrez dans un petit village de la Creuse ? personne ne livre ici
O ma commande n'est toujours pas arrivee
Z le M sera trop long pour moi ? je fais 1m60
S la livraison prend combien de temps ?
""",
    "de": """
Z gibts bei euch ein Ringmaßband zum Ausmessen?
Z bin Anfänger, welches Widerstandsband nehm ich, leicht oder mittel?
Z mein Enkel ist 5, Sopran- oder Konzertukulele?
Z passt die Gigbag für eine 4/4 Konzertgitarre?
Z passt ein 60 cm Blumenkasten auf eine 50 cm Fensterbank?
Z geht der Gepäckträger an einen Rahmen in L?
Z wie lang ist das Armband? mein Handgelenk hat 17 cm
Z sind 18 cm zu lang für mein Handgelenk?
F wie viele Buchstaben passen als Gravur in den Ring?
F ist die Kette mit Sram Eagle kompatibel?
F reicht der Heizstab für 120 Liter?
F läuft Silber mit der Zeit an?
F ist der Käfig für einen Zwerghamster geeignet?
F brauche ich ein Betonfundament für das Gewächshaus?
S bringt der Fahrer das Laufband in den 3. Stock oder bleibt es unten?
S bin erst ab dem 12. zurück, könnt ihr die Pflanzen später schicken?
S verschickt ihr E-Bike-Akkus in die Schweiz? ist ja Gefahrgut
S sind die Blumenzwiebeln vor Weihnachten da? ich wohne in einem Dorf bei Passau
S liefert ihr auch in ein kleines Dorf im Allgäu? hier liefert kaum einer hin
O meine Bestellung ist immer noch nicht da
Z ist die M zu lang für mich, bin 1,60?
S wie lange dauert die Lieferung?
""",
    "it": """
Z vendete il misuratore per anelli?
Z sono alle prime armi, che elastico prendo, leggero o medio?
Z mio nipote ha 5 anni: ukulele soprano o da concerto?
Z la custodia va bene per una chitarra classica 4/4?
Z un vaso da 60 cm sta su un davanzale da 50?
Z il portapacchi va su un telaio L?
Z quanto e lungo il cinturino? ho il polso di 16 cm
Z 18 cm sono troppi per il mio polso?
F quante lettere ci stanno nell'incisione dentro l'anello?
F la catena e compatibile con Campagnolo Chorus?
F il riscaldatore basta per una vasca da 120 litri?
F l'argento si annerisce col tempo?
F la gabbia va bene per un criceto nano?
F serve una base in cemento per la serra?
S il corriere lo porta al terzo piano o lo lascia giu?
S rientro solo il 12, potete spedire le piante piu tardi?
S spedite batterie per e-bike in Canada? sono merci pericolose
S i bulbi arrivano prima di natale? abito in un paesino vicino a Belluno
S consegnate in un paesino della Sila? qui non consegna nessuno
O il mio ordine non e ancora arrivato
Z la M e troppo lunga per me? sono 1,60
S quanto ci vuole per la consegna?
""",
    "pt": """
Z voces vendem medidor de anel?
Z sou iniciante, qual elastico de resistencia, leve ou medio?
Z meu neto tem 5 anos: ukulele soprano ou concerto?
Z a capa serve num violao classico 4/4?
Z um vaso de 60 cm cabe num parapeito de 50?
Z o bagageiro da num quadro L?
Z quanto mede a pulseira? meu pulso tem 16 cm
Z 18 cm fica comprido demais pro meu pulso?
F quantas letras cabem na gravacao dentro do anel?
F a corrente e compativel com Sram?
F o aquecedor da para um aquario de 120 litros?
F a prata escurece com o tempo?
F a gaiola e segura para um hamster anao?
F preciso de uma base de concreto para a estufa?
S o entregador sobe a esteira ate o 3º andar ou deixa na portaria?
S so volto dia 12, podem mandar as plantas depois?
S voces enviam baterias de bike eletrica para o Canada? e carga perigosa
S os bulbos chegam antes do natal? moro numa vila perto de Viseu
S entregam numa aldeia em Tras-os-Montes? aqui ninguem entrega
O meu pedido ainda nao chegou
Z o M fica comprido pra mim? tenho 1,60
S quanto tempo demora a entrega?
""",
    "nl": """
Z hebben jullie een ringmeter te koop?
Z ik begin net, welke weerstandsband, licht of medium?
Z mijn kleinzoon is 5: sopraan of concert ukelele?
Z gaat een 4/4 klassieke gitaar in de gigbag?
Z past een bak van 60 cm op een vensterbank van 50?
Z gaat het rek op een frame in L?
Z hoe lang is het bandje? mijn pols is 17 cm
Z is 18 cm te lang voor mijn pols?
F hoeveel letters passen er in de gravure binnenin de ring?
F is de ketting compatibel met Shimano Deore?
F is de verwarmer genoeg voor een bak van 120 liter?
F wordt zilver dof na een tijdje?
F is de kooi veilig voor een dwerghamster?
F heb ik een betonplaat nodig voor de kas?
S dragen jullie de loopband naar de 3e verdieping of blijft die beneden?
S ik ben pas de 12e terug, kunnen jullie de planten later sturen?
S versturen jullie e-bike accu's naar Canada? gevaarlijke stoffen
S komen de bollen voor kerst? ik woon in een dorpje bij Winterswijk
S bezorgen jullie ook in een dorp op de Veluwe? hier bezorgt bijna niemand
O mijn bestelling is nog steeds niet binnen
Z is de M te lang voor mij, ik ben 1,60?
S hoe lang duurt de levering?
""",
}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "label"),
    [
        pytest.param(
            text,
            label,
            id=f"fit-{language}-{index}",
            marks=[pytest.mark.xfail(strict=True, reason=KNOWN_MISSES[text])] if text in KNOWN_MISSES else [],
        )
        for language, block in TWENTY_FIFTH_BATCH_FIT.items()
        for index, (label, text) in enumerate(_lines(block))
    ],
)
def test_a_fit_is_a_body_or_a_size_and_a_delivery_is_a_place_or_a_time(route_text, text, label):  # noqa: F811
    # when
    got = route_text(text)

    # then
    assert_routed_as(got, text, label)


# Acknowledgements missed: someone else decides or pays and the shopper waits for them or shows them the cart;
# deciding together later ("on en parle ce soir et on revient vers vous": the shopper comes back, no restock);
# seen it; an order planned for the weekend. Traps keep their label.
# first run on b1e9216: 15/43 (the 5 traps hold; 10/38 acknowledgements)
TWENTY_SIXTH_BATCH_ACKS = {
    "en": """
K Thanks! I'll show the list to my wife, she decides
K my mum is buying the cot so I'll wait for her
K thx, my husband decides, I'll send him the link
K ok my dad's paying so ill wait for him
K thanks, we'll talk it over tonight and decide together
K ok, already saw it
K seen it thanks
K ok great, I'll order at the weekend
A my wife decides, but is it in stock in blue?
O my mum ordered it last week, where is it?
N I saw it, but the link is broken
""",
    "es": """
K mi suegra decide, le paso el link
K gracias, mi marido decide, le enseño la lista
K mi madre paga la cuna, la espero
K Vale, gracias, ya lo he visto
K ok ya lo vi, gracias
K lo hablamos esta noche y decidimos juntos
A mi mujer decide, pero lo teneis en azul?
""",
    "fr": """
K ma mère offre le lit, j'attends sa réponse
K merci, mon mari decide, je lui montre le lien
K on en parle ce soir avec mon copain et on revient vers vous
K ok, je l'ai vu
K ok super, je passe commande ce week-end
K merci, c'est ma femme qui decide
N ma mere a commandé la semaine dernière, où est le colis ?
""",
    "de": """
K meine Frau entscheidet, ich zeig ihr den Link
K mein Mann bezahlt, ich warte auf ihn
K wir besprechen das heute Abend
K ok, hab ich gesehen, danke
K danke, meine Mutter entscheidet
A meine Frau entscheidet, aber gibt es das auch in blau?
""",
    "it": """
K il lettino lo regala mia mamma, aspetto lei
K grazie, decide mio marito, gli mando il link
K ok, l'ho visto, grazie
K ne parliamo stasera e decidiamo insieme
""",
    "pt": """
K minha mãe vai dar o berço, vou esperar ela
K obrigada, meu marido decide, vou mostrar pra ele
K ok, ja vi, obrigado
K vamos conversar hoje a noite e decidir juntos
""",
    "nl": """
K mijn moeder koopt het, ik wacht op haar
K bedankt, mijn vrouw beslist, ik stuur haar de link
K ok, heb het gezien, dank je
K we bespreken het vanavond en beslissen samen
""",
}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "label"),
    [
        pytest.param(text, label, id=f"ack26-{language}-{index}")
        for language, block in TWENTY_SIXTH_BATCH_ACKS.items()
        for index, (label, text) in enumerate(_lines(block))
    ],
)
def test_someone_else_decides_or_it_was_seen_needs_no_answer(route_text, text, label):  # noqa: F811
    # when
    got = route_text(text)

    # then
    assert_routed_as(got, text, label)


# Stock questions the router missed: a release date and a pre-order, a language edition, a variant ("a
# double or only a single?", "ceremonial grade or only culinary?"), a Mexican restock; a stock question after
# a first clause about measuring; taking back opened goods and swapping a wrong variant (Returns). Traps: a
# product property ("SPF 50 or just 30?"), a shop in a city, a pre-order's delivery.
# first run on b1e9216: 21/66 (five SPF traps read as stock); after the fix: 35/66
TWENTY_SIXTH_BATCH_STOCK = {
    "en": """
A when is the new expansion out? can i preorder?
A do you have Dixit in Spanish?
A does the bed come in a double or only a single?
A do u have ceremonial grade matcha or only culinary?
A Enough measuring for today lol. Does the sofa come in green?
R do you take back opened tea?
R i ordered ground and wanted beans, can you swap it?
F SPF 50 or just 30?
N do you have a shop in Madrid?
N when will my pre-order ship?
""",
    "es": """
A cuando sale la nueva expansion? se puede reservar?
A tienen el Dixit en español?
A la cama viene en matrimonial o solo individual?
A cuando la reabastecen?
A ya me canse de medir jaja, el sofa viene en verde?
R aceptan devolucion de te abierto?
R pedi molido y queria en grano, me lo pueden cambiar?
F SPF 50 o solo 30?
N tienen tienda en Madrid?
N cuando envian mi reserva?
""",
    "fr": """
A c est quand la sortie de la nouvelle extension? on peut precommander?
A vous avez Dixit en anglais?
A le lit existe en double ou seulement en simple?
A assez mesure pour aujourd hui mdr, le canape existe en vert?
R vous reprenez le the ouvert?
R j ai commande moulu et je voulais en grains, vous pouvez l echanger?
F SPF 50 ou juste 30?
N vous avez une boutique a Madrid?
N quand est ce que ma precommande sera expediee?
""",
    "de": """
A wann erscheint die neue Erweiterung? kann man vorbestellen?
A gibt's Azul auf Deutsch?
A gibt es das Bett als Doppelbett oder nur als Einzelbett?
A genug gemessen fur heute haha, gibts das Sofa auch in grun?
R Nehmt ihr geoffneten Tee zuruck?
R hab gemahlen bestellt und wollte Bohnen, konnt ihr das tauschen?
F LSF 50 oder nur 30?
N habt ihr einen Laden in Madrid?
N wann wird meine Vorbestellung verschickt?
""",
    "it": """
A quando esce la nuova espansione? si puo preordinare?
A avete Dixit in italiano?
A il letto c e matrimoniale o solo singolo?
A Basta misurare, c e anche in verde?
R riprendete il te aperto?
R ho ordinato macinato e volevo in grani, potete cambiarlo?
F SPF 50 o solo 30?
N avete un negozio a Madrid?
N quando spedite il mio preordine?
""",
    "pt": """
A quando lanca a nova expansao? tem pre-venda?
A tem o Catan em portugues?
A tem a edicao em ingles?
A a cama vem em casal ou so solteiro?
A Chega de medir kkk tem em verde?
R voces aceitam de volta cha aberto?
R pedi moido e queria em graos, da pra trocar?
F FPS 50 ou so 30?
N voces tem loja em Madrid?
N quando vai ser enviada minha pre-venda?
""",
    "nl": """
A wanneer komt de nieuwe uitbreiding uit? kan ik reserveren?
A hebben jullie Dixit in het Engels?
A is het bed er ook als tweepersoons of alleen eenpersoons?
A genoeg gemeten voor vandaag haha, is de bank er ook in groen?
R Nemen jullie geopende thee terug?
R ik heb gemalen besteld en wilde bonen, kunnen jullie het omruilen?
F SPF 50 of alleen 30?
N hebben jullie een winkel in Madrid?
N wanneer wordt mijn voorbestelling verzonden?
""",
}


_MEASURING_FIRST = "a first clause about measuring wins Sizing over the stock question after it"
_A_PROPERTY_NUMBER = "'or just {size}' reads a product property's number (SPF 30) as a size in stock"
_A_BARE_NOUN_IN_A_GAP = "a gap opens only on an article: 'nehmt ihr * zuruck' misses a bare noun"
_A_VARIANT_OR_ONLY = "a variant asked as 'X or only Y' (a double, a grade) is not a stock phrase yet"
_ORDERED_THEN_SWAP = "an 'I ordered' past form wins Order status over the swap asked after it"
_TAKING_BACK_AN_APPLIANCE = "'reprenez', 'riprendete' is as often taking back an old appliance"
KNOWN_MISSES.update(
    {
        "Basta misurare, c e anche in verde?": _MEASURING_FIRST,
        "Chega de medir kkk tem em verde?": _MEASURING_FIRST,
        "Enough measuring for today lol. Does the sofa come in green?": _MEASURING_FIRST,
        "assez mesure pour aujourd hui mdr, le canape existe en vert?": _MEASURING_FIRST,
        "ya me canse de medir jaja, el sofa viene en verde?": _MEASURING_FIRST,
        "FPS 50 ou so 30?": _A_PROPERTY_NUMBER,
        "LSF 50 oder nur 30?": _A_PROPERTY_NUMBER,
        "SPF 50 of alleen 30?": _A_PROPERTY_NUMBER,
        "SPF 50 or just 30?": _A_PROPERTY_NUMBER,
        "SPF 50 ou juste 30?": _A_PROPERTY_NUMBER,
        "Nehmt ihr geoffneten Tee zuruck?": _A_BARE_NOUN_IN_A_GAP,
        "Nemen jullie geopende thee terug?": _A_BARE_NOUN_IN_A_GAP,
        "a cama vem em casal ou so solteiro?": _A_VARIANT_OR_ONLY,
        "do u have ceremonial grade matcha or only culinary?": _A_VARIANT_OR_ONLY,
        "does the bed come in a double or only a single?": _A_VARIANT_OR_ONLY,
        "gibt es das Bett als Doppelbett oder nur als Einzelbett?": _A_VARIANT_OR_ONLY,
        "il letto c e matrimoniale o solo singolo?": _A_VARIANT_OR_ONLY,
        "is het bed er ook als tweepersoons of alleen eenpersoons?": _A_VARIANT_OR_ONLY,
        "la cama viene en matrimonial o solo individual?": _A_VARIANT_OR_ONLY,
        "hab gemahlen bestellt und wollte Bohnen, konnt ihr das tauschen?": _ORDERED_THEN_SWAP,
        "ho ordinato macinato e volevo in grani, potete cambiarlo?": _ORDERED_THEN_SWAP,
        "i ordered ground and wanted beans, can you swap it?": _ORDERED_THEN_SWAP,
        "ik heb gemalen besteld en wilde bonen, kunnen jullie het omruilen?": _ORDERED_THEN_SWAP,
        "j ai commande moulu et je voulais en grains, vous pouvez l echanger?": _ORDERED_THEN_SWAP,
        "pedi moido e queria em graos, da pra trocar?": _ORDERED_THEN_SWAP,
        "pedi molido y queria en grano, me lo pueden cambiar?": _ORDERED_THEN_SWAP,
        "riprendete il te aperto?": _TAKING_BACK_AN_APPLIANCE,
        "vous reprenez le the ouvert?": _TAKING_BACK_AN_APPLIANCE,
    }
)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "label"),
    [
        pytest.param(
            text,
            label,
            id=f"stock-{language}-{index}",
            marks=[pytest.mark.xfail(strict=True, reason=KNOWN_MISSES[text])] if text in KNOWN_MISSES else [],
        )
        for language, block in TWENTY_SIXTH_BATCH_STOCK.items()
        for index, (label, text) in enumerate(_lines(block))
    ],
)
def test_a_release_an_edition_or_a_variant_is_stock_and_taking_back_is_a_return(route_text, text, label):  # noqa: F811
    # when
    got = route_text(text)

    # then
    assert_routed_as(got, text, label)


# Session 10's TWENTY_SIXTH_BATCH_FIT (helper lexc8, rebased without its grind terms in session 11): a size
# that depends on a country, a doorway, a baby's weight, a child's age or a shoe system is Sizing (a 160x200
# bed in the US, a sofa up a stairwell, 62 or 68 for a baby, a car seat for kilos and years, a mondopoint, a
# refill in an old case); a grind for a brewer is not (F: the size guide does not answer it, and two blind
# writers split on it, see docs/conversations.md), nor a pram in a car boot, a shelf life ("how long" is no
# size), a game for an age or a number of players, an expansion for an old base box, a jacket's waterproof
# rating, boots stretched (F).
# Traps: a size too small for a height (Z), how long delivery takes (S).
# first run on b1e9216 (grind counted as Sizing then): 62/119; after the bed, stairwell, car seat and
# mondopoint terms see KNOWN_MISSES_FIT26 for what is left
TWENTY_SIXTH_BATCH_FIT = {
    "en": """
F which grind for a moka pot?
F is the fine grind too fine for my espresso machine?
Z is a 160x200 a queen or a king in the US?
Z will the sofa go up a stairwell of 80 cm?
Z he's 62 cm and 6 kilos, 0-3m or 3-6m?
Z which car seat for 18 kg and 4 years old?
Z mondopoint 26.5, is that a 41?
Z will the refill fit the old case?
F does the pram fit in the boot of a polo when folded?
F how long does the coffee keep once opened?
F is the game ok for an 8 year old?
F does it work with 2 players?
F is the expansion compatible with the old base box?
F is 10000mm waterproof enough for hiking in scotland?
F can you stretch the boots a bit?
Z is the M too small for 1.80?
S how long is delivery?
""",
    "es": """
F que molienda para una italiana?
F la molienda fina es demasiado fina para mi cafetera expres?
Z una cama de 160x200 es queen o king en estados unidos?
Z el sofa pasa por una escalera de 80 cm?
Z mi bebe mide 62 cm y pesa 6 kilos, 0-3 o 3-6 meses?
Z que silla de coche para 18 kg y 4 años?
Z mondopoint 26,5 es un 41?
Z el recambio cabe en el estuche viejo?
F el carrito plegado cabe en el maletero de un ibiza?
F cuanto dura el cafe una vez abierto?
F el juego sirve para un niño de 8 años?
F se puede jugar con 2 jugadores?
F la expansion es compatible con la caja basica antigua?
F 10000 mm de impermeabilidad es suficiente para la montaña?
F me podeis dar de si las botas?
Z la M me queda pequeña con 1,80?
S cuanto tarda el envio?
""",
    "fr": """
F quelle mouture pour une cafetiere a piston ?
F la mouture fine est trop fine pour ma machine expresso ?
Z un lit 160x200 c'est un queen ou un king aux usa ?
Z le canape passe dans une cage d'escalier de 80 cm ?
Z il fait 62 cm et 6 kg, 0-3 mois ou 3-6 mois ?
Z quel siege auto pour 18 kg et 4 ans ?
Z mondopoint 26,5 ca fait du 41 ?
Z la recharge rentre dans l'ancien boitier ?
F la poussette pliee rentre dans le coffre d'une clio ?
F combien de temps se conserve le cafe une fois ouvert ?
F le jeu convient a un enfant de 8 ans ?
F ca se joue a 2 joueurs ?
F l'extension est compatible avec l'ancienne boite de base ?
F 10000 mm d'impermeabilite c'est suffisant pour la rando ?
F vous pouvez elargir les bottes ?
Z le M est trop petit pour 1m80 ?
S la livraison prend combien de temps ?
""",
    "de": """
F welcher Mahlgrad für einen Espressokocher?
F ist die feine Mahlung zu fein für meine Siebträgermaschine?
Z ist 160x200 in den USA ein Queen oder King?
Z passt das Sofa durch ein Treppenhaus von 80 cm?
Z er ist 62 cm und 6 kg, 0-3 oder 3-6 Monate?
Z welcher Kindersitz für 18 kg und 4 Jahre?
Z Mondopoint 26,5 ist das eine 41?
Z passt die Nachfüllung in das alte Etui?
F passt der Buggy in den Kofferraum vom Golf?
F wie lange ist der Kaffee nach dem Öffnen haltbar?
F ist das Spiel für einen 8-Jährigen geeignet?
F kann man das zu zweit spielen?
F ist die Erweiterung mit der alten Grundbox kompatibel?
F reicht eine Wassersäule von 10000 mm zum Wandern?
F könnt ihr die Stiefel weiten?
Z ist M zu klein bei 1,80?
S wie lange dauert die Lieferung?
""",
    "it": """
F che macinatura per la moka?
F la macinatura fine e troppo fine per la mia macchina espresso?
Z un letto 160x200 e una queen o una king negli usa?
Z il divano passa per una tromba delle scale di 80 cm?
Z e 62 cm e 6 kg, 0-3 o 3-6 mesi?
Z quale seggiolino auto per 18 kg e 4 anni?
Z mondopoint 26,5 e un 41?
Z la ricarica entra nella custodia vecchia?
F il passeggino chiuso entra nel bagagliaio di una panda?
F quanto dura il caffe una volta aperto?
F il gioco va bene per un bambino di 8 anni?
F si puo giocare in 2?
F l'espansione e compatibile con la scatola base vecchia?
F 10000 mm di impermeabilita bastano per il trekking?
F potete allargare gli stivali?
Z la M e troppo piccola per 1,80?
S quanto ci mette la consegna?
""",
    "pt": """
F qual moagem pra cafeteira italiana?
F a moagem fina e fina demais pra minha maquina de espresso?
Z uma cama 160x200 e queen ou king nos eua?
Z o sofa passa numa escada de 80 cm?
Z ele tem 62 cm e 6 kg, 0-3 ou 3-6 meses?
Z qual cadeirinha pra 18 kg e 4 anos?
Z mondopoint 26,5 e um 41?
Z o refil cabe no estojo antigo?
F o carrinho dobrado cabe no porta-malas de um gol?
F quanto tempo dura o cafe depois de aberto?
F o jogo serve pra uma crianca de 8 anos?
F da pra jogar com 2 jogadores?
F a expansao e compativel com a caixa base antiga?
F 10000 mm de impermeabilidade e suficiente pra trilha?
F voces alargam as botas?
Z o M fica pequeno pra 1,80?
S quanto tempo demora a entrega?
""",
    "nl": """
F welke maalgraad voor een percolator?
F is de fijne maling te fijn voor mijn espressomachine?
Z is een 160x200 een queen of een king in de VS?
Z past de bank door een trappenhuis van 80 cm?
Z hij is 62 cm en 6 kilo, maat 62 of 68?
Z welk autostoeltje voor 18 kg en 4 jaar?
Z mondopoint 26,5 is dat een 41?
Z past de vulling in het oude etui?
F past de kinderwagen opgevouwen in de kofferbak van een polo?
F hoe lang is de koffie houdbaar na openen?
F is het spel geschikt voor een kind van 8?
F kan je het met 2 spelers spelen?
F is de uitbreiding compatibel met de oude basisdoos?
F is 10000 mm waterkolom genoeg om te wandelen?
F kunnen jullie de laarzen oprekken?
Z is de M te klein voor 1,80?
S hoe lang duurt de levering?
""",
}


# Left for a later session (strict xfails): the negative kinds need a veto on a phrase, which the lexicon has
# only for single words; the baby ranges need the month ranges read as sizes.
_A_PRAM_IN_A_CAR_BOOT = (
    "a folded pram in a car boot reads as any bag 'fitting in' a place: the boot noun is not yet a veto"
)
_A_GAME_FOR_AN_AGE = (
    "a game 'for a child of 8' reads as clothes for a child of 8: the product noun is not weighed"
)
KNOWN_MISSES_FIT26: dict[str, str] = {
    "he's 62 cm and 6 kilos, 0-3m or 3-6m?": "a month range ('0-3m') is not read as a size",
    "il fait 62 cm et 6 kg, 0-3 mois ou 3-6 mois ?": "a month range ('0-3 mois') is not read as a size",
    "hij is 62 cm en 6 kilo, maat 62 of 68?": "'62 of 68' after a 'maat' is read as a stock variant",
    "la molienda fina es demasiado fina para mi cafetera expres?": "'expres' (espresso) is read as express "
    "shipping",
    "la mouture fine est trop fine pour ma machine expresso ?": "'expresso' is read as express shipping",
    "does the pram fit in the boot of a polo when folded?": _A_PRAM_IN_A_CAR_BOOT,
    "el carrito plegado cabe en el maletero de un ibiza?": _A_PRAM_IN_A_CAR_BOOT,
    "la poussette pliee rentre dans le coffre d'une clio ?": _A_PRAM_IN_A_CAR_BOOT,
    "passt der Buggy in den Kofferraum vom Golf?": _A_PRAM_IN_A_CAR_BOOT,
    "il passeggino chiuso entra nel bagagliaio di una panda?": _A_PRAM_IN_A_CAR_BOOT,
    "o carrinho dobrado cabe no porta-malas de um gol?": _A_PRAM_IN_A_CAR_BOOT,
    "past de kinderwagen opgevouwen in de kofferbak van een polo?": _A_PRAM_IN_A_CAR_BOOT,
    "el juego sirve para un niño de 8 años?": _A_GAME_FOR_AN_AGE,
    "le jeu convient a un enfant de 8 ans ?": _A_GAME_FOR_AN_AGE,
    "ist das Spiel für einen 8-Jährigen geeignet?": _A_GAME_FOR_AN_AGE,
    "il gioco va bene per un bambino di 8 anni?": _A_GAME_FOR_AN_AGE,
    "is het spel geschikt voor een kind van 8?": _A_GAME_FOR_AN_AGE,
    "si puo giocare in 2?": "'in 2' is read as a variant ('in {size}') by Availability",
    "can you stretch the boots a bit?": "'stretch' is a fit word ('is it stretchy'); stretching a shoe is a "
    "service, not yet told apart",
    "könnt ihr die Stiefel weiten?": "'weit' is a fit word; 'weiten' (to stretch) shares its stem",
    "wie lange ist der Kaffee nach dem Öffnen haltbar?": "'wie lange ist' is a length question; 'haltbar' "
    "(keeps) does not yet veto it",
    "hoe lang is de koffie houdbaar na openen?": "'hoe lang is' is a length question; 'houdbaar' (keeps) "
    "does not yet veto it",
}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "label"),
    [
        pytest.param(
            text,
            label,
            id=f"fit26-{language}-{index}",
            marks=[pytest.mark.xfail(strict=True, reason=KNOWN_MISSES_FIT26[text])]
            if text in KNOWN_MISSES_FIT26
            else [],
        )
        for language, block in TWENTY_SIXTH_BATCH_FIT.items()
        for index, (label, text) in enumerate(_lines(block))
    ],
)
def test_a_size_for_a_machine_a_country_or_a_baby_is_sizing_and_a_car_boot_is_not(route_text, text, label):  # noqa: F811
    # when
    got = route_text(text)

    # then
    assert_routed_as(got, text, label)


# Session 11, courtesy9: acknowledgements the router misread as a shop question — bought in the shop in town
# after all (after a "never mind"), "done, ordered 👍" in a few words, an older shopper's thanks closed with a
# formula and a signature, young slang for "later" — and the traps next to them that must keep their label
# (bought in the shop and it's broken, bought and when does it ship, ordered but forgot the code, did you get
# my order). Traps the router reads as neither (a broken one bought in the shop goes to the fallback or a
# rule, not a person; "ordered but forgot the code" to Order status) are N: no acknowledgement.
# first run on f639b5d: 44/93 right (16/65 acknowledgements, 28/28 traps); 93/93 after the changes it
# prompted (courtesy9, 46eadd9)
TWENTY_SIXTH_BATCH_ACKS = {
    "en": """
K never mind, already bought it in your shop, thanks anyway
K I stopped by your shop on Main St and bought it there, all good
K forget my question, got it at the store in town, thanks anyway
K done, ordered 👍
K all done, ordered it 😊
K Just bought it, thank you for your patience with an old man. Harold
K Thank you kindly, I shall think it over. Kind regards, Margaret
K I shall ask my son to help me order it on Saturday
W bet ill cop it later
W ight ill cop later fr
N I bought it in your shop and it's broken
S bought it yesterday, when does it ship?
N already ordered but forgot the code, can I still use it?
O did you get my order?
""",
    "es": """
K ya la compré en la tienda física, gracias igual
K olvida mi pregunta, ya lo compré en la tienda, gracias de todas formas
K deja, ya lo compre en la tienda del centro, gracias igual
K listo, ya hice el pedido
K listo, comprado 👍
K Ya la compré, gracias por la paciencia con una señora mayor. Pilar
K Muchas gracias, lo pensaré con calma. Saludos cordiales, Sr. Ramírez
W luego lo pillo
W dsp lo compro
N lo compré en la tienda y vino roto
N lo compré ayer, ¿cuándo lo envían?
N ya hice el pedido pero olvidé el código, ¿todavía lo puedo usar?
O ¿les llegó mi pedido?
""",
    "fr": """
K déjà acheté en boutique, merci quand même
K laissez tomber, je l'ai acheté au magasin en ville, merci quand même
K c'est fait, commandé
K déjà acheté, merci
K c'est bon, commandé 👍
K Je viens de commander, merci pour votre patience avec une vieille dame. Cordialement, Mme Girard
K Merci bien, je vais y réfléchir tranquillement. Cordialement, Jacques
W tkt je commande plus tard
W jle prends plus tard tkt
N je l'ai acheté en boutique et il est cassé
N acheté hier, ça part quand ?
N déjà commandé mais j'ai oublié le code, je peux encore l'utiliser ?
O vous avez reçu ma commande ?
""",
    "de": """
K schon im Geschäft gekauft, trotzdem danke
K genug gesucht, hab ihn im Laden in der Stadt gekauft, trotzdem danke
K vergessen Sie meine Frage, schon im Geschäft gekauft, danke
K erledigt, bestellt
K erledigt, hab bestellt 👍
K Habe soeben bestellt. Vielen Dank für Ihre Geduld. Ihr Walter
K Haben Sie vielen Dank, ich werde es mir in Ruhe überlegen. Mit besten Grüßen, Ihre Annemarie
K Danke schön, ich überlege es mir noch. Mit freundlichen Grüßen, Horst Weber
W kauf ich später
W hol ich mir später digga
N hab es im Laden gekauft und es ist kaputt
S gestern gekauft, wann wird es verschickt?
N schon bestellt, aber den Code vergessen, kann ich ihn noch nutzen?
O habt ihr meine Bestellung bekommen?
""",
    "it": """
K l'ho comprata in negozio stamattina, grazie lo stesso
K lasciamo perdere, l'ho già presa in negozio, grazie lo stesso
K fatto, ordinato 😊
K fatto, l'ho comprato 😍
K già ordinato, grazie
K L'ho appena ordinato, grazie per la pazienza con una signora anziana. Cordiali saluti, Sig.ra Bianchi
K Grazie mille, ci penso con calma. Cordiali saluti, Franco
W lo prendo dopo
W dopo lo prendo raga
N l'ho comprato in negozio ed è rotto
S comprato ieri, quando lo spedite?
N già ordinato ma ho dimenticato il codice, posso ancora usarlo?
O avete ricevuto il mio ordine?
""",
    "pt": """
K já comprei na loja física, obrigada
K deixa pra lá, já comprei na loja do centro, obrigado mesmo assim
K comprei agora 👍
K pronto, encomendado
K feito, já encomendei
K Já encomendei, obrigada pela paciência com uma senhora de idade. Cumprimentos, Dona Lurdes
K Vou pensar com calma e depois dou notícias. Com os melhores cumprimentos, Aurélio
W dps eu compro
W depois eu pego mano
N comprei na loja e veio quebrado
N comprei ontem, quando vocês enviam?
N já encomendei mas esqueci o código, ainda posso usar?
O vocês receberam meu pedido?
""",
    "nl": """
K al gekocht in de winkel, toch bedankt
K laat maar zitten, heb hem al in de winkel in de stad gekocht, toch bedankt
K klaar, besteld
K klaar, besteld 👍
K gedaan, net besteld
K Zojuist besteld, dank voor uw geduld. Uw Piet
K Dank u wel, ik denk er rustig over na. Met vriendelijke groet, Jan de Vries
W koop ik later wel
W ik koop m later wel ff
N in de winkel gekocht en hij is kapot
S gisteren gekocht, wanneer wordt het verzonden?
N al besteld maar de code vergeten, kan ik hem nog gebruiken?
O hebben jullie mijn bestelling ontvangen?
""",
}
TWENTY_SIXTH_BATCH_ACKS_CASES = [
    pytest.param(text, label, id=f"twenty-sixth-acks-{language}-{index}")
    for language, block in TWENTY_SIXTH_BATCH_ACKS.items()
    for index, (label, text) in enumerate(_lines(block))
]


@pytest.mark.django_db
@pytest.mark.parametrize(("text", "label"), TWENTY_SIXTH_BATCH_ACKS_CASES)
def test_bought_in_the_shop_done_ordered_or_signed_needs_no_answer(route_text, text, label):  # noqa: F811
    # when
    got = route_text(text)

    # then
    assert_routed_as(got, text, label)


# Session 11, courtesy10: acknowledgements the router misread as fallback or a rule — season's greetings with
# the thanks ("merci, joyeuses fêtes", "bedankt, fijne feestdagen"), a money reason then a plan for later,
# even with a stop-like or cancel word about the shopper's life ("quit my job", "aufgehört", "opgezegd"),
# bought through the app after all, "c'est fait, commande passée 👍" — and the traps next to them (a
# greeting then a delivery question, bought in the app and it never came, can't afford it and a discount
# asked, thanks then a return asked). N: no acknowledgement.
# first run on 92bfb54: 40/88 right (13/61 acknowledgements, 27/27 traps; the Dutch discount trap went to a
# person, so it is N)
TWENTY_SEVENTH_BATCH_ACKS = {
    "en": """
K thanks, happy holidays!
K Merry Christmas to you too, checking out now
K thank you & happy holidays to the whole team 🎄
K thx, merry xmas!!
W lost my job so can't afford it now, I'll order later
W quit my job last month, money's tight, will buy it in the new year
W broke till payday lol, ill order later
K already bought them in the app, thanks
K got it through your app already, cheers
K ordered on the app instead, thanks anyway
S happy holidays! does it arrive before the 24th?
N bought it in the app but it never came
D can't afford it, any discount?
N merry christmas, can I still return it after the holidays?
N the jeans are a bit tight, thanks
""",
    "es": """
K gracias, felices fiestas!
K feliz navidad para ustedes también 🎄
K mil gracias y felices fiestas
W cobro a fin de mes, lo pido entonces
W ando sin plata este mes, lo compro más adelante
W me quedé sin trabajo y ahora no me alcanza, lo pediré más adelante
W dejé el curro, lo compro cuando cobre
K lo compré por la app, gracias
K ya lo pedí desde la aplicación, gracias igual
N felices fiestas! llega antes del 24?
N lo compré por la app pero nunca llegó
D no me alcanza, ¿hay algún descuento?
N ando sin plata, se puede pagar en cuotas
""",
    "fr": """
K merci, joyeuses fêtes !
K merci et bonnes fêtes de fin d'année
K joyeux noël à vous aussi 🎄
W plus de sous ce mois-ci, je commanderai plus tard
W fauché en ce moment, je commande le mois prochain
W j'ai perdu mon boulot donc pas les moyens, je commanderai plus tard
K commandé via l'appli, merci
K déjà acheté sur l'appli, merci quand même
K c'est fait, commande passée 👍
K cest bon jai commandé
K voilà c'est commandé
R merci, mais comment je retourne l'article ?
N joyeuses fêtes ! ça arrive avant le 24 ?
N commandé via l'appli mais jamais reçu
N fauché en ce moment, vous prenez le paiement en 3 fois
""",
    "de": """
K danke, frohe Weihnachten!
K danke und schöne Feiertage euch
K merci, frohes Fest 🎄
W hab aufgehört auswärts zu essen bis zum Gehalt, bestell dann später
W bin grad pleite, bestell nächsten Monat
W hab meinen Job gekündigt und kann's mir grad nicht leisten, bestell später
K schon über die App bestellt, danke
K habs in der App gekauft, trotzdem danke
N frohe Feiertage! kommt es noch vor dem 24.?
N über die App bestellt, aber nie angekommen
D kann's mir nicht leisten, gibt's einen Rabatt?
N danke, aber wie schicke ich es zurück?
N über die App bestellt, aber der Code ging nicht
""",
    "it": """
K grazie, buon Natale!
K grazie e buone feste a tutti
K buone feste anche a voi 🎄
W sono al verde, ordino dopo lo stipendio
W questo mese niente soldi, lo prendo più avanti
W ho perso il lavoro e per ora non posso, lo compro più avanti
K preso dall'app, grazie
K già ordinato dall'app, grazie lo stesso
N buone feste! arriva prima del 24?
N preso dall'app ma non è mai arrivato
D non posso permettermelo, c'è uno sconto?
N grazie, ma come faccio il reso?
N sono al verde, accettate Klarna
""",
    "pt": """
K obrigado, boas festas!
K feliz natal pra vocês também
K valeu, boas festas 🎄
W tô duro, compro mês que vem
W sem grana esse mês, compro depois
W fiquei desempregado e agora não dá, compro mais pra frente
K comprei pelo app, obrigada
K já pedi pelo aplicativo, valeu
N boas festas! chega antes do dia 24?
N comprei pelo app mas nunca chegou
D não tenho grana, tem desconto?
N obrigado, mas como faço a devolução?
N tô duro, mas tem parcelamento
""",
    "nl": """
K bedankt, fijne feestdagen!
K merci en prettige kerstdagen
K dank je, fijne kerst 🎄
W even krap, bestel later wel
W baan opgezegd dus nu even geen geld, ik bestel later
W krap bij kas deze maand, koop het volgende maand
K via de app besteld, bedankt
K al in de app gekocht, toch bedankt
N fijne feestdagen! komt het voor de 24e?
N via de app besteld maar nooit aangekomen
N kan het niet betalen, is er korting?
N bedankt, maar hoe stuur ik het terug?
N de broek zit krap, bedankt
""",
}
TWENTY_SEVENTH_BATCH_ACKS_CASES = [
    pytest.param(
        text,
        label,
        id=f"twenty-seventh-acks-{language}-{index}",
        marks=[
            pytest.mark.xfail(strict=True, reason="'ordered on the app' is kept for Order status (ack-en-62)")
        ]
        if text == "ordered on the app instead, thanks anyway"
        else [],
    )
    for language, block in TWENTY_SEVENTH_BATCH_ACKS.items()
    for index, (label, text) in enumerate(_lines(block))
]


@pytest.mark.django_db
@pytest.mark.parametrize(("text", "label"), TWENTY_SEVENTH_BATCH_ACKS_CASES)
def test_season_greetings_a_money_reason_or_bought_in_the_app_needs_no_answer(route_text, text, label):  # noqa: F811
    # when
    got = route_text(text)

    # then
    assert_routed_as(got, text, label)
