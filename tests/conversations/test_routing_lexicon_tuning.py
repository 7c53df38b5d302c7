"""A broad tuning corpus for rule matching in seven languages (issue #16), against English-only rules.

Written for tuning the commerce lexicon and the matcher, apart from the labelled sets in data/ (never copied
from them): per language, at least 25 phrasings for each area the held-out sets stumbled on — sizing advice,
stock of a colour or size, an order already placed versus delivery before buying, returns versus shipping
with discounts and false friends. Slang, typos, missing accents and emoji on purpose. A failure here is fixed
by general means (lexicon data, stemming, intent precedence), never by listing a sentence.

Labels: Z sizing, A availability, O order status, S shipping, R returns, D discount, F fallback (no rule
fits: the text is about something the rules do not cover).
"""

import pytest

from conversations.languages import LANGUAGES
from conversations.router import Step, reply_try
from tests.conversations.test_routing_languages import english_rules_store  # noqa: F401 (fixture)
from tests.stores.factories import CartFactory, CartItemFactory

LABELS = {
    "Z": "rule:Sizing",
    "A": "rule:Availability",
    "O": "rule:Order status",
    "S": "rule:Shipping",
    "R": "rule:Returns",
    "D": "rule:Discount",
    "F": Step.FALLBACK,
}

SIZING = {
    "en": """
Z i'm between a small and a medium, which one?
Z between M and L, help me pick
Z do these run small?
Z does the jacket run true to size
Z i usually wear a 10, what should i order
Z is it tight around the shoulders?
Z should i size up or down
Z whats the length on the dress
Z hows the fit on these jeans
Z im 5'8 and 150lbs, what size
Z are the shoes narrow? i have wide feet
Z do u have a size guide 📏
Z does it fit big
Z will a medium fit me if im usually a small
Z whats the inseam
Z is the sweater oversized or fitted
Z siize chart pls
Z does this come up large?
Z what size would u recommend for a 6 year old
Z is the M more like an L?
Z i normally take a 38 in shoes
Z how long are the sleeves
Z is it stretchy or stiff
Z which size for a 90cm chest
Z are they snug or loose?
""",
    "es": """
Z que talla me recomiendas si mido 1,70?
Z estoy entre la M y la L
Z normalmente uso una 38, cual pido
Z vienen chicas las tallas?
Z el pantalon queda ajustado?
Z calzo un 42, que numero pido
Z me quedara bien si soy talla S
Z es de talla normal?
Z horma ancha o estrecha?
Z cuanto mide de largo el vestido
Z tienen guia de tallas?
Z la chaqueta viene grande?
Z uso M pero me gusta holgado
Z los zapatos tallan pequeño?
Z que numero me pongo
Z q talla pido para mi hijo de 8 años
Z es muy ajustada la camiseta?
Z cuales son las medidas de la M
Z pido una talla mas?
Z me sirve si soy XL normalmente
Z ajusta bien de hombros?
Z es talla unica?
Z viene en talla europea o americana?
Z para alguien de 80 kilos que talla?
Z tallan grande o normal? 🤔
""",
    "fr": """
Z je fais du 40 d'habitude, je prends quoi
Z ça taille petit ?
Z entre le M et le L j'hésite
Z elle taille grand la veste ?
Z vous avez un guide des tailles
Z je chausse du 39, ça ira ?
Z c'est ajusté ou ample ?
Z je mesure 1m80, quelle taille
Z la coupe est slim ?
Z ca taille normalement ?
Z je prends une taille au dessus ?
Z quelle pointure pour un 42 italien
Z le jean est serré ?
Z le pull est-il oversize ?
Z quelles sont les mesures du S
Z ca me va si je fais un 36 ?
Z faut prendre plus grand ?
Z tu me conseilles quelle taille
Z elle est longue la robe ?
Z ca rentre pour un tour de poitrine de 95 ?
Z les manches sont courtes ?
Z c'est du 38 normal ou un petit 38 ?
Z taille unique ?
Z ca taille comment ce modele
Z je suis entre deux tailles
""",
    "de": """
Z fällt die jacke klein aus?
Z ich trage normalerweise 38, welche größe?
Z bin zwischen M und L
Z ist die hose eher weit geschnitten?
Z passt mir S bei 1,65m?
Z wie fällt der schuh aus
Z gibt es eine größentabelle
Z sitzt das shirt eng?
Z soll ich eine nummer größer nehmen?
Z normale passform?
Z wie lang ist das kleid
Z fallen die schuhe normal aus?
Z groesse 40 passt das bei breiten fuessen
Z ist das oversized?
Z brustumfang bei größe M?
Z ich hab sonst immer L, passt das
Z is die hose tailliert?
Z sind die ärmel lang genug?
Z fällt das eher groß aus
Z welche grösse für 80kg
Z kindergröße 128 passt für 7 jährige?
Z wie weit ist der bund
Z ich bin 1,90 groß, passt das
Z eine nummer kleiner bestellen?
Z schuhgröße 43 normal?
""",
    "it": """
Z veste piccolo?
Z sono tra la M e la L
Z di solito porto la 42, che taglia prendo
Z calza grande la scarpa?
Z com'è la vestibilità
Z avete una tabella taglie?
Z è aderente o morbido?
Z porto il 39 di scarpe, va bene?
Z quanto è lungo il vestito
Z mi consigli una taglia in più?
Z è oversize?
Z veste regolare?
Z la giacca è stretta di spalle?
Z per 1,75 e 70 kg che taglia?
Z che misura prendo per un bimbo di 5 anni
Z le misure della S?
Z calzata larga o stretta
Z meglio prendere una taglia sopra?
Z i pantaloni tirano sui fianchi?
Z va bene per chi porta la M?
Z taglia unica?
Z taglie italiane o europee?
Z mi sta se sono una 44?
Z quanto è largo di petto
Z vestono stretti questi jeans? 🙏
""",
    "pt": """
Z cabe em quem usa 38?
Z to entre o M e o G
Z veste pequeno?
Z a forma é grande?
Z uso 40 normalmente, qual pego
Z tem tabela de medidas?
Z qual tamanho pra 1,70 e 65kg
Z calço 39, serve?
Z é justinho ou folgado?
Z o tênis é forma pequena?
Z a calça é larga?
Z pego um número maior?
Z qual a numeração certa
Z serve em quem é G?
Z comprimento do vestido?
Z fiquei em duvida no tamanho, ajuda
Z é oversized?
Z o P é muito pequeno?
Z veste certinho?
Z tamanho unico?
Z as mangas são compridas?
Z medidas da camiseta M?
Z fica apertado na cintura?
Z pra criança de 6 anos qual tamanho
Z a modelagem é normal?
""",
    "nl": """
Z valt het klein?
Z ik twijfel tussen M en L
Z ik draag normaal 38, welke maat?
Z valt de broek ruim?
Z is er een maattabel?
Z zit het strak?
Z moet ik een maat groter nemen?
Z hoe lang is de jurk
Z normale pasvorm?
Z schoenmaat 42 valt dat normaal
Z is het oversized?
Z past dit bij 1,80 en 75 kilo
Z wat is de borstomvang van M
Z valt ie groot uit?
Z welke maat voor een kind van 6
Z zijn de mouwen lang genoeg?
Z is het ruim gesneden?
Z heb meestal S, past dat?
Z welke lengte moet ik nemen
Z klein of normaal van maat?
Z valt de schoen smal?
Z afmetingen van de tas?
Z wat raad je aan, S of M?
Z past de M bij 70kg?
Z zit de jas krap om de schouders?
""",
}

STOCK = {
    "en": """
A is the black one still in stock?
A any left in medium?
A do you still have it in size 9
A when will the blue hoodie be back
A will you restock the cream color?
A sold out already?? 😭
A is it available in green
A got any more of these
A does it come in other colours
A is XL available
A back in stock when?
A can i still get the large
A ur site says out of stock, will it come back
A is the navy one available in 10
A do u guys have more coming in
A are there any mediums left
A still avail?
A will the grey come back in stock
A is the 38 still there
A how many do you have left
A restocking soon?
A out of stock in my size, any chance
A is the pink one gone for good?
A can u check if theres a large left
A notify me when its back
""",
    "es": """
A hay en rojo?
A tienen la M todavia?
A queda alguna L?
A esta agotado el azul?
A cuando vuelve a haber stock
A lo van a reponer?
A se agoto la talla 40?
A todavia lo tienen en negro?
A me avisan cuando lo vuelvan a tener?
A quedan unidades?
A tienen mas en gris?
A hay del 39?
A sigue disponible la chaqueta verde?
A volvera a estar disponible?
A no sale en la web, esta agotado?
A hay stock de la mochila?
A ya no lo venden?
A tienen otros colores?
A cuantas quedan?
A lo sacan en mas colores?
A hay en talla S?
A hay disponibilidad en XL?
A lo tienen en beige
A habra reposicion pronto?
A el negro se acabo? 😩
""",
    "fr": """
A vous l'avez en bleu marine ?
A il reste des M ?
A c'est encore dispo ?
A le noir est épuisé ?
A quand est-ce que ça revient en stock
A vous allez le réassortir ?
A y en a encore en 38 ?
A rupture de stock sur le vert ?
A vous en avez d'autres couleurs ?
A ca existe en rouge ?
A plus de L ?? 😩
A le modèle revient quand
A il y en a encore en magasin ?
A dispo en taille S ?
A je peux encore le commander en gris ?
A c'est en rupture ?
A vous le refaites ?
A il en reste combien
A vous l'avez toujours ?
A y a encore la veste kaki ?
A le 40 est dispo ?
A reassort prévu ?
A prevenez moi quand il revient
A existe en XL ?
A encore du stock ?
""",
    "de": """
A habt ihr die noch in blau?
A ist die in M noch da?
A gibts das auch in schwarz?
A wann ist die wieder lieferbar
A ausverkauft?? schade
A kommt das grüne nochmal rein?
A ist größe 42 noch verfügbar?
A noch auf lager?
A gibt es die jacke noch in L
A wird der artikel nachproduziert?
A wann kommt neue ware
A die weiße ist weg oder?
A kann man das noch kaufen?
A habt ihr noch welche?
A gibt es andere farben?
A bekommt ihr die nochmal rein?
A ist das modell noch erhältlich
A die beige version noch vorrätig?
A wann wieder auf lager?
A gibts noch XL?
A noch stück da?
A nachschub kommt wann?
A ab wann wieder da?
A ist L ausverkauft?
A gibts den pulli auch in grau?
""",
    "it": """
A ce l'avete in blu?
A la M c'è ancora?
A è esaurito il nero?
A quando torna disponibile
A rifornite il modello rosso?
A c'è ancora la taglia 40?
A avete altri colori?
A disponibile in XL?
A ne avete ancora?
A lo fate anche in verde?
A è finito?? 😢
A quando arriva il riassortimento
A avete ancora la giacca grigia
A c'è in magazzino?
A è ancora in vendita?
A ne rimangono?
A esiste in bianco?
A tornerà in stock?
A c'è la S?
A ancora disponibile il 38?
A quanti pezzi sono rimasti?
A lo rimettete in vendita?
A avvisatemi quando torna
A c'è anche beige?
A non lo trovo più sul sito, finito?
""",
    "pt": """
A tem no azul?
A ainda tem o M?
A esgotou o preto?
A quando volta ao estoque
A vão repor?
A tem disponivel no 40?
A tem em outras cores?
A acabou? 😭
A ainda tem aquele tenis branco
A tem estoque do G?
A vai chegar mais unidades?
A vcs tem em verde?
A ainda ta disponivel?
A tem na cor bege?
A sobrou algum P?
A tem o 37 ainda?
A vai ter reposição?
A ta esgotado mesmo?
A me avisa quando voltar
A tem mais desse modelo?
A existe em rosa?
A esse ainda tem?
A tem pronta entrega?
A quantas unidades sobraram?
A volta quando?
""",
    "nl": """
A hebben jullie die nog in het zwart?
A is de M nog op voorraad?
A uitverkocht?? jammer
A wanneer is ie weer leverbaar
A komt de blauwe nog terug?
A wordt de rode nog aangevuld?
A is maat 40 nog beschikbaar?
A hebben jullie andere kleuren?
A zijn er nog L'en?
A komt er nieuwe voorraad?
A nog te koop?
A heb je die ook in groen?
A wanneer weer op voorraad
A nog ergens een XL?
A is het al uitverkocht?
A kan ik die nog bestellen?
A bestaat die in wit?
A laatste stuks?
A hoeveel zijn er nog?
A nog in S?
A gaat die weer terugkomen?
A staan die nog in de winkel?
A krijgen jullie die nog binnen?
A hebben jullie 'm in beige?
A is de grijze op?
""",
}

ORDER_OR_SHIPPING = {
    "en": """
O where's my stuff, ordered last tuesday
O i ordered 2 weeks ago and nothing yet
O has my order shipped?
O order #4471 any update?
O still waiting on my package
O tracking link isn't working
O it says delivered but i dont have it
O when will my order arrive
O got the confirmation email but no shipping update
O hasnt arrived yet, ordered on the 3rd
O can u check on order 55821
O is my parcel lost?
O did it ship yet? paid on friday
S how long does shipping take
S do you ship to canada
S how much is delivery
S if i order today will it come by saturday
S is there free shipping over 50
S do you deliver to PO boxes
S which courier do you use
S express delivery option?
S how fast can you get it to me, need it for a bday
S shipping to the uk?
S what does postage cost
S when would it get here if i buy now
""",
    "es": """
O donde esta mi pedido?
O hice un pedido hace una semana y nada
O ya lo enviaron? pague el lunes
O no me ha llegado todavia
O el pedido 20931 cuando llega
O me dice entregado pero no tengo nada
O no encuentro el numero de seguimiento
O compre el martes y no se nada del paquete
O mi compra aun no llega
O ya salio mi paquete?
O cuando me llega lo que pedi?
O el repartidor no vino y pone entregado
O pedido #3302 sin noticias
S cuanto cuesta el envio a Mexico
S hacen envios a Chile?
S si compro hoy llega el viernes?
S el envio es gratis?
S cuanto tardan en entregar
S envian a canarias?
S gastos de envio?
S cuantos dias tarda en llegar
S con que paqueteria mandan
S tienen envio express?
S me llegaria antes de navidad?
S envio a domicilio?
""",
    "fr": """
O j'ai commandé il y a 10 jours et toujours rien
O ma commande est partie ?
O où en est mon colis
O commande n°4521, des nouvelles ?
O je n'ai toujours pas reçu mon colis
O le suivi ne bouge plus depuis 3 jours
O il est marqué livré mais j'ai rien reçu
O vous avez expédié ma commande ?
O toujours pas de nouvelles de mon colis 😤
O c'est quand que je reçois ce que j'ai commandé
O mon paquet est perdu ?
O le transporteur a perdu mon colis
O j'ai payé hier, c'est expédié ?
S vous livrez en Belgique ?
S combien coûte la livraison
S livraison gratuite à partir de combien ?
S vous expédiez en suisse ?
S délai de livraison ?
S si je commande ce soir je l'ai samedi ?
S vous livrez en point relais ?
S frais de port pour la corse ?
S ça arrive en combien de jours
S c'est envoyé par colissimo ?
S livraison express possible ?
S vous livrez le samedi ?
""",
    "de": """
O wo bleibt meine bestellung?
O hab vor ner woche bestellt und noch nix bekommen
O ist mein paket schon unterwegs?
O bestellung 10023 wann kommt die
O sendungsverfolgung geht nicht
O laut dhl zugestellt aber nix da
O schon verschickt? hab gestern bezahlt
O wann kommt meine lieferung endlich
O habe noch keine versandbestätigung bekommen
O mein paket hat sich seit tagen nicht bewegt
O ich warte immer noch auf mein päckchen
O wurde meine bestellung schon versendet?
O das paket kam nie an
S liefert ihr auch in die schweiz?
S was kostet der versand
S ab wann versandkostenfrei?
S wie lange dauert die lieferung nach österreich
S versendet ihr mit dhl?
S wenn ich heute bestelle, ist es bis freitag da?
S gibt es expressversand?
S liefert ihr an packstationen?
S wie hoch sind die versandkosten nach italien
S lieferzeit?
S kommt das vor weihnachten an, wenn ich jetzt kaufe?
S versand ins ausland möglich?
""",
    "it": """
O dov'è il mio ordine?
O ho ordinato 5 giorni fa e niente
O il pacco non è ancora arrivato
O ordine 7781 a che punto è?
O è già stato spedito il mio ordine?
O il tracking non si aggiorna
O risulta consegnato ma non ho ricevuto nulla
O quando arriva quello che ho ordinato?
O non mi è arrivato niente
O il corriere non è passato
O ho pagato ieri, spedito?
O sto ancora aspettando il pacco
O numero d'ordine 4432, novità?
S spedite in svizzera?
S quanto costa la spedizione
S spedizione gratuita sopra quanto?
S in quanti giorni arriva
S consegnate anche il sabato?
S se ordino oggi arriva venerdì?
S con che corriere spedite
S c'è la consegna express?
S spedite in Spagna?
S costi di consegna per la sardegna?
S arriva prima di natale se compro ora?
S quanto ci mette ad arrivare
""",
    "pt": """
O cadê meu pedido?
O comprei semana passada e nada ainda
O meu pacote ainda não chegou
O pedido 88213 alguma novidade?
O já foi enviado? paguei ontem
O o rastreio não atualiza
O consta entregue mas não recebi
O quando chega o que eu comprei?
O não recebi nada até agora
O minha encomenda está atrasada
O o correio perdeu minha encomenda?
O fiz o pedido dia 2 e nada
O ja despacharam minha compra?
S entregam em portugal?
S quanto é o frete pra SP
S frete gratis acima de quanto?
S qual o prazo de entrega
S se eu comprar hoje chega sexta?
S enviam pelos correios?
S tem sedex?
S entregam no brasil todo?
S quanto tempo demora pra chegar
S o envio é rapido?
S fazem entrega no sabado?
S chega antes do natal?
""",
    "nl": """
O waar blijft mijn bestelling?
O vorige week besteld en nog niks
O mijn pakket is nog niet aangekomen
O bestelling 5532 al onderweg?
O is mijn pakketje al verstuurd?
O track en trace werkt niet
O staat bezorgd maar heb niks gekregen
O wanneer komt mijn order
O nog steeds niks ontvangen
O de bezorger is niet geweest
O gisteren betaald, al verzonden?
O hoe lang moet ik nog wachten op mijn bestelling
O heb mijn pakket nooit gekregen
S leveren jullie in belgie?
S wat zijn de verzendkosten
S vanaf welk bedrag gratis verzending?
S hoe lang duurt de levering
S als ik vandaag bestel is het er morgen?
S versturen jullie met postnl?
S kan ik het laten bezorgen op mijn werk?
S bezorgen jullie op zaterdag?
S verzenden naar duitsland?
S wat kost verzenden
S binnen hoeveel dagen in huis?
S is het er voor vrijdag als ik nu bestel?
""",
}

RETURNS_DISCOUNTS_FALSE_FRIENDS = {
    "en": """
R whats your return policy if it doesnt fit
R can i send it back if i dont like it
R refund if it arrives broken?
R if the delivery is damaged do i get my money back
R how many days do i have to return
R do i pay return shipping?
R can i swap it for another one
R exchnage possible?
R who pays the postage for returns
R store credit or refund?
R can i return a sale item
R refund policy for late delivery?
D got a discount code?
D any promos on rn
D is there a student discount
D can i get 10% off
D first order coupon?
D will this go on sale soon
D do u do black friday deals
D do you price match?
F do you have a physical store in london
F what fabric is the lining
F is it machine washable
F who makes the buttons lol
F is the leather real?
""",
    "es": """
R puedo devolverlo si no me queda?
R cual es la politica de devoluciones
R si llega roto me devuelven el dinero?
R cuanto tiempo tengo para devolver
R la devolucion es gratis?
R puedo cambiarlo por otro modelo
R como pido un reembolso
R me reembolsan el envio si lo devuelvo?
R si no me gusta lo puedo regresar?
R aceptan cambios?
R y si el paquete llega dañado?
R me equivoque de talla, puedo cambiarla?
D tienen algun cupon?
D hay descuento para primera compra?
D cuando son las rebajas
D algun codigo promocional?
D hay alguna oferta?
D tienen promo de black friday?
D descuentito porfa 🙏
D hay rebaja en esta chaqueta?
F te envio mi direccion luego
F ya te envio la foto
F a que hora abren?
F de que material es?
F se puede lavar en lavadora?
""",
    "fr": """
R je peux le retourner s'il ne va pas ?
R c'est remboursé si ça arrive abîmé ?
R politique de retour ?
R combien de jours pour renvoyer
R les retours sont gratuits ?
R je peux échanger contre une autre taille
R remboursement sous combien de temps
R si le colis arrive cassé je fais quoi
R vous remboursez les frais de port ?
R je peux avoir un avoir plutot qu'un remboursement ?
D vous avez un code promo ?
D y a des soldes bientôt ?
D une petite réduc ? 🙏
D code de réduction pour la première commande ?
D c'est moins cher ailleurs, vous faites un geste ?
D des promos en ce moment ?
D vous faites le black friday ?
F mon pull est sale après un lavage
F je vous envoie mon code postal
F ça se lave en machine ?
F c'est en quelle matière ?
F vous avez une boutique à lyon ?
F le cuir est véritable ?
F je vous envoie une photo ce soir
F la boutique est ouverte le dimanche ?
""",
    "de": """
R kann ich das zurückschicken wenn es nicht passt
R wie lange hab ich rückgaberecht
R bekomme ich mein geld zurück wenn es kaputt ankommt
R ist der rückversand kostenlos
R kann ich es umtauschen
R wie läuft die rücksendung
R erstattet ihr auch die versandkosten?
R was wenn die ware beschädigt ankommt
R retoure möglich?
R wann krieg ich die erstattung
D gibts nen rabattcode?
D habt ihr gerade rabatt?
D gutschein für neukunden?
D gibt es studentenrabatt
D wann ist wieder sale?
D ist das im angebot?
D black friday aktion?
F was ist das material am ende des ärmels?
F aus welchem material ist der mantel
F wo ist euer laden?
F kann man das in der maschine waschen?
F ist das echtes leder?
F das ende vom gürtel ist aus metall?
F habt ihr einen laden in berlin?
F ist der stoff bio?
""",
    "it": """
R posso restituirlo se non va bene
R se arriva rotto mi rimborsate?
R politica di reso?
R quanti giorni ho per il reso
R il reso è gratuito?
R posso cambiarlo con un altro modello
R come chiedo il rimborso
R se non mi piace posso rimandarlo indietro?
R rimborsate anche la spedizione?
R e se il pacco arriva danneggiato?
D avete un codice sconto?
D ci sono saldi?
D uno sconto per il primo ordine?
D promo in corso?
D fate il black friday?
D c'è un coupon?
D scontino? 😇
F porto mia sorella in negozio sabato
F di che tessuto è?
F avete un negozio a milano?
F si lava in lavatrice?
F la pelle è vera?
F quanto sale ci vuole per lavarlo? lol
F è fatto in italia?
F di che materiale è la suola?
""",
    "pt": """
R posso devolver se não servir?
R se chegar quebrado vcs devolvem o dinheiro?
R qual a politica de troca
R quantos dias pra devolver
R a troca é gratis?
R posso trocar por outro modelo
R como peço reembolso
R vcs reembolsam o frete?
R e se vier com defeito?
R aceitam devolução?
D tem cupom?
D algum desconto pra primeira compra?
D tem promoção rolando?
D codigo de desconto?
D quando tem liquidação?
D rola um desconto?
D black friday de vcs quando é
F o tenis ta sujo, como lavo?
F vcs tem loja fisica?
F qual o material?
F a loja abre domingo?
F pode lavar na maquina?
F o couro é legitimo?
F é feito no brasil?
F a sola é de borracha?
""",
    "nl": """
R kan ik het terugsturen als het niet past
R als het kapot aankomt krijg ik dan mijn geld terug?
R wat is jullie retourbeleid
R hoeveel dagen bedenktijd
R is retourneren gratis?
R kan ik het omruilen
R hoe vraag ik terugbetaling aan
R krijg ik de verzendkosten terug als ik retourneer?
R wat als het beschadigd aankomt?
R ruilen mogelijk?
D hebben jullie nog acties?
D is er een kortingscode?
D krijg ik korting als nieuwe klant?
D wanneer is de uitverkoop
D zit dit in de sale?
D black friday deals?
D kortingsbon voor eerste bestelling?
F wat is jullie postcode?
F moet ik mijn postcode invullen bij het account?
F van welke stof is het?
F hebben jullie een winkel in utrecht?
F kan het in de wasmachine?
F is het echt leer?
F waar wordt het gemaakt?
F is de zool van rubber?
""",
}

AREAS = {
    "sizing": SIZING,
    "stock": STOCK,
    "order_or_shipping": ORDER_OR_SHIPPING,
    "returns_discounts": RETURNS_DISCOUNTS_FALSE_FRIENDS,
}


# Still misrouted after the general fixes, each with why; a fix that makes one pass fails its strict xfail, so
# this list only ever shrinks.
KNOWN_MISSES = {
    "siize chart pls": "a typo in a four-letter word is not read as one (too many real words are that close)",
    "is the M more like an L?": "a comparison of two sizes without 'or'/'between' names no sizing word",
    "c'est du 38 normal ou un petit 38 ?": "no sizing word; the two 38s are not a pair of sizes",
    "a forma é grande?": "'forma' alone is too ambiguous (forma de pagamento) to be a sizing word",
    "o P é muito pequeno?": "'muito pequeno' with a size letter apart is not a lexicon phrase",
    "tem pronta entrega?": "'pronta entrega' (in stock) holds the shipping word 'entrega'",
    "reprenez-vous les sous-vêtements ?": "'reprendre' alone is as often taking an old appliance away ('vous "
    "reprenez l'ancien frigo ?'), a service, not a return",
    "vous avez un écran 27 pouces 4K ?": "a thing after an article is not read as asked for bare ('vous avez "
    "un' is as often a property or a service)",
    "nehmt ihr Unterwäsche und Badesachen zurück?": "'nehmt * zurück' opens its gap only with an article; "
    "two bare nouns joined by 'und' are too wide a gap",
    "non lo trovo più sul sito, finito?": "bare 'finito' is also 'I finished' ('ho finito di guardare')",
    "is de grijze op?": "Dutch 'op' (gone) is too common a word to be a stock word",
    "do you deliver to PO boxes": "the sentiment reader takes it for frustration (intents work)",
    "si le colis arrive cassé je fais quoi": "'cassé' (broken) is no returns word: 'the zip looks broken'",
    "il caricatore da 20W carica veloce un iPad?": "'da 20W' names a variant in stock ('ce l'avete da 65W?')",
}


def _cases():
    for area, table in AREAS.items():
        for language, block in table.items():
            for line in block.strip().splitlines():
                label, text = line.split(" ", 1)
                marks = (
                    [pytest.mark.xfail(strict=True, reason=KNOWN_MISSES[text])]
                    if text in KNOWN_MISSES
                    else []
                )
                yield pytest.param(language, LABELS[label], text, id=f"{area}-{language}-{text}", marks=marks)


CASES = list(_cases())


def _label(decision) -> str:
    if decision.step == Step.RULE:
        return f"rule:{decision.rule.name}"
    return decision.compliance or decision.step


def test_the_corpus_is_broad_in_every_language_and_area():
    for area, table in AREAS.items():
        assert set(table) == set(LANGUAGES), area
        for language, block in table.items():
            assert len(block.strip().splitlines()) >= 25, (area, language)


@pytest.fixture
def shopper(english_rules_store):  # noqa: F811 (the imported fixture)
    cart = CartFactory(store=english_rules_store)
    CartItemFactory(cart=cart)
    return cart.customer


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "expected", "text"), CASES)
def test_a_reply_reaches_the_rule_a_person_would_pick(english_rules_store, shopper, language, expected, text):  # noqa: F811
    # when a shopper's reply goes through the router, against rules written in English only
    decision = reply_try(store=english_rules_store, text=text, customer=shopper)

    # then it reaches the rule a person reading it would pick
    assert _label(decision) == expected, decision.reason


# A portion, box or tent for a number of people, a case for one device model or another, a bra size named as
# in another country: sizing; "do you have" a compound product word, or one in a size or length: availability.
# Traps: a charger's wattage and where a ham comes from (fallback), a wrong box received (whatever the router
# picks, X: neither sizing nor availability), how long delivery takes (shipping).
# first run on f639b5d: 60/119 right (added after the merge, from my own probing: four "do you have my
# address?" traps, where the bare-thing stock reading took a possessive for a product; "Hülle fürs Pixel 8
# noch verfügbar?", where "Hülle fürs" alone was a fit word; "habt ihr nen Laden", a spoken article)
PEOPLE_DEVICES_BRAS = {
    "en": """
Z is the 2-person box enough for 2 big eaters or should I get the 4?
Z how big are the portions, we are 3
Z does the 4 person box feed 2 adults and 3 kids?
Z will i fit in the 2 man tent, im 6'4
Z does this case fit the 15 Pro Max or only the Pro?
Z does the 11-inch case work with the keyboard?
Z will the cover go on a galaxy s23 ultra
Z is 75B the same as 34B?
Z whats 34C in EU sizes
A do you have mastectomy bras with pockets?
A got any usb-c cables in 2m white?
A do u still have the hoodie in XXL
F is the 20W charger enough to fast-charge an iPad?
F does the parma ham really come from Italy?
F does the gorgonzola contain traces of nuts?
S how long does delivery take
X the box arrived for 2 people but I ordered 4
F do you have my address?
""",
    "es": """
Z la caja para 2 alcanza para 2 adultos y un nene?
Z de q tamaño son las porciones? somos 4
Z la caja de 4 personas rinde para 3 comilones?
Z entro en la carpa de 2 personas? mido 1,95
Z la funda sirve para el Pixel 8 Pro?
Z esta funda le va al iphone 15 pro max o solo al pro?
Z la funda de 11 pulgadas sirve con el teclado?
Z una 90B española es una 34B?
Z la 85C equivale a q talla en USA?
A tienen sujetadores post mastectomía con bolsillo?
A tenes el buzo en XXL?
A tienen cable usb-c de 2 metros blanco?
F el cargador de 20W carga rapido un ipad?
F el jamon serrano es realmente de españa?
F el gorgonzola tiene trazas de frutos secos?
S cuanto tarda el envio
X me llego la caja para 2 pero pedi la de 4
F tienen mi número?
""",
    "fr": """
Z la box pour 2 c'est assez pour 2 gros mangeurs ?
Z les portions sont de quelle taille, on est 3
Z la box 4 personnes suffit pour 2 adultes et 3 enfants ?
Z je rentre dans la tente 2 places ? je fais 1m95
Z cette coque va sur l'iPhone 15 Pro Max ou seulement le Pro ?
Z l'étui 11 pouces marche avec le clavier ?
Z la housse est compatible avec la galaxy tab s9 ?
Z un 90B français c'est un 36B anglais ?
Z le 85C correspond a quoi en taille US
A vous avez des soutiens-gorge post-mastectomie ?
A vous avez le sweat en XXL ?
A vous avez un câble USB-C de 2 mètres en blanc ?
F le chargeur 20W charge vite un iPad ?
F le jambon de parme vient vraiment d'italie ?
F le gorgonzola contient des traces de noix ?
S la livraison prend combien de temps
X j'ai reçu la box pour 2 alors que j'avais commandé celle pour 4
F vous avez mon adresse ?
""",
    "de": """
Z reicht die Box für 2 für zwei große Esser?
Z wie groß sind die portionen, wir sind zu dritt
Z reicht die 4-personen box für 2 erwachsene und 3 kinder?
Z pass ich ins 2-personen-zelt mit 1,95?
Z passt die Hülle aufs S24 Ultra?
Z geht die hülle auch fürs iphone 15 pro max oder nur fürs pro?
Z funktioniert die 11-zoll hülle mit der tastatur?
Z ist 75B das gleiche wie 34B?
Z welche größe ist 80C in UK?
A habt ihr Prothesen-BHs?
A habt ihr den hoodie in XXL?
A habt ihr ein usb-c kabel 2 meter in weiß?
F reicht das 20W Netzteil fürs ipad schnellladen?
F kommt der parmaschinken wirklich aus italien?
F enthält der gorgonzola spuren von nüssen?
S wie lange dauert die lieferung
X die box ist für 2 personen gekommen, bestellt hab ich 4
F habt ihr meine Adresse?
A ist die schwarze Hülle fürs Pixel 8 noch verfügbar?
Z geht die Hülle fürs S23?
F habt ihr nen Laden in Köln?
""",
    "it": """
Z la box per 2 basta per due che mangiano tanto?
Z quanto sono grandi le porzioni? siamo in 3
Z la box da 4 persone va bene per 2 adulti e 3 bambini?
Z ci sto nella tenda da 2 persone? sono alto 1,95
Z questa cover va bene per il 15 Pro Max o solo il Pro?
Z la custodia va sul samsung s24 ultra?
Z la custodia da 11 pollici funziona con la tastiera?
Z la 3C italiana è una 75C?
Z che taglia è una 34B inglese?
A avete reggiseni post mastectomia?
A avete la felpa in XXL?
A avete il cavo usb-c da 2 metri bianco?
F il caricatore da 20W carica veloce un iPad?
F il prosciutto di parma viene davvero dall'italia?
F il gorgonzola contiene tracce di frutta a guscio?
S quanto ci mette la consegna
X mi è arrivata la box per 2 ma avevo ordinato quella da 4
""",
    "pt": """
Z a caixa pra 2 dá pra 2 adultos?
Z qual o tamanho das porções? somos 3
Z a caixa de 4 pessoas serve pra 2 adultos e 3 crianças?
Z eu caibo na barraca de 2 pessoas? tenho 1,95
Z essa capinha serve no 15 Pro Max ou só no Pro?
Z a capa serve no galaxy s24 ultra?
Z a capa de 11 polegadas funciona com o teclado?
Z um 42B brasileiro é um 34B americano?
Z sutiã 90B equivale a que tamanho na europa?
A vocês têm sutiã pós-mastectomia?
A tem moletom no GG?
A tem cabo USB-C de 2 metros branco?
F o carregador de 20W carrega rápido o ipad?
F o presunto de parma vem mesmo da itália?
F o gorgonzola tem traços de castanhas?
S quanto tempo demora a entrega
X chegou a caixa pra 2 mas eu pedi a de 4
""",
    "nl": """
Z is de box voor 2 genoeg voor 2 grote eters?
Z hoe groot zijn de porties
Z is de 4 persoons box genoeg voor 2 volwassenen en 3 kids?
Z pas ik in de 2 persoons tent, ben 1m95
Z past dit hoesje op de 15 Pro?
Z past de hoes ook op de galaxy s24 ultra of alleen de gewone?
Z werkt de 11 inch hoes met het toetsenbord?
Z welke maat is 90B in UK?
Z is 75B hetzelfde als 34B?
A hebben jullie prothese-bh's?
A hebben jullie de hoodie in XXL?
A hebben jullie een usb-c kabel van 2 meter in wit?
F is de 20W lader genoeg om een ipad snel te laden?
F komt de parmaham echt uit Italië?
F zit er een spoor van noten in de gorgonzola?
S hoe lang duurt de levering
X de box kwam voor 2 personen maar ik had 4 besteld
""",
}

NEITHER_SIZING_NOR_STOCK = "X"


def _block_cases(blocks: dict[str, str], name: str):
    """One case per "<label> <text>" line of each language's block, its known misses as strict xfails."""
    for language, block in blocks.items():
        for line in block.strip().splitlines():
            label, text = line.split(" ", 1)
            marks = (
                [pytest.mark.xfail(strict=True, reason=KNOWN_MISSES[text])] if text in KNOWN_MISSES else []
            )
            yield pytest.param(
                language, LABELS.get(label, label), text, id=f"{name}-{language}-{text}", marks=marks
            )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected", "text"), list(_block_cases(PEOPLE_DEVICES_BRAS, "people-devices-bras"))
)
def test_a_fit_for_people_a_device_or_a_bra_size_reaches_sizing(
    english_rules_store,  # noqa: F811
    shopper,
    language,
    expected,
    text,
):
    # when a shopper asks if a box feeds them, a case fits a phone, a bra size converts, a thing is in stock
    decision = reply_try(store=english_rules_store, text=text, customer=shopper)

    # then it reaches the rule a person reading it would pick (X: anything but sizing or availability)
    if expected == NEITHER_SIZING_NOR_STOCK:
        assert _label(decision) not in (LABELS["Z"], LABELS["A"]), decision.reason
    else:
        assert _label(decision) == expected, decision.reason


# A pan's diameter on a hob ring, a duvet by bed type against a bed's width, a watch case for a wrist, a TV's
# inches for a distance, a racket's grip for a child, skates that run large: sizing; a gift receipt, underwear
# or swimwear taken back: returns; a colour in two words, a product "back", "do you have 27 inch 4K": stock.
# Traps (fallback): a warranty of one or two years, a warranty if a frame breaks, opening hours on Sunday, a
# gift card's balance ("cadeaubon" is a gift card, not a gift receipt).
# first run on 92bfb54: 66/105 right
HOBS_BEDS_GIFT_RECEIPTS = {
    "en": """
Z will a 24 cm pan fit my small induction ring?
Z is the duvet a double or a king? my bed is 160
Z small wrist, 40 or 44 mm?
Z 50 or 55 inch for 3 m from the sofa?
Z what grip size for a 9 year old?
Z do the skates run big
R do you do gift receipts?
R are underwear and swimwear taken back?
A do you have it in light pink
A when is the 43 inch tv back?
A do you have 27 inch 4K?
F is the warranty 1 or 2 years?
F is there a warranty if the frame breaks?
F are you open on sundays?
F whats my gift card balance
""",
    "es": """
Z la sartén de 24 va en una placa pequeña?
Z el nordico es de matrimonio? mi cama es de 135
Z tengo la muñeca fina, 40 o 44 mm?
Z tele de 50 o 55 pulgadas para 3 metros del sofa?
Z q grip le pido a la raqueta para un niño de 9?
Z los patines tallan grande?
R haceis ticket regalo?
R se puede devolver la ropa interior o el bañador?
A lo teneis en color rosa?
A cuando vuelve la tele de 43 pulgadas?
A tienen monitor de 27 pulgadas 4K?
F la garantia es de 1 o 2 años?
F hay garantia si se rompe el marco?
F abren los domingos?
F cuanto saldo me queda en la tarjeta regalo
""",
    "fr": """
Z une poêle de 24 va sur un petit feu ?
Z la couette c'est pour un lit 140 ou 160 ? j'ai un lit de 160
Z petit poignet, 40 ou 44 mm ?
Z tv 50 ou 55 pouces pour 3 m du canapé ?
Z quelle taille de grip pour un enfant de 9 ans ?
Z les patins taillent grand ?
R vous faites des tickets cadeaux ?
R reprenez-vous les sous-vêtements ?
A vous l'avez en bleu marine ?
A quand revient la télé 43 pouces ?
A vous avez un écran 27 pouces 4K ?
F la garantie c'est 1 ou 2 ans ?
F il y a une garantie si le cadre casse ?
F vous êtes ouverts le dimanche ?
F quel est le solde de ma carte cadeau
""",
    "de": """
Z passt die 24er Pfanne auf die kleine Platte?
Z ist die Bettdecke für ein Doppelbett? mein Bett ist 160 breit
Z schmales Handgelenk, 40 oder 44 mm?
Z 50 oder 55 Zoll bei 3 m Abstand zum Sofa?
Z welche Griffstärke für ein 9-jähriges Kind?
Z fallen die Schlittschuhe groß aus?
R gibt es einen Geschenkbeleg?
R nehmt ihr Unterwäsche und Badesachen zurück?
A gibt es die auch in dunkelblau?
A wann kommt der 43 Zoll Fernseher wieder?
A habt ihr 27 Zoll 4K?
F gilt die Garantie 1 oder 2 Jahre?
F gibt es Garantie wenn der Rahmen bricht?
F habt ihr sonntags offen?
F wie viel Guthaben ist noch auf meinem Gutschein
""",
    "it": """
Z la padella da 24 va bene sul fuoco piccolo?
Z il piumino è matrimoniale o una piazza e mezza?
Z polso piccolo, 40 o 44 mm?
Z tv da 50 o 55 pollici a 3 metri dal divano?
Z che misura di grip per un bambino di 9 anni?
Z i pattini vestono grandi?
R fate lo scontrino regalo?
R accettate resi di costumi e intimo?
A ce l'avete rosa chiaro?
A quando rientra la tv da 43 pollici?
A avete il monitor 27 pollici 4K?
F la garanzia è di 1 o 2 anni?
F c'è la garanzia se si rompe il telaio?
F siete aperti la domenica?
F quanto credito resta sulla mia gift card
""",
    "pt": """
Z a frigideira de 24 serve na boca pequena?
Z o edredom é casal ou queen?
Z pulso fino, 40 ou 44 mm?
Z tv de 50 ou 55 polegadas pra 3 m do sofá?
Z qual o tamanho do grip pra uma criança de 9 anos?
Z os patins são grandes ou pequenos?
R tem nota de presente?
R vcs trocam roupa intima e biquini?
A tem em cor de rosa?
A quando volta a tv de 43 polegadas?
A vocês têm monitor 27 polegadas 4K?
F a garantia é de 1 ou 2 anos?
F tem garantia se o quadro quebrar?
F vocês abrem domingo?
F qual o saldo do meu vale presente
""",
    "nl": """
Z past een pan van 24 op de kleine pit?
Z is het dekbed een 2 persoons of lits-jumeaux? mijn bed is 160
Z smalle pols, 40 of 44 mm?
Z 50 of 55 inch op 3 meter van de bank?
Z welke gripmaat voor een kind van 9?
Z vallen de schaatsen groot?
R doen jullie een ruilbon?
R kan ik ondergoed en badkleding retourneren?
A hebben jullie die in donkerblauw?
A wanneer is de 27 inch weer leverbaar?
A hebben jullie 27 inch 4K?
F is de garantie 1 of 2 jaar?
F is er garantie als het frame breekt?
F zijn jullie op zondag open?
F kan ik met een cadeaubon betalen?
""",
}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected", "text"), list(_block_cases(HOBS_BEDS_GIFT_RECEIPTS, "hobs-beds-gift-receipts"))
)
def test_a_fit_by_measure_a_gift_receipt_or_a_colour_reaches_its_rule(
    english_rules_store,  # noqa: F811
    shopper,
    language,
    expected,
    text,
):
    # when a shopper asks what fits a hob, a bed, a wrist, a room or a child, for a gift receipt, for a colour
    decision = reply_try(store=english_rules_store, text=text, customer=shopper)

    # then it reaches the rule a person reading it would pick
    assert _label(decision) == expected, decision.reason
