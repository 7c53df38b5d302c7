"""Replies that need no answer: thanks, goodbyes and wishes, "I'll think about it", "will grab it on payday".

Data per language: a reply is an acknowledgement when every word of it is a courtesy word of some language
(`COURTESY_WORDS`), it asks nothing ("?") and it is short. One unknown word ("thanks, but the link is
broken", "gracias, y el envío a Chile") makes it a message a person or a rule must read. The router asks
only after the compliance, person, payment and keyword-rule readings found nothing.
"""

import re

from .nlp import Text

# Longer messages carry something to answer even when every word is polite.
MAX_ACK_WORDS = 12

# Thanks, ok, goodbyes, wishes, "I'll think about it / let you know", "I'll buy it when I'm paid", and the
# small words that hold those together. Folded spelling (no accents, no apostrophes).
COURTESY_WORDS: dict[str, str] = {
    "en": "sorry soz sry kind regards best wishes anyway though ok okay k kk okey oki okk alright sure yep "
    "yes yeah ya hi hello hey no "
    "nope nah not now "
    "interested fine thanks thank thanku thankyou you u thx ty tysm tks thks thnx thanx tnx thnks ta cheers"
    " mate pet hun babe dear x xx xo bro much so very a lot bunch many appreciate appreciated it cool great "
    "perfect awesome nice lovely "
    "amazing wonderful brilliant good got gotcha noted will do sounds all set im i ill i will let know "
    "think about maybe later lol haha oh ah yay np no worries problem bye byee goodbye see ya later have "
    "great day night evening weekend week too same to and again for the your help well grab buy get order "
    "purchase it on when payday paycheck pay day paid next month tomorrow gonna going to soon then tonight "
    "today morning afternoon look check see bet take care keep that in mind talk speak chat one pass stuff "
    "happy monday might probably prob def definitely sort sorted ta love luv hon sleep proper decide after "
    "again laters cya ttyl over back bit while first sec this come coming have think out rush tbh till "
    "tuesday wednesday "
    "thursday friday saturday sunday kindly many leave with me "
    # British and Irish slang: "legend", "grand job", "nae bother", "ace"
    "legend legends grand job nae bother ace champ star diamond pal youre sound spot bang wicked lush mint "
    "muchly enjoy "
    # chat: "ngl", "lowkey", "looks great", "safe" (sure)
    "ngl lowkey looks safe "
    # "that's ever so kind of you", "most kind"
    "thats ever most of together "
    # Singapore and Malaysia "ok lah", Nigeria "ok sha": particles that soften an ok
    "lah leh lor sha "
    # "aye, will order after the lambing", "have a fab weekend, lots of love", "at the weekend"
    "aye fab lots at reckon arvo are stars tmrw tmr 2moro boo "
    # "maybe next spring"; "your basket misses you" - "I miss it too"
    "spring summer autumn fall winter miss omg oops "
    # "done, ordered 👍"; young slang: "ight ill cop it later fr"
    "done ight aight fr frfr "
    # season's greetings: "thanks, happy holidays!", "merry xmas to the whole team", "checking out now"
    "holidays holiday merry christmas xmas chrimbo festive season seasons greetings new year whole team "
    "checking",
    "es": "hola perdona perdon disculpa disculpad venga majo maja el va vale vale tranqui calma con ya digo "
    "che algo "
    "besito besitos guapa beso igual finde "
    "pido lo pensare "
    "miro mirare pienso decido "
    "crack hablamos pensare okis okas acuerdo feliz lunes martes miercoles jueves viernes sabado "
    "domingo "
    "guapa "
    "guapo amiga "
    "amigo hoy luego ver mirar miro gracias grax grx gracia muchas muchisimas mil "
    "ok vale bueno buenisimo buenisima listo "
    "perfecto genial super excelente bien muy amable dale de nada igualmente saludos un abrazo besos que "
    "tengas tengan tenga buen buena buenas buenos dia dias tarde tardes noche noches finde fin semana hasta"
    " luego pronto manana chao chau adios si no lo la le les te y e a voy pensar pienso pensarlo aviso "
    "avisamos aviso veo despues cuando cobre compro comprare pido pedire sueldo quincena para todos ustedes"
    " usted vos tambien igual sale wey mil tio tia jaja jajaja jajajaja jeje "
    # Mexico and Latin America: "chido", "ahorita", "gracias mi amor", "órale"
    "chido chida chidos chidas padrisimo orale ahorita ahoritita mi amor carino corazon cielo mija mijo "
    "neta bacan chevere padre checo checare "
    # Spain: "guay", "mola", "de una"
    "guay mola molon una hija hijo "
    # "que Dios la bendiga", "se lo pregunto primero"
    "dios bendiga bendiciones se pregunto primero "
    # "qué amables", "le pregunto y vuelvo"; "son unos soles" (you are darlings), "esta noche"
    "amables vuelvo son sois unos soles esta este majos majas sip os "
    # "quizás la próxima primavera", "a fin de mes"
    "quizas quiza proxima proximo primavera verano otono invierno mes "
    # "hecho, ya lo pedí"; chat "dsp" (después)
    "hecho dsp dps todas formas maneras "
    # "gracias, felices fiestas", "feliz navidad y próspero año nuevo"
    "felices fiestas navidad prospero ano nuevo",
    "fr": "dsl bonjour bonsoir desole desolee pardon allez quand meme decide deciderai redis redirai dirai "
    "tiens courant laisse "
    "temps me ca y sur surement "
    "tranquillement regarderai "
    "plus tard peut etre bisous a plus "
    "continuation gentil sympa voir lundi mardi mercredi jeudi vendredi samedi dimanche plus demain "
    "ce soir verrai verra "
    "regarde regarderai merci mrc mci mrci bcp beaucoup infiniment "
    "bien super parfait top nickel "
    "genial cool ok oki dac dacc d acc accord daccord oui non ca marche entendu compris note c est bonne "
    "bon soiree journee nuit week end weekend a vous toi aussi bientot salut au revoir bisous cordialement "
    "tres pareillement de meme egalement je vais reflechir reflechis y penser penserai passerai commande "
    "commanderai la le fin du mois quand salaire paie et apres remercie "
    # Quebec and Belgium: "merci bin gros", "correct" (all right), "une fois", "savez-vous"
    "bin ben gros correct tiguidou une fois savez "
    # "je reviens vers vous": the shopper coming back with an answer
    "reviens reviendrai revenir vers "
    # "pas de souci", "pas de trouble" (Quebec), "trop bien"
    "pas souci soucis probleme trouble trop "
    # Provence "peuchère", Belgium "merci hein"
    "peuchere hein "
    # "merci Madame, vous êtes bien aimable"
    "madame monsieur mademoiselle etes aimable "
    # teen "trop stylé"; "vous êtes adorables", "bonne soirée à toute l'équipe"
    "style adorable adorables toute toutes l equipe bof tantot "
    # "peut-être au printemps prochain"
    "printemps ete automne hiver prochain oups "
    # "c'est fait, commandé"; chat "tkt" (t'inquiète)
    "fait tkt "
    # "merci, joyeuses fêtes", "joyeux Noël", "bonne année"; "voilà, c'est commandé"
    "joyeuses joyeux fetes noel bonnes annee voila cest",
    "de": "sorry sry guten grusse gruss hallo trotzdem heut so entscheide entscheiden vielmal vielmals scho "
    "schon euch dir meld melde "
    "lass lasst zeit noch mal "
    "schauen schaus "
    "wahrscheinlich "
    "nochmal drueber uberlegs abend an "
    "tausend und vielleicht nachsten nachste monat woche denk denke druber daruber nach auch montag "
    "dienstag mittwoch donnerstag freitag samstag sonntag "
    "schau schaue guck gucke mal "
    "morgen heute bestell danke dank dankeschon dankesehr vielen lieben "
    "herzlichen vielmals merci dir euch ihnen sehr "
    "super top klasse prima perfekt alles klar passt gut ok okay okey cool ja nein nicht jetzt mach ich "
    "mache machs schone schones schonen schoenes einen wochenende abend tag noch bis dann bald spater "
    "tschuss tschau ciao servus gleichfalls ebenso gerne gern nett uberleg uberlege uberlegs es mir melde"
    " mich wenn das gehalt lohn da ist bestelle kaufe nach dem wir "
    # Austria and Bavaria: "leiwand", "Vergelt's Gott", "bist a Legende", "pfiat di", "WE" (weekend)
    "leiwand vergelts gott bist du a legende pfiat di griass habe die ehre oida baba we wochenend basst "
    "mega supi nice lauft "
    # "sehr freundlich von Ihnen", "liebe Grüße", street "danke digga"
    "freundlich von liebe digga "
    # "voll cool", street "safe" (sure); "Ihr seid klasse", "am Wochenende"
    "voll safe ihr seid am na gute nacht nomal "
    # "jo danke dir", "vielleicht nächsten Frühling"
    "jo fruhling fruhjahr sommer herbst winter "
    # "erledigt, bestellt"; "ich werde es mir in Ruhe überlegen"
    "erledigt werde ruhe "
    # "danke, frohe Weihnachten", "schöne Feiertage", "frohes Fest", "guten Rutsch"
    "frohe frohes frohen weihnachten feiertage festtage fest rutsch neues jahr",
    "it": "salve saluti cordiali buongiorno scusate scusa scusi stesso decido decidero ci rifletto penso "
    "pensero calma con magari piu tardi "
    "probabilmente prossimo "
    "gentilissimi fine "
    "mese "
    "occhiata do un pensierino stasera "
    "allora davvero sentiamo vediamo buonanotte buongiorno buonasera felice lunedi martedi mercoledi "
    "giovedi "
    "venerdi "
    "sabato un attimo momento domani oggi dopo vedo guardo grazie grz grazi mille assai 1000 infinite "
    "tante ok va bene benissimo perfetto ottimo top si no su "
    "buona buon serata giornata notte weekend domenica fine settimana a voi te presto dopo ciao ci penso "
    "pensero vi ti faccio sapere so lo la prendo prendero compro ordino col con il prossimo stipendio "
    "gentilissimi gentilissima gentilissimo gentile gentili tutto chiaro ricevuto capito altrettanto ancora"
    " d accordo certo e ringrazio vabbe vabbuo raga "
    # Rome, Naples, Sicily: "daje", "grazie regà", "picciotti", "siete forti", "mitici"
    "daje rega regaz ragazzi picciotti picciotto siete sei forti forte grandi grande mitici mitico bravi "
    "bravissimi figo figata ganzo bedda beddu molto "
    # "buona serata a tutti", "nel fine settimana", "ok dai", Naples "uè"
    "tutti tutte nel dai ue boh "
    # "magari la prossima primavera", "ahah"
    "prossima primavera estate autunno inverno ahah ahaha "
    # "fatto, ordinato 😊"
    "fatto "
    # "grazie, buon Natale", "buone feste", "buon anno"
    "natale buone feste anno nuovo anche",
    "pt": "desculpa desculpe mesma mesmo peco fechou fechado aviso pensada dar uma quem sabe brigadao amores "
    "uns sao vcs isso mais tarde "
    "acho "
    "que no do mes calma com "
    "aqui feliz segunda terca quarta quinta sexta sabado domingo depois vejo ver olho amanha hoje "
    "comprar bola obrigado obrigada obrigadao brigado brigada "
    "brigadao obg obgd obgda vlw valeu demais muito "
    "muita ok beleza blz show perfeito otimo legal top tmj boa bom noite dia tarde fim de semana pra para "
    "vcs voces voce vc tchau ate mais logo breve vou pensar penso e te falo aviso quando cair o salario eu "
    "compro tudo certo fechado combinado nada sim nao abs abraco bjs beijos mano "
    # Brazilian and Portuguese slang: "boa onda", "massa", "firmeza", "de boa", "fixe"
    "onda massa firmeza suave tranquilo fixe porreiro bacana nossa "
    # "Deus abençoe", Northeastern "arretado" (great), "digo alguma coisa"
    "deus abencoe abencoa arretado arretada digo alguma coisa "
    # "amei", "falo com meu pai e volto", "obrigadinho"
    "amei volto obrigadinho obrigadinha primeiro "
    # "fica para a próxima primavera"
    "fica proxima proximo primavera verao outono inverno "
    # "feito, já encomendei", "comprei agora 👍", chat "dps" (depois)
    "feito pronto agora dps "
    # "obrigado, boas festas", "feliz natal", "feliz ano novo"
    "boas festas natal ano novo tambem",
    "nl": "sorry goedemorgen goedemiddag goedenavond hallo hoi groeten toch vanavond m beslis rustig laat "
    "weten eind van de maand maar eens over even oke "
    "waarschijnlijk volgend "
    "volgende "
    "goedenacht welterusten heel erg snel naar verder maandag dinsdag woensdag donderdag vrijdag "
    "zaterdag zondag kijk kijken "
    "morgen "
    "vandaag straks bedankt dankjewel dankje dankjwl dankuwel dank je jij u wel "
    "thanks thnx top super oke ok "
    "prima fijne fijn dag nog weekend avond doei daag doeg tot ziens straks later ik denk er even over na "
    "ga erover nadenken bestel koop het als mijn salaris loon binnen is helemaal goed duidelijk ook merci "
    "en graag gedaan mooi hoor groetjes ja nee hartelijk goeiemiddag goeiemorgen goeienavond "
    # Chat and street Dutch, Sranan: "sws" (sowieso), "thx", "tof", "grantangi" (thank you)
    "sws sowieso thx tof vet chill grantangi zal eens toppie komt lekker nice "
    # Surinamese "switi" (sweet), Flemish "merci hé", "taac" (okay)
    "switi he tac taac "
    # "heel vriendelijk van u", street "ewa" (hey)
    "vriendelijk ewa "
    # "ik laat nog iets weten", "echt chill"; "nog een fijne avond", "in het weekend", Frisian "moai" (nice)
    "iets echt een in moai jullie zijn dan "
    # "volgend voorjaar misschien"
    "misschien voorjaar lente zomer najaar herfst winter "
    # "klaar, besteld", "gedaan"
    "klaar gedaan "
    # "bedankt, fijne feestdagen", "prettige kerstdagen", "gelukkig nieuwjaar"
    "prettige feestdagen kerstdagen kerst kerstmis gelukkig nieuwjaar",
}
_WORDS = frozenset(" ".join(COURTESY_WORDS.values()).split())
# "thanks for the info", "merci pour le rappel", "danke für die Erinnerung": what the thanks is for needs no
# answer (up to three words; a rule, a payment problem or anger has already been read before an ack).
THANKS_FOR: dict[str, str] = {
    "en": r"(?:thanks|thank you|thank u|thx|ty|cheers)(?: so much| very much| a lot)? for",
    "es": r"(?:gracias|muchas gracias|mil gracias)(?: por| x)",
    "fr": r"merci(?: beaucoup| bcp| bien)? (?:pour|de|du|des)",
    "de": r"(?:danke|vielen dank|dankeschon)(?: schon| sehr)? (?:fur|wegen)",
    "it": r"grazie(?: mille| tante)? (?:per|del|della|dei|delle|dello|di)",
    "pt": r"(?:obrigad[oa]|valeu|brigad[oa]|obg)(?: mesmo)? (?:pelo|pela|pelos|pelas|por)",
    "nl": r"(?:bedankt|dank je|dankjewel|dank u|dank|thanks)(?: wel)? voor",
}
# What needs no answer around an ack: someone answering for the shopper and passing it on ("I'm her
# husband, I'll tell her"), a cart already bought somewhere else ("only just saw this, got one in a shop"),
# an end to hesitating ("enough dithering") and why the cart waits ("left it on purpose", "just off work").
# Stripped wherever they are; a shop word inside one ("bought", "shop", "paid") is no question to a rule.
ASIDES: dict[str, str] = {
    "en": r"(?:this is|im|i am|its) (?:(?:mrs|mr|ms|miss|dr) )?(?:\w+s |her |his |the "
    r")?(?:pa|assistant|husband|wife|partner|daughter|"
    r"son|secretary|mum|mom|dad|mother|father|boyfriend|girlfriend|carer)(?: of \w+)?"
    r"|(?:ill |i will )?(?:pass it on|tell (?:her|him)|let (?:her|him) know)(?: to (?:her|him))?"
    r"|(?<!not )(?<!never )(?:(?:only |just )+|(?:i |ive |i have )?(?:already )?)(?:seen|saw|noticed) "
    r"(?:this|it|that|your message)(?: now)?"
    r"|(?:i |ive |i have )?(?:already )?(?:bought|got|grabbed|picked up|ordered|found|picked)(?: one| it| "
    r"them)?"
    r"(?: up)?(?: already)? (?:elsewhere|somewhere else|(?:in|at) (?:a|the|your|ur) (?:physical |local )?"
    r"(?:shop|store)(?: in town| downtown| on \w+(?: st| street| rd| road)?)?|in town|locally|in store|"
    r"(?:from|at) (?:another|a different) (?:shop|store|site)|at \w+)(?: yesterday| last week| today| in the "
    r"end| this morning)?"
    r"|(?:i )?(?:stopped by|popped into|popped in|dropped by|went to|went into) (?:your|ur|the) "
    r"(?:shop|store)(?: in town| downtown| on \w+(?: st| street| rd| road)?)? and "
    r"(?:bought|got|picked up|grabbed) (?:it|one|them)(?: there)?"
    r"|(?:right |ok |okay )?enough (?:umming and ahhing|dithering|hesitating|faffing|overthinking)"
    r"|(?:i )?left it(?: there| in the cart| in my cart)? on purpose|(?:i )?get paid (?:on )?\w+|payday is "
    r"\w+"
    r"|(?:just )?(?:finishing|leaving|off|heading out of|getting out of) work(?: now)?"
    r"|(?:i )?(?:dont|do not) need (?:it|one|them|this|that) (?:anymore|any more|now)",
    "es": r"(?:ya )?mas (?:tarde|adelante)|soy (?:el|la) "
    r"(?:marido|mujer|esposa|esposo|hija|hijo|pareja|asistente|secretaria|secretario|madre|"
    r"padre|novio|novia)(?: de \w+)?"
    r"|(?:ya )?(?:se lo|le|les) (?:digo|paso|comento|dire|mando|envio|enseno)(?: yo)?"
    r"(?: que lo (?:mire|vea)| (?:el|la) (?:link|enlace|lista|carrito))?"
    r"|(?:lo )?acabo de ver(?:lo)?|(?:ahora|recien) lo veo"
    r"|(?<!no )(?:ya )?(?:lo|la|los|las) (?:he visto|vi)"
    r"|(?:al final )?(?:ya )?(?:lo |la |los |las )?(?:compre|he comprado|pille|encontre)(?: ya)? (?:en otra "
    r"tienda|en otro "
    r"sitio|en otra web|en (?:una|la|su|vuestra) tienda(?: fisica)?(?: del centro| de(?:l)? \w+)?|fuera|"
    r"en \w+)"
    r"|(?:ya )?basta de (?:dudar|pensar|pensarlo)|(?:ya )?no lo pienso mas|dejo de dudar"
    r"|salgo (?:ahora )?del (?:curro|trabajo)|lo deje (?:a proposito|adrede|aposta)|cobro el \w+",
    "fr": r"(?:je suis )?(?:le|la|l) "
    r"(?:mari|femme|epouse|fille|fils|assistante?|secretaire|compagnon|compagne|"
    r"conjoint)(?: de (?:mme |m |madame |monsieur )?\w+)?|assistante? de (?:mme|m|madame|monsieur) \w+"
    r"|je (?:lui|leur) (?:transmets|dis|dirai|transmettrai|fais passer)"
    r"|(?:je|on|nous) (?:reviens|revient|revenons|reviendrai|reviendra|reviendrons) vers vous"
    r"|je passe (?:la |ma )?commande|(?:il|elle) vous (?:recontactera|"
    r"rappellera|repondra|recontacte)"
    r"|je viens de (?:voir|le voir)|(?:je l ai|je les ai) (?:deja |bien )?vue?s?"
    r"|je (?:le |la )?vois (?:ca )?(?:seulement |que )maintenant"
    r"|(?:finalement )?(?:(?:je l ai|je les ai|j ai) )?(?:deja )?(?:achete|trouve|commande|pris)e?s? "
    r"(?:ailleurs|en magasin|en boutique|dans un magasin|sur un autre site|chez un autre|au magasin|"
    r"a la boutique|dans (?:votre|ta) (?:boutique|magasin))(?: en ville| du coin| du centre| ce matin| hier)?"
    r"|j arrete d hesiter|(?:j ai )?assez (?:hesite|reflechi)|assez de questions(?: de ma part)?"
    r"|je l ai laisse (?:expres|volontairement)|la paie tombe \w+|je sors du (?:travail|boulot|taf)",
    "de": r"(?:ich )?komm(?:e)? (?:grad|gerade|eben) von der arbeit|(?:hier ist|ich bin) (?:die|der|das) "
    r"(?:assistentin|assistent|sekretarin|sekretar|frau|mann|tochter|"
    r"sohn|partner|partnerin|freundin|freund)(?: von (?:herrn |frau )?\w+)?|(?:er|sie) meldet sich"
    r"|ich (?:sag|sage|richte|geb|gebe)s? (?:es |das )?(?:ihr|ihm|weiter|aus)(?: weiter| aus)?"
    r"|(?:grad|gerade|eben) erst gesehen|(?:hab|habe|habs) (?:ich |es |das )?(?:schon |bereits )?gesehen"
    r"|(?:(?:ich )?(?:habs|hab es|habe es|hab das|hab ihn|hab sie) )?"
    r"(?:(?:schon|bereits) )?(?:im (?:laden|geschaft)|woanders|anderswo|in einem anderen (?:shop|laden)|"
    r"vor ort|in (?:ihrem|eurem|der) (?:laden|geschaft|filiale))(?: in der stadt| vor ort| um die ecke)? "
    r"(?:gekauft|bestellt|geholt|besorgt)"
    r"|haben sie (?:vielen|herzlichen|besten) dank"
    r"|genug (?:uberlegt|hin und her|gezogert|gegrubelt)"
    r"|(?:komm|komme) (?:grad|gerade) (?:von der|aus der) arbeit|(?:hab|habe) (?:es|ihn|sie|das) "
    r"(?:absichtlich|"
    r"extra) (?:liegen )?(?:lassen|gelassen)|(?:das )?gehalt kommt \w+",
    # "grazie cara": dear, said after thanks only ("caro" alone is expensive)
    "it": r"grazie(?: mille| tante)? car[ao]|sono (?:il|la|l) "
    r"(?:marito|moglie|figlia|figlio|segretaria|segretario|assistente|compagno|compagna|"
    r"partner)(?: (?:di|del|della) (?:dott |dottssa |dottoressa |dottor |sig |signora |signor )?\w+)?"
    r"|(?:glielo|gliel) (?:dico|riferisco|riferiro|diro|passo)(?: io)?"
    r"|(?:l ho|lho) vist[oa] solo (?:ora|adesso)|(?<!non )(?:l ho|lho|li ho|le ho) (?:gia )?vist[oaie]"
    r"|vedo solo (?:ora|adesso)"
    r"|(?:(?:l ho|lho|li ho) )?(?:gia )?(?:preso|presa|"
    r"comprato|comprata|trovato|ordinato) (?:in negozio|altrove|da un altra parte|su un altro sito|"
    r"nel (?:vostro )?negozio)(?: in centro| stamattina| stamani| ieri| oggi)?"
    r"|basta (?:pensarci|esitare|indugiare|tentennare)"
    r"|(?:l ho|lho) lasciato (?:apposta|di proposito)|lo stipendio arriva \w+|esco (?:adesso |ora )?dal "
    r"(?:lavoro|ufficio)",
    "pt": r"sou (?:o|a) (?:marido|mulher|esposa|esposo|filha|filho|secretaria|secretario|assistente|namorado|"
    r"namorada|companheiro|companheira)(?: d[aoe] \w+)?|(?:eu )?passo o recado"
    r"|(?:eu )?(?:vou )?(?:avisar|aviso|falo com|digo a|digo pra) (?:ele|ela)|mesmo assim"
    r"|so vi agora|acabei de ver|(?:ja )?(?:comprei|encontrei|achei) (?:noutra loja|em outra loja|na loja|"
    r"numa loja|noutro sitio|em outro site)(?: fisica)?(?: do centro| de (?:vcs|voces|voce))?"
    r"|chega de (?:pensar|enrolar|duvidar)|(?:ja )?basta de pensar"
    r"|(?:to|estou|tou) saindo do (?:trampo|trabalho|servico)|deixei de proposito|o salario cai \w+",
    "nl": r"(?:ik ben|dit is) (?:de|het) (?:assistent|assistente|secretaresse|man|vrouw|partner|dochter|zoon|"
    r"vriend|vriendin)(?: van \w+)?|ik geef het (?:aan (?:hem|haar) )?door|(?:hij|zij|ze) kijkt"
    r"|(?:nu pas|net pas|nu net) gezien|(?:ik )?(?:heb|had) (?:het|ze|m|hem) (?:al )?gezien"
    r"|(?:ik )?zie het nu pas"
    r"|(?:(?:ik )?heb (?:m|hem|het|ze) )?al (?:in de winkel|ergens anders|elders|"
    r"bij een andere winkel)(?: in de stad| in het centrum)? (?:gekocht|gehaald|besteld)"
    r"|al (?:gekocht|gehaald|besteld) (?:in de winkel|ergens anders|elders|bij een andere winkel)"
    r"(?: in de stad| in het centrum)?"
    r"|genoeg (?:getwijfeld|nagedacht)"
    r"|(?:ik heb het|heb het|ik heb m) (?:expres|bewust) laten staan|(?:\w+ )?krijg ik "
    r"(?:salaris|loon|betaald)",
}
# Bought through the shop's own app after all (next to "bought in the shop" above): "already bought them in
# the app", "lo compré por la app", "commandé via l'appli", "schon über die App bestellt", "preso dall'app",
# "comprei pelo app", "via de app besteld". "bought it in the app but it never came" leaves words to answer;
# English "ordered on the app" may still ask where the order is (test_routing_intents_tuning ack-en-62).
BOUGHT_IN_THE_APP: dict[str, str] = {
    "en": r"(?:i |ive |i have )?(?:already )?(?:bought|got|purchased|grabbed)(?: it| them| one)?"
    r"(?: already)? (?:in|on|through|via|from|with) (?:the|your|ur|my) (?:mobile |phone )?app"
    r"(?: already| instead| in the end)?",
    "es": r"(?:ya )?(?:lo |la |los |las )?(?:compre|pedi|he comprado|he pedido|pille)(?: ya)? "
    r"(?:por|en|desde|con) (?:la|vuestra|su|tu) (?:app|aplicacion)(?: al final| ya)?",
    "fr": r"(?:(?:je l ai|je les ai|j ai|jai) )?(?:deja )?(?:achete|commande|pris)e?s? "
    r"(?:via|sur|par|dans|avec) (?:l|votre|ton|ta|la|vos) (?:appli|app|application)(?: finalement)?",
    "de": r"(?:(?:ich )?(?:habs|hab es|habe es|hab das|hab ihn|hab sie|hab|habe) )?(?:(?:schon|bereits) )?"
    r"(?:uber|in|mit) (?:die|der|eure|ihre|eurer|ihrer) app (?:gekauft|bestellt|geholt)",
    "it": r"(?:(?:l ho|lho|li ho|le ho|ho) )?(?:gia )?(?:pres|comprat|ordinat)[oaie] "
    r"(?:dall|sull|nell|con l|tramite l|via l|dalla|sulla|nella|tramite la) (?:app|applicazione)",
    "pt": r"(?:ja )?(?:comprei|pedi|encomendei|peguei)(?: ja)? (?:pelo|no|pela|na) "
    r"(?:app|aplicativo|aplicacao)",
    "nl": r"(?:(?:ik )?heb (?:m |hem |het |ze )?)?(?:al )?(?:via|in|met|op) de app "
    r"(?:besteld|gekocht|gehaald)"
    r"|(?:al )?(?:besteld|gekocht) (?:via|in|met|op) de app",
}
# Why the cart waits when it is money, the shopper's own life and no question: "lost my job so can't afford
# it now", "me quedé sin trabajo", "plus de sous", "Job gekündigt", "sono al verde", "tô duro", "even krap".
# Read whole, so its "can't", "nicht", "geen" negate nothing asked, its "quit", "gekündigt", "opgezegd" stop
# no texts and its "tight", "krap" fit nobody; "can't afford it, any discount" leaves words to answer.
SHORT_OF_MONEY: dict[str, str] = {
    "en": r"(?:i )?(?:lost|quit|left) my job(?: last \w+| recently)?|(?:i )?(?:got|was) (?:laid off|let go|"
    r"made redundant)|(?:the )?money(?:s| s| is)? (?:a bit |really |so |kinda )?tight"
    r"(?: (?:this|right) (?:month|now|week))?"
    r"|(?:im |i am )?(?:a bit |kinda |so |totally )?(?:broke|skint|short on (?:cash|money))"
    r"(?: (?:till|until) payday| (?:this|right) (?:month|now|week)| atm| rn)?"
    r"|(?:i )?(?:cant|cannot|can not) afford (?:it|them|this|that)"
    r"(?: (?:right )?now| atm| rn| at the moment| this month| yet)?",
    "es": r"(?:me )?(?:quede|he quedado) sin (?:trabajo|curro|chamba|empleo)"
    r"|(?:deje|he dejado|perdi|he perdido) (?:el|mi) (?:trabajo|curro|chamba|empleo)"
    r"|(?:ando|estoy|voy) (?:un poco |muy )?(?:sin (?:plata|dinero|pasta|lana|un duro|blanca)|"
    r"corto de (?:plata|dinero|pasta)|pelado|pelada|tieso|tiesa)(?: este mes| ahora)?"
    r"|(?:ahora |este mes )?no me (?:alcanza|llega)(?: el dinero| la plata)?(?: ahora| este mes)?"
    r"|(?:ahora )?no me lo puedo permitir(?: ahora| este mes)?",
    "fr": r"(?:j ai |jai )?(?:perdu|quitte) mon (?:boulot|travail|job|taf|emploi)|(?:je suis )?au chomage"
    r"|(?:plus|pas) de (?:sous|thunes|fric|argent) (?:ce mois ci|pour l instant|en ce moment)"
    r"|(?:je suis |chuis |jsuis )?(?:un peu |completement )?(?:fauchee?|a sec|dans le rouge)"
    r"(?: en ce moment| ce mois ci)?"
    r"|(?:donc )?(?:j ai |jai )?pas les moyens(?: en ce moment| ce mois ci| pour l instant| pour le moment)?",
    "de": r"(?:(?:ich )?(?:hab|habe) )?(?:meinen |den )?job (?:gekundigt|verloren)"
    r"|(?:ich )?(?:bin )?(?:grad |gerade |momentan |diesen monat )?(?:pleite|blank|knapp bei kasse)"
    r"(?: diesen monat)?"
    r"|(?:kann s|kanns|kann es|kann) (?:mir )?(?:das |es )?(?:grad |gerade |momentan |im moment |diesen "
    r"monat )?nicht leisten|(?:das )?geld ist (?:grad |gerade |diesen monat )?knapp",
    "it": r"(?:ho )?(?:perso|lasciato) il (?:lavoro|posto)|(?:sono|sto) (?:al verde|senza soldi|a secco|"
    r"in bolletta)|(?:questo mese )?(?:niente|zero|pochi) soldi(?: questo mese| per ora)?"
    r"|(?:per ora|adesso|questo mese) non (?:posso|ce la faccio)|non (?:posso permettermelo|me lo posso "
    r"permettere)(?: per ora| adesso| questo mese)?",
    "pt": r"(?:fiquei|estou|to|tou) desempregad[oa]|(?:perdi|larguei) (?:o |meu |o meu )?(?:emprego|trampo|"
    r"trabalho)|(?:to|tou|estou|ando) (?:meio |bem |muito )?(?:duro|dura|liso|lisa|sem grana|sem dinheiro|"
    r"apertad[oa]|zerad[oa])(?: esse mes| este mes| agora)?|sem (?:grana|dinheiro) (?:esse|este) mes"
    r"|(?:agora|esse mes|este mes) nao (?:da|posso|tenho (?:grana|dinheiro))",
    "nl": r"(?:mijn )?(?:baan|werk) (?:opgezegd|kwijt|verloren)|(?:ik heb )?(?:mijn )?(?:baan|werk) opgezegd"
    r"|(?:ik zit |ik ben |ben )?(?:nu )?(?:even |deze maand )?(?:krap bij kas|blut|platzak)"
    r"(?: deze maand| nu| op het moment)?|(?:ik zit |ik ben |ben )?(?:nu )?(?:even|deze maand) krap"
    r"(?: deze maand| nu| op het moment)?|(?:nu )?(?:even )?geen geld(?: deze maand| nu)?",
}
# A question taken back, so nothing is left to answer: "never mind", "forget my question", "laissez tomber",
# "lasciamo perdere", "deixa pra lá", "laat maar zitten", "genug gesucht" (before "got it in a shop").
NEVER_MIND: dict[str, str] = {
    "en": r"never ?mind|nvm|forget (?:my|the|that) question|forget (?:about )?it|scratch that",
    "es": r"(?:olvida|olvide|olviden|olvidad) (?:mi|la) pregunta|olvidalo|olvidelo|no importa"
    r"|^(?:dejalo|deja)",
    "fr": r"laisse[zr]? tomber|oubliez? ma question|peu importe|oubliez",
    "de": r"(?:vergiss|vergessen sie|vergesst) (?:meine|die) frage|vergiss es|genug gesucht"
    r"|hat sich erledigt",
    "it": r"lascia(?:mo|te)? perdere|lasci perdere|non importa|(?:non )?fa niente"
    r"|dimentica(?:te)? la (?:mia )?domanda",
    "pt": r"deixa (?:pra|para) la|esquece(?: (?:a|minha) pergunta)?|esquecam (?:a|minha) pergunta",
    "nl": r"laat maar(?: zitten| zo)?|vergeet (?:mijn|de) vraag|maakt niet uit",
}
# An older shopper's thanks for the patience "with an old man", "con una señora mayor", "avec une vieille
# dame", "mit einem alten Mann", "con una signora anziana", "com uma senhora de idade", "met een oude man".
OLDER_SHOPPER: dict[str, str] = {
    "en": r"with (?:an? |this )?(?:old|older|elderly) "
    r"(?:man|woman|lady|gent|gentleman|fellow|chap|person|dear)",
    "es": r"con (?:una|un|esta|este) (?:senora|senor|persona|mujer|hombre) (?:mayor|de edad|anciana|anciano)",
    "fr": r"avec (?:une|un) (?:vieille dame|vieux monsieur|vieil homme|personne agee|dame agee|mamie|papy)",
    "de": r"mit (?:einer|einem) (?:alten|alteren) (?:dame|frau|mann|herrn)",
    "it": r"con (?:una|un) (?:signora|signore|persona) (?:anziana|anziano|di una certa eta)"
    r"|con (?:una vecchietta|un vecchietto)",
    "pt": r"com (?:uma|um) (?:senhora|senhor|pessoa) (?:de idade|idosa|idoso)"
    r"|com (?:uma velhinha|um velhinho)",
    "nl": r"met (?:een|deze) (?:oude|oudere) (?:man|vrouw|dame|heer)",
}
# "when my pocket money comes in", "quando mi arriva la paghetta", "wenn das Geld vom Ferialjob da ist",
# "als mijn studiefinanciering binnen is": when the shopper can pay (wages, a grant, birthday or holiday-job
# money), not a question.
WHEN_PAID: dict[str, str] = {
    "en": r"when (?:i get |i have |ive got )?(?:my |the |me )?(?:pocket money|allowance|paycheck|pay ?check|"
    r"salary|wages|pay|birthday money|student loan|student finance|loan|grant|bursary|stipend|benefits|"
    r"pension|tax refund|"
    r"bonus|tips|money from (?:my |the )?\w+(?: job)?)(?: money)? ?(?:comes in|comes through|comes|arrives|"
    r"lands|hits|clears|goes in|is in)?"
    r"|when i get paid(?: on \w+| this \w+| next \w+)?",
    "es": r"cuando (?:me (?:den|llegue|lleguen|paguen|ingresen|caiga) |cobre |tenga )?(?:la paga|el sueldo|"
    r"la quincena|mi sueldo|la pension|la jubilacion|la beca|las practicas|la nomina|el aguinaldo|"
    r"el dinero|la plata|la lana|el cumple|mi cumple)(?: de (?:\w+ )?(?:cumple|cumpleanos|practicas|"
    r"verano))?"
    # "el día de cobro", "después de cobrar": payday, said before or after the plan
    r"|(?:el|al) dia (?:de cobro|de pago|que cobre)|(?:despues de|tras) cobrar",
    "fr": r"quand (?:j ai|je toucherai|je touche|j aurai|tombera|tombe) (?:ma paye|ma paie|mon salaire|"
    r"mon argent de poche|ma bourse|mes sous|mon job d ete|ma prime|ma retraite|ma pension)"
    r"|quand (?:ma paye|ma paie|mon salaire|ma bourse|mon argent(?: de poche| d anniversaire)?|ma prime|"
    r"ma retraite|ma pension|"
    r"mes sous) (?:tombe|tombera|arrive|arrivera|sera la|sera verse|sera versee)",
    "de": r"wenn (?:das |mein |der |die |meine )?(?:gehalt|taschengeld|lohn|geld|rente|geburtstagsgeld|"
    r"bafog|stipendium|urlaubsgeld|weihnachtsgeld)(?: vom \w+| von \w+| fur \w+)? "
    r"(?:kommt|da ist|drauf ist|eingeht|auf dem konto ist)|(?:am|nach dem|ab dem|zum) zahltag",
    "it": r"quando (?:mi )?(?:arriva|arrivera|arrivano|arriveranno|prendo) (?:la paghetta|lo stipendio|"
    r"la paga|la borsa di studio|il rimborso|i soldi|la tredicesima|la pensione)"
    r"(?: del \w+| dello stage| di \w+)?|(?:dopo|con|col|colla) (?:la )?paga|(?:il )?giorno di paga",
    "pt": r"quando (?:cair|receber|entrar|pingar|sair) (?:o salario|a mesada|o pagamento|o dinheiro|"
    r"a aposentadoria|a bolsa|o decimo terceiro|o vale)(?: do estagio| de estudos| do aniversario| do \w+)?"
    r"|(?:no|depois do) dia (?:do|de) pagamento",
    "nl": r"als (?:mijn |het |de )?(?:zakgeld|salaris|loon|studiefinanciering|stufi|beurs|"
    r"verjaardagsgeld|vakantiegeld|geld|pensioen|aow)(?: van (?:mijn )?\w+)? "
    r"(?:binnen is|er is|binnenkomt|binnen|"
    r"gestort is|op de rekening staat)"
    r"|als ik (?:mijn \w+ )?(?:betaald krijg|uitbetaald word|geld krijg|salaris krijg|loon krijg)"
    r"|(?:op|na) (?:de )?betaaldag",
}
# Waiting for the money, said as a plan: "gonna wait till payday", "vou esperar o salário cair", "j'attends
# ma paie". Waiting alone is no plan: "gonna wait, the site keeps logging me out" is a problem.
WAITING_FOR_PAY: dict[str, str] = {
    "en": r"(?:ill |i will |im gonna |gonna |going to |will |i |im )?wait(?:ing)? (?:till|until|for|to get) "
    r"(?:my |the )?"
    r"(?:payday|pay day|paycheck|pay|salary|wages|pension|loan|bonus)",
    "es": r"(?:voy a |tengo que )?esper(?:ar|a|o|ando)(?: a)? (?:que me paguen|cobrar|que cobre|la paga|"
    r"el sueldo|"
    r"la quincena|la nomina|la pension)",
    "fr": r"(?:je vais |j )?attend(?:re|s) (?:ma paie|ma paye|mon salaire|la paie|la paye|la fin du mois|"
    r"ma retraite)",
    "de": r"(?:ich )?wart(?:e)? (?:noch )?(?:auf|aufs|bis) (?:das |den |die |zum )?(?:gehalt|lohn|rente|geld|"
    r"monatsende|ende des monats)",
    "it": r"aspetto (?:lo stipendio|la paga|la paghetta|la pensione|fine mese)",
    "pt": r"(?:vou |to |tou |estou )?esper(?:ar|ando|o) (?:o salario|a mesada|o pagamento|o dinheiro|"
    r"a aposentadoria)"
    r"(?: cair| entrar| pingar)?",
    "nl": r"(?:ik )?wacht (?:nog )?(?:even )?(?:op|tot) (?:mijn |het |de )?(?:salaris|loon|zakgeld|pensioen|"
    r"einde van de maand)",
}
# A later moment the shopper waits for: "when the kids are asleep", "quand les enfants seront couchés", "wenn
# ich wieder klar denken kann", "quando si libera l'appartamento", "tomorrow morning". Not a question.
LATER_MOMENTS: dict[str, str] = {
    "en": r"when (?:the |my |our )?(?:kids|children|baby|babys|little ones|toddler|twins)(?: are| is| re| "
    r"s)? (?:asleep|in bed|napping|sleeping|down|at school|at nursery)|when i (?:can think(?: straight| "
    r"clearly)?(?: again)?|have (?:a )?(?:minute|moment|sec|second|time|clear head)|get (?:a "
    r")?(?:minute|moment|chance)|am (?:home|back|off|awake))|when (?:the |my "
    r")?(?:flat|house|room|place|apartment|spare room) (?:is|s) (?:free|empty|sorted|ready)|(?:at|by) the "
    r"end of the month|(?:at |by )?end of (?:the )?month|(?:tomorrow|in the) (?:morning|afternoon|evening)"
    r"|(?:ok |okay )?can (?:lah|la|leh|lor)",
    "es": r"cuando (?:los ninos|los nenes|los crios|el bebe|los peques|la nena|el nene) (?:esten dormidos|"
    r"duerman|se duerman|esten en la cama|esten acostados)|cuando (?:pueda|tenga) (?:pensar|un "
    r"rato|tiempo)(?: con calma)?|(?:que )?hoy no (?:doy|puedo) (?:mas|para mas)|(?:manana )?por la "
    r"(?:manana|tarde|noche)"
    r"|cuando (?:se quede libre|este libre|se libere|quede libre) (?:el piso|la casa|el cuarto)",
    "fr": r"quand (?:les enfants|les petits|le bebe|les gamins|les gosses|les loulous) (?:seront|sont) "
    r"(?:couches|endormis|au lit)|quand (?:les enfants|les petits|le bebe) dorm\w*"
    r"|quand je (?:pourrai|pourrais|peux) (?:reflechir|y voir clair|penser)(?: a nouveau| tranquillement)?"
    r"|quand (?:l appart|l appartement|le logement|la maison) (?:sera|est) libre"
    r"|demain (?:matin|midi|apres midi)|(?:au )?debut du mois(?: prochain)?"
    # "je l'achète à mon retour de Bretagne": the shopper back from somewhere, not a return
    r"|(?:a|des|apres) (?:mon|notre) retour(?: (?:de|du|des|d)(?: la| l)? \w+)?",
    "de": r"wenn (?:die kinder|das baby|die kleinen|die kids|der kleine|die kleine) (?:schlafen|schlaft|im "
    r"bett (?:sind|ist)|eingeschlafen sind)|wenn ich (?:wieder )?(?:klar )?denken kann"
    r"|wenn (?:die wohnung|das zimmer|das haus) (?:frei|leer) ist|morgen (?:fruh|vormittag|nachmittag)"
    r"|(?:am |zum )?ende des monats|(?:zum |am )?monatsende",
    "it": r"quando (?:i bambini|i bimbi|i ragazzi|il bambino|la bambina|il piccolo|la piccola) (?:dormono|"
    r"dorme|sono a letto|si addormentano|vanno a letto)|quando (?:riesco|potro) (?:a )?(?:pensarci|ragionare)"
    r"|quando (?:si libera|sara libero|e libero|si liberera) (?:l appartamento|la casa|la stanza)"
    r"|domani (?:mattina|pomeriggio)",
    "pt": r"quando (?:as criancas|os meninos|o bebe|a nenem|os filhos|os pequenos|as meninas) (?:dormirem|"
    r"estiverem dormindo|forem dormir|forem pra cama)|quando (?:eu )?(?:puder|conseguir) pensar(?: com "
    r"calma)?|quando (?:o apartamento|a casa|o quarto) (?:ficar|estiver) (?:livre|vazio|vazia)"
    r"|amanha (?:de manha|cedo|a tarde)",
    "nl": r"als (?:de kinderen|de kids|de baby|de kleine|de kleintjes|de kinders) (?:slapen|slaapt|in bed "
    r"liggen|op bed liggen)|als ik (?:weer )?(?:helder )?(?:kan )?(?:denken|nadenken)(?: kan)?"
    r"|als (?:het appartement|het huis|de kamer) (?:vrij|leeg) is|morgen(?:ochtend| ochtend|middag| vroeg)",
}
# A reminder acknowledged with a sigh: "another reminder 🙄, yes I know it's in my basket", "encore un rappel,
# je sais que c'est dans mon panier", "alweer een herinnering, ik weet het". Nothing asked.
REMINDED: dict[str, str] = {
    "en": r"(?:oh )?(?:great |wow |yet |not )?another (?:reminder|text|message|sms)"
    r"|(?:yes |yeah |yep )?i know(?: (?:it|its|it s|the \w+|they|theyre|they re)(?: is| are| s)?"
    r"(?: still)? in (?:my|the) (?:cart|basket|bag|trolley))?",
    "es": r"(?:otro|otra vez el|otra vez un) (?:recordatorio|mensaje|sms|aviso)"
    r"|(?:si )?(?:ya lo|ya|lo) se(?: que (?:esta|lo tengo|sigue)(?: \w+)? en (?:el|mi) (?:carrito|cesta))?",
    "fr": r"encore un (?:rappel|message|sms|texto)|(?:oui )?je sais(?: que (?:c est|il est|elle est"
    r"|(?:le|la|les) \w+ (?:est|sont)|je l ai)(?: toujours| encore)? dans (?:mon|le) panier)?",
    "de": r"(?:schon )?wieder (?:eine|so eine) (?:erinnerung|nachricht|sms)|(?:ja )?(?:ich weiss|weiss ich)"
    r"(?: dass (?:es|er|sie|das) (?:noch )?im (?:warenkorb|korb) (?:liegt|ist))?",
    "it": r"(?:un altro|ancora un) (?:promemoria|messaggio|sms)"
    r"|(?:si )?lo so(?: che (?:e|sta)(?: ancora)? nel carrello)?",
    "pt": r"(?:mais um|outro) (?:lembrete|aviso|sms)|mais uma mensagem|(?:ja|eu) sei(?: que (?:ta|esta|ficou)"
    r"(?: \w+)? no carrinho)?",
    "nl": r"(?:alweer|weer|nog) een (?:herinnering|bericht|sms)|(?:ja )?ik weet het(?: het ligt(?: nog)? in "
    r"(?:mijn|het) (?:mandje|winkelmandje|winkelwagen|winkelmand))?",
}
# Delight with the thing or whom it is for, and only looking: "she's going to love it", "le va a encantar",
# "il va être ravi", "er wird sich riesig freuen", "sarà felicissima", "ela vai adorar", "hij gaat het
# geweldig vinden", "lowkey obsessed with that pencil case", "just browsing". Nothing asked.
DELIGHT: dict[str, str] = {
    "en": r"(?:s?hes?|they|theyre|hell|shell|theyll)(?: s| is| are| re| will)?(?: going to| gonna)? "
    r"(?:absolutely |totally |really |just )?(?:love|adore) (?:it|them|this|that|these|those)"
    r"|(?:s?hes|s?he is|theyre|they are|s?hell be|s?he will be|theyll be|they will be)(?: going to be| gonna "
    r"be)? (?:so |really |absolutely |over the moon|thrilled|delighted|chuffed|made up|stoked)+"
    r"(?: with (?:it|them|this))?"
    r"|(?:lowkey |highkey |honestly |so |totally |literally )*(?:obsessed|in love) with (?:it|them|this|that|"
    r"these|those)(?: \w+){0,2}?(?= ngl| tbh| lol|$| gonna| going| ill| will| and)"
    r"|(?:im )?(?:only|just) (?:browsing|looking)"
    # a stop-like verb of delight, no opt-out: "can't stop looking at them 😍"
    r"|(?:i )?(?:cant|cannot|can t|couldnt) stop (?:looking|staring|gazing|thinking)"
    r"(?: (?:at|about) (?:it|them|this|that|these|those|my \w+|the \w+))?",
    "es": r"(?:le|les|te) (?:va|van) a (?:encantar|fascinar|flipar|chiflar|gustar muchisimo)"
    r"|(?:le|les) (?:encantara|fascinara)|(?:solo|nomas|nada mas) (?:estoy |estaba )?(?:mirando|viendo|"
    r"echando un vistazo)"
    r"|no (?:puedo dejar de|paro de|dejo de) (?:mirarl[oa]s?|verl[oa]s?|mirar|pensar en (?:ell[oa]s?|eso))",
    "fr": r"(?:il|elle|ils|elles) (?:va|vont) (?:etre )?(?:ravie?s?|adorer|kiffer|aimer)"
    r"|(?:il|elle) (?:sera|seront) (?:ravie?s?|aux anges)|je (?:ne )?regarde (?:juste|seulement|que)"
    r"|(?:je |j )?(?:n )?(?:(?:peux|arrive) (?:pas|plus) (?:a )?(?:m )?arreter|arrete (?:pas|plus)) "
    r"(?:de |d )?(?:les |la |le |l |y )?(?:regarder|penser|admirer)",
    "de": r"(?:er|sie) wird (?:sich )?(?:\w+ )?freuen|(?:er|sie) wird (?:es|das|ihn|sie) (?:\w+ )?lieben"
    r"|(?:ich )?(?:schau|gucke?|schaue) (?:nur|bloss)(?: mal)?"
    r"|(?:ich )?kann (?:nicht|net|ned) (?:aufhoren|aufhoeren) (?:sie |ihn |es |die |den |das |dran |daran )?"
    r"(?:anzuschauen|anzusehen|anzugucken|hinzuschauen|hinzusehen|hinzugucken|anzustarren|zu denken)",
    "it": r"(?:sara|saranno) (?:felicissim[oaie]|content(?:issim)?[oaie]|entusiast[aie])"
    r"|(?:gli|le) piacera (?:tantissimo|moltissimo|un sacco|da morire)|(?:lo|la) adorera"
    r"|(?:sto )?(?:solo )?(?:guardando|curiosando)(?: solo)?|guardo solo"
    r"|non (?:riesco a |posso )?smett(?:o|ere) (?:di )?(?:guardarl[aeoi]|guardare|fissarl[aeoi]|pensarci)",
    "pt": r"(?:ela|ele|eles|elas) (?:vai|vao) (?:amar|adorar|curtir)|(?:ela|ele) vai ficar (?:muito )?"
    r"(?:feliz|felicissim[oa])|(?:(?:to|estou|tou) )?(?:so )?(?:olhando|dando uma olhada|vendo)"
    r"|(?:eu )?nao (?:consigo parar de|paro de|canso de) (?:olhar|ver|pensar)"
    r"(?: (?:pra|para|pras|pros) (?:ela|ele|elas|eles)| (?:nel[ae]s?|nisso))?",
    "nl": r"(?:hij|zij|ze) (?:gaat|zal) het (?:\w+ )?(?:geweldig|super|prachtig|fantastisch|top|leuk|mooi) "
    r"vinden|(?:hij|zij|ze) (?:gaat|zal) er (?:heel |super)?blij mee zijn|(?:ik )?kijk (?:alleen|maar) even"
    r"|(?:ik )?kan (?:niet|ni) (?:stoppen|ophouden) met (?:kijken|staren|ernaar kijken|eraan denken)",
}
# Who the shopper will consult before buying: "with the committee", "con la junta directiva", "avec le bureau
# de l'association", "mit dem Vorstand", "il consiglio direttivo", "pra diretoria", "met het bestuur".
COUNCILS = (
    "committee, club committee, board, the board, board meeting, committee meeting, trustees, pta, junta, "
    "junta directiva, directiva, comite, asociacion, bureau, conseil, conseil d administration, association,"
    " asso, vorstand, vorstandssitzung, verein, ausschuss, komitee, direzione, direttivo, consiglio, "
    "consiglio direttivo, comitato, associazione, direcao, diretoria, comissao, associacao, bestuur, "
    "bestuursvergadering, commissie, vereniging"
)
_COUNCIL = (
    r"(?:(?:with|to|at|by|con|a|en|avec|au|aux|mit|in|im|col|alla|al|com|pra|para|na|no|met|aan|bij|voor) )?"
    r"(?:(?:the|my|our|la|el|le|l|du|de|dem|der|die|den|il|lo|o|a|do|da|het|ons|onze|nuestra|notre|unser|"
    r"unserem|nostro|nosso|nossa) )?(?:club |clube |"
    rf"verein )?(?:{'|'.join(sorted(COUNCILS.split(', '), key=len, reverse=True))})"
    r"(?: (?:of|de|del|du|des|vom|von|van|do|da|della|dell)(?: (?:the|la|el|l|het|de|o|a))? \w+)?"
)
# The family the shopper will ask first: "ask my husband", "se lo pregunto a mi hija", "en parler à mon mari",
# "erst meine Frau fragen", "con mio figlio", "ver com o meu genro", "met mijn vrouw overleggen".
FAMILY = (
    "husband, wife, partner, daughter, son, mum, mom, mam, mama, dad, mother, father, sister, brother, "
    "son in law, daughter in law, mother in law, father in law, other half, boyfriend, girlfriend, "
    "marido, mujer, esposa, esposo, hija, hijo, madre, padre, hermana, hermano, yerno, nuera, suegra, "
    "suegro, pareja, novio, "
    "novia, "
    "mari, femme, epouse, fille, fils, mere, pere, soeur, frere, gendre, belle fille, belle mere, beau pere, "
    "conjoint, compagnon, "
    "compagne, copain, copine, "
    "mann, frau, tochter, sohn, mutter, vater, schwester, bruder, schwiegersohn, schwiegertochter, "
    "schwiegermutter, schwiegervater, "
    "freund, freundin, "
    "marito, moglie, figlia, figlio, mamma, papa, sorella, fratello, genero, nuora, suocera, suocero, "
    "compagno, compagna, "
    "ragazzo, ragazza, "
    "mulher, filha, filho, mae, pai, irma, irmao, genro, nora, sogra, sogro, namorado, namorada, "
    "man, vrouw, dochter, zoon, moeder, vader, zus, broer, schoonzoon, schoondochter, schoonmoeder, "
    "schoonvader, vriend, vriendin, "
    # the people the shopper lives with, and those whose advice they ask first
    "flatmate, roommate, roomie, housemate, companero de piso, companera de piso, coloc, colocataire, "
    "mitbewohner, mitbewohnerin, coinquilino, coinquilina, colega de quarto, huisgenoot, huisgenote, "
    "kotgenoot, kotgenote, "
    "doctor, gp, midwife, pharmacist, medico, medica, matrona, farmaceutico, farmaceutica, medecin, "
    "sage femme, pharmacien, pharmacienne, arzt, arztin, hebamme, apotheker, apothekerin, ostetrica, "
    "farmacista, parteira, huisarts, verloskundige"
)
# Asked (a verb or "with" before, or German "meine Frau fragen"): "es para mi hermana" is who it is for.
_RELATIVE = rf"(?:{'|'.join(sorted(FAMILY.split(', '), key=len, reverse=True))})"
_FAMILY = (
    r"(?:(?:ask|asking|check with|with|to|pregunto a|preguntar a|consulto con|con|a|avec|demander a|mit|"
    r"chiedo a|chiedere a|col|con|com|perguntar a|pergunto a|met|aan|vraag|vragen) )(?:(?:o|a|il|la) )?"
    rf"(?:my|mi|mis|mon|ma|mes|meine|meinem|meiner|meinen|mio|mia|miei|meu|minha|mijn) {_RELATIVE}"
    r"(?: to help (?:me|us)(?: to)?)?"
    rf"|(?:meine|meinen|mijn) {_RELATIVE} (?:fragen|frage|vragen|vraag)"
)
# Someone in the family will see to the cart for the shopper: "my son will order it for me", "mi hijo lo
# compra el finde", "mon fils s'en occupera", "mein Sohn kümmert sich darum", "ci pensa mio figlio", "o meu
# filho trata disso", "mijn zoon regelt het". Or decides or pays, and the shopper waits for them or sends
# them the link: "my mum is buying the cot so I'll wait for her", "meine Frau entscheidet, ich zeig ihr den
# Link". Nothing to answer.
_MY = (
    r"(?:my|our|mi|nuestro|nuestra|mon|ma|notre|mein|meine|unser|unsere|mio|mia|il mio|la mia|o meu|a minha|"
    r"meu|minha|mijn|onze)"
)
FAMILY_SEES_TO_IT: dict[str, str] = {
    # ... or already has: "my flatmate already got us the tickets", "ma coloc les a déjà achetés"; or said yes
    # ("omg my mom said yes", "mia mamma ha detto sì"): read whole, its "sì" is no "if", "ma mère" no "but"
    "en": rf"{_MY} {_RELATIVE} said (?:yes|ok|okay)|"
    rf"{_MY} {_RELATIVE} (?:has |s )?already (?:got|bought|ordered)(?: \w+){{0,3}}"
    rf"|{_MY} {_RELATIVE} (?:will |ll |is going to |is gonna |can )?"
    r"(?:order|buy|get|sort|do|handle|deal with|take care of|look at|check)(?: it| this| that| them)?"
    r"(?: out)?(?: for (?:me|us|him|her))?"
    rf"|{_MY} {_RELATIVE}(?: is|s| s)? (?:decides|will decide|pays|paying|will pay|buying|buys)"
    r"(?: it| them| the \w+)?"
    r"(?: (?:so |and )?(?:ill|i will|i ll) wait for (?:him|her|them))?"
    r"|(?:ill|i will|i ll) (?:send|show) (?:him|her|them) the (?:link|list|cart|basket)"
    rf"|(?:ill|i will|i ll) (?:send|show) (?:it|this|the (?:link|list|cart|basket)) to {_MY} {_RELATIVE}"
    r"(?: (?:he|she|they) (?:decides|decide|will decide|pays))?",
    "es": rf"{_MY} {_RELATIVE} (?:me )?dijo que si\w*|"
    rf"{_MY} {_RELATIVE} ya (?:lo |la |los |las )?(?:compro|pidio|encargo)"
    rf"|{_MY} {_RELATIVE} (?:lo |la |los |las |se lo |se la |se )?"
    r"(?:compra|comprara|pide|pedira|encarga|encargara|mira|mirara|ve|vera|hace|hara|gestiona|ocupa|"
    r"ocupara)(?: de (?:eso|ello|todo))?"
    rf"|{_MY} {_RELATIVE} (?:decide|decidira|paga|pagara|regala|regalara)(?: (?:el|la|los|las) \w+)?"
    r"(?: (?:asi que |y )?(?:la|lo|los|las) espero)?",
    "fr": rf"{_MY} {_RELATIVE} (?:m )?a dit oui|"
    rf"{_MY} {_RELATIVE} (?:les |l |la |le )?a deja (?:achete|commande|pris)e?s?"
    rf"|{_MY} {_RELATIVE} (?:s en occupe|s en occupera|va s en occuper|le commande|le commandera|"
    r"la commande|la commandera|l achete|l achetera|va (?:le |la |l )?(?:commander|acheter|regarder)|"
    r"regardera)"
    rf"|(?:c est )?{_MY} {_RELATIVE} (?:qui )?(?:decide|paie|paye|offre|choisit)(?: (?:le|la|les|l) \w+)?"
    r"(?: (?:donc |et )?(?:j attends (?:sa|leur) reponse|je (?:l|les) attends))?"
    r"|je (?:lui|leur) (?:montre|envoie) (?:le lien|la liste|le panier)",
    "de": rf"{_MY} {_RELATIVE} (?:hat ja gesagt|sagt ja)|"
    rf"{_MY} {_RELATIVE} hat (?:sie |es |ihn |das |die \w+ )?schon (?:gekauft|bestellt|besorgt)"
    rf"|{_MY} {_RELATIVE} (?:kummert sich(?: \w+){{0,3}} (?:darum|drum)|bestellt (?:es|das|ihn|sie)|"
    r"kauft (?:es|das|ihn|sie)|macht (?:das|es)|erledigt (?:das|es))"
    rf"|{_MY} {_RELATIVE} (?:entscheidet|bezahlt|zahlt)(?: (?:also |und )?ich warte auf (?:ihn|sie))?"
    r"|ich (?:zeig|zeige|schick|schicke) (?:ihr|ihm|ihnen) (?:den link|die liste|den warenkorb)",
    "it": rf"{_MY} {_RELATIVE} (?:mi )?ha detto (?:si|ok)|"
    rf"{_MY} {_RELATIVE} (?:li |le |lo |la |l )?ha gia (?:pres|comprat|ordinat)[oaie]"
    rf"|(?:ci pensa|se ne occupa|lo ordina|la ordina|lo compra|la compra) {_MY} {_RELATIVE}"
    rf"|{_MY} {_RELATIVE} (?:ci pensa|se ne occupa|lo ordina|la ordina|lo compra|la compra)"
    rf"|(?:(?:il|la|lo|l|i|le|gli) \w+ )?(?:decide|paga|(?:lo |la )?(?:paga|regala)) {_MY} {_RELATIVE}"
    r"(?: (?:quindi |e )?(?:aspetto (?:lei|lui|loro)|(?:la|lo|li) aspetto))?"
    r"|(?:gli|le) (?:mando|giro|mostro|faccio vedere) (?:il link|la lista|il carrello)",
    "pt": rf"{_MY} {_RELATIVE} (?:deixou|disse que sim|aprovou)|"
    rf"{_MY} {_RELATIVE} ja (?:os |as |o |a )?(?:comprou|encomendou|pediu)"
    rf"|{_MY} {_RELATIVE} (?:trata disso|trata|vai tratar(?: disso)?|compra|vai comprar|encomenda|"
    r"vai encomendar|pede|vai pedir|resolve|vai resolver)"
    rf"|{_MY} {_RELATIVE} (?:decide|vai decidir|paga|vai pagar|da|vai dar)(?: (?:o|a|os|as) \w+)?"
    r"(?: (?:entao |e )?(?:vou esperar|espero) (?:ela|ele|eles|elas))?",
    "nl": rf"{_MY} {_RELATIVE} (?:zei|zegt|heeft) ja(?: gezegd)?|"
    rf"{_MY} {_RELATIVE} heeft (?:ze |het |hem |m )?al (?:gekocht|besteld)"
    rf"|{_MY} {_RELATIVE} (?:(?:regelt|bestelt|koopt|doet|bekijkt) (?:het|dat|hem|m)|beslist|betaalt)"
    r"(?: (?:dus |en )?(?:ik )?wacht op (?:haar|hem|hen|ze))?"
    rf"|{_MY} {_RELATIVE} (?:gaat|zal) (?:het|dat) (?:regelen|bestellen|kopen|doen)"
    r"|ik (?:stuur|laat) (?:haar|hem|hen) (?:de link|de lijst|het mandje)(?: zien)?",
}
# An order placed, a wish for it, a message meant for another chat: "just ordered it, fingers crossed!",
# "ya lo pedí, deséenme suerte", "bestellt, Daumen drücken", "fatto l'ordine, incrociamo le dita", "besteld,
# duimen!", "sorry wrong chat 😊". Nothing to answer; "ordered last week, still nothing" leaves words to
# answer.
ORDERED: dict[str, str] = {
    "en": r"(?:i |ive |i have )?(?:just |already )?(?:ordered|bought|purchased)(?: it| one| them)?"
    r"(?: just now| last night| this morning| yesterday| earlier)?",
    "es": r"(?:ya )?(?:lo |la |los |las )?(?:pedi|compre|encargue|he pedido|he comprado)(?: ya)?"
    r"|(?:pedido|compra) hech[oa]|(?:ya )?(?:hice|he hecho) el pedido",
    "fr": r"(?:c est |cest |deja |bien )(?:commandee?s?|achetee?s?)|commande passee"
    r"|(?:je viens de|je l ai|j ai|jai)(?: deja)? (?:le |la |l )?(?:commander|commande|acheter|achete)e?s?",
    "de": r"(?:(?:ich )?(?:hab|habe)(?: es| ihn| sie| das)? )?(?:grad |gerade |eben |schon |soeben )?"
    r"(?:bestellt|gekauft)",
    "it": r"(?:(?:l ho|lho|ho) )?(?:appena |gia )?(?:ordinat[oa]|comprat[oa]|acquistat[oa])"
    r"|fatto (?:l ordine|lordine)",
    "pt": r"acabei de (?:encomendar|comprar|pedir)|(?:ja )?(?:encomendei|comprei|encomendado|comprado)",
    "nl": r"(?:(?:ik )?(?:heb|hebt)(?: het| m| hem)? )?(?:net |al |zojuist )?(?:besteld|gekocht)",
}
WISHES: dict[str, str] = {
    "en": r"(?:(?:keep|keeping) )?(?:my )?fingers crossed|wish me luck",
    "es": r"(?:deseenme|deseame|desearme) suerte|crucemos los dedos|(?:con los )?dedos cruzados",
    "fr": r"(?:croisons|je croise|on croise) les doigts|souhaite[zr]? moi bonne chance",
    "de": r"(?:dr(?:u|ue)ck(?:t|en)? )?(?:mir |uns )?(?:die )?daumen(?: dr(?:u|ue)cken)?",
    "it": r"incrociamo le dita|dita incrociate|speriamo bene|augur(?:ami|atemi) buona fortuna",
    "pt": r"figas|dedos cruzados|torc(?:am|e) por mim",
    "nl": r"duim(?:en|t)?(?: voor (?:me|mij))?",
}
# Up late, musing: "it's 1am and I'm still looking at kettlebells instead of sleeping lol", "il est 1h du
# mat", "es ist 1 Uhr nachts", "ipv te slapen". The hour and the sleep put off need no answer.
AWAKE_LATE: dict[str, str] = {
    "en": r"(?:its |it s )?(?:already )?\d{1,2} ?am(?: already)?|instead of (?:sleeping|going to bed)",
    "es": r"(?:ya )?(?:es|son) la(?:s)? \d{1,2}(?: de la (?:manana|madrugada|noche))?"
    r"|en (?:vez|lugar) de dormir",
    "fr": r"il est (?:deja )?\d{1,2} ?h(?: du (?:mat|matin))?|au lieu de dormir",
    "de": r"es ist (?:schon )?\d{1,2}(?: uhr)?(?: nachts| in der nacht)?|(?:an)?statt zu schlafen",
    "it": r"(?:e|sono) (?:gia )?(?:l una|le \d{1,2})(?: di notte)?|invece di dormire",
    "pt": r"(?:ja )?(?:e|sao) (?:\d{1,2} ?h|\d{1,2} horas)(?: da (?:manha|madrugada))?"
    r"|(?:ja )?(?:e|sao) (?:uma|duas) da (?:manha|madrugada)"
    r"|(?:em vez|ao inves) de dormir",
    "nl": r"het is (?:al )?\d{1,2} (?:uur )?(?:s nachts|snachts)|(?:ipv|in plaats van) te slapen",
}
WRONG_CHAT: dict[str, str] = {
    "en": r"wrong (?:chat|convo|conversation|thread|number|person)",
    "es": r"(?:chat|conversacion|numero) equivocad[oa]|me equivoque de (?:chat|conversacion|numero)",
    "fr": r"mauvais(?:e)? (?:conversation|conv|discussion|numero|personne)|(?:je me suis )?trompee? de "
    r"(?:conversation|conv|discussion|numero)",
    "de": r"falsche[rn]? (?:chat|nummer|person|unterhaltung)",
    "it": r"(?:chat|conversazione) sbagliata|(?:ho )?sbagliato (?:chat|conversazione|numero)",
    "pt": r"(?:conversa|mensagem) errada|(?:chat|numero) errado",
    "nl": r"verkeerde (?:chat|gesprek|persoon|nummer)",
}
# A sign-off and the name under it: "Cordialement, Jeanne", "Gruß Horst", "Abraço, Joaquim".
SIGN_OFFS = (
    r"(?:kind regards|best regards|regards|best wishes|saludos|un saludo|atentamente|cordialement|"
    r"bien a vous|gruss|grusse|viele grusse|lg|mfg|cordiali saluti|distinti saluti|saluti|abraco|abracos|"
    r"atenciosamente|beijos|groet|groeten|met vriendelijke groet|mvg)(?: \w+){0,2}$"
)
_ASIDE_PARTS = [
    *ASIDES.values(),
    *BOUGHT_IN_THE_APP.values(),
    *SHORT_OF_MONEY.values(),
    *WHEN_PAID.values(),
    *WAITING_FOR_PAY.values(),
    *LATER_MOMENTS.values(),
    *REMINDED.values(),
    *DELIGHT.values(),
    *FAMILY_SEES_TO_IT.values(),
    *ORDERED.values(),
    *WISHES.values(),
    *WRONG_CHAT.values(),
    *AWAKE_LATE.values(),
    *NEVER_MIND.values(),
    *OLDER_SHOPPER.values(),
]
_ASIDES = re.compile(rf"\b(?:{'|'.join([*_ASIDE_PARTS, SIGN_OFFS, _COUNCIL, _FAMILY])})\b")
_THANKS_FOR = re.compile(rf"\b(?:{'|'.join(THANKS_FOR.values())})(?: \w+){{1,3}}")
# "I'll think it over", "lo miro con calma", "ich überleg's mir noch": a plan of the shopper's own. The few
# words after it say when or how and need no answer, unless they turn ("but", "if") or negate.
PLANS: dict[str, str] = {
    "en": r"(?:ill|il|i will|i shall|shall|hell|shell|he will|she will|theyll|they will|im gonna|gonna|"
    r"going to|i might|might|will|let me|i need to|need to|i have to|have "
    r"to|gotta|i wanna|wanna) (?:probably |prob |maybe |just |definitely |def |first )?(?:think|have a "
    r"(?:proper )?(?:look|think)|look|check|order|buy|grab|get|decide|sort|sleep on|come back|get back|"
    r"pick|talk|ask|cop|"
    r"save|discuss|consult|go through|go over|take it|bring it|run it|put it to|"
    r"raise it)"
    # "buying tomorrow", "ordering it on payday"
    r"|(?:im |i am )?(?:ordering|buying|grabbing)",
    "es": r"(?:dejame |tengo que |necesito |voy a )?(?:lo |la |me lo |me la )?(?:pensar|pensarlo|pienso|"
    r"pensamos|hablamos|vemos|"
    r"pensare|mirar|mirarlo|miro|mirare|ver|vere|veo|pedir|pido|pedire|comprar|compro|comprare|decido|"
    r"consultar|consultarlo|consulto|consultare|hablar|hablo|hablare|preguntar|pregunto|pillo|pillare|llevo|"
    r"llevare|presento|presentare|comento|comentare|planteo|plantear|checo|checare|checar)",
    "fr": r"(?:laissez moi|laisse moi|je dois|il faut que je|je vais|jvais|j vais|je|j|on|jle|jla|jles) "
    r"(?:y |en |le |la |les |l |lui |leur )?"
    r"(?:reflechir|reflechis|"
    r"regarder|regarde|voir|verrai|commanderai|commande|reviens|reviendrai|repasse|repasserai|parler|parle|"
    r"discuter|discute|prends|prendrai|reparle|reparlera|reparlerons|"
    r"(?:la |le |les |l )commanderai|"
    r"demander|demande|presente|presenterai|soumets|soumettrai|montre|montrerai|achete|acheterai|"
    r"vais|vois|transmets|transmettrai|reflechit|reflechissons)|(?:vous|te) (?:redis|tiens)",
    "de": r"(?:ich |i )?(?:muss |mochte |will |werde )?(?:noch |mal |erst |das |es )*(?:denk|denke|uberleg|"
    r"uberlegen|abklaren|klaren|besprechen|absprechen|abstimmen|"
    r"uberlege|uberlegs|schau|schaue|schaus|guck|gucke|bestell|bestelle|kauf|kaufe|meld|melde|frag|frage|"
    r"mach ich|mache ich|machs|bestells|bespreche|besprech|hol ich|hole ich|bring|bringe|brings|nehm|nehms|"
    r"fragen|entscheide|kaufs|lueg|luege|uberlegens)",
    "it": r"(?:devo |voglio )?(?:pensarci|rifletterci|parlo|ne parlo|ne parlero|parlero|chiedo|decido|"
    r"sentire|sento|chiedere|"
    r"parlarne|consultare|consulto)"
    r"|ne parliamo|ne parleremo|decidiamo|ci (?:penso|pensero|pensiamo|rifletto|riflettiamo|faccio|sentiamo)"
    r"|(?:vi|ti) faccio sapere"
    r"|(?:lo |la |li |le )?(?:ordino|prendo|compro|guardo)",
    "pt": r"(?:vou|vamos|preciso|tenho que|deixa eu) (?:pensar|ver|olhar|dar|comprar|pedir|sair|falar|"
    r"conversar|levar|apresentar|mostrar|consultar|"
    r"perguntar|decidir|encomendar|pegar)"
    r"|(?:depois )?(?:eu )?(?:vejo|penso|compro|encomendo|falo|peco|pego)"
    r"|te (?:aviso|falo)|fico (?:a pensar|pensando)",
    "nl": r"(?:ik |we |wij )?(?:moet |wil |ga |zal |zullen )?(?:er |het |dit )?(?:nog )?(?:even |eens )?"
    r"(?:denk|denken|kijk|bestel|koop|overleg|overleggen|vraag|bespreek|bespreken|leg (?:het |dit |m )?voor|"
    r"beslis|doe ik|nadenken|over nadenken)|ga (?:\w+ ){0,2}(?:kopen|bestellen|halen)"
    r"|(?:ik )?kom (?:er )?(?:\w+ )?(?:op )?terug",
}
_TURNS = (
    "but|pero|mais|aber|ma|mas|maar|if|si|se|wenn|als|not|no|pas|nicht|niet|non|nao|nada|rien|nothing|"
    # a question without its "?": "je dois attendre combien de temps"
    "how|when|where|what|why|combien|quand|ou|pourquoi|wann|wo|wie|warum|was|cuando|donde|como|cuanto|"
    "quando|dove|come|quanto|onde|wanneer|waar|hoe|hoeveel|waarom"
)
# "mais tarde", "mais pra frente" is later, not the French "but".
_PLAN_WORD = rf"(?: (?!(?:{_TURNS})\b(?! (?:tarde|pra frente|para frente|para a frente|adiante)\b))\w+)"
# When the plan will happen, said after it: "I'll order the backpack when I'm home", "lo compro cuando cobre
# la aceituna", "ik bestel als ik thuis ben" (a clause that neither turns nor negates).
# A clause about the shop is a condition to answer, not a time ("I'll order when you fix the checkout").
_WHEN = "when|once|cuando|quand|lorsque|wenn|sobald|quando|appena|als|zodra|wanneer"
_THE_SHOP = (
    "you|u|your|ur|yall|fix|fixed|vous|votre|vos|ihr|euch|eure|jullie|voi|vostro|vostra|ustedes|vosotros|"
    "usted|voce|voces|vcs|vc|site|website|web|app|link|checkout|sitio|pagina|seite|sito|pagamento|paiement"
)
_WHEN_WORD = rf"(?: (?!(?:{_TURNS}|{_THE_SHOP})\b)\w+)"
_WHEN_CLAUSE = rf"(?:{_WHEN}){_WHEN_WORD}{{1,6}}"
# ... or before it: "cuando vuelva de la playa lo pido", "quando torno dalla Sardegna lo ordino".
_PLAN = re.compile(
    rf"\b(?:{_WHEN_CLAUSE} )?(?:{'|'.join(PLANS.values())})\b{_PLAN_WORD}{{0,6}}(?: {_WHEN_CLAUSE})?"
)
# A plan counts as one thing said, and a message may hold two ("je vois ça avec mon mari et je reviens vers
# vous").
_PLANS_IN_A_MESSAGE = 2
# A greeting or a yes alone opens a conversation ("ciao", "buongiorno", "yes" to "want it?"): it needs an
# answer. With thanks or a wish it is a goodbye ("buenas tardes, gracias").
OPENERS = re.compile(
    r"^(?:(?:hi|hello|hey|hola|ciao|oi|ola|hallo|hoi|bonjour|bonsoir|salve|salut|buongiorno|buonasera|goedemorgen|"
    r"goedemiddag|goedenavond|good morning|good afternoon|buenos dias|buen dia|buenas tardes|bom dia|boa "
    r"tarde|"
    r"guten tag|guten morgen|buon giorno|yes|yeah|si|sim|ja|oui) ?)+$"
)
# "graciass", "graziee", "thanksss": a stretched last letter is the same word; "taaac", "suuuper": a letter
# held three times or more inside it is the word with it doubled or single.
_STRETCHED = re.compile(r"(.)\1+$")
_HELD = re.compile(r"(.)\1{2,}")


def _is_courtesy(word: str) -> bool:
    return (
        word in _WORDS
        or _STRETCHED.sub(r"\1", word) in _WORDS
        or _HELD.sub(r"\1\1", word) in _WORDS
        or _HELD.sub(r"\1", word) in _WORDS
    )


# "HAVE A GOOD DAY. MARGARET", "thanks a lot - Pieter": a name signed under the message, after a stop, a comma
# or a dash, written with a capital; it needs no answer.
# A title may stand before it ("Dona Fátima", "Mrs Hill") and kisses after it ("Pat x").
_SIGNED_NAME = re.compile(
    r"[.,!;\n–—-]\s*((?:(?:dona|don|dr|mrs|mr|ms|miss|mme|frau|herr|sig|sra|sr|mevr|mevrouw)\.?\s+)?"
    r"([^\W\d_][^\W\d_'’-]{2,})(?:\s+x{1,3})?)\s*[.!]?\s*$",
    re.IGNORECASE,
)


def _unsigned(text: Text) -> tuple[str, ...]:
    words = text.words
    found = _SIGNED_NAME.search(text.raw)
    if found is None or len(words) < 3 or not found[2][0].isupper():
        return words
    signed = Text(found[1]).words
    if _is_courtesy(signed[-1] if signed[-1][:1] != "x" else signed[-2]) or words[-len(signed) :] != signed:
        return words
    return words[: -len(signed)]


def is_courtesy_phrase(said: str) -> bool:
    """ "passt", "top": a word a rule matched that is itself only courtesy ("Passt, danke!")."""
    return bool(said.split()) and all(_is_courtesy(w) for w in said.split())


# "'Your basket misses you' lol yes, end of month I'll buy it", „Dein Warenkorb vermisst dich“: the store's
# reminder quoted back is not the shopper's own words (nor a question of theirs). A quote opens after a space
# or the start and closes before one, so the apostrophes of "I'll" and "l'ordine" open none.
_QUOTED = re.compile(
    r"""(?:^|(?<=\s))(?:'[^'\n]{1,80}'|"[^"\n]{1,80}"|[“„‚‘«‹][^”“‘’»›\n]{1,80}[”“‘’»›])(?=[\s\W]|$)"""
)


def _unquoted(text: Text) -> Text:
    return Text(_QUOTED.sub(" ", text.raw)) if _QUOTED.search(text.raw) else text


def is_acknowledgement(text: Text) -> bool:
    """ "ok thanks 👍", "merci et bonne soirée", "valeu demais" — nothing to answer, nothing for a person."""
    text = _unquoted(text)
    if "?" in text.raw:
        return False
    if not text.words:
        # Only emoji or punctuation: a thumbs-up or a heart.
        return bool(text.raw.strip())
    words = _unsigned(text)
    # An aside is read whole, so its words do not count towards the length; a plan counts as one word
    # ("I'll take it to the committee meeting on Tuesday" is one thing said).
    unasided = _without_asides(words)
    if len(_PLAN.sub(" plan ", unasided, count=_PLANS_IN_A_MESSAGE).split()) > MAX_ACK_WORDS or OPENERS.match(
        " ".join(words)
    ):
        return False
    return all(_is_courtesy(w) for w in _unanswered(words).split()) or _a_reason_then_a_plan(text)


def _unanswered(words: tuple[str, ...]) -> str:
    """The words left once asides, a thanks-for and a plan are taken out: each needs an answer."""
    # the plan first: "obrigada pelo aviso, vou ver com o meu marido" (a thanks-for takes up to three words)
    return _answered_by_plans(_without_asides(words))


def _answered_by_plans(said: str) -> str:
    return _THANKS_FOR.sub(" ", _PLAN.sub(" ", said, count=_PLANS_IN_A_MESSAGE), count=1)


# "Flight got cancelled 😩 I'll order the backpack when I'm home", "Mein Flug wurde gestrichen, ich bestell
# den Rucksack, wenn ich zurück bin": a sentence or two of why the cart waits (ended by a stop, a comma or an
# emoji), then the shopper's own plan ends the message. Why needs no answer when none of its words asks,
# turns or negates.
MAX_REASON_WORDS = 8
_NEGATIONS = (
    "dont doesnt didnt cant cannot wont isnt wasnt never nie kein keine keinen jamais ne nunca ninguno mai "
    "nessuno nem geen nooit"
)
# "the link is broken, I'll order later": a problem before the plan is for a person to read.
_PROBLEMS = (
    "broken error crashed crash crashes failed fails declined stuck wrong bug glitch glitchy roto rota falla "
    "fallo cuelga colgado bloqueado plante plantage bug bugue erreur bloque casse panne fehler kaputt "
    "abgesturzt hangt errore rotto bloccato blocca erro quebrado travou trava bugou fout foutmelding kapot "
    "storing vastgelopen"
)
NOT_A_REASON = frozenset(_TURNS.split("|")) | frozenset(_NEGATIONS.split()) | frozenset(_PROBLEMS.split())
_BREAK = re.compile(r"[^\w\s'’]+")


def _a_reason_then_a_plan(text: Text) -> bool:
    parts = [words for words in (Text(part).words for part in _BREAK.split(text.raw)) if words]
    for ends in range(1, len(parts)):
        reason = _without_asides(tuple(word for part in parts[:ends] for word in part)).split()
        if len(reason) > MAX_REASON_WORDS or NOT_A_REASON.intersection(reason):
            return False
        rest = _without_asides(tuple(word for part in parts[ends:] for word in part)).split()
        while rest and _is_courtesy(rest[0]) and not _PLAN.match(" ".join(rest)):
            rest = rest[1:]  # "Vanavond bestel ik 'm": a courtesy word may open the plan's sentence
        said = " ".join(rest)
        if _PLAN.match(said) and all(_is_courtesy(w) for w in _answered_by_plans(said).split()):
            return True
    return False


def _without_asides(words: tuple[str, ...]) -> str:
    """The words around the asides, closed up: "muss das erst [mit dem Vorstand] abklären" is one plan."""
    return " ".join(_ASIDES.sub(" ", " ".join(words)).split())


def acknowledgement_holds(text: Text, said: str) -> bool:
    """ "already got it in a shop, thanks anyway": the word a rule matched ("shop") is only part of an
    acknowledgement — a courtesy word or inside an aside — so no rule answers it. A shop word in a plan or a
    thanks-for ("thanks for the shipping info") still goes to its rule."""
    text = _unquoted(text)
    if not is_acknowledgement(text):
        return False
    outside_asides = set(_ASIDES.sub(" ", " ".join(text.words)).split())
    return all(_is_courtesy(word) or word not in outside_asides for word in said.split())
