"""Tuning corpus for opt-outs in seven languages (issue #16): revocations in forms no other file had, and
traps.

Written by hand before any change to the opt-out code, none of it taken from the labelled sets in data/. The
revocations are the shapes the blind sets kept missing: polite and conditional requests ("would you mind
not…"), "no need to write me again", "enough with the texts", "I'm done with these", a question HOW to
unsubscribe or stop, "who gave you my number", "not interested anymore, stop writing", second-person plural
and formal imperatives, SMS abbreviations, missing accents and regional forms. The traps carry an opt-out-ish
word in another sense: a past unsubscription from something else, a sport or habit given up, an order or an
item cancelled, a tag removed, "no more in stock?", "enough room?", "don't send me the pink one".

It is a TUNING set: the code was changed against it, so its score says nothing about unseen text; the blind
sets in test_routing_languages.py measure that. First run on main ea7f1f9: 210/337 (62.3 %; 120 missed
opt-outs, 7 false ones). A second batch (from "# second batch" on in each language) was written after the
first round of changes, as a check of how far they generalised, and scored 82/98 (83.7 %; 16 missed
opt-outs, no false one) on its first run; then it was tuned on too. A third batch (from "# third batch"
on) was written after the second round in styles the first two lacked ("why do you keep texting me", "I
don't authorise the use of my number", "turn these off", fed-up idioms) and scored 61/98 (62.2 %; 36 missed
opt-outs, 1 false one) on its first run, against 57/98 on main: the shapes generalise to new wordings of known
requests, not to new kinds of request. It was tuned on too; the two cases left are marked below. A fourth
batch (from "# fourth batch" on), plain requests and item traps written after the third round, scored 51/56
(91.1 %; 5 missed opt-outs, no false one) on its first run, against 48/56 on main; then it was tuned on too.

Expected labels: "opt_out", or "!opt_out" for a trap (anything but an opt-out).
"""

import pytest

from tests.conversations.test_routing_gaps import route_text  # noqa: F401 (fixture)
from tests.conversations.test_routing_languages import english_rules_store  # noqa: F401 (fixture)

OPT_OUTS = {
    "en": [
        "would you kindly stop sending these",
        "could you please not text me anymore",
        "it'd be great if you stopped messaging me",
        "no need to text me again, thanks",
        "no need to keep messaging me",
        "enough with the reminders already",
        "ok i'm done with you guys, no more msgs",
        "how do i unsub from all this?",
        "how can i stop these texts",
        "who gave you my number??",
        "not interested anymore, quit writing me",
        "pls stop w the txts",
        "stahp with these txts omg",
        "can u stop sending me stuff",
        "i'd appreciate it if you didn't contact me again",
        "kindly refrain from texting me",
        "u can stop messaging now",
        "how do i make these messages stop",
        "i want out of this list",
        "i never asked for these, knock it off",
        "please don't reach out again",
        "ur texts are annoying, cut it out",
        "no thx, and don't msg me again",
        "take my number off ur system",
        "i'm good, you can stop reminding me",
        "how do i opt out of this",
        "im so over these txts",
        # second batch
        "pls just stop with all the msgs",
        "can you guys quit hitting me up",
        "I'd rather you didn't text me anymore",
        "how do I get off your texting list?",
        "whoever gave you this number, stop messaging it",
        "nope. not interested. don't text again",
        "honestly sick of ur reminders",
        "remove me from the text alerts thx",
        # third batch
        "Please cease all communication with this number.",
        "can we not do the reminder texts anymore",
        "this is the 3rd text this week, take me off",
        "kindly unsubscribe this number",
        "I've asked twice now to not be texted",
        "no more of this please",
        "how do i turn these off",
        "delete me from whatever list this is",
        # fourth batch
        "pls remove me, i get like 5 of these a week",
        "i'm gonna report this number if u keep texting",
        "yeah no, stop sending me this stuff",
        "don't want any more reminders about my cart",
        "no thank you. please do not contact me",
    ],
    "es": [
        "¿serían tan amables de no escribirme más?",
        "les agradecería que no me enviaran más mensajes",
        "no hace falta que me escriban más, gracias",
        "ya está bien de mensajitos",
        "ya me cansé de sus msjs",
        "cómo le hago pa darme de baja?",
        "¿cómo hago para que dejen de llegarme estos mensajes?",
        "quién les dio mi número??",
        "ya no me interesa, dejen de escribir",
        "porfa q no me manden mas nada",
        "x fa dejen d escribirme",
        "dejad de mandarme whatsapps",
        "no me vuelvan a mandar nada",
        "paren con el spam por favor",
        "sería mejor que no me contactaran más",
        "absténganse de escribirme",
        "ya fue, no quiero más mensajes de ustedes",
        "que dejen de molestar con los mensajes",
        "suficiente con los mensajes, gracias",
        "bórrenme de su lista d contactos plis",
        "nunca me suscribí a esto, no me escriban",
        "no quiero recibir nada de ustedes",
        "cómo cancelo estos mensajes?",
        "ya compré en otro lado, no hace falta que sigan escribiendo",
        "no me manden mas msjs xfa",
        "dejen de mandar mensajes a este número",
        "ya no quiero q me escriban",
        # second batch
        "ya dejen de molestar con sus mensajes",
        "¿me podrían sacar de sus listas?",
        "no me interesa, no escriban más",
        "cómo dejo de recibir sus msjs?",
        "ya basta de whatsapps por fa",
        "les pido que no me contacten más",
        "de dónde sacaron mi número??",
        "ni me escriban, ya compré",
        # third batch
        "no quiero que me sigan llegando estos mensajes",
        "por qué me siguen escribiendo? ya dije que no",
        "bórrenme ya de esta vaina",
        "dejen de joder con los mensajes",
        "ya no más por favor",
        "cómo desactivo estos avisos?",
        "no autorizo que me contacten",
        "me tienen harto con tanto mensaje",
        # fourth batch
        "porfavor ya no me manden nada de su tienda",
        "dejen de enviarme publicidad",
        "no me interesa nada, bórrenme",
        "ya les dije que no me escriban",
        "quiero salir de esta lista de mensajes",
    ],
    "fr": [
        "pourriez-vous arrêter de m'écrire svp",
        "ce serait sympa de ne plus m'envoyer de messages",
        "pas besoin de me relancer, merci",
        "pas la peine de m'écrire encore",
        "ça suffit les textos",
        "j'en ai marre de vos sms",
        "comment je me désabonne ?",
        "comment faire pour ne plus recevoir ces messages ?",
        "qui vous a donné mon numéro ?",
        "ça m'intéresse plus, arrêtez de m'écrire",
        "jveux pu de vos msg",
        "arrete de m'envoyer des trucs stp",
        "cessez de m'envoyer des sms",
        "merci de plus me solliciter",
        "vous pouvez arrêter avec les relances",
        "je ne veux plus rien recevoir de votre part",
        "stop aux pubs svp",
        "j'ai jamais demandé à recevoir ça, arrêtez",
        "effacez mon num de vos fichiers",
        "laissez-moi tranquille avec vos messages",
        "j'ai déjà acheté ailleurs, inutile de m'écrire",
        "je veux plus être relancée",
        "comment on arrête ces notifications ?",
        "m'écrivez plus svp c'est lourd",
        "arrêtez vos textos, c'est saoulant",
        "pouvez-vous cesser de me texter",
        "g pas besoin de vos msg, arretez",
        # second batch
        "svp arrêtez avec vos relances",
        "je souhaite ne plus être contacté par sms",
        "comment on fait pour plus recevoir vos messages ?",
        "vous pouvez me rayer de votre liste",
        "ça va les sms là, stop",
        "je veux pu rien recevoir merci",
        "j'ai pas besoin qu'on me relance",
        "d'où vous avez mon numéro ?",
        # third batch
        "je ne souhaite plus être sollicitée",
        "pourquoi vous continuez à m'écrire ? j'ai rien demandé",
        "enlevez-moi de vos listes svp",
        "ras-le-bol de vos textos",
        "comment je bloque vos messages ?",
        "STOP SVP ça fait 3 fois",
        "je n'autorise pas l'envoi de sms",
        "ne me relancez plus, merci",
        # fourth batch
        "merci de me retirer de votre liste",
        "arrêtez de m'envoyer vos pubs",
        "je ne veux plus de vos relances svp",
        "stop aux messages svp merci",
        "vous pouvez arrêter de me contacter ?",
    ],
    "de": [
        "könntet ihr bitte aufhören mir zu schreiben",
        "wäre nett, wenn ihr mir nichts mehr schickt",
        "ihr müsst mir nicht mehr schreiben, danke",
        "jetzt reichts mit den sms",
        "hab genug von euren nachrichten",
        "wie kann ich mich abmelden?",
        "wie stelle ich diese nachrichten ab?",
        "woher habt ihr meine nummer?",
        "kein interesse mehr, hört auf zu schreiben",
        "bitte nix mehr schicken",
        "lasst das mit den sms bitte",
        "unterlassen Sie bitte weitere Nachrichten",
        "ich will diese sms nicht mehr bekommen",
        "hab schon woanders gekauft, ihr braucht nicht mehr schreiben",
        "nie angemeldet, nehmt mich raus",
        "bitte keine weiteren Nachrichten",
        "schluss mit dem spam",
        "hört mal auf mich vollzuspammen",
        "wie werd ich diese sms los?",
        "sms abbestellen wie?",
        "Bitte stellt die Nachrichten ein",
        "ich will nicht mehr angeschrieben werden",
        "lasst mich mit euren nachrichten in ruhe",
        "wär super wenn ihr das schreiben lasst",
        "mir reichts jetzt mit euren erinnerungen",
        "hab kein bock mehr auf eure sms",
        "wie komm ich aus dem verteiler raus?",
        # second batch
        "ich brauche eure nachrichten nicht",
        "könnt ihr mich bitte aus der liste nehmen",
        "wie bestell ich die sms ab?",
        "mich nerven eure sms, bitte aufhören",
        "hab kein interesse, lasst mich in ruhe",
        "schreibt mir bitte nie wieder",
        "möchte keine sms mehr von euch",
        "wo habt ihr meine nummer her?",
        # third batch
        "Ich möchte nicht weiter kontaktiert werden.",
        "warum schreibt ihr mir dauernd? ich will das nicht",
        "entfernt mich bitte aus euren listen",
        "hab die nase voll von euren sms",
        "wie schalte ich diese nachrichten aus?",
        "keine lust mehr auf diese sms",
        "ich widerspreche der Nutzung meiner Nummer",
        "bitte nicht mehr anschreiben",
        # fourth batch
        "bitte hört auf, mir sms zu schicken",
        "ich möchte mich von euren sms abmelden",
        "keine werbung mehr bitte",
        "lasst mich bitte in ruhe mit dem warenkorb",
        "ich will keine nachrichten mehr von euch",
    ],
    "it": [
        "potreste smettere di scrivermi per favore",
        "sarebbe gentile se non mi mandaste più messaggi",
        "non c'è bisogno che mi scriviate ancora",
        "basta coi msg",
        "mi avete stufato con sti messaggi",
        "come faccio a disiscrivermi?",
        "come si fa a non ricevere più questi messaggi?",
        "chi vi ha dato il mio numero?",
        "nn mi interessa piu, nn scrivetemi",
        "smettetela di mandarmi roba",
        "piantatela cn i messaggi",
        "vi prego di non contattarmi più",
        "non voglio ricevere più niente da voi",
        "ho già comprato, non serve che mi scriviate",
        "toglietemi dai vostri contatti",
        "mai iscritto a sta roba, basta",
        "finitela di scrivermi",
        "la smettete di mandarmi sms?",
        "gradirei non ricevere più messaggi",
        "non mandatemi più niente grazie",
        "evitate di scrivermi ancora",
        "stop ai messaggi per favore",
        "non rompete più con sti sms",
        "come blocco questi messaggi?",
        "ok basta, non mi scrivete piu",
        "cancellate il mio contatto",
        "nn voglio piu msg da voi",
        # second batch
        "basta messaggi per favore",
        "vorrei non ricevere più sms",
        "come faccio a non farmi più scrivere?",
        "per favore non scrivetemi più su questo numero",
        "toglietemi dai vostri sms",
        "chi vi ha passato il mio numero?",
        "non mi interessa, smettete",
        "non voglio essere più contattato",
        # third batch
        "non desidero più essere contattata",
        "perché continuate a scrivermi? non ho chiesto niente",
        "cancellatemi dalle vostre liste",
        "ne ho piene le scatole dei vostri messaggi",
        "come disattivo questi sms?",
        "basta così, grazie",
        "non autorizzo l'uso del mio numero",
        "smettete di scocciare",
        # fourth batch
        "per favore smettete di mandarmi messaggi",
        "vorrei essere tolto dalla lista",
        "non mandatemi più promozioni",
        "basta con questi sms grazie",
        "non voglio più ricevere niente",
    ],
    "pt": [
        "vocês poderiam parar de me mandar mensagem?",
        "seria ótimo se parassem de me escrever",
        "não precisa me mandar mais nada, obrigado",
        "chega dessas msgs",
        "já deu com essas mensagens",
        "como faço pra sair dessa lista?",
        "como paro de receber isso?",
        "quem passou meu número pra vocês?",
        "não tenho mais interesse, parem de escrever",
        "vc pode parar d mandar msg?",
        "pq vcs não param de me mandar msg?",
        "não me enviem mais nada por favor",
        "por gentileza, não me contatem mais",
        "nunca me cadastrei nisso, me tirem daí",
        "já comprei em outro lugar, não precisa mais me escrever",
        "deixem de me mandar essas coisas",
        "parem com o spam",
        "tô de saco cheio dessas mensagens",
        "quero parar de receber essas mensagens",
        "não quero receber mais nada de vocês",
        "como cancelo essas mensagens?",
        "para de me mandar msg pfv",
        "agradeço se não me mandarem mais mensagens",
        "não me escrevam mais",
        "chega, não quero mais msg",
        "parem de mandar sms pra esse número",
        "n quero mais receber msg de vcs",
        # second batch
        "chega de mandar mensagem",
        "me tira dessa lista por favor",
        "como faço pra parar de receber esses sms?",
        "não tenho interesse, não me mandem mais",
        "de onde vocês tiraram meu número?",
        "por favor parem",
        "não quero ser mais incomodada",
        "vcs podem parar de mandar msg pra mim?",
        # third batch
        "não quero mais ser contatado",
        "por que vocês continuam me mandando mensagem? não pedi nada",
        "me removam das listas de vocês",
        "to cheio dessas mensagens",
        "como desativo essas notificações?",
        "chega, obrigado",
        "não autorizo o uso do meu número",
        "parem de encher o saco",
        # fourth batch
        "para de me mandar mensagem por favor",
        "quero sair dessa lista",
        "não me mande mais propaganda",
        "chega de sms, obrigado",
        "não quero mais receber nada de vocês",
    ],
    "nl": [
        "zouden jullie willen stoppen met sms'en?",
        "zou fijn zijn als jullie me niks meer sturen",
        "het hoeft niet meer hoor, stuur maar niks",
        "genoeg met die berichtjes",
        "ik ben klaar met jullie sms'jes",
        "hoe meld ik me af?",
        "hoe stop ik deze berichten?",
        "wie heeft jullie mijn nummer gegeven?",
        "geen interesse meer, niet meer sturen aub",
        "kap nou eens met die sms'jes",
        "hou op met appen",
        "wilt u mij niet meer benaderen",
        "ik wil hier niks meer van ontvangen",
        "al ergens anders gekocht, jullie hoeven me niet meer te sms'en",
        "nooit aangemeld, haal me eraf",
        "stop ermee, ik wil niks meer",
        "laat me met rust met die appjes",
        "jullie hoeven me geen berichten meer te sturen",
        "kunnen jullie ophouden met sms'en",
        "ik wil niet meer ge-sms't worden",
        "hoe kom ik van deze lijst af?",
        "bespaar me die berichten",
        "ik heb er geen behoefte meer aan, stoppen graag",
        "hou eens op mij te appen",
        "uitschrijven graag, heb al gekocht",
        "ff stoppen met die appjes ja",
        "wil geen sms meer van jullie",
        # second batch
        "stop alsjeblieft met die berichten",
        "ik wil geen appjes meer",
        "hoe zet ik deze sms'jes uit?",
        "geen interesse, stuur niks meer",
        "waar hebben jullie mijn nummer vandaan?",
        "zet me van de lijst",
        "laat maar, ik hoef geen berichten meer",
        "wil niet meer gestoord worden door jullie",
        # third batch
        "ik wil niet langer benaderd worden",
        "waarom blijven jullie me sms'en? ik heb niks gevraagd",
        "haal me van jullie lijsten af",
        "ben die berichten spuugzat",
        "hoe schakel ik deze meldingen uit?",
        "nee bedankt, stoppen nu",
        "ik geef geen toestemming voor het gebruik van mijn nummer",
        "hou toch op met dat gespam",
        # fourth batch
        "stop met die sms'jes aub",
        "haal mij uit jullie bestand",
        "ik hoef geen berichtjes meer",
        "wil niks meer van jullie ontvangen",
        "kunnen jullie stoppen met sms'en",
    ],
}
TRAPS = {
    "en": [
        "I unsubscribed from spotify to afford these lol, do they come in black?",
        "I quit smoking so treating myself, is this in a size 10?",
        "i stopped running last year, are these good for walking?",
        "cancel the blue one, keep the black",
        "please remove the gift tag from the order",
        "can i stop by the shop to pick it up?",
        "no more in stock?",
        "is there enough room in the bag for a laptop?",
        "leave it at the door please",
        "don't send the pink one, I want the grey",
        "how do I stop the package from going to my old address?",
        "how do i remove an item from my cart",
        "i'm done with my old sneakers, do you have these in 9?",
        "please don't ship before friday",
        "my sister gave me your number, do you do gift cards?",
        "the zipper stopped working after a week",
        "I cancelled my gym membership to buy this haha, ships to Canada?",
        "no need to gift wrap it",
        "I'm not interested in the red, do you have it in blue?",
        "can you text me when it's back in stock?",
        "no more discount codes available?",
        "I opted out of the loyalty club at my old job, can I still use a promo code here?",
        # second batch
        "I stopped getting the confirmation email, was my order placed?",
        "do you have enough stock for 4?",
        "please don't text the tracking to my husband's number, use mine",
        "I quit my job so need something cheaper, any discounts?",
        "i unsubscribed from the gym newsletter lol, is this waterproof?",
        "how do I stop these boots from squeaking?",
        # third batch
        "can you stop the charge? I was billed twice",
        "I'm done shopping for today, will check back",
        "is the sale over?",
        "do you ship to Hawaii or is that off the list?",
        "my texts keep failing when I reply with my order number",
        "I removed the coupon and the price went up, why?",
        # the new shapes' own traps, written while reviewing them
        "where do I find my number on the receipt?",
        "why didn't you text me again about the restock?",
        "I unsubscribed from your emails, do you have a sale?",
        "why do you keep sending me the wrong size?",
        "I don't authorize this charge",
        "no more of this in black?",
        # fourth batch
        "can you stop my order from shipping until monday?",
        "remove the socks from my cart pls",
        "I don't want the blue one anymore, red instead",
    ],
    "es": [
        "me di de baja del club de running, estas sirven para caminar?",
        "cancelé la suscripción de Spotify para comprar esto jaja, hay en negro?",
        "quiero cancelar el pedido de la chaqueta azul",
        "quiten la etiqueta de regalo por favor",
        "dejé de fumar y me quiero dar un gusto, tienen talla M?",
        "¿no hay más en stock?",
        "¿cabe una laptop? tiene suficiente espacio?",
        "déjenlo en la puerta por favor",
        "no me envíen el rosa, prefiero el gris",
        "¿cómo quito un producto del carrito?",
        "paré de correr por una lesión, estas son buenas para caminar?",
        "¿me pueden escribir cuando llegue la talla 38?",
        "mi hermana me dio su número, hacen tarjetas regalo?",
        "ya no me queda bien la talla M, tienen L?",
        "no hace falta envolverlo para regalo",
        "¿basta con el código o tengo que hacer algo más?",
        "el cierre dejó de funcionar, puedo devolverlo?",
        "no me llegó ningún mensaje con el código de descuento",
        "¿cómo cancelo el pedido?",
        "me borré de la app del gym jaja, estas vienen anchas?",
        "no hay más tallas en azul?",
        # second batch
        "¿me pueden mandar la factura por mensaje?",
        "dejé el carrito porque no sabía la talla, ¿la M es grande?",
        "no me llegaron mensajes del envío, ¿ya salió?",
        "me salí del gimnasio, estas mallas sirven para yoga?",
        "¿cuándo dejan de tener la oferta?",
        "basta con la talla S o pido M?",
        # third batch
        "ya no me llegó el mensaje con el código, me lo reenvían?",
        "¿se puede cancelar solo un artículo del pedido?",
        "me borré la app sin querer, dónde veo mi carrito?",
        "no tengo más dudas, gracias",
        "¿hay más colores o solo negro?",
        "paro de correr en invierno, estas abrigan?",
        # the new shapes' own traps, written while reviewing them
        "¿ya no envían más a Chile?",
        "no me mandaron más información del pedido",
        "¿cómo les paso mi número de teléfono?",
        "no autorizo ese cargo en mi tarjeta",
        "no me interesa el azul, cancelar",
        # fourth batch
        "quiero quitar los calcetines del carrito",
        "ya no quiero el azul, mejor el rojo",
        "¿pueden dejar de enviar el paquete a la dirección vieja?",
    ],
    "fr": [
        "je me suis désabonné de Spotify pour m'offrir ça, il existe en noir ?",
        "j'ai arrêté le foot, ces baskets vont pour marcher ?",
        "annulez le pull rouge, je garde le bleu",
        "vous pouvez enlever l'étiquette du prix ? c'est un cadeau",
        "ne m'envoyez pas le rose, je voulais le gris",
        "il n'y en a plus en stock ?",
        "assez de place pour un ordi dedans ?",
        "laissez le colis devant la porte svp",
        "j'ai arrêté de fumer, je me fais plaisir : taille M dispo ?",
        "comment je retire un article du panier ?",
        "plus de taille 38 ?",
        "pas besoin de paquet cadeau",
        "ma soeur m'a donné votre numéro, vous faites des cartes cadeaux ?",
        "la fermeture a arrêté de marcher, je peux la renvoyer ?",
        "vous pouvez m'écrire quand le bleu revient ?",
        "je me suis désinscrit de la salle de sport, ces leggings sont opaques ?",
        "j'ai pas reçu de message avec le code promo",
        "arrêt de bus le plus proche de la boutique ?",
        "comment annuler ma commande ?",
        "il reste assez de stock pour 3 ?",
        "je me suis désabonnée du club de lecture, du coup un -10% ça marche encore ?",
        # second batch
        "vous pouvez m'envoyer la facture par sms ?",
        "plus de stock en 40 ?",
        "j'ai arrêté la course, ces chaussures vont pour la marche ?",
        "je me suis désinscrite du club de tennis, cette jupe existe en blanc ?",
        "pas besoin de facture papier",
        "arrêtez le colis, je me suis trompée d'adresse",
        # third batch
        "je n'ai plus reçu de message depuis ma commande, c'est normal ?",
        "vous pouvez retirer l'article bleu de ma commande ?",
        "plus de code promo ?",
        "j'ai arrêté mon ancien forfait, je peux payer en 3 fois ?",
        "assez chaud pour l'hiver ?",
        "ne sonnez pas, laissez le colis chez le voisin",
        # the new shapes' own traps, written while reviewing them
        "pas besoin de m'envoyer de facture papier",
        # fourth batch
        "je veux plus le bleu, plutôt le rouge",
        "retirez les chaussettes du panier svp",
        "vous pouvez arrêter l'envoi du colis ?",
    ],
    "de": [
        "hab mich beim fitnessstudio abgemeldet, sind die schuhe auch zum joggen?",
        "hab mit dem rauchen aufgehört, gönn mir was: gibts die in M?",
        "bitte die rote jacke stornieren, die blaue behalten",
        "könnt ihr das preisschild entfernen? ist ein geschenk",
        "schickt mir bitte nicht die rosa, sondern die graue",
        "keine mehr auf lager?",
        "genug platz für einen laptop?",
        "bitte vor der tür abstellen",
        "wie entferne ich einen artikel aus dem warenkorb?",
        "wie kann ich die bestellung stornieren?",
        "meine schwester hat mir eure nummer gegeben, habt ihr gutscheine?",
        "der reißverschluss hat aufgehört zu funktionieren",
        "könnt ihr mir schreiben, wenn die 38 wieder da ist?",
        "ich hab mein netflix gekündigt für die jacke 😂 gibts die in grün?",
        "keine nachricht mit dem rabattcode bekommen",
        "reicht der gutschein für zwei teile?",
        "nicht mehr vorrätig?",
        "hört der sale bald auf?",
        "geschenkverpackung brauch ich nicht",
        "hab mich vom verein abgemeldet, brauche jetzt schuhe zum laufen, größe 42?",
        "hab mich vom newsletter abgemeldet aus versehen, gilt der willkommensrabatt noch?",
        # second batch
        "könnt ihr mir die rechnung per sms schicken?",
        "nicht mehr auf lager in 40?",
        "hab mit dem joggen aufgehört, taugen die zum wandern?",
        "bitte nicht vor der tür abstellen",
        "ich hab mich beim verein abgemeldet, habt ihr hallenschuhe?",
        "die sms mit dem code kam nicht an",
        # third batch
        "ich habe keine sms mit dem code bekommen, könnt ihr die nochmal schicken?",
        "könnt ihr den artikel aus meiner bestellung entfernen?",
        "gibts keine rabatte mehr?",
        "hab aufgehört zu rauchen, jetzt gönn ich mir die jacke: gibts die in L?",
        "reicht die größe M für 1,80?",
        "bitte nicht klingeln, einfach abstellen",
        # the new shapes' own traps, written while reviewing them
        "Ich habe keine weitere Nachricht erhalten, wo ist mein Paket?",
        "ich habe keine sms mehr bekommen",
        # fourth batch
        "ich will die blaue nicht mehr, lieber die rote",
        "bitte die socken aus dem warenkorb nehmen",
        "könnt ihr den versand stoppen bis montag?",
    ],
    "it": [
        "mi sono disiscritta dalla palestra, queste vanno bene per camminare?",
        "ho smesso di fumare e mi faccio un regalo: c'è la M?",
        "annullate la giacca rossa, tengo la blu",
        "potete togliere il cartellino del prezzo? è un regalo",
        "non mandatemi il rosa, volevo il grigio",
        "non ce ne sono più in magazzino?",
        "c'è abbastanza spazio per un portatile?",
        "lasciatelo davanti alla porta per favore",
        "come tolgo un articolo dal carrello?",
        "come annullo l'ordine?",
        "mia sorella mi ha dato il vostro numero, fate buoni regalo?",
        "la cerniera ha smesso di funzionare",
        "mi scrivete quando torna la 40?",
        "ho disdetto netflix per comprarmi questa 😂 c'è in verde?",
        "non mi è arrivato nessun messaggio col codice sconto",
        "basta il codice o devo fare altro?",
        "quando finisce la promo?",
        "non serve la confezione regalo",
        "non c'è più la taglia 38?",
        "ho smesso con la corsa, queste vanno per camminare?",
        "mi sono cancellata dalla newsletter per sbaglio, il codice di benvenuto vale ancora?",
        # second batch
        "mi potete mandare la fattura via sms?",
        "non c'è più la 42?",
        "ho smesso di correre, vanno bene per camminare?",
        "basta la taglia S?",
        "mi sono cancellata dalla palestra, questi leggings sono coprenti?",
        "non mi è arrivato l'sms con il codice",
        # third batch
        "non mi è più arrivato nessun sms dopo l'ordine, è normale?",
        "potete togliere un articolo dall'ordine?",
        "non ci sono più sconti?",
        "ho smesso il calcio, queste vanno bene per la palestra?",
        "basta una taglia in più?",
        "non suonate, lasciate il pacco in portineria",
        # the new shapes' own traps, written while reviewing them
        "non mandate più in Svizzera?",
        "basta così la taglia M?",
        # fourth batch
        "non voglio più il blu, meglio il rosso",
        "togliete i calzini dal carrello per favore",
        "potete fermare la spedizione fino a lunedì?",
    ],
    "pt": [
        "cancelei a academia pra comprar isso kkk, tem no preto?",
        "parei de fumar e vou me dar um presente: tem tamanho M?",
        "cancela o casaco vermelho, fico com o azul",
        "podem tirar a etiqueta do preço? é presente",
        "não me mandem o rosa, queria o cinza",
        "não tem mais no estoque?",
        "cabe um notebook? tem espaço suficiente?",
        "pode deixar na portaria",
        "como tiro um item do carrinho?",
        "como cancelo o pedido?",
        "minha irmã me passou o número de vocês, tem vale-presente?",
        "o zíper parou de funcionar, posso trocar?",
        "me mandem mensagem quando chegar o 38?",
        "me descadastrei da netflix pra comprar esse casaco rs, tem em vinho?",
        "não recebi nenhuma mensagem com o cupom",
        "para quando é a entrega?",
        "não precisa embrulhar pra presente",
        "parei de correr, esse tênis serve pra caminhada?",
        "saí do grupo da corrida, esse tênis é bom pra andar?",
        "o frete sai mais barato levando dois?",
        "me desinscrevi da newsletter sem querer, o cupom de boas-vindas ainda vale?",
        # second batch
        "podem me mandar a nota fiscal por mensagem?",
        "não tem mais o 40?",
        "parei de jogar bola, esse tênis serve pra academia?",
        "chega antes do natal?",
        "saí da academia, essa legging é boa pra yoga?",
        "não recebi a mensagem com o código",
        # third batch
        "não recebi mais nenhuma mensagem depois do pedido, é normal?",
        "podem tirar um item do meu pedido?",
        "não tem mais cupom?",
        "parei de fumar e vou me presentear, tem no tamanho G?",
        "chega a tempo pro natal?",
        "não precisa tocar a campainha, deixa na portaria",
        # the new shapes' own traps, written while reviewing them
        "vocês não enviam mais para Portugal?",
        "por que continuam me mandando o produto errado?",
        # fourth batch
        "não quero mais o azul, prefiro o vermelho",
        "tira as meias do carrinho por favor",
        "podem parar o envio até segunda?",
    ],
    "nl": [
        "ik heb me afgemeld bij de sportschool, zijn deze ook om te wandelen?",
        "ben gestopt met roken, trakteer mezelf: is M er nog?",
        "annuleer de rode jas maar, ik hou de blauwe",
        "kunnen jullie het prijskaartje eraf halen? is een cadeau",
        "stuur me niet de roze, ik wilde de grijze",
        "niet meer op voorraad?",
        "genoeg ruimte voor een laptop?",
        "zet het pakket maar bij de deur",
        "hoe haal ik iets uit mijn winkelmandje?",
        "hoe kan ik mijn bestelling annuleren?",
        "mijn zus gaf me jullie nummer, hebben jullie cadeaubonnen?",
        "de rits is gestopt met werken, kan ik ruilen?",
        "sturen jullie me een berichtje als maat 38 er weer is?",
        "ik heb netflix opgezegd voor deze jas haha, is ie er in groen?",
        "geen berichtje gehad met de kortingscode",
        "tot wanneer loopt de actie?",
        "is er nog genoeg voorraad voor 3 stuks?",
        "cadeauverpakking hoeft niet",
        "ik ben uitgeschreven bij de tennisclub, zijn deze schoenen ook voor hardlopen?",
        "kan ik even langs de winkel komen om te passen?",
        "ik heb me per ongeluk afgemeld voor de nieuwsbrief, werkt mijn welkomstcode nog?",
        # second batch
        "kunnen jullie de factuur per sms sturen?",
        "niet meer in maat 40?",
        "ben gestopt met voetbal, zijn deze goed voor de sportschool?",
        "zet het pakket niet bij de buren",
        "ik heb me afgemeld bij de voetbalclub, hebben jullie zaalschoenen?",
        "geen sms ontvangen met de code",
        # third batch
        "ik heb geen sms meer gekregen na mijn bestelling, klopt dat?",
        "kunnen jullie een artikel uit mijn bestelling halen?",
        "zijn er geen kortingscodes meer?",
        "ben gestopt met roken, nu trakteer ik mezelf: heeft u maat L?",
        "is maat M genoeg voor 1,80?",
        "niet aanbellen, gewoon bij de deur zetten",
        # the new shapes' own traps, written while reviewing them
        "waar moet ik mijn nummer aan doorgeven voor de bezorging?",
        # fourth batch
        "ik wil de blauwe niet meer, liever de rode",
        "haal de sokken uit mijn winkelmandje aub",
        "kunnen jullie de verzending stoppen tot maandag?",
    ],
}
# Written in session 4 after blind set 8's first runs (so set 8 no longer measures these shapes; set 9 does):
# the number changed hands ("this number was my son's, take it off your list"), how to stop the texts with the
# verb last or no noun ("how do I stop getting these?", "wie kann ich diese Nachrichten abstellen?"), removal
# "from your list / Verteiler / bestand", SMS spellings ("ki", "mon num", "co' sti"); traps beside each, and
# past cancellations of a subscription elsewhere. New sentences, none copied from set 8.
PROMPTED_BY_SET_8 = {
    "opt_out": [
        "this number used to be my brother's, he moved. please take it off your list",
        "new owner of this number here, pls remove it from your system",
        "Hola, este número era de mi hermana, ahora es mío. Por favor sáquenlo de su lista",
        "ce numéro était celui de mon ex, merci de le supprimer de votre fichier",
        "Diese Nummer gehörte meiner Frau, bitte löschen Sie sie aus Ihrer Liste",
        "questo numero era di mio fratello, per favore cancellatelo dai vostri elenchi",
        "esse número era da minha mãe, tirem ele da lista de vocês por favor",
        "dit nummer was van mijn zoon, haal het alsjeblieft uit jullie systeem",
        "how can i stop receiving these?",
        "how do i stop getting them",
        "cómo hago para que no me manden más estos mensajes",
        "como le hago para que ya no me lleguen sus sms",
        "wie kann ich eure SMS abbestellen",
        "wie kann ich die nachrichten stoppen",
        "wie schalte ich diese SMS ab?",
        "hoe kan ik deze berichten stoppen?",
        "como faço pra parar de receber isso?",
        "come faccio a bloccare questi sms?",
        "please remove it from your list",
        "please delete me from your database",
        "bitte entfernen Sie mich aus Ihrem Verteiler",
        "merci de me retirer de votre liste",
        "verwijder mij uit uw bestand aub",
        "toglietemi dalla vostra lista per favore",
        "c ki qui vous a file mon num? effacez le",
        "mo basta co sti messaggi",
    ],
    "!opt_out": [
        "please take the blue one off my list, I only want the green",
        "can you remove the tent from my cart",
        "delete the stove from my wishlist please",
        "how do I stop the order? I ordered twice",
        "how do i get these in a 42?",
        "how do i stop the zipper from sticking",
        "my son used this number to order last week, where is his order?",
        "this number is on my order 4432, can you check it?",
        "como hago para que me llegue antes del viernes?",
        "cómo hago para que me manden la factura?",
        "wie kann ich die Bestellung stoppen?",
        "bitte entfernen Sie den Schlafsack aus meinem Warenkorb",
        "come faccio a ricevere il pacco prima di sabato?",
        "la voglio + grande, ce l'avete?",
        "verwijder de tent uit mijn winkelwagen aub",
        "hoe kan ik de bestelling stoppen?",
        "retirez le sac de couchage de mon panier svp",
        "Cancelei minha assinatura de outra loja, vcs tem cupom?",
        "cancelei a assinatura da academia, agora vou correr, esse tênis é bom?",
        "me desuscribí de otra tienda, tienen cupón de bienvenida?",
        "como faço pra receber mais rápido?",
        "come faccio a non sbagliare taglia?",
        "no quiero + vueltas, la compro",
        "quiero 2 + la funda",
        "how do i stop it from leaking in the rain?",
    ],
}
# Written after blind set 9's first run (set 9 no longer blind for these shapes; set 10 measures them):
# "how do I stop these?", a slip of UNSUBSCRIBE beside filler, STOP + "not interested", cancel + the texts,
# a parent or new owner asking not to write to this number any more; traps beside each (a past "nothing
# came to my number", "stop these from being sold out"). New sentences, none copied from set 9.
PROMPTED_BY_SET_9 = {
    "opt_out": [
        "how do i stop these?",
        "unsubcribe me",
        "unsubscrbe pls",
        "STOP please no me interesa",
        "STOP por favor, no me interesa",
        "quero cancelar essas mensagens",
        "cancel these texts pls",
        "cancelen estos mensajes",
        "please don't text this number, it's my daughter's and she is 12",
        "Bonjour, c'est sa mère, ne plus envoyer de messages à ce numéro svp",
        "Guten Tag, bitte schicken Sie an diese Nummer keine SMS mehr",
        "per favore non mandate più niente a questo numero, è di mio figlio",
        "por favor não mandem mais mensagens para este número",
        "no le escriban más a este número, es de mi hijo",
        "stuur geen berichten meer naar dit nummer a.u.b.",
    ],
    "!opt_out": [
        "how do i stop these boots from squeaking?",
        "cancel the order please, I ordered twice",
        "cancelar el pedido 4432",
        "quero cancelar o pedido",
        "no me han mandado más info a mi número, ¿ya salió?",
        "nao me mandaram mais nada no meu numero, cadê o pedido?",
        "you never texted my number the tracking link",
        "can you text this number the tracking link?",
        "non mi avete mai scritto a questo numero per la conferma",
        "ik heb geen sms meer gekregen op dit nummer, is het verzonden?",
        "stop these from being sold out, restock pls!",
    ],
}
# Written after blind set 10's first run (set 10 no longer blind for these): the list named with only an
# article ("sáquenlo de la lista", "toglietelo dalla lista", "haal het van de lijst") when the thing taken
# off is the number, a pronoun on the verb; "kiero". Traps: an item taken off a wish or shopping list.
PROMPTED_BY_SET_10 = {
    "opt_out": [
        "este teléfono era de mi papá, ya no lo usa, bórrenlo de la lista",
        "no kiero mas mensajes",
        "nao quero mais, este numero era da minha irma, tirem da lista",
        "questo cellulare era di mio zio, cancellatelo dalla lista per favore",
        "het nummer was van mijn oma, haal het van de lijst aub",
        "verwijder dit nummer van jullie lijst",
        "C'est le numéro de mon ex-mari, il ne l'utilise plus. Retirez-le svp",
        "this was my mom's old phone, she passed away",
        "Hi this number used to belong to my brother, he doesn't have it anymore",
        "my dad doesn't use this number any more",
        "this isn't Carla's number anymore",
        "Este número era de mi madre, ya no lo usa",
        "el numero ya no es de mi hermano, es mio ahora",
        "ce numéro était celui de ma sœur, elle ne l'a plus",
        "ce n'est plus le numéro de Paul",
        "Diese Nummer gehörte meiner Mutter, sie nutzt sie nicht mehr",
        "das ist nicht mehr die Nummer von Jan",
        "das Handy war von meinem Opa, er benutzt es nicht mehr",
        "questo numero era di mia madre",
        "il numero non è più di mio figlio, ora è mio",
        "mio padre non usa più questo numero",
        "esse número era da minha mãe, ela não usa mais",
        "o celular era do meu avô, agora é meu",
        "este numero ja nao e do Pedro",
        "dit nummer was van mijn moeder, ze gebruikt het niet meer",
        "mijn zoon gebruikt dit nummer niet meer",
        "het is niet meer het nummer van Sanne",
    ],
    "!opt_out": [
        "quiten la chaqueta de la lista de deseos",
        "borra la tienda de la lista de la compra jaja",
        "toglila dalla lista dei desideri, la compro ora",
        "haal de tent van de lijst, ik wil de grote",
        "kiero la talla M",
        "quita la chaqueta de la lista, quiero la otra",
        "togli la tenda dalla lista, voglio l'altra",
        "this is my wife's number, she placed the order",
        "my son doesn't use the tent any more, can I return it?",
        "my phone died, I'm texting from my husband's number. where is my order?",
        "the old phone number on my account is wrong, can you update it?",
        "mi hijo ya no lo usa, ¿puedo devolverlo?",
        "es el número de mi marido, él hizo el pedido",
        "c'est le numéro de ma femme, elle a passé la commande",
        "mon fils ne l'utilise plus, je peux le renvoyer ?",
        "das ist die Nummer meiner Frau, sie hat bestellt",
        "mein Sohn nutzt den Schlafsack nicht mehr, kann ich ihn zurückschicken?",
        "è il numero di mio marito, ha ordinato lui",
        "mio figlio non la usa più, posso restituirla?",
        "é o número do meu marido, ele fez o pedido",
        "meu filho nao usa mais a barraca, posso devolver?",
        "dit is het nummer van mijn vrouw, zij heeft besteld",
        "mijn dochter gebruikt de tent niet meer, kan ik hem retourneren?",
        "my battery was dead so I used my mom's phone to order, what's the order number?",
        "the tracking number was my sister's address, can you fix it?",
        "I no longer have the order number, can you resend it?",
        "ya no tengo el número de pedido",
        "je n'ai plus le numéro de commande",
        "ich habe die Bestellnummer nicht mehr",
    ],
}
PROMPTED_BY_SET_11 = {
    "opt_out": [
        "unsubsribe",
        "desuscrbirme",
        "desinscribanme porfa",
        "desabonnemant",
        "desinscriver moi",
        "abmeldn",
        "abbestelen bitte",
        "disiscrivetmi",
        "disicrivermi grazie",
        "descadatrar",
        "descadastrme",
        "afmedlen",
        "uitschijven aub",
        "never contact me again or I'm calling my lawyer",
        "no me vuelvan a contactar o los denuncio",
        "ne me recontactez jamais, merci",
        "Kontaktieren Sie mich bitte nie wieder",
        "non ricontattatemi più, grazie",
        "não entrem mais em contato comigo por favor",
        "neem geen contact meer met mij op",
        "cómo hago para que dejen de mandarme estos mensajes",
        "wie krieg ich die Nachrichten weg?",
    ],
    "!opt_out": [
        "anmelden",
        "anmelten",
        "inscribirme",
        "abonnement",
        "iscrivermi",
        "cadastrar",
        "aanmelden",
        "abmessen?",
        "they never contacted me again after the order",
        "nadie me volvió a contactar sobre el pedido",
        "ihr habt mich nie wieder kontaktiert wegen der Rücksendung",
        "ninguém entrou mais em contato comigo sobre a troca",
        "niemand heeft meer contact met me opgenomen over de retour",
        "cómo hago para que me llegue antes del viernes",
        "wie bekomme ich den Fleck weg?",
    ],
}
PROMPTED_BY_SET_12 = {
    "opt_out": [
        "Dear team, I would be grateful if you would cease sending messages to this telephone. Mrs Hale",
        "I'd appreciate it if you stopped sending me these texts",
        "Le agradecería que dejaran de enviarme mensajes a este teléfono. Atentamente, R. Gil",
        "Je vous prie de cesser l'envoi de ces SMS. Bien à vous",
        "Ich bitte Sie, mir keine weiteren Nachrichten zu schicken. Hochachtungsvoll",
        "Vi pregherei di smettere di inviare messaggi a questo numero. Cordiali saluti",
        "Agradeço que deixem de enviar mensagens para este número. Atenciosamente",
        "Ik verzoek u vriendelijk mij geen verdere berichten te sturen. Met vriendelijke groet",
        "four texts this week, this is harassment. stop",
        "cuatro sms hoy, esto es acoso. basta",
        "quatre sms aujourd'hui, c'est du harcèlement. arrêtez",
        "vier SMS heute, das ist Belästigung. aufhören",
        "quattro messaggi oggi, è stalking. basta",
        "quatro mensagens hoje, isso é assédio. parem",
        "vier berichten vandaag, dit is intimidatie. stop ermee",
        "how do I make these messages stop coming to my phone",
        "como faço para não receber mais essas mensagens",
        "hoe zorg ik dat die sms'jes niet meer op mijn telefoon komen",
        "I never gave you my number, go away",
        "nunca les di mi número, déjenme en paz",
        "je ne vous ai jamais donné mon numéro",
        "ich hab euch nie meine Nummer gegeben",
        "non vi ho mai dato il mio cellulare",
        "nunca passei meu número pra vocês",
        "ik heb jullie nooit mijn nummer gegeven",
    ],
    "!opt_out": [
        "I never gave you my number for the delivery, can the courier call my wife?",
        "cease and desist? no, I just want to know when it ships lol",
        "how do I make the zip stop sticking?",
        "como faço para não receber a encomenda em casa, posso retirar na loja?",
        "ik heb mijn nummer niet gegeven bij de bestelling, is dat erg?",
        "three messages from DHL today but no parcel",
        "stopped at the harassment of choosing a colour lol, is the blue in stock?",
    ],
}
PROMPTED_BY_SET_13 = {
    "opt_out": [
        "Dear Sirs, please cease sending text messages to this phone. Regards",
        "f off with these messages",
        "les ruego no volver a mandarme mensajes",
        "je vous demande de cesser tout envoi de messages",
        "como hago pa q no me lleguen mas mensajes",
        "este teléfono es de mi hija de 12 años, no le manden más mensajes",
        "this is my son's phone, he's 12, don't text him again",
        "c'est le portable de mon fils de 11 ans, ne lui envoyez plus de SMS",
        "das Handy gehört meiner Tochter (12), schreibt ihr keine SMS mehr",
        "è il cellulare di mio figlio di 12 anni, non mandategli più messaggi",
        "esse celular é da minha filha de 12 anos, não mandem mais mensagens pra ela",
        "dit is de telefoon van mijn zoon van 12, stuur hem geen berichten meer",
    ],
    "!opt_out": [
        "no le manden la mochila a mi hija, mejor a mí",
        "don't text him the code, send it to me",
        "ne lui envoyez pas le colis, il est en vacances",
        "stuur hem niet naar mijn oude adres",
    ],
}
PROMPTED_BY_SET_14 = {
    "opt_out": [
        "Please delete all my personal data under the GDPR.",
        "Solicito la supresión de mis datos conforme al RGPD.",
        "Je demande l'effacement de mes données conformément au RGPD.",
        "Ich verlange die Löschung meiner Daten nach DSGVO.",
        "Chiedo la cancellazione dei miei dati e di non essere più contattata.",
        "Peço a exclusão dos meus dados conforme a LGPD.",
        "Ik wil dat u mijn gegevens verwijdert volgens de AVG.",
        "c'est le téléphone de ma fille, arrêtez de lui envoyer des messages",
        "dit is de gsm van mijn dochter, niet meer naar dit nummer sturen aub",
        "disicrivetemi grz",
        "Verkeerd nummer. Afmelden a.u.b.",
    ],
    "!opt_out": [
        "avg delivery time to Lyon?",
        "can I delete the tent from my cart and keep the stove?",
        "ik wil niet uitschrijven, ik wil de code",
    ],
}
PROMPTED_BY_SETS_15_AND_16 = {
    "opt_out": [
        "never signed up for this, it's spam",
        "nunca me registré, esto es spam",
        "je ne me suis jamais inscrite, c'est du spam",
        "ich hab mich nie angemeldet, das ist Spam",
        "non mi sono mai registrata, è spam",
        "nunca me inscrevi, isso é spam",
        "nooit aangemeld, dit is spam",
        "I'm going to block you",
        "los voy a bloquear",
        "je vais vous bloquer",
        "ich blockiere euch jetzt",
        "vi blocco",
        "vou bloquear vocês",
        "ik blokkeer jullie",
        "no m manden mas mensajes",
        "nao qero mais mensagens",
        "this is my dad's old number, he has a new phone now",
        "es el número viejo de mi tío, ya tiene un celular nuevo",
        "c'est l'ancien numéro de ma sœur, elle a un nouveau portable",
        "das Handy gehört jetzt meinem Sohn, bitte nicht mehr schreiben",
        "è il vecchio numero di mio zio, ha un cellulare nuovo",
        "é o número antigo da minha irmã, ela tem um celular novo",
        "dit is het oude nummer van mijn zus, ze heeft een nieuwe telefoon",
        "è il telefono di mia madre, smettete di scriverle",
    ],
    "!opt_out": [
        "is this spam or a real offer? is the code real?",
        "my card got blocked, can I pay by PayPal?",
        "voy a bloquear la tarjeta, ¿puedo pagar con PayPal?",
        "my old number is on the order, can you update it to this one?",
        "tengo un celular nuevo, ¿me mandan el link otra vez?",
    ],
}
PROMPTED_BY_SETS_17_AND_18 = {
    "opt_out": [
        "wow, another text, great. STOP",
        "otro mensaje más, qué ilusión 🙄 BASTA",
        "super, encore un SMS. STOP",
        "toll, noch eine SMS. STOPP",
        "mais uma mensagem, que alegria. PARAR",
        "geweldig, weer een sms. stop",
        "nunca mais me mandem nada",
        "ik wil van jullie lijst af",
        "ce numéro est une ligne professionnelle, merci de ne plus l'utiliser",
        "this is a work phone, please stop using this number",
        "è il numero dell'ufficio, cancellate il numero",
        "como le hago para ya no recibir mensajes?",
        "otro mensajito más, no gracias. BASTA",
    ],
    "!opt_out": [
        "another text about my order? is it shipped?",
        "cancellate il numero d'ordine vecchio, vale quello nuovo",
        "ik wil van de wachtlijst af, ik heb hem al",
    ],
}
PROMPTED_BY_SET_19 = {
    "opt_out": [
        "quiero darme de vaja",
        "retirem o número da vossa lista, obrigado",
        "please delete her number, she's 13",
        "verwijder zijn nummer aub, hij is 12",
        "I already told you last week to stop",
        "ik heb al gezegd dat jullie moeten stoppen",
        "ya les dije que paren",
        "je vous ai déjà dit d'arrêter",
        "ich hab schon gesagt, ihr sollt aufhören",
        "vi ho già detto di smettere",
        "já disse pra parar",
    ],
    "!opt_out": [
        "quit sending me the wrong colour, I ordered black",
        "retirem o número do pedido antigo do meu cadastro",
        "I already told you the size, when does it ship?",
    ],
}
# My own cases for the kinds blind sets 20–22 found (session 6), written before any change; first run: 22 of
# 59 opt-outs read as opt-outs, 11 of 15 traps held (the four false: "dar de baja a" someone else, the
# reminder's line quoted back). The last 20 opt-outs and 8 traps came after a second look at the kinds the
# sets still missed (first run: 7 of 20, and 6 of 8 traps held).
PROMPTED_BY_SETS_20_TO_22 = {
    "opt_out": [
        "non me scrivete più",
        "nun ce mannate cchiù messaggi",
        "nun me mannate più niente, grazie",
        "ja hab scho bestellt, schickts ma nimma so SMS",
        "bitte nimmer schreiben",
        "hörts endlich auf mit dem Spam",
        "lassts mich in Ruhe mit euren SMS",
        "textez-moi pu svp",
        "je veux pus de messages de vous autres",
        "envoyez-moi pu rien",
        "compré en otro sitio ya, no quiero más msjs de su tienda",
        "no quiero mas publicidad de ustedes",
        "ik hoef jullie sms'jes niet meer",
        "ik hoef geen berichten meer",
        "BASTA! yo nunca autoricé estos mensajes",
        "STOP. I never authorized marketing texts to this phone",
        "I hereby revoke my consent to be contacted by text message.",
        "retiro mi consentimiento para recibir mensajes",
        "je retire mon consentement aux sms",
        "ich widerrufe meine Einwilligung zum Erhalt von SMS",
        "revoco il consenso a ricevere sms",
        "retiro o meu consentimento para receber mensagens",
        "ik trek mijn toestemming voor sms in",
        "un subscribe me",
        "unsub scribe",
        "dadme de baja ya",
        "dadnos de vaja",
        "this is a business line, no marketing texts here please",
        "es el teléfono de la oficina, no enviéis promociones aquí",
        "c'est le numéro du cabinet, n'envoyez plus de pub ici",
        "questo è il numero dell'ufficio, non inviate più pubblicità",
        "dit is een zakelijk nummer, graag geen reclame meer",
        "este é o telefone da empresa, não enviem publicidade para cá",
        "my mother passed away, this was her phone, please stop texting it",
        "mi padre falleció, este era su móvil, no le escriban más",
        "ma mère est décédée, ne lui écrivez plus",
        "mein Vater ist verstorben, bitte schreiben Sie ihm nicht mehr",
        "mia nonna è morta, non scrivetele più",
        "o meu avô faleceu, não lhe enviem mais mensagens",
        "mijn moeder is overleden, stuur haar niets meer",
        "I'm no longer the club secretary, take me off your list",
        "ya no soy la tesorera, sáquenme de la lista",
        "ich bin nicht mehr Kassenwart, tragen Sie mich aus Ihrer Liste aus",
        "ik ben geen secretaris meer, haal me uit uw bestand",
        "wil geen sms meer ontvangen",
        "liever geen berichten meer ontvangen",
        "não me voltem a enviar sms",
        "não voltem a mandar mensagens para este número",
        "she doesn't want your texts anymore, take her off",
        "ella ya no quiere recibir sus mensajes, quítenla",
        "il ne veut plus recevoir vos sms, retirez-le",
        "er will keine SMS mehr von euch, bitte austragen",
        "lui non vuole più i vostri messaggi, toglietelo",
        "ela não quer mais receber mensagens, tirem ela",
        "hij wil geen berichten meer, schrap hem aub",
        "verzoek mij uit te schrijven voor de sms",
        "graag uit te schrijven",
        "ficamos sem carro e a viagem acabou, então nada de compras e nem quero mais receber esses sms",
        "we gaan toch niet meer op vakantie, dus laat maar, en ik wil ook geen sms meer op dit nummer",
        "lasst mich endlich in Ruh mit dem Zeug",
        "lasst mi in Ruh",
        "don't message this cell again please",
        "please stop texting this phone, it belongs to my office",
        "merci de ne plus nous envoyer de publicité",
        "ne plus envoyer de pub sur ce numéro svp",
        "hört bitte auf mit de Nachrichten",
        "vi prego di non mandare più comunicazioni commerciali",
        "chiediamo di non inviare più messaggi promozionali",
        "hier liever geen reclame, dank u",
        "graag geen berichten op dit nummer",
        "kunt u mij uit de verzendlijst halen?",
        "wilt u mijn nummer uit uw systeem verwijderen",
        "geen berichten meer krijgen graag",
        "pedimos para não enviarem mais sms",
        "ela pediu pra não mandarem mais nada",
        "hij wil die sms'jes niet meer",
        "gelieve hem te schrappen",
        "graag dit nummer te verwijderen",
        "daarom wil ik ook eigenlijk geen sms meer krijgen",
    ],
    "!opt_out": [
        "dimos de baja a un chico del equipo, ¿tenéis 9 en azul?",
        "di de baja a mi hijo del club, ¿puedo cambiar la talla?",
        '"Reply STOP to unsubscribe" - no need, I just want to know if the code works',
        '"Responde BAJA para no recibir más" no gracias, solo quiero saber cuánto cuesta el envío',
        "ich find den Link nimmer, schickt ihr ihn nochmal?",
        "des passt nimmer in mein Auto, gibts a kleinere?",
        "y'en a pu en stock?",
        "j'ai pas pu payer, la carte passe pas",
        "elle ne veut plus la rouge, vous avez la bleue ?",
        "ich widerrufe meine Bestellung, wie geht das?",
        "mi padre falleció y quiero devolver su pedido",
        "la mia ragazza non vuole più il verde, c'è in blu?",
        "ik hoef de tas niet meer, kan ik die retourneren?",
        "she doesn't want the tent anymore, can we return it?",
        "the number on the order is wrong, can you remove it and put my new one?",
        "ik heb geen sms meer ontvangen over mijn bestelling",
        "ik krijg geen berichten meer over de levering, is er iets mis?",
        "kunt u het artikel uit mijn winkelwagen verwijderen?",
        "vergeet niet de oude tent te schrappen van de bestelling",
        "wilt u het ordernummer van de factuur verwijderen?",
        "ne plus envoyer à l'ancienne adresse, j'ai déménagé",
        "non mandate più il verde, preferisco il blu",
        "ela pediu pra não mandarem o rosa, e sim o azul",
    ],
}
# My own cases for the kinds blind sets 23–25 found (session 6), written before any change; first run: 2 of
# 30 opt-outs read as opt-outs, 5 of 9 traps held ("Stopp mal, …" twice, "di de baja mi cuenta", "ya dejo de
# molestar" were opt-outs). One trap was bad Dutch ("stop mal even"), replaced by a German one; "Stop maar. Ik
# heb het al gekocht" guards Dutch "stop maar" (do stop), which a first version of the fix lost.
PROMPTED_BY_SETS_23_TO_25 = {
    "opt_out": [
        "ich will die Nachrichte nöd meh",
        "bitte nöd schriibe, merci",
        "hört mit dem Quatsch auf, das isch Spam",
        "vous me saoulez avec vos sms, c'est fini",
        "tes textos me soulent, ça suffit",
        "die smskes zijn om zot van te worden, ik wil er geen meer",
        "gelieve haar niet meer te contacteren",
        "mi abuela no entiende estos mensajes, favor de no volverle a escribir",
        "hágame el favor de no volverme a mandar nada",
        "qui vous a filé mon numéro ?",
        "qui vous a passé mon 06 ? effacez-le",
        "keene SMS mehr bitte",
        "schreibt ma nich mehr",
        "no me scrivè più",
        "no ce mandè più messaggi",
        "naum quero mais msg",
        "haal hem eraf aub",
        "wil geen smsjes meer krijge",
        "I not want more this texts",
        "please you stop to send me messages",
        "take out my number from your list",
        "me quitan de la lista por favor",
        "je ne veux plus les recevoir, merci",
        "c'est mon fils qui m'a dit de répondre stop. donc stop",
        "ich möchte nicht mehr diese SMS bekommen",
        "bitte aufhören mit schreiben",
        "bitte abmelden mich",
        "ich will abmelden von diese Liste",
        "quero cancelar a subscrição das mensagens",
        "so STOP",
        "Stop maar. Ik heb het al gekocht",
    ],
    "!opt_out": [
        "Stopp mal, geht das auch in Grün?",
        "Stop mal kurz, gibt es das auch in Blau?",
        "di de baja mi cuenta antigua, ¿puedo usar el código en la nueva?",
        "ya dejo de molestar, última pregunta: ¿hay talla M?",
        "ya paro de preguntar jaja, ¿llega antes del viernes?",
        "je ne veux plus la verte, vous l'avez en bleu ?",
        "hört mit dem Regen nicht auf, ist das Zelt dicht?",
        "ich möchte nicht mehr als 50 € ausgeben, gibt es was Günstigeres?",
        "take out the red one from my cart please",
    ],
}
# My own cases for the kinds blind sets 26–28 found (session 6), written before any change; first run: 5 of
# 19 opt-outs read as opt-outs, 7 of 7 traps held. The last three opt-outs were written after that change,
# for the variants the sets still missed (a compound number word, "mich", "tirem me"), and not scored first.
PROMPTED_BY_SETS_26_TO_28 = {
    "opt_out": [
        "non ci mandate +",
        "não me mandem +",
        "STOP idiota",
        "STOPP Leute",
        "BASTA cretini",
        "no me mandei ma' mensaje",
        "i will koine Nachrichte meh",
        "hört auf mit dene SMS",
        "Ich widerspreche der Verwendung meiner Mobilnummer für Werbung.",
        "sjrap me van uw lijst",
        "ALTO ya con los mensajes",
        "ALTO con tanto sms",
        "priere de ne plus écrire à ce numéro",
        "merci de ne plus envoyer de messages",
        "jveux plu de sms",
        "tirem-me da vossa lista",
        "n mandem mais msg pfv",
        "graag niks meer sturen",
        "gelieve geen berichten meer te sturen",
        "ich widerspreche der Speicherung meiner Rufnummer für Werbung",
        "sjrap mich van de verzendlijst",
        "tirem me da lista de sms",
    ],
    "!opt_out": [
        "merci de ne plus envoyer à l'ancienne adresse",
        "STOP the order please, I ordered twice",
        "Stop wait, is the blue one in stock?",
        "ALTO el precio, ¿hay descuento?",
        "la tienda es muy alta para mi coche?",
        "n mandem o rosa, quero o azul",
        "graag niks meer sturen naar mijn oude adres",
    ],
}
# Left noticed at the end of session 5: a "+" for "more" (set 8's one miss) and a pre-existing false opt-out
# for texts about the delivery. Written here in session 6 before the change: "no + mensajes", "pas + de sms
# svp" and the trap on "on the delivery" failed then; the others held.
NOTICED_IN_SESSION_5 = {
    "opt_out": [
        "no + mensajes",
        "pas + de sms svp",
        "non mandatemi + sms",
        "não quero + mensagens",
    ],
    "!opt_out": [
        "enough messages on the delivery date, when will it arrive?",
        "vorrei + info sulla tenda",
        "quiero + fotos de la carpa",
        "call me at +33 6 12 34 56 78 about my order",
    ],
}
# My own cases for the kinds blind sets 29–34 found (session 7), written before any change; first run: 18
# of 44 opt-outs read as opt-outs, 7 of 10 traps held (false: 'di de baja el seguro', 'número errado do
# sapato', 'stop even, …').
PROMPTED_BY_SETS_29_TO_34 = {
    "opt_out": [
        "pls dnt txt ths nmbr agn",
        "nt intrstd, stp txtng me",
        "ya no qro msjs, borrenme",
        "kn intrss, kn sms mhr",
        "ik wil gn brchtn mr ontvngn",
        "arrtz vos sms svp",
        "n qro mais sms, tirm da lista",
        "I would appreciate it if you no longer texted this number.",
        "Les agradecería que dejaran de escribirme a este número.",
        "Je vous serais reconnaissant de ne plus me contacter sur ce numéro.",
        "Ich wäre Ihnen dankbar, wenn Sie mich unter dieser Nummer nicht mehr kontaktieren würden.",
        "Le sarei grato se non mi contattaste più a questo numero.",
        "Agradecia que não me contactassem mais neste número.",
        "Ik zou het waarderen als u mij niet langer op dit nummer contacteert.",
        "I hereby withdraw my consent to receive marketing messages.",
        "Retiro mi consentimiento para el envío de mensajes publicitarios.",
        "Hiermit widerrufe ich meine Zustimmung zum Empfang von Werbenachrichten.",
        "Retiro o meu consentimento para o envio de SMS promocionais.",
        "arrêtez de menvoyer ces messages",
        "svp ne mecrivez plus",
        "Bitte hört auf, mir ständig Nachrichten zu senden.",
        "Können Sie aufhören, mir zu schreiben?",
        "Nehmen Sie meine Nummer bitte raus.",
        "levatemi il numero dalla lista",
        "togliete il mio numero, grazie",
        "virez-moi de vos listes",
        "bórrenme de sus mensajes",
        "bin my number please",
        "basta per favore non ne posso più",
        "STOP please enough of these",
        "bajaaa",
        "arretttt",
        "bastaaa",
        "pararr",
        "afmeldenn",
        "Stoppp",
        "não mandar mais sms pra mim por favor",
        "no mandar más mensajes a mi por favor",
        "je veux plus en recevoir",
        "j'en veux plus de vos sms",
        "c'est le téléphone de mon grand-père, retirez-le de vos envois",
        "es el móvil de mi abuelo, bórrenlo de la lista",
        "this is my nan's phone, take her off your list",
        "dinnae send me nae mair texts",
    ],
    "!opt_out": [
        "di de baja el seguro del coche, ¿el portabicis tiene garantía?",
        "j'ai résilié mon abonnement à la salle, vous livrez à Lyon ?",
        "Ich habe den Newsletter abbestellt, bekomme ich trotzdem den Rabatt?",
        "me di de baja del boletín, ¿todavía vale el cupón?",
        "I unsubscribed from your emails last year, does the welcome code still work?",
        "recebi o número errado do sapato, posso trocar?",
        "stop even, heb je die ook in het blauw?",
        "STOP please the second order, I ordered twice",
        "bin the red one, I'll keep the blue",
        "nehmt den roten raus, ich nehme den blauen",
        # written after the first run (a newsletter left, told in Dutch and Portuguese), not scored first
        "Ik heb me vorige maand afgemeld voor de nieuwsbrief, geldt de kortingscode nog?",
        "cancelei a inscrição na newsletter, o cupom ainda vale?",
    ],
}
# A second look at the kinds sets 29–34 still missed after the first change (session 7), my own sentences,
# written before the second change; first run: 4 of 16 opt-outs, 2 of 4 traps held (false: an
# annulled subscription to something else, 'Genug, die SMS … kam schon').
PROMPTED_BY_SETS_29_TO_34_AGAIN = {
    "opt_out": [
        "I do not wish to receive any more of these text messages, thank you",
        "no qro mas msjs, sacm de aqui",
        "Könnt ihr aufhören, mir dauernd Nachrichten zu senden?",
        "Nehmts mei Nummer raus bitte",
        "Levate il mi' numero dalla lista",
        "please unsubsribe me from this",
        "Le ruego que no vuelva a escribirme a este teléfono.",
        "Retiro mi consentimiento para recibir comunicaciones de marketing.",
        "Quero retirar o meu consentimento para comunicações de marketing.",
        "Ich widerrufe hiermit ausdrücklich meine erteilte Einwilligung für Werbe-SMS.",
        "La prego, mi cancelli dal vostro elenco.",
        "BASTA. Cada día un mensaje nuevo.",
        "Arrête ! Trois sms aujourd'hui",
        "Genug jetzt! Schon wieder eine SMS",
        "es el teléfono de mi tío, quítenlo de los envíos",
        "c'est le numéro de mon père, supprimez son numéro svp",
        # written after the second change, for two kinds set 30 still missed; not scored first
        "I don't want any more of these messages on my telephone",
        "n qro mais sms de vcs",
    ],
    "!opt_out": [
        "j'ai annulé mon abonnement à la box beauté, vous livrez à Nantes ?",
        "BASTA con los envíos lentos, ¿cuándo llega mi pedido?",
        "Genug, die SMS mit der Sendungsnummer kam schon. Wann liefert ihr?",
        "Le ruego que no vuelva a enviarme la factura en papel.",
    ],
}
# A third look (session 7), at the kinds sets 30–32 still missed, my own sentences written before the third
# change; first run: 2 of 7 opt-outs, 3 of 3 traps held. Writing them showed that a plain "quiero
# desuscribirme" and "kunt u mij uitschrijven" were not read as opt-outs either (fixed).
PROMPTED_BY_SETS_29_TO_34_THIRD = {
    "opt_out": [
        "could you unsubcribe me please, thanks",
        "por favor desuscribirrme de esto",
        "kunt u mij uitschrijfen aub",
        "Le pido que no vuelva a mandarme mensajes.",
        "Que no me vuelvan a escribir, por favor.",
        "Mi tolga dalla lista per favore",
        "Ci tolgano pure dal loro elenco, grazie.",
    ],
    "!opt_out": [
        "mi tolga una curiosità: la lampada è dimmerabile?",
        "que no me vuelvan a cobrar el envío, por favor",
        "could you subcribe me to the restock alert?",
        # written after the change: a past story and a question that are not requests
        "me desuscribí del gimnasio, ¿tienen esterillas?",
        "ik heb me afgemeld voor de sportschool, hebben jullie matten?",
        "je me suis désinscrite de la salle de sport, vous avez des tapis ?",
    ],
}
# Session 8: the kinds blind sets 35–40 found, my own sentences written before any change; first run: 5 of
# 16 opt-outs read, 11 of 19 traps held. "how do you even have my number??" was a 16th opt-out, dropped after
# the run: the writers of sets 25 and 40 both read that question alone as a question, not a request.
PROMPTED_BY_SETS_35_TO_40 = {
    "opt_out": [
        # "cancel" borrowed into German for the texts, the verb last
        "kann man diese Nachrichten irgendwie canceln?",
        "wie kann ich die SMS von euch canceln",
        # an Italian reflexive infinitive with "da", and the passive "essere rimosso dai …"
        "voglio cancellarmi da queste notifiche",
        "come faccio a togliermi da questi messaggi?",
        "preferirei essere tolta dai vostri sms, grazie",
        # cancelling the receiving of the texts
        "gostaria de cancelar o recebimento dessas mensagens",
        "quiero cancelar la recepción de estos mensajes",
        # the number taken off the texts
        "pls take my mum's number off your texts, she passed away",
        "remove this number from your text messages",
        # Dutch "stop met mij te sms'en"
        "stoppen jullie nu eens met mij te sms'en",
        "hou op met me te appen aub",
        # a keyword slip and "right now"
        "stpo rn",
        "stop texting me rn",
        # never signed up for these texts ("how do you have my number?" alone two writers read as a question)
        "I never signed up for these texts",
        # a past cancellation, and the texts still come
        "cancelei a assinatura e ainda recebo mensagens de vocês",
        # two kinds sets 30 and 31 still missed: the Spanish subjunctive, a misspelt "inscrição"
        "le agradecería que no volvieran a escribirme",
        "cancelem minha incrição por favor",
    ],
    "!opt_out": [
        "kann ich die Bestellung noch canceln?",
        "vorrei cancellare l'ordine di ieri, è possibile?",
        "quero cancelar o envio do pedido, errei o endereço",
        "quiero cancelar el envío exprés y pasar al normal",
        "can you remove the gift note from my order?",
        "mijn zoon is gestopt met voetbal, kan ik de schoenen terugsturen?",
        # "plus de … que": a comparison, not "no more texts"
        "vous envoyez plus de SMS que ma banque, mais bon : le sac est dispo en bleu ?",
        "j'ai reçu plus de messages que de colis, où est ma commande ?",
        # "tira" and "me tira" that take nothing away
        "la web me tira error al pagar con tarjeta",
        "o site me tira da página de pagamento toda hora",
        # a past cancellation told to ask about a charge
        "cancelei a assinatura mas cobraram de novo, podem ver?",
        # a product subscription cancelled, the texts explicitly kept
        "cancel my coffee subscription please, not the texts, those are handy",
        "quiero dar de baja el plan de café, los mensajes no",
        "bitte das Kaffee-Abo kündigen, nicht die SMS",
        "quero cancelar a assinatura do café, não as mensagens",
        "résiliez mon abonnement café, mais pas les SMS",
        "disdite l'abbonamento al caffè, non gli sms",
        "zeg mijn koffieabonnement op, niet de sms'jes",
        "I never signed up for an account, can I check out as a guest?",
        "le agradecería que no volvieran a cobrarme el envío",
    ],
}
# Session 8, second round: the kinds blind sets 41–46 found, my own sentences written before the change; first
# run: 4 of 16 opt-outs read, 6 of 9 traps held (the last two added after the change).
PROMPTED_BY_SETS_41_TO_46 = {
    "opt_out": [
        "I would kindly ask you not to send me any more texts, thanks",
        "I'd ask you to stop sending me messages please",
        "je souhaiterais ne plus recevoir de sms de votre part",
        "nous voudrions ne plus recevoir vos messages",
        "BAJA. Es el cuarto mensaje esta semana",
        "STOP. that's the third text today",
        "this is my work phone, dont send your promos to it anymore",
        "kappen met die schoenenreclame!!",
        "bitte kiene SMS mer senden",
        "nich mehr schreiben bitte",
        "hört auf mir zu schreibn",
        "aretez de m'envoyer des sms",
        "cancelatemi da questa lista",
        "kitame de la lista porfa",
        "borrame d la lista plis",
        "stuur me nix meer aub",
        "ALTO, es el segundo mensaje de hoy",
        "kein sms mehr schicken bitte",
    ],
    "!opt_out": [
        "no need to stop the messages, this is my own phone. do you ship to Spain?",
        "pas besoin d'arrêter les sms, c'est mon portable perso. vous livrez en Belgique ?",
        "non c'è bisogno di smettere con gli sms, il telefono è mio. spedite in Austria?",
        "no hace falta que paren los mensajes, el móvil es mío. ¿envían a Francia?",
        "ihr müsst die SMS nicht stoppen, ist mein Handy. Liefert ihr nach Belgien?",
        "não precisa parar as mensagens, o celular é meu. entregam em Portugal?",
        "jullie hoeven de sms'jes niet te stoppen, het is mijn telefoon. leveren jullie in België?",
        "bitte kleine Größe schicken, nicht die große",
        "kannst du mir die kleinere schicken?",
    ],
}
# Session 8, third round: kinds blind sets 47–52 found, my own sentences written before the change; first
# run: 4 of 9 opt-outs read, 3 of 3 traps held.
PROMPTED_BY_SETS_47_TO_52 = {
    "opt_out": [
        "ich will keine nachrichtn mehr bekommen",
        "möchte keine nachrichen mehr bekomen",
        "não quero mais receber mensagen de vocês",
        "je veu plus recevoir vos mesages",
        "ik wil geen berichtn meer ontvange",
        "n qro mais msg de vcs",
        "qro q parem de mandar msg",
        "mio padre non c'è più, non scrivete più a questo numero per favore",
        "non mandate più messaggi a questo telefono",
    ],
    "!opt_out": [
        "non mandate più a Milano? solo a Roma?",
        "do you sell the massage gun? no more massage oil in stock?",
        "the message on the gift card was wrong, can you fix it?",
    ],
}
# Session 9: the kinds blind sets 53–58 found (dialect, Swiss German, Dutch "ge-sms", British slang, dictation
# homophones, "textear", declined and past newsletter unsubscriptions), my own sentences written before any
# change; first run on main 09b51b8: 7 of 36 opt-outs read, 32 of 35 traps held. After the change: 36 of 36,
# 35 of 35. Added after it, marked below: 5 traps (3 false on 09b51b8), then 5 opt-outs and 4 traps the
# change itself got wrong (the 5 opt-outs missed on 09b51b8 too); then a check batch (first run 16 of 18
# read, 13 of 15 held), tuned on with a guard each side. 59 of 59 and 60 of 60 now.
PROMPTED_BY_SETS_53_TO_58 = {
    "opt_out": [
        # Bavarian and Austrian: the phone no longer theirs, "don't write here any more"; "leave me in peace"
        "des is ned mei handy nimma, schreibts do nimma her",
        "de nummer ghört nimma mir, schreibts ned do her",
        "des is ned mei nummer, bittschön nimma herschreibn",
        "lassts mi in ruah mit eure SMS",
        "lasst's mi endlich in ruah mit eire nachrichten",
        "schreibts ma nimma, i mog des ned",
        # Swiss German: "could you stop writing to me", "no longer my number, send nothing more"
        "chönd ihr bitte ufhöre mir z schriibe",
        "chönnted Sie bitte ufhöre, mir SMS z schicke",
        "das isch nümme mini nummer, bitte schicked nüt meh",
        "das Handy ghört nümme mir, bitte nüt meh schicke",
        "bitte nümme schriibe, merci",
        # Dutch "ge-sms", "hou eens op met", never asked for it
        "hou eens op met dat ge-sms",
        "stop eens met dat eeuwige ge-sms, ik heb er nooit om gevraagd",
        "kappen met dat ge-sms aub",
        "hou eens op met die sms'jes, nooit om gevraagd",
        # someone else's number, then a bare stop verb with an abbreviation
        "dit is het nummer van mijn oma, ze snapt die berichten niet. stoppen a.u.b.",
        "dit nummer is van mijn opa, hij begrijpt er niks van. Stoppen aub",
        "het is de telefoon van mijn moeder, zij heeft hier niks aan. stoppen pls",
        "c'est le numéro de ma grand-mère, elle ne comprend pas vos messages. arrêtez svp",
        "questo è il numero di mia nonna, non capisce i messaggi. basta per favore",
        # British slang
        "pack it in with the texts mate",
        "pack it in with these messages, not interested",
        "oi, pack in the texts, no more",
        # a parent's old number, "doesn't need … texts, remove it"
        "this was my dad's old number, he doesn't need sofa texts, remove it please",
        "this used to be my mum's number and she doesn't need garden furniture texts, please remove the "
        "number",
        "it's my late father's old phone, he won't need any more mattress texts, remove it pls",
        # voice dictation: "Meer" for "mehr", "b" for "v", infinitive for the imperative
        "bitte keine SMS Meer",
        "ich will keine Nachrichten Meer bekommen",
        "schreibt mir nicht Meer",
        "no me escrivan mas por favor",
        "dejen de escrivirme",
        "arrêter de m'envoyer des messages s'il vous plaît",
        # Latin-American "textear"
        "dejen de textearme",
        "ya no me texteen por favor",
        "no me textees más",
        "paren de textear a este número",
        # added after the first change, my own (none read before it): the phone that won't stop going off
        "mi celular no para de sonar con sus mensajes, ya basta",
        "mon téléphone n'arrête pas de sonner avec vos sms, ça suffit",
        "il mio telefono non smette di suonare per i vostri messaggi, basta",
        "meu celular não para de apitar com essas mensagens, chega",
        "this is my son's number, remove the number please",
        # check batch, written after the changes above to see how far they reach (first run: 16 of 18 read,
        # 13 of 15 traps held below; then tuned on too)
        "des handy ghört jetzt mir, schreibts bitte nimma",
        "lasst's mi doch in ruah mit dem ganzen werbezeugs",
        "hörts auf mit dene sms, i mog nimma",
        "tüend Sie mir bitte kei SMS meh schicke",
        "isch nümme mis Natel, bitte nüme schriibe",
        "chönd Sie mich bitte us de Liste neh",
        "hou nou eens op met dat gespam",
        "kap eens met dat ge-app",
        "dit is de gsm van mijn vader, hij snapt er niks van. stoppen svp",
        "knock it off with the texts mate, cheers",
        "give it a rest with the messages, not interested",
        "this was my nan's number, she passed, delete the number please",
        "bitte keine Werbung Meer",
        "ich möchte keine SMS Meer",
        "deja de textearme porfa",
        "no me texteen más a este número",
        "ya no me textees",
        # guards for the tuning on the check batch
        "déjà désinscrite de vos sms et ils arrivent encore",
    ],
    "!opt_out": [
        # dialect words in ordinary sentences
        "de jackn passt ma nimma, kann i de umtauschn?",
        "schreibts ma bitte, wann des packerl kimmt",
        "lassts mi wissn, obs de schuah in 42 gibt",
        "chönd ihr mir bitte schriibe, wänn s Päckli chunnt?",
        "ich ha nüt meh ghört vo mim Päckli, wo isch es?",
        "das Modell gits nümme? schad",
        # "ge-sms", "never asked", someone else's number, "stoppen" of something else
        "het ge-sms van de bezorger was handig, wanneer komt het pakket?",
        "ik heb nooit om een factuur gevraagd maar wil er nu wel een, kan dat?",
        "dit is het nummer van mijn oma, kunnen jullie het pakket bij haar bezorgen?",
        "stoppen jullie met de zomercollectie? ik zoek nog die jurk",
        # packing, removing it from an order, an old number that is still wanted
        "can you pack it in a gift box mate?",
        "pack it in bubble wrap please, it broke last time",
        "my dad doesn't need the large one, can you remove it from the order please?",
        "remove it from my basket please, the blue one, keep the rest",
        # "Meer" as the sea, "massages", a misspelt request TO write
        "wir fahren ans Meer, könnt ihr das Paket vorher liefern?",
        "gibt es die Tasse mit dem Meer-Motiv noch?",
        "no more massages at the spa? I bought the voucher last month",
        "escrivanme cuando llegue el pedido porfa",
        # "textear" asked for, and a relative who does not stop texting
        "¿me pueden textear cuando llegue el pedido?",
        "textéame el código de seguimiento porfa",
        "mi hija no deja de textearme sobre ese vestido, ¿hay en talla M?",
        # added after the first run (three of them were false opt-outs on it): someone of the shopper's who
        # keeps writing to them
        "my daughter won't stop texting me about that dress, do you have it in M?",
        "mia figlia non smette di scrivermi di quel vestito, c'è la M?",
        "minha filha não para de me mandar mensagem sobre esse vestido, tem M?",
        "meine Tochter hört nicht auf, mir wegen dem Kleid zu schreiben, gibt es M?",
        "ma fille n'arrête pas de m'écrire pour cette robe, vous l'avez en M ?",
        # added after the first change (it read all four as opt-outs): someone else's number, then an order
        # cancelled, a question, or an "it" that is the thing ordered
        "this is my husband's phone, he ordered the lamp. remove it please",
        "c'est le numéro de ma femme, elle a commandé. annuler",
        "dit is het nummer van mijn vrouw, zij heeft besteld. stoppen?",
        "questo è il numero di mio marito, ha ordinato lui. basta così?",
        # check batch (see the opt-outs)
        "Tranquilo, no me quiero desuscribir, solo quería saber el precio",
        "I'm not going to unsubscribe, just tell me when it ships",
        "ich hab mich schon vom Newsletter abgemeldet, gilt der Rabattcode noch?",
        "je me suis déjà désabonné de la newsletter, le code promo est encore valable ?",
        "già disiscritto dalla newsletter, il codice sconto vale?",
        "já me descadastrei da newsletter, o cupom ainda vale?",
        "me di de baja del boletín hace un mes, ¿el cupón todavía sirve?",
        "ik ben al afgemeld voor de nieuwsbrief, geldt de code nog?",
        "already unsubscribed from the newsletter, is the code still good?",
        "unsubscribed from your newsletter last year, does the welcome code still work?",
        "ya me desuscribí del boletín, ¿sigue el descuento?",
        "déjà désinscrite de la newsletter, le code marche ?",
        "schon vom Newsletter abgemeldet, gilt der Code noch?",
        "já saí da newsletter, o cupom vale?",
        "al afgemeld voor de nieuwsbrief, werkt de kortingscode nog?",
        # guard for the tuning on the check batch
        "kei leuk die jurk, hebben jullie hem in M?",
        # an unsubscribe declined, a question instead
        "I don't want to unsubscribe from the newsletter, I just want to know when the sale starts",
        "no me quiero dar de baja de la newsletter, nomás quiero saber cuándo llega mi pedido",
        "je ne veux pas me désabonner de la newsletter, je voudrais juste savoir si la veste revient",
        "ich will mich nicht vom Newsletter abmelden, ich will nur wissen, ob die Lampe wieder kommt",
        "non voglio disiscrivermi dalla newsletter, volevo solo sapere i tempi di consegna",
        "não quero me descadastrar da newsletter, só queria saber se tem frete grátis",
        "ik wil me niet afmelden voor de nieuwsbrief, ik wil alleen weten wanneer de uitverkoop begint",
        # a past unsubscription from the newsletter, then a question about a discount
        "I already cancelled my newsletter subscription, is the 10% coupon still valid?",
        "ya cancelé mi suscripción al boletín, ¿sigue valiendo el cupón?",
        "j'ai déjà résilié mon abonnement à la newsletter, le code promo marche encore ?",
        "hab das Newsletter-Abo schon gekündigt, gilt der Gutschein trotzdem noch?",
        "ho già disdetto l'iscrizione alla newsletter, il coupon vale ancora?",
        "já cancelei a inscrição da newsletter, o cupom ainda vale?",
        "ik heb de nieuwsbrief al opgezegd, is de kortingscode nog geldig?",
    ],
}
# Session 9's second round: the kinds blind sets 59-64 found (a relative's old number with "delete it and send
# nothing more"; a question about cancelling a subscription; "if I unsubscribe from the newsletter"), my own
# sentences written before any change; first run on main a3dced7: 5 of 7 opt-outs read, 2 of 6 traps held.
PROMPTED_BY_SETS_59_TO_64 = {
    "opt_out": [
        "this was my grandad's number, he's in a care home now. please delete it and send nothing more",
        "Das war die Nummer von meinem Opa, er ist im Pflegeheim. Bitte löschen und nix mehr schicken",
        "es el número viejo de mi abuela, bórrenlo y no manden nada más por favor",
        "c'est l'ancien numéro de ma grand-mère, supprimez-le et n'envoyez plus rien svp",
        "è il vecchio numero di mia nonna, cancellatelo e non mandate più niente",
        "é o número antigo da minha avó, apaguem e não mandem mais nada",
        "dit is het oude nummer van mijn oma, verwijder het en stuur niks meer",
    ],
    "!opt_out": [
        "Kann man das Vitamin-Abo jederzeit kündigen?",
        "can I cancel the coffee subscription any month?",
        "se puede cancelar la suscripción cuando quiera?",
        "if I unsubscribe from the newsletter do I lose my welcome code?",
        "si me doy de baja del boletín pierdo el cupón?",
        "als ik me afmeld voor de nieuwsbrief, vervalt dan mijn code?",
    ],
}
PROMPTED_BY_BLIND_SETS = (
    ("set8", PROMPTED_BY_SET_8),
    ("set9", PROMPTED_BY_SET_9),
    ("set10", PROMPTED_BY_SET_10),
    ("set11", PROMPTED_BY_SET_11),
    ("set12", PROMPTED_BY_SET_12),
    ("set13", PROMPTED_BY_SET_13),
    ("set14", PROMPTED_BY_SET_14),
    ("sets15-16", PROMPTED_BY_SETS_15_AND_16),
    ("sets17-18", PROMPTED_BY_SETS_17_AND_18),
    ("set19", PROMPTED_BY_SET_19),
    ("noticed", NOTICED_IN_SESSION_5),
    ("sets20-22", PROMPTED_BY_SETS_20_TO_22),
    ("sets23-25", PROMPTED_BY_SETS_23_TO_25),
    ("sets26-28", PROMPTED_BY_SETS_26_TO_28),
    ("sets29-34", PROMPTED_BY_SETS_29_TO_34),
    ("sets29-34-again", PROMPTED_BY_SETS_29_TO_34_AGAIN),
    ("sets29-34-third", PROMPTED_BY_SETS_29_TO_34_THIRD),
    ("sets35-40", PROMPTED_BY_SETS_35_TO_40),
    ("sets41-46", PROMPTED_BY_SETS_41_TO_46),
    ("sets47-52", PROMPTED_BY_SETS_47_TO_52),
    ("sets53-58", PROMPTED_BY_SETS_53_TO_58),
    ("sets59-64", PROMPTED_BY_SETS_59_TO_64),
)
# Cases left failing on purpose, with why; strict, so a fix shows up.
KNOWN = {
    "can we not do the reminder texts anymore": "'not … texts anymore' is also 'I'm not getting the texts "
    "anymore' (a delivery complaint); no shape tells them apart without reading the verb",
    "basta per favore non ne posso più": "a common-word keyword ('basta' is also 'enough') with 'please' "
    "and a remark: 'basta per favore, dimmi il prezzo' reads the same",
}
CASES = [
    pytest.param(
        text,
        expected,
        id=f"{language}-{'trap' if expected.startswith('!') else 'optout'}-{index}",
        marks=[pytest.mark.xfail(strict=True, reason=KNOWN[text])] if text in KNOWN else [],
    )
    for table, expected in ((OPT_OUTS, "opt_out"), (TRAPS, "!opt_out"))
    for language, texts in table.items()
    for index, text in enumerate(texts)
] + [
    pytest.param(
        text,
        expected,
        id=f"{batch}-{expected.lstrip('!')}-{index}",
        marks=[pytest.mark.xfail(strict=True, reason=KNOWN[text])] if text in KNOWN else [],
    )
    for batch, table in PROMPTED_BY_BLIND_SETS
    for expected, texts in table.items()
    for index, text in enumerate(texts)
]


def test_the_corpus_is_broad_in_every_language():
    # then: at least 25 opt-outs and 20 traps in each of the seven languages
    assert set(OPT_OUTS) == set(TRAPS) == {"en", "es", "fr", "de", "it", "pt", "nl"}
    assert all(len(texts) >= 25 for texts in OPT_OUTS.values())
    assert all(len(texts) >= 20 for texts in TRAPS.values())


@pytest.mark.django_db
@pytest.mark.parametrize(("text", "expected"), CASES)
def test_an_opt_out_is_read_as_one_and_a_trap_is_not(route_text, text, expected):  # noqa: F811
    # when
    label = route_text(text)

    # then
    if expected.startswith("!"):
        assert label != expected[1:], f"{text!r}: a trap read as {label}"
    else:
        assert label == expected, f"{text!r}: an opt-out read as {label}"


# Session 10: opt-outs the router missed, my own sentences written before any change: asking how to turn the
# texts off, asking how to make them stop coming (slang; "llegar" alone reads as a delivery), and spoken or
# dialect forms of "stop writing to me". The traps turn off or stop something else, or complain that orders
# stop arriving.
# first run on ec5bcaf: 44/76 opt-outs read as opt-outs (32 missed: 25 as fallback, 4 Shipping, 2 Order
# status, 1 Sizing), 23/23 traps held.
SESSION_10_OPTOUTS = {
    "en": [
        "how do I turn these texts off",
        "how do i switch off these msgs?",
        "hw do u turn off the txts lol",
        "how can I disable these notifications",
        "how do I shut these messages off?",
        "how do i make these texts stop coming",
        "how do i get these msgs to stop",
        "how do I get them to stop coming?",
        "quit textin me already",
        "stop textin me fr",
        "y'all need to stop messagin me",
    ],
    "es": [
        "¿cómo los desactivo?",
        "como desactivo estos mensajes",
        "¿cómo apago las notificaciones de sus sms?",
        "como hago para desactivar los msjs",
        "¿cómo hago pa que dejen de llegar estos msjs?",
        "como le hago para que ya no me lleguen",
        "qué hago para que no me lleguen más sus mensajes",
        "como hago q dejen d llegarme",
        "paren de escribirme ya",
        "dejen d escribirme ya porfa",
        "ya paren con los mensajitos wey",
    ],
    "fr": [
        "comment je désactive ces sms ?",
        "comment on désactive vos messages ?",
        "comment désactiver les notifs sms",
        "comment je coupe vos textos ?",
        "comment faire pour que ça arrête d'arriver",
        "comment je fais pour que vos textos arrêtent",
        "comment faire pour plus recevoir vos sms",
        "arrêtez d'm'écrire",
        "arrete de m ecrire stp",
        "arrêtez d'me spammer",
        "arrêtez d'm'envoyer des sms",
    ],
    "de": [
        "wie stell ich die SMS ab?",
        "wie schalte ich diese Nachrichten aus?",
        "wie deaktivier ich eure SMS",
        "wie kann ich das abstellen mit den sms",
        "wie krieg ich das hin, dass die SMS aufhören?",
        "wie mach ich, dass die nachrichten nicht mehr kommen",
        "hörn se auf mir zu schreiben",
        "hör'n Sie auf, mir zu schreiben",
        "hörts auf mit dem Geschreibe",
        "hörts auf mi anzuschreiben",
        "hört mal auf mir dauernd zu schreiben",
    ],
    "it": [
        "come disattivo questi messaggi?",
        "come si disattivano sti sms",
        "come faccio a disattivare le notifiche?",
        "come li disattivo?",
        "come faccio a non farli arrivare più",
        "come faccio a farli smettere",
        "che devo fare per non farmi arrivare più sms",
        "smettetela di scrivermi",
        "smettetela de scrivemme",
        "la smettete di scrivermi?",
        "finitela di mandarmi sti messaggi",
    ],
    "pt": [
        "como desativo essas mensagens?",
        "como faço pra desativar esses sms",
        "como eu desligo essas notificações?",
        "como faço pra parar de chegar essas msg",
        "como faço pra essas mensagens pararem de chegar",
        "o que eu faço pra não chegar mais sms de vcs",
        "parem de me escrever",
        "para de me mandar msg pô",
        "para de me encher com essas mensagem",
        "parem d me escreve",
    ],
    "nl": [
        "hoe kan ik deze berichten uitzetten?",
        "hoe kan ik deze berichten stopzetten",
        "hoe kan ik die sms'jes afzetten?",
        "hoe zet ik die berichten uit",
        "hoe kan ik die meldingen uitschakelen",
        "hoe zorg ik dat die berichten ophouden?",
        "hoe krijg ik het voor elkaar dat die sms'jes stoppen",
        "hou op met sms'en",
        "hou nou eens op met dat ge-app",
        "kappe nou met die sms'jes",
        "stop is met me te appen",
    ],
}
SESSION_10_TRAPS = {
    "en": [
        "how do I turn off the light on the amp?",
        "how do I switch off the treadmill's beeping?",
        "my parcels keep arriving late, make it stop",
        "how do i stop the bike chain squeaking?",
    ],
    "es": [
        "que dejen de llegar tarde los pedidos, por favor",
        "¿cómo apago la luz del amplificador?",
        "como hago para que el paquete llegue antes?",
        "¿cómo desactivo el pitido de la cinta de correr?",
    ],
    "fr": [
        "comment je désactive le bip du tapis de course ?",
        "comment faire pour que le colis arrive plus vite ?",
        "comment on éteint la lumière de l'ampli ?",
    ],
    "de": [
        "hören Sie auf zu zweifeln, ich bestelle",
        "wie schalte ich den Timer aus?",
        "wie stell ich den Piepton am Laufband ab?",
    ],
    "it": [
        "come disattivo il timer del tapis roulant?",
        "come faccio a farli arrivare prima?",
        "come spengo la luce dell'amplificatore?",
    ],
    "pt": [
        "como desativo o bipe da esteira?",
        "como faço pra chegar mais rápido?",
        "parem de atrasar minhas entregas",
    ],
    "nl": [
        "hoe zet ik de timer uit?",
        "hoe kan ik het lampje van de versterker uitzetten?",
        "hoe zorg ik dat het pakket sneller komt?",
    ],
}
# Traps added after the first run, found while reading the code: a device's own notifications or reminders
# ("on the watch", "am Laufband", "de la montre") and a thing named before "how do I turn it off?" were false
# opt-outs on ec5bcaf; the late deliveries, e-mails and pop-ups that stop arriving held there and guard the
# new "how do I make them stop arriving" reading.
# ... and, with them, the shop or the phone named ("i messaggi del negozio", "as mensagens da loja" were
# missed on ec5bcaf; the other two held and guard the device reading above).
SESSION_10_OPTOUTS_AFTER_THE_FIRST_RUN = [
    "come disattivo i messaggi del negozio?",
    "como desativo as mensagens da loja?",
    "comment désactiver les sms de la boutique",
    "wie stelle ich die SMS am Handy ab",
]
SESSION_10_TRAPS_AFTER_THE_FIRST_RUN = [
    "the metronome keeps beeping, how do I turn it off?",
    "how do I stop the reminders on the watch",
    "how can I turn off the workout reminders in the app",
    "how do I make the parcels stop arriving late?",
    "¿cómo desactivo las notificaciones de la app de la caminadora?",
    "como hago para que los pedidos no lleguen tarde?",
    "comment désactiver les notifications de la montre ?",
    "comment faire pour que les colis arrêtent d'arriver abîmés ?",
    "how do I make the emails stop coming?",
    "how do I make the popup stop showing up?",
    "wie schalte ich die Erinnerungen am Laufband aus?",
    "come disattivo le notifiche dell'app del tapis roulant?",
    "hoe zet ik de meldingen op het horloge uit?",
    "hoe zet ik de meldingen van de fietscomputer uit?",
]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "text",
    [
        pytest.param(text, id=f"session10-{language}-optout-{index}")
        for language, texts in SESSION_10_OPTOUTS.items()
        for index, text in enumerate(texts)
    ]
    + [
        pytest.param(text, id=f"session10-after-first-run-optout-{index}")
        for index, text in enumerate(SESSION_10_OPTOUTS_AFTER_THE_FIRST_RUN)
    ],
)
def test_a_session_10_opt_out_is_read_as_one(route_text, text):  # noqa: F811
    # when
    label = route_text(text)

    # then
    assert label == "opt_out", f"{text!r}: an opt-out read as {label}"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "text",
    [
        pytest.param(text, id=f"session10-{language}-trap-{index}")
        for language, texts in SESSION_10_TRAPS.items()
        for index, text in enumerate(texts)
    ]
    + [
        pytest.param(text, id=f"session10-after-first-run-trap-{index}")
        for index, text in enumerate(SESSION_10_TRAPS_AFTER_THE_FIRST_RUN)
    ],
)
def test_a_session_10_trap_is_not_an_opt_out(route_text, text):  # noqa: F811
    # when
    label = route_text(text)

    # then
    assert label != "opt_out", f"{text!r}: a trap read as {label}"


# "Send me nothing" as the whole reply, with or without "until further notice" (snooze7 found them unread: a
# time makes a pause, but no time is still an opt-out). Traps: something named that is not to be sent, or
# a time (a pause). First run on 2053c46 (before the change): 4/22 opt-outs read, 6/8 traps as labelled (one
# a false opt-out, "stuur me geen foto's meer van de tent"; one a pause before a weekday read as nothing).
# 30/30 now.
SEND_NOTHING_OPTOUTS = [
    "send me nothing",
    "ok thanks, send me nothing",
    "no messages please",
    "no texts until further notice",
    "ne m'envoyez rien",
    "Ne m'envoyez rien svp",
    "ne m'envoyez rien jusqu'à nouvel ordre",
    "ne m'envoyez rien tant que je ne vous le demande pas",
    "pas de sms merci",
    "Schickt mir nichts",
    "bitte keine Nachrichten bis auf weiteres",
    "no me manden nada hasta nuevo aviso",
    "nada de mensajes, gracias",
    "non mandatemi niente fino a nuovo avviso",
    "niente messaggi grazie",
    "não me mandem nada",
    "nao me mandem nada ate segunda ordem",
    "por favor não me mandem nada",
    "sem mensagens obrigado",
    "stuur me niks tot nader order",
    "geen berichten aub",
    "stuur me niets",
]
SEND_NOTHING_TRAPS = [
    ("ne m'envoyez rien par la poste, je passe en boutique", "fallback"),
    ("send me nothing but the tracking link", "rule:Order status"),
    ("schickt mir keine Rechnung auf Papier", "fallback"),
    ("stuur me geen foto's meer van de tent, wel de prijs", "fallback"),
    ("não me mandem nada até sexta", "snooze"),
    ("no messages for a month please", "snooze"),
    ("ne m'envoyez rien avant lundi svp", "snooze"),
    ("no messages about the sale please, just the order", "rule:Discount"),
    # the texts spared, as their own clause (a first version of this change read "nicht die SMS" at a clause's
    # end as "no texts": two of set 40's replies went wrong in the held-out check)
    ("Bitte das Tee-Abo kündigen, nicht die SMS, die sind ok", "escalation"),
    ("cancel my coffee subscription, not the texts, those are fine", "escalation"),
    ("annulez l'abonnement café, pas les sms, elles sont utiles", "escalation"),
]


# Kinds the second round of session 10's blind sets missed, in fresh words: a slipped "stop" right before
# sending or texting the shopper, "how do I not get any more of these messages" with a demonstrative, Flemish
# "nie meer" (not German "nie", never). Traps: an item after the slip, a parcel "nie meer" sent somewhere.
# First run on b1e9216 (before the change): 0/7 opt-outs read, 4/4 traps as labelled; 11/11 now.
SLIPS_AND_FORMS_OPTOUTS = [
    "stp sending me these, thx",
    "Stip texting me pls",
    "stpo messaging me",
    "¿cómo hago para no recibir más estos sms?",
    "como hago para no recibir mas sus mensajes",
    "nie meer sturen aub",
    "nie meer smsen graag",
]
SLIPS_AND_FORMS_TRAPS = [
    ("stp sending me the wrong colour", "fallback"),
    ("nie meer sturen naar mijn oude adres, ik ben verhuisd", "rule:Shipping"),
    ("bitte keine Nachrichten Meer", "opt_out"),
    ("¿cómo hago para no recibir más cargos en la tarjeta?", "escalation"),
]


@pytest.mark.django_db
@pytest.mark.parametrize("text", SEND_NOTHING_OPTOUTS + SLIPS_AND_FORMS_OPTOUTS)
def test_send_me_nothing_a_slip_or_a_regional_form_is_an_opt_out(route_text, text):  # noqa: F811
    # when
    label = route_text(text)

    # then
    assert label == "opt_out", f"{text!r}: an opt-out read as {label}"


@pytest.mark.django_db
@pytest.mark.parametrize(("text", "expected"), SEND_NOTHING_TRAPS + SLIPS_AND_FORMS_TRAPS)
def test_a_thing_a_time_or_a_parcel_named_is_no_opt_out(route_text, text, expected):  # noqa: F811
    # when
    label = route_text(text)

    # then
    assert label == expected, f"{text!r}: expected {expected}, got {label}"


# Session 11 (optout9): formal, hedged "I no longer wish to receive them" from older shoppers, the texts as a
# pronoun only ("je ne souhaite plus les recevoir", "non desidero riceverne altri"); a wrong number said
# hesitantly ("creo que se equivocaron de número", "acho que é engano", "verkeerd nummer denk ik") or a number
# now someone else's with a bare "stop"; Flemish "ge moogt mij nie meer sms'en"; "how did you get my number?"
# with a request to delete it or stop. Traps: a wrong size, a wrong phone number given on an order, an item no
# longer wished for, "who is this?". My own sentences, written before any change.
# first run on f639b5d: 62/105 right: 25/65 opt-outs read (40 missed), 37/40 traps held (3 false opt-outs:
# "the wrong number for the delivery" in en, de, nl); the seven who-and-how questions read as opt-outs (kept,
# below). After the run, pt "acho que foi engano" (missed) became "é engano" ("foi engano" is also "it was
# a mistake", the cart) and "foi engano, cliquei sem querer" a trap. 106/106 now.
SESSION_11_OPTOUTS = {
    "en": [
        "Good afternoon. I am not quite sure how one answers these, but I no longer wish to receive them. "
        "Kind regards, Margaret",
        "I do not wish to receive these any longer, thank you.",
        "i no longer wish to get them thanks",
        "I think you've got the wrong number",
        "sorry i think u have the wrong number",
        "you must have the wrong number dear, I never shopped there",
        "this number belongs to my daughter now, please stop",
        "this is my son's number now, stop it",
        "how did you get my number? delete it",
        "where did you get my number from? stop texting me",
    ],
    "es": [
        "Buenas tardes. No sé bien cómo se contesta a esto, pero no deseo recibir más mensajes. Gracias. "
        "Carmen",
        "no deseo recibirlos más, gracias",
        "ya no deseo recibirlos",
        "perdona, creo que os habéis equivocado de número",
        "creo que se equivocaron de numero",
        "disculpe, se ha equivocado de número",
        "este número ahora es de mi hija, paren por favor",
        "este numero ya es de mi hijo, paren",
        "de dónde sacaron mi número? bórrenlo",
        "como consiguieron mi numero?? no me escriban mas",
    ],
    "fr": [
        "Bonjour. Je ne sais pas trop comment on répond à ces messages, mais je ne souhaite plus les "
        "recevoir. Merci. Monique",
        "je ne souhaite plus les recevoir merci",
        "je ne souhaite plus en recevoir",
        "je ne désire plus les recevoir, cordialement",
        "je crois que vous vous êtes trompés de numéro",
        "vous vous etes trompe de numero je pense",
        "ce numéro est maintenant celui de mon fils, arrêtez svp",
        "ce numéro appartient désormais à ma fille, arrêtez",
        "comment vous avez eu mon numéro ? supprimez-le",
    ],
    "de": [
        "Guten Tag. Ich weiß nicht recht, wie man hierauf antwortet, aber ich möchte diese Nachrichten nicht "
        "mehr erhalten. Mit freundlichen Grüßen, Helga",
        "ich möchte sie nicht mehr erhalten, danke",
        "Ich wünsche diese nicht länger zu erhalten.",
        "falsche Nummer, glaube ich",
        "Sie haben sich wohl in der Nummer geirrt",
        "ich glaube Sie haben die falsche Nummer",
        "diese Nummer gehört jetzt meinem Sohn, hören Sie bitte auf",
        "woher habt ihr meine Nummer überhaupt? hört auf mir zu schreiben",
    ],
    "it": [
        "Buongiorno. Non so bene come si risponde a questi messaggi, ma non desidero riceverne altri. "
        "Grazie. Giuseppe",
        "non desidero più riceverli, grazie",
        "non desidero riceverne altri",
        "credo che abbiate sbagliato numero",
        "avete sbagliato numero",
        "guardi che ha sbagliato numero",
        "questo numero ora è di mio figlio, smettetela",
        "questo numero adesso è di mia figlia, basta",
        "come avete avuto il mio numero? cancellatelo",
    ],
    "pt": [
        "Boa tarde. Não sei bem como se responde a isto, mas não desejo recebê-las mais. Obrigada. Lurdes",
        "nao desejo recebe-las mais obg",
        "não desejo receber mais",
        "acho que é engano, não conheço essa loja",
        "desculpe, é engano",
        "vocês erraram o número",
        "esse número agora é do meu filho, parem",
        "este número agora é da minha filha, parem por favor",
        "como vcs conseguiram meu número? apaguem",
    ],
    "nl": [
        "Goedemiddag. Ik weet niet goed hoe je hierop antwoordt, maar ik wens deze berichten niet langer te "
        "ontvangen. Met vriendelijke groet, Henk",
        "ik wens ze niet langer te ontvangen",
        "ik wens ze niet meer te ontvangen, dank u",
        "verkeerd nummer denk ik",
        "u heeft het verkeerde nummer volgens mij",
        "ge moogt mij nie meer sms'en",
        "gij moogt me nie meer sturen",
        "sms'en mag niet meer",
        "ge moogt me geen berichten meer sturen",
        "dit nummer is nu van mijn zoon, stoppen aub",
    ],
}
SESSION_11_TRAPS = {
    "en": [
        "wrong size sent, can I swap it?",
        "I gave the wrong number for the delivery, can I change it?",
        "the phone number on my order is wrong",
        "I no longer wish to receive the blue one, send the red please",
        "who is this?",
        "how do you have my number?",
    ],
    "es": [
        "me mandaron la talla equivocada",
        "me equivoqué de número al poner el teléfono en el pedido, ¿puedo cambiarlo?",
        "el número de teléfono de mi pedido está mal",
        "ya no deseo recibir el azul, mándenme el rojo",
        "me equivoqué de talla, ¿puedo cambiarla?",
        "¿quién es?",
    ],
    "fr": [
        "je me suis trompée de numéro en passant commande, je peux le corriger ?",
        "le numéro de téléphone sur ma commande est faux",
        "je ne souhaite plus recevoir le bleu, envoyez le rouge",
        "vous m'avez envoyé la mauvaise taille",
        "c'est qui ?",
    ],
    "de": [
        "ich möchte die Jacke nicht mehr, kann ich sie zurückgeben?",
        "ich habe bei der Bestellung die falsche Nummer angegeben, kann ich sie ändern?",
        "die Telefonnummer in meiner Bestellung ist falsch",
        "falsche Größe geliefert",
        "ich möchte die blaue nicht mehr erhalten, schickt mir die rote",
        "wer ist das?",
    ],
    "it": [
        "ho sbagliato numero di telefono nell'ordine, posso correggerlo?",
        "il numero di telefono sull'ordine è sbagliato",
        "mi avete mandato la taglia sbagliata",
        "non desidero più ricevere il blu, mandatemi il rosso",
        "chi è?",
    ],
    "pt": [
        "errei o número de telefone no pedido, posso trocar?",
        "o número de telefone do meu pedido está errado",
        "mandaram o tamanho errado",
        "não desejo mais receber o azul, mandem o vermelho",
        "foi engano meu, queria o tamanho M",
        "foi engano, cliquei sem querer",
        "quem é?",
    ],
    "nl": [
        "ik heb een verkeerd nummer opgegeven bij de bestelling, kan ik dat aanpassen?",
        "het telefoonnummer op mijn bestelling klopt niet",
        "verkeerde maat gestuurd",
        "ik wens de blauwe niet langer te ontvangen, stuur de rode",
        "ge moogt het pakket nie meer sturen naar mijn oud adres",
        "wie is dit?",
    ],
}
# Traps written after the first run while probing the new rules: an item "got" (bought), a courier's or a
# tracking link's wrong number, a wrong number of items or a shoe size sent, "é engano" about a price, a
# parcel not wanted at home or on an order, a number now someone else's without a stop. On f639b5d 5 of these
# 12 were false opt-outs ("wrong number" and "numero sbagliato" read anywhere); 12/12 held now.
SESSION_11_TRAPS_AFTER_THE_FIRST_RUN = [
    "I no longer want to get them in black, do you have navy?",
    "I think the courier has the wrong number, he can't reach me",
    "you sent the wrong number of items",
    "wrong number on the tracking link?",
    "o preço é engano?",
    "foi engano, cliquei sem querer",
    "mi avete mandato il numero sbagliato, volevo il 39",
    "ya no quiero recibirlos en casa, mejor recojo en tienda",
    "ich möchte sie nicht mehr bekommen, bitte die Bestellung stornieren",
    "le livreur a le mauvais numéro, il ne peut pas m'appeler",
    "sturen mag niet meer naar dat adres",
    "this number is now my daughter's, can you deliver to her?",
]
# Who the sender is and how they got the number, with no request to stop: held-out sets 25 and 80 label it
# fallback, but the product reads "how did you get my number" and "who gave you my number" as revocations
# (docs/conversations.md; OPT_OUTS "who gave you my number??", "woher habt ihr meine nummer?", "qui vous a
# donné mon numéro ?"; labelled_replies.json "how did you get my number??"). Kept as the convention says; a
# conflict for the product to settle, so strict xfails that show when it is settled the other way.
SESSION_11_WHO_AND_HOW = [
    "who is this and how did you get my number?",
    "de dónde sacaron mi número?",
    "Qui êtes-vous et comment avez-vous eu mon numéro ?",
    "woher haben Sie eigentlich meine Nummer?",
    "chi siete e come avete avuto il mio numero?",
    "quem são vocês e onde conseguiram meu número?",
    "wie zijn jullie en hoe komen jullie aan mijn nummer?",
]
_WHO_AND_HOW_CONFLICT = (
    "the product reads 'how did you get / who gave you my number' as a revocation (docs/conversations.md, "
    "OPT_OUTS); held-out sets 25 and 80 label the bare question fallback: kept, reported"
)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "text",
    [
        pytest.param(text, id=f"session11-{language}-optout-{index}")
        for language, texts in SESSION_11_OPTOUTS.items()
        for index, text in enumerate(texts)
    ],
)
def test_a_session_11_opt_out_is_read_as_one(route_text, text):  # noqa: F811
    # when
    label = route_text(text)

    # then
    assert label == "opt_out", f"{text!r}: an opt-out read as {label}"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "text",
    [
        pytest.param(text, id=f"session11-{language}-trap-{index}")
        for language, texts in SESSION_11_TRAPS.items()
        for index, text in enumerate(texts)
    ]
    + [
        pytest.param(text, id=f"session11-after-first-run-trap-{index}")
        for index, text in enumerate(SESSION_11_TRAPS_AFTER_THE_FIRST_RUN)
    ]
    + [
        pytest.param(
            text,
            id=f"session11-who-and-how-{index}",
            marks=pytest.mark.xfail(strict=True, reason=_WHO_AND_HOW_CONFLICT),
        )
        for index, text in enumerate(SESSION_11_WHO_AND_HOW)
    ],
)
def test_a_session_11_trap_is_not_an_opt_out(route_text, text):  # noqa: F811
    # when
    label = route_text(text)

    # then
    assert label != "opt_out", f"{text!r}: a trap read as {label}"


# Session 12 (optout10): a carrier keyword closing an exasperated sentence ("ok but seriously STOP", "vale
# pero en serio BAJA", "jetzt echt STOPP"), German written without umlauts ("hoert auf mir zu schreiben",
# "hort auf mir zu schreiben"), an old phone now someone else's with "stop texting this number", Brazilian
# slang ("sai fora com essas msg", "vaza com essas mensagens"). Not-now replies that ask to be texted later
# are pauses, never opt-outs ("hoje não, me manda msg semana que vem"). Traps: stop looking, stop by the
# shop, an old number on an order, a discount not to stop, a text asked for when the parcel arrives. My own
# sentences, written before any change.
# first run on 92bfb54: 78/105 right: 31/55 opt-outs read (24 missed: 23 as fallback, "ok but seriously
# STOP" as escalation), 35/36 traps held ("el número viejo de mi pedido está mal" a false opt-out), 12/14
# pauses ("hoje não, me manda msg semana que vem" a false opt-out, "heute nicht, schreibt mir naechste
# woche" a fallback). 105/105 after the change on 69e7986, with the 26 written after the first run.
SESSION_12_OPTOUTS = {
    "en": [
        "ok but seriously STOP",
        "fine whatever, STOP",
        "omg seriously STOP",
        "for real this time STOP",
        "ugh honestly STOP",
        "this was my dad's old phone, stop texting this number",
        "this is my son's old cell, please stop texting this number",
        "got this phone second hand, stop messaging this number",
    ],
    "es": [
        "vale pero en serio BAJA",
        "ya en serio, BASTA",
        "bueno ya, en serio PAREN",
        "que no, en serio BAJA",
        "es el viejo cel de mi hija, dejen de escribir a este numero",
        "este era el celular de mi papá, dejen de mandar mensajes a este número",
        "es el antiguo móvil de mi hijo, no escriban más a este número",
    ],
    "fr": [
        "bon sérieusement STOP",
        "bref, sérieux STOP",
        "non mais sérieusement STOP",
        "c'est l'ancien portable de mon fils, arrêtez d'écrire à ce numéro",
        "ce tel était celui de ma mère, arretez d'envoyer des sms a ce numero",
        "c'est le vieux portable de ma fille, n'écrivez plus à ce numéro",
    ],
    "de": [
        "jetzt echt STOPP",
        "ernsthaft jetzt, STOPP",
        "also wirklich STOPP",
        "hoert auf mir zu schreiben",
        "hoer auf zu schreiben",
        "hört auf zu simsen",
        "hoert endlich auf mit den sms",
        "schreibt mir nicht mehr",
        "hort auf mir zu schreiben",
        "hoeren Sie bitte auf mir sms zu schicken",
        "das ist das alte Handy meiner Tochter, schreibt diese Nummer nicht mehr an",
        "das war das alte handy von meinem vater, schickt keine sms mehr an diese nummer",
    ],
    "it": [
        "dai basta davvero STOP",
        "ok ma sul serio BASTA",
        "ma davvero, STOP",
        "è il vecchio cellulare di mio figlio, smettete di scrivere a questo numero",
        "era il vecchio telefono di mia madre, non scrivete più a questo numero",
        "questo è il vecchio cell di mia figlia, smettetela di mandare messaggi a questo numero",
    ],
    "pt": [
        "chega PARAR",
        "ta bom mas serio PARAR",
        "aff sério, PARAR",
        "sai fora com essas msg",
        "vaza com essas mensagens",
        "para de encher com sms",
        "nao quero mais essas msg, tchau",
        "nao quero mais, tchau, para de mandar msg",
        "é o celular antigo do meu filho, parem de mandar msg pra esse número",
        "esse era o cel velho da minha mãe, parem de escrever pra esse numero",
    ],
    "nl": [
        "nu echt STOP",
        "serieus, STOP nou",
        "pff echt waar STOP",
        "dit is de oude telefoon van mijn zoon, stop met sms'en naar dit nummer",
        "was de oude gsm van mijn moeder, stuur geen berichten meer naar dit nummer",
        "dit is het oude mobieltje van mijn dochter, stop met appen naar dit nummer",
    ],
}
SESSION_12_TRAPS = {
    "en": [
        "can't stop looking at it",
        "I'll stop by the shop on Saturday",
        "the old number on my order is wrong",
        "don't stop the discount!",
        "text me when it ships",
    ],
    "es": [
        "no puedo dejar de mirarlo",
        "paso por la tienda el sábado",
        "el número viejo de mi pedido está mal",
        "no quiten el descuento!",
        "mándenme un msj cuando llegue",
    ],
    "fr": [
        "j'arrive pas à arrêter de le regarder",
        "je passe à la boutique samedi",
        "l'ancien numéro sur ma commande est faux",
        "n'arrêtez pas la promo !",
        "envoyez-moi un sms quand le colis arrive",
    ],
    "de": [
        "ich kann nicht aufhoeren es anzuschauen",
        "ich komm am samstag im laden vorbei",
        "die alte Nummer in meiner Bestellung ist falsch",
        "hoert bloss nicht mit dem Rabatt auf!",
        "schreibt mir wenn das paket ankommt",
    ],
    "it": [
        "non riesco a smettere di guardarlo",
        "passo in negozio sabato",
        "il vecchio numero sul mio ordine è sbagliato",
        "non togliete lo sconto!",
        "mandatemi un sms quando arriva",
    ],
    "pt": [
        "não consigo parar de olhar",
        "passo na loja sábado",
        "o número antigo no meu pedido tá errado",
        "não tirem o desconto!",
        "me manda msg quando chegar",
        "nao quero mais o azul, tchau, vou pegar o preto",
    ],
    "nl": [
        "ik kan niet stoppen met ernaar kijken",
        "ik kom zaterdag even langs in de winkel",
        "het oude nummer op mijn bestelling klopt niet",
        "stop niet met de korting!",
        "stuur me een sms als het pakket er is",
    ],
}
# Written after the first run while probing the new rules: more exasperation, oe-spelt German, an old phone
# and slang (12/13 missed on 92bfb54, the French old phone read); traps where a word left out as exasperation
# means something ("más alto" is taller, "en fin" anyway, "echt jetzt? Ende?" asks), the slang said of a price
# or an outing, an old number of an order in other languages (13/13 held on 92bfb54, and now).
SESSION_12_OPTOUTS_AFTER_THE_FIRST_RUN = [
    "ugh just STOP",
    "uff en serio, PAREN",
    "ben franchement STOP",
    "oh mann echt STOPP",
    "uffa davvero BASTA",
    "poxa serio PARAR",
    "jeetje serieus STOP",
    "hoert endlich auf mich anzuschreiben",
    "ich moechte keine nachrichten mehr bekommen",
    "loescht meine nummer",
    "c'est le vieil iphone de mon mari, n'envoyez plus de sms à ce numéro",
    "some com essas mensagens",
    "cai fora com esses sms",
    # added at the merge (round 9's regression check): "ce numéro" after a stop verb is the phone texted
    "svp cessez de texter ce numéro",
    "c'est le tel de mon ex, arrêtez d'écrire à ce portable",
]
SESSION_12_TRAPS_AFTER_THE_FIRST_RUN = [
    # added at the merge: "arrêtez d'envoyer" before an item sent stops the item, not the texts (a false
    # opt-out before), and "le numéro de suivi" is no phone
    "arrêtez d'envoyer le colis à cette adresse, je déménage",
    "arretez d'envoyer le numero de suivi par mail, je l'ai deja",
    "que no paren",
    "mas alto",
    "en fin, gracias",
    "echt jetzt? ende?",
    "ok but seriously, stop by the shop",
    "omg I can't stop",
    "ma dai, basta poco",
    "ich hoere auf zu rauchen",
    "sai fora com esse preço",
    "vaza com esse frete caro",
    "saí com as amigas, depois vejo as mensagens",
    "o número antigo do meu pedido ta errado",
    "il vecchio numero del mio ordine è sbagliato",
]
# Not today, text me next week: a pause (snooze.py), never an opt-out.
SESSION_12_NOT_NOW = {
    "en": ["not today, text me next week", "not now, hit me up next week"],
    "es": ["hoy no, escríbanme la semana que viene", "ahora no, mándame un msj la próxima semana"],
    "fr": [
        "pas aujourd'hui, écrivez-moi la semaine prochaine",
        "pas maintenant, recontactez-moi la semaine pro",
    ],
    "de": ["heute nicht, schreibt mir naechste woche", "jetzt nicht, meldet euch nächste Woche"],
    "it": ["oggi no, scrivetemi la settimana prossima", "adesso no, mandami un msg la settimana prossima"],
    "pt": ["hoje não, me manda msg semana que vem", "agora não, me chama semana que vem"],
    "nl": ["vandaag niet, app me volgende week", "nu even niet, stuur volgende week maar een berichtje"],
}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "text",
    [
        pytest.param(text, id=f"session12-{language}-optout-{index}")
        for language, texts in SESSION_12_OPTOUTS.items()
        for index, text in enumerate(texts)
    ]
    + [
        pytest.param(text, id=f"session12-after-first-run-optout-{index}")
        for index, text in enumerate(SESSION_12_OPTOUTS_AFTER_THE_FIRST_RUN)
    ],
)
def test_a_session_12_opt_out_is_read_as_one(route_text, text):  # noqa: F811
    # when
    label = route_text(text)

    # then
    assert label == "opt_out", f"{text!r}: an opt-out read as {label}"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "text",
    [
        pytest.param(text, id=f"session12-{language}-trap-{index}")
        for language, texts in SESSION_12_TRAPS.items()
        for index, text in enumerate(texts)
    ]
    + [
        pytest.param(text, id=f"session12-after-first-run-trap-{index}")
        for index, text in enumerate(SESSION_12_TRAPS_AFTER_THE_FIRST_RUN)
    ],
)
def test_a_session_12_trap_is_not_an_opt_out(route_text, text):  # noqa: F811
    # when
    label = route_text(text)

    # then
    assert label != "opt_out", f"{text!r}: a trap read as {label}"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "text",
    [
        pytest.param(text, id=f"session12-{language}-not-now-{index}")
        for language, texts in SESSION_12_NOT_NOW.items()
        for index, text in enumerate(texts)
    ],
)
def test_a_session_12_not_now_text_me_later_is_a_pause(route_text, text):  # noqa: F811
    # when
    label = route_text(text)

    # then
    assert label == "snooze", f"{text!r}: a pause read as {label}"
