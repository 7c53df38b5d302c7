"""What a reply means besides compliance words: "a person please", anger, shouting, "ok", and the questions
no canned text can answer honestly (opt-out, opt-in and help are read in `nlp_compliance`).
"""

import re
from functools import cache

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from .lexicon import is_colour
from .nlp import Text, wordset
from .nlp_courtesy import NOT_A_REASON as TURNS_NEGATIONS_PROBLEMS
from .nlp_courtesy import is_acknowledgement as is_acknowledgement
from .nlp_lexicon import order_number_in
from .nlp_payment import payment_trouble, subscription_change

_HUMAN_PATTERNS = [
    r"\b(?:talk|speak|chat|text|connect)(?:ing)? (?:to|with|w) (?:a |an |the |some |your |ur )?"
    r"(?:real |live |actual |human |store )?(?:person|people|human|someone|somebody|agent|rep|representative|"
    r"manager|staff|team|owner|employee|associate|support|customer service|you guys|operator|live agent)\b",
    r"\b(?:real|live|actual) (?:person|human|people|agent|rep)\b",
    r"\bhuman being\b",
    r"\b(?:are you|r u|is this|am i talking to|talking to) (?:a |an )?"
    r"(?:bot|robot|machine|ai|automated|real)\b",
    r"\b(?:is this|this is) (?:a |an )?(?:bot|robot|automated|auto reply|autoreply)\b",
    r"\b(?:customer (?:service|support|care)|support team)\b",
    r"\b(?:call me|give me a (?:call|ring|bell|buzz)|can someone call|phone me|ring me|call me back|"
    r"a call back|a callback)\b"
    r"(?! (?:a |an )?(?:cab|taxi|uber|crazy|old fashioned|picky|obsessed|weird|silly|a fan))",
    r"\bneed (?:a |to talk to a |to speak to a )?(?:human|person|someone)\b",
    r"\b(?:someone|somebody|anyone|anybody)(?: \w+){0,4}? (?:help|call|contact|text|ring|phone|reach out "
    r"to) me\b",
    r"^(?:an? |un |une |um |uma |een |ein |einen |una )?(?:agent|human|representative|rep|operator|person|"
    r"manager|humain|humano|humana|mensch|menschen|umano|mens|persona|personne|pessoa|agente|conseiller|"
    r"operatore|operador|atendente|medewerker|mitarbeiter|asesor)(?: please| pls| now| svp| stp| bitte| por "
    r"favor|"
    r"| per favore| aub| porfa| pf| graag| ya| agora| subito| jetzt| nu)*$",
    r"\b(?:is|isnt) (?:there )?(?:anyone|anybody|someone|somebody) (?:\w+ )?(?:there|here|reading|listening|"
    r"home|real|working)\b",
    # Spanish
    r"\bhablar con (?:alguien|una persona|un agente|un humano|un asesor|un representante|una persona real)\b",
    r"\bpersona real\b",
    r"\b(?:eres|es|sos) (?:un )?(?:bot|robot|maquina)\b",
    r"\b(?:atencion al cliente|servicio al cliente|llamame|llamenme|llameme)\b",
    r"\bme (?:pueden|puede|podrian|podria|podes|podeis|podriais|podrias|puedes) (?:llamar|marcar)\b"
    r"|\b(?:pueden|puede|podrian|podeis|puedes) llamarme\b",
    r"^(?:asesor|agente|humano|persona)$",
    # French, German, Italian, Portuguese, Dutch
    r"\bparler (?:a|avec) (?:quelqu ?un|une personne|un humain|un conseiller|une conseillere|un agent|"
    r"un vendeur|le service client|un vrai)\b",
    r"\b(?:vraie personne|vrai humain|service client|conseiller svp)\b",
    r"\b(?:appelez|rappelez|appelle|rappelle) moi\b|\bm (?:appeler|rappeler)\b"
    r"|\bme (?:rappeler|telephoner)\b",
    r"\b(?:vous etes|tu es|c est|est ce) (?:un )?(?:bot|robot)\b",
    r"\b(?:mit|einen|einem) (?:einem |einer )?(?:menschen|mitarbeiter|mitarbeiterin|berater|echten person|"
    r"kundenservice|kundendienst)\b(?: (?:sprechen|reden))?",
    r"\b(?:echter mensch|echte person|kundenservice|kundendienst)\b",
    r"\b(?:bist du|sind sie|ist das) (?:ein )?(?:bot|roboter)\b",
    r"\bmich (?:\w+ ){0,3}(?:anrufen|zuruckrufen|anruft|zuruckruft)\b"
    r"|\b(?:ruf|ruft|rufen sie) mich (?:\w+ ){0,2}(?:an|zuruck)\b|\bruckruf\b",
    r"\b(?:parlare|parlo|sentire) con (?:qualcuno|una persona|un operatore|un umano|un addetto|"
    r"il servizio clienti|un commesso|una commessa|un responsabile)\b",
    r"\b(?:persona vera|persona reale|operatore umano|servizio clienti|assistenza clienti)\b",
    r"\b(?:sei|e) (?:un )?(?:bot|robot)\b",
    r"\b(?:talking to|hablando con|parle a|parle avec|spreche (?:ich )?mit|parlando con|falando com|praat "
    r"ik met|"
    r"spreek ik met) (?:a |an |un |una |une |einem |einer |um |uma |een )?(?:robot|robo|roboter|machine|"
    r"maquina|"
    r"macchina|computer|ia|ai|ki)\b",
    r"\b(?:chiamatemi|richiamatemi|chiamami|richiamami|chiamarmi|richiamarmi|telefonarmi|telefonatemi|"
    r"telefonami)\b"
    r"|\bmi (?:potete|puoi|puo|potreste) (?:chiamare|richiamare|telefonare)\b",
    r"\bfalar com (?:alguem|uma pessoa|um atendente|um humano|um vendedor|o atendimento)\b",
    r"\b(?:pessoa real|atendente humano|atendimento ao cliente)\b",
    r"\b(?:voce e|vc e|e) (?:um )?(?:bot|robo)\b",
    r"\bme (?:liga|ligue|liguem|ligar|telefona|telefonem)\b|\b(?:ligar|ligarem) (?:pra|para) mim\b",
    r"\b(?:spreken|praten) met (?:iemand|een mens|een medewerker|een persoon|de klantenservice)\b",
    r"\b(?:met )?(?:iemand|een mens|een medewerker|een echt persoon|een echte persoon|een persoon|"
    r"een echt mens|de klantenservice|een collega) (?:\w+ )?(?:spreken|praten|bellen)\b",
    r"\b(?:echt persoon|echte persoon|echt mens|klantenservice)\b",
    r"\b(?:ben je|is dit) (?:een )?(?:bot|robot)\b",
    r"\b(?:bel|bellen) (?:me|mij)\b(?! niet)|\b(?:me|mij) (?:\w+ )?(?:bellen|terugbellen|opbellen|belt|"
    r"terugbelt)\b"
    r"|\bterugbellen\b",
]
# Who a shopper may ask for, per language, and the words that ask for one ("get me a human", "pásame con el
# encargado", "passez-moi un conseiller", "ich will den chef sprechen", "quero falar com o gerente").
_PERSON_WORDS = {
    "en": "human humans person someone somebody anyone agent manager boss supervisor rep representative "
    "operator staff owner",
    "es": "persona humano humana alguien agente asesor asesora encargado encargada gerente supervisor jefe "
    "operador operadora responsable",
    "fr": "quelqu quelquun humain personne conseiller conseillere responsable manager gerant operateur "
    "vendeur vendeuse patron",
    "de": "mensch menschen mitarbeiter mitarbeiterin jemand jemanden jemandem chef chefin ansprechpartner "
    "ansprechpartnerin berater beraterin vorgesetzten verantwortlichen",
    "it": "persona qualcuno operatore operatrice umano responsabile addetto addetta commesso titolare",
    "pt": "pessoa alguem atendente humano humana gerente responsavel operador dono supervisor",
    "nl": "iemand mens medewerker medewerkster manager persoon leidinggevende eigenaar",
}
_ASK_FOR_PERSON = {
    "en": r"get me|put me through to|connect me (?:to|with)|transfer me to|let me (?:speak|talk) to|"
    r"i (?:want|need|would like|d like)|can i (?:get|have)|is there|put|get|may i (?:speak to|talk to|have)",
    "es": r"pasame con|pasenme con|paseme con|me comunican con|comunicarme con|comuniqueme con|"
    r"me (?:puede|pueden|podria|podrian|puedes|podrias) pasar con|"
    r"(?:quiero|necesito|prefiero) (?:hablar con )?|hay|(?:puedo )?hablar con|me pasas con|me pasan con",
    "fr": r"passez moi|passe moi|mettez moi en relation avec|(?:je )?(?:veux|voudrais|souhaite) parler (?:a|"
    r"au|avec)|"
    r"y a t il|il y a|(?:je )?(?:veux|voudrais|souhaite|aimerais)|(?:puis je|je peux|est ce que je peux) "
    r"parler (?:a|au|avec)",
    "de": r"verbinden sie mich mit|verbindet mich mit|(?:ich )?(?:will|mochte|hatte gern|brauche) |"
    r"kann ich|darf ich|gibt es",
    "it": r"passatemi|passami|mettetemi in contatto con|(?:voglio|vorrei|ho bisogno di) (?:parlare con )?|"
    r"c e|posso parlare con|posso avere",
    "pt": r"(?:quero|preciso|gostaria de) (?:falar com )?|me passa (?:pra|para)|tem|posso falar com|"
    r"(?:pode|poderia|podem|poderiam) me passar (?:pra|para)|"
    r"da pra falar com",
    "nl": r"(?:ik wil|wil|ik zou graag|kan ik|mag ik) (?:met )?|is er",
}
# The small words between the asking and the person: "get me A REAL human", "quero falar COM O gerente".
_PERSON_GAP = (
    "a an the to with some real actual live your ur speak talk from con un una el la al hablar algun alguna "
    "real de a au une le avec parler vrai vraie mit einem einer einen den dem die der echten echter echtem "
    "mal "
    "da il lo parlare essere com um o falar algum met een het echt echte "
    # "ich will sofort jemanden sprechen", "I want a manager now"
    "sofort jetzt gleich now ahora maintenant subito adesso agora meteen"
)
_PERSON = (
    r"\b(?:"
    + "|".join(f"(?:{ask})" for ask in _ASK_FOR_PERSON.values())
    + r") ?(?:(?:"
    + "|".join(sorted(set(_PERSON_GAP.split())))
    + r") ){0,3}(?:"
    + "|".join(sorted(set(" ".join(_PERSON_WORDS.values()).split())))
    # "is there someone WHO can sign for it", "hay alguien QUE lo reciba": not a request for a person.
    + r")\b(?! (?:que|qui|die|der|che|who|that|to receive|to sign|om))"
)
# "need a call asap", "quisiera una llamada", "ich hätte gern einen Anruf", "queria uma ligação": a request
# word and a call, in the same language ("my mom WILL CALL you" is neither).
_CALL_REQUESTS = {
    "en": ("need|want|like|request|get|can i get|could i get", "a an", "call|callback|call back|phone call"),
    "es": ("quiero|quisiera|necesito|pido|gustaria", "una", "llamada"),
    "fr": ("veux|voudrais|souhaite|aimerais|demande", "un", "appel|coup de fil"),
    "de": ("brauche|will|mochte|hatte gern|hatte gerne|bitte um", "einen", "anruf|ruckruf|rueckruf"),
    "it": ("voglio|vorrei|chiedo|ho bisogno di", "una", "chiamata|telefonata"),
    "pt": ("quero|queria|preciso|gostaria de", "uma", "ligacao|telefonema"),
    "nl": ("wil|zou graag|graag", "een", "telefoontje|belletje"),
}
_CALL_REQUEST = "|".join(
    rf"\b(?:{ask}) (?:\w+ )?(?:(?:{'|'.join(articles.split())}) )?(?:{call})\b"
    for ask, articles, call in _CALL_REQUESTS.values()
)
# "I want an explanation from someone", "j'attends une réponse d'un humain", "uitleg van een medewerker": an
# answer asked of a person.
_ANSWER_FROM_A_PERSON = (
    r"\b(?:answer|explanation|explicacion|respuesta|explication|reponse|erklarung|antwort|spiegazione|risposta|"
    r"explicacao|resposta|uitleg|antwoord) (?:\w+ ){0,2}(?:from|de|d|von|da|van|by|par|di) (?:\w+ ){0,2}(?:"
    + "|".join(sorted(set(" ".join(_PERSON_WORDS.values()).split())))
    + r")\b"
)
_HUMAN_PATTERNS_MORE = [
    _CALL_REQUEST,
    _PERSON,
    _ANSWER_FROM_A_PERSON,
    r"\b(?:bot|chatbot)\b",
    r"\b(?:are you|r u|sind sie|bist du|seid ihr|sei|siete|sao|sao voces|e|es|eres|son|ben je|zijn jullie|"
    r"vous etes|t es|c est) (?:un |une |uma |um |een |ein |a |an )?(?:robot|robo|roboter|machine|maquina)\b",
    r"\b(?:que|qu on|quon) (?:alguien |alguem |qualcuno |quelqu un )?(?:me |mi )?(?:llame|llamen|m appelle|"
    r"me rappelle|chiami|me ligue|me liguem)\b",
    r"\bmi (?:chiamate|chiami|chiamereste|richiamate|richiami|chiamasse|richiamasse)\b",
    # "qu'un conseiller me rappelle", "dat iemand me belt", "che mi chiami qualcuno": someone calls me back;
    # the letter's past subjunctive too ("les agradecería que una persona de la tienda me llamara").
    r"\b(?:que|qu|che|dass|dat|wenn) (?:\w+ ){0,5}(?:me|mi|mich|mij) (?:\w+ )?(?:llame|llamen|llamara|"
    r"llamaran|llamase|contactara|contactase|appelle|rappelle|appellent|rappellent|chiami|richiami|"
    r"chiamasse|contattasse|ligue|liguem|ligasse|ligassem|contactasse|contactassem|contatasse|retorne|"
    r"retornem|anruft|zuruckruft|belt|terugbelt)\b",
    r"\bme (?:retornar|retorne|retornem|retorna)\b",
    # "iemand aan de lijn", "someone on the phone", "alguien por teléfono": a person, by phone.
    r"\b(?:someone|somebody|alguien|alguem|quelqu un|jemand|jemanden|qualcuno|iemand|una persona|"
    r"une personne|uma pessoa|een mens|a person) (?:\w+ ){0,3}(?:aan de (?:lijn|telefoon)|"
    r"on the (?:phone|line)|by phone|"
    r"over the phone|por telefono|au telephone|par telephone|am telefon|al telefono|per telefono|"
    r"por telefone|pelo telefone|telefonisch)\b",
    r"\b(?:mit|met|with|con|com|avec) (?:jemandem|jemand|iemand|someone|somebody|alguien|alguem|qualcuno|"
    r"quelqu un|einem menschen|een mens|a person|una persona|une personne|uma pessoa) (?:\w+ )?"
    r"(?:telefonieren|telefoneren|bellen|telefonare|telefonar|telefonear|on the phone|by phone)\b",
    r"\b(?:telefonisch|telefonicamente|telephoniquement|by phone|on the phone|al telefono|au telephone|"
    r"por telefono|por telefone) (?:\w+ ){0,2}(?:met|mit|with|con|com|avec) (?:iemand|jemandem|someone|"
    r"somebody|alguien|alguem|qualcuno|quelqu un)\b",
    r"\b(?:ligar|liguem|ligue|liga|retornem|retorne|retorna) (?:pra|para) mim\b|\bretorn\w* a ligacao\b",
    r"\b(?:telefoontje|een belletje)\b",
    # "j'aimerais être rappelé", "möchte zurückgerufen werden", "que me devuelvan la llamada"
    r"\b(?:etre|me faire) rappelee?\b|\bme faire (?:r)?appeler\b|\bzuruckgerufen werden\b"
    r"|\bessere (?:richiamat[oa]|(?:ri)?contattat[oa] telefonicamente)\b"
    r"|\bfarmi (?:richiamare|chiamare|ricontattare|contattare)\b"
    r"|\bque me devuelvan la llamada\b|\bteruggebeld (?:worden|te worden)\b|\bword ik teruggebeld\b"
    r"|\bwant (?:to be )?called back\b",
    r"\b(?:connect|put|transfer|get) me (?:through )?(?:to|with) (?:\w+ )?(?:support|customer service|sales|"
    r"the team|your team)\b",
    r"\b(?:atendimento|atencion|attention|assistenza|servizio|service|suporte|support|servicio|contato|"
    r"contacto|contatto|contact) (?:\w+ )?(?:humano|humana|umano|umana|human|humain|menschlich\w*|"
    r"menselijk)\b",
    r"\b(?:hablar|parler|sprechen|parlare|sentire|falar|spreken|praten|talk|speak)(?: \w+){0,5} (?:por|par|"
    r"am|"
    r"al|per|by|over the|pelo|on the|au) (?:telefono|telephone|telefon|phone|telefone|telefoon)\b",
]
_HUMAN = re.compile("|".join(f"(?:{p})" for p in _HUMAN_PATTERNS + _HUMAN_PATTERNS_MORE))

_ANGER_WORDS = wordset(
    "wtf ridiculous scam scammer scammers useless terrible worst furious pissed annoying annoyed "
    "stupid unacceptable disgusting horrible awful bs bullshit fuck fucking fck fk ffs damn dammit "
    "hate angry fraud liar liars rip ripoff joke pathetic incompetent sucks crap shit garbage idiots "
    "estafa estafadores harto harta molesto molesta pesimo pesima basura ridiculo enojado enojada "
    "mierda fraude verguenza inaceptable horrible "
    "arnaque arnaqueurs escroquerie escrocs honteux inadmissible inacceptable merde putain nul nuls nulle "
    "nulles "
    "betrug betruger abzocke unverschamt frechheit scheisse unmoglich katastrophe "
    "truffa truffatori vergogna schifo vergognoso inaccettabile pessimo ridicolo "
    "golpe golpistas absurdo vergonha pessimo horrivel ridiculo porcaria lixo "
    "oplichterij bedrog oplichting oplichters belachelijk schandalig waardeloos bagger kut kwaad "
    "outrageous disgraceful appalling infuriating shameful scandalous sauerei saftladen zumutung "
    "unverschamtheit skandal skandalos scandaloso scandalosa scandalo "
    "enerve enervee enervant stinksauer pessimi pessime pessimos pessimas pessima pessimo pessimes "
    "inutiles inutil desastre irrespetuosos furioso furiosa indignante indignado indignada "
    "furieux furieuse scandaleux scandaleuse scandale lamentable minable escroquerie voleurs "
    "wutend sauer schlechtester schlechteste schlechtesten frech dreist abzocker verarsche "
    "vergognatevi vergognosi furiosa ridicoli assurdo ladri arrabbiato arrabbiata arrabbiatissimo "
    "arrabbiatissima incazzato incazzata indecente "
    "palhacada revoltado revoltada irritado irritada ladroes safados descaso "
    "boos woedend waardeloze slechtste puinhoop oplichters schande"
)
_ANGER_PHRASES = re.compile(
    r"\b(?:rip ?off|fed up|sick of|what the hell|are you kidding|this is a joke|j en ai marre|ras le bol|"
    r"ich habe die nase voll|das ist ein witz|sono stufo|sono stufa|estou farto|estou farta|ik ben het zat|"
    r"thanks for nothing|(?:estou|to|fiquei|tou) (?:muito |mt |bem )?(?:brava|bravo|irritad[oa]|chatead[oa])|"
    r"slechte (?:service|klantenservice|winkel|ervaring)|(?:bin|sind) (?:echt |total |so )?sauer|"
    r"(?:im|i am) (?:so )?done with (?:this|you|your|ur)|you guys are a joke|"
    r"(?:un|que|menudo) chiste|falta de respeto|(?:que|muy|pesimo|mal) (?:mal )?servicio|me tienen (?:harto|"
    r"harta)|"
    r"n importe quoi|quelle blague|(?:c est )?une blague|foutez de (?:moi|nous)|en colere|service nul|"
    r"(?:ein|so ein|was fur ein) (?:witz|mist)|was soll (?:der|das)|"
    r"(?:uma|que) piada|puta da vida|puto da vida|"
    r"(?:ist|seid ihr|seid|sind|sind sie) (?:\w+ )?mist|"
    r"(?:een|wat een) grap|te gek voor woorden|wat een (?:bagger|puinhoop|service)|"
    r"(?:che|una) vergogna|che schifo)\b"
    # A solution or a refund demanded: "exijo una solución", "pretendo una soluzione", "ich verlange eine
    # Lösung"
    r"|\b(?:i demand|we demand|i insist on|exijo|exigimos|j exige|nous exigeons|ich verlange|ich fordere|wir "
    r"verlangen|pretendo|pretendiamo|esigo|eu exijo|ik eis|wij eisen) (?:\w+ )?(?:solution|solucion|"
    r"soluzione|solucao|losung|oplossing|refund|reembolso|remboursement|rimborso|erstattung|terugbetaling|"
    r"explanation|explicacion|explication|erklarung|spiegazione|explicacao|uitleg|compensation|"
    r"indemnizacion|dedommagement|entschadigung|risarcimento|indenizacao|schadevergoeding)\b"
    # Nobody answers: "personne ne répond à mes mails", "niemand meldet sich", "nobody gets back to me".
    r"|\b(?:nobody|no one|noone|nadie|personne|niemand|nessuno|ninguem) (?:ne )?(?:me |mi |mir |us |nos )?"
    r"(?:answers|answered|replies|replied|responds|responded|gets back|got back|picks up|contesta|contesto|"
    r"responde|respondio|repond|reponds|a repondu|antwortet|hat geantwortet|meldet sich|hat sich gemeldet|"
    r"risponde|ha risposto|atende|respondeu|atendeu|antwoordt|reageert|heeft gereageerd|neemt op)\b"
)


# "Dear customer service, where is my order?", "Gentile assistenza clienti, …": a letter's opening that
# addresses the service is no request for a person.
_ADDRESSING_THE_SERVICE = re.compile(
    r"^(?:dear|hello|hi|hey|estimad[oa]s?|querid[oa]s?|hola|buenas|cher|chere|chers|bonjour|"
    r"sehr geehrte[rs]?|liebe[rs]?|hallo|gentile|gentili|spettabile|buongiorno|salve|prezad[oa]s?|"
    r"car[oa]s?|ola|oi|beste|geachte|"
    r"hoi) (?:customer (?:service|support|care)|support team|servicio al cliente|atencion al cliente|service "
    r"client|kundenservice|kundendienst|servizio clienti|assistenza clienti|atendimento(?: ao cliente)?|"
    r"suporte|klantenservice)\b"
)


def asks_for_person(text: Text) -> str | None:
    match = _HUMAN.search(_ADDRESSING_THE_SERVICE.sub("", " ".join(text.words)))
    return f'asked for a person ("{match[0]}")' if match else None


@cache
def _sentiment() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


# The tone reader knows English only: German and Dutch "die" (the, that) is not its verb, Spanish "sin"
# (without: "la bolsa está sin abrir") not a sin.
_NOT_ENGLISH_TONE = re.compile(r"\b(?:die|sin)\b", re.IGNORECASE)


# Faces of fear, worry or tears are read by the tone reader as their names ("face screaming in fear"): a
# bride's "THE day 😱" or a code that "doesn't work 😭" is stress or disappointment, not anger at the shop.
# Angry faces (😠 😡 🤬) stay.
_NOT_ANGER_FACES = re.compile("[😱😭😢😰😨😩😫😬😟😓😥😖]")


# The weather: "un calor absurdo", "qui fa un caldo assurdo", "het is hier belachelijk warm", "it's brutally
# hot where I live" say how hot it is where the shopper lives (a chilled parcel?), not how angry they are.
_WEATHER = wordset(
    "hot heat heatwave cold warm humid humidity weather temperature temperatures degrees calor caliente frio "
    "clima temperatura grados bochorno chaleur chaud chaude froid canicule meteo degres hitze heiss kalt "
    "kalte wetter temperaturen grad caldo afa freddo gradi quente graus mormaco heet hitte koud warmte "
    "hittegolf temperatuur graden tropisch"
)
# Anger words that also only mean "very" or "very bad": said of the weather they are no anger.
_INTENSITY_WORDS = wordset(
    "ridiculous terrible horrible awful absurdo ridiculo horrivel assurdo ridicolo belachelijk unmoglich "
    "pessimo insane unbearable brutal brutally"
)
# How far from the weather word its intensity is read: "calor absurdo", "brutally hot", "un caldo bestiale",
# not "it's ridiculous that you left my parcel out in the heat".
_WEATHER_REACH = 2

# The shopper's own slip: "bought the wrong edition by mistake", "aus Versehen die falsche Ausgabe": the tone
# reader scores "wrong" and "mistake" as anger at the shop.
_OWN_SLIP = re.compile(
    r"\b(?:by mistake|by accident|accidentally|accidently|mistakenly|por error|por equivocacion|sin querer|"
    r"par erreur|par megarde|aus versehen|versehentlich|per sbaglio|per errore|por engano|sem querer|"
    r"per ongeluk|per abuis)\b"
)
_SLIP_WORDS = re.compile(
    r"\b(?:by mistake|by accident|accidentally|accidently|mistakenly|wrong|wrongly|mistake)\b", re.IGNORECASE
)


# Said to the shop: "you sent the wrong jacket by mistake" is the shop's slip, "if you call this quality, your
# shop is crap" a judgement of the shop.
_YOU = wordset(
    "you your ur yours youve youre yall tu tus usted ustedes vosotros vuestro vuestra vous votre vos ihr "
    "euer eure euch du dein deine voi vostro vostra vostri voce voces vc vcs jullie jij jouw uw"
)


# "can I exchange it if it's wrong?": the tone of a maybe is the maybe's, not anger at us ("if you don't
# answer today …" stays). The tone is English (VADER), so is its "if".
_A_MAYBE_NOT_OF_US = re.compile(r"\bif\b(?![^.,;:!?]*\byou)[^.,;:!?]*", re.IGNORECASE)


def _tone(text: Text) -> float:
    raw = _NOT_ANGER_FACES.sub(" ", _NOT_ENGLISH_TONE.sub(" ", text.raw))
    # the weather is read without the words that say how hot it is ("it's brutally hot here")
    tokens = raw.split()
    near_weather = {
        near
        for index, token in enumerate(tokens)
        if not _WEATHER.isdisjoint(Text(token).words)
        for near in range(index - _WEATHER_REACH, index + _WEATHER_REACH + 1)
    }
    raw = " ".join(token for index, token in enumerate(tokens) if index not in near_weather)
    if _OWN_SLIP.search(text.folded) and _YOU.isdisjoint(text.words):
        raw = _SLIP_WORDS.sub(" ", raw)
    raw = _A_MAYBE_NOT_OF_US.sub(" ", raw)
    return _sentiment().polarity_scores(raw)["compound"]


# "can I return it if it's crap?", "se fa schifo", "als ie kut is": a word said of a maybe, not anger at us.
_IF = wordset("if se si als wenn falls caso")
# Words that judge a thing's quality: in a maybe's clause ("if the battery turns out crap", "si la batería
# resulta ser una mierda", "e se la cassa suona da schifo") they are said of the maybe, however far from "if".
_QUALITY_WORDS = wordset(
    "crap shit garbage sucks terrible awful horrible useless junk rubbish mierda basura pesimo pesima "
    "horrible nul nuls nulle nulles merde pourri pourrie scheisse mist schrott schifo pessimo pessima "
    "porcaria lixo horrivel waardeloos waardeloze bagger kut troep "
    # "soy un desastre con el bricolaje", "ich bin handwerklich eine Katastrophe"
    "disaster desastre katastrophe disastro catastrofe"
)
# Spanish and Portuguese "se" is also "oneself" ("se envía"): an "if" only where a clause begins or after
# "and", "but", "or".
_SE_OPENS_AFTER = wordset("e y ma mas o ou and but")


def _maybe_from(clause: tuple[str, ...]) -> int:
    """Where a maybe begins in a clause ("if", "falls", "e se"), or the clause's length."""
    for index, word in enumerate(clause):
        if word in _IF and (word != "se" or index == 0 or clause[index - 1] in _SE_OPENS_AFTER):
            return index
        if word == "what" and clause[index + 1 : index + 2] == ("if",):
            return index
    return len(clause)


# The shopper judging themselves: "I'm useless at DIY", "je suis nulle en bricolage", "soy un desastre",
# "ich bin handwerklich eine Katastrophe", "sou péssima com ferramentas", "ik ben waardeloos in klussen".
# Italian "sono" and German "bin" alone only where the clause begins ("i prodotti sono pessimi" is the goods).
_I_AM = re.compile(
    r"(?:\b(?:i m|im|i am|je suis|j suis|chuis|soy|ich bin|io sono|sou|eu sou|ik ben)|^(?:sono|bin))"
    r"(?: \w+){0,3}$"
)


def _said_of_myself(index: int, clause: tuple[str, ...]) -> bool:
    return bool(_I_AM.search(" ".join(clause[:index])))


# Where the shop itself is judged: "horrible service", "votre site est nul".
_THE_SHOP = wordset(
    "service servicio servizio servico atendimento shop store tienda boutique magasin laden geschaft negozio "
    "loja winkel company empresa entreprise firma azienda bedrijf site website web sitio webshop"
)
# Asking leave: "can I send it back?", "¿lo puedo devolver?", "kann ich es zurückgeben?", "dá pra devolver?".
_MAY_I = re.compile(
    r"\b(?:can i|could i|may i|can we|is it possible to|puedo|podria|se puede|je peux|puis je|on peut|"
    r"peut on|kann ich|konnte ich|darf ich|posso|potrei|si puo|da pra|consigo|kan ik|mag ik|kunnen we)\b"
)


def _judges_the_goods(word: str, clause: tuple[str, ...], later: list[tuple[str, ...]]) -> bool:
    """ "the rower makes a horrible racket, can I return it?": the goods judged, then a question the rules
    answer; said of the shop ("your service is horrible, can I …") it stays anger."""
    return (
        (word in _QUALITY_WORDS or word in _INTENSITY_WORDS)
        and _YOU.isdisjoint(clause)
        and _THE_SHOP.isdisjoint(clause)
        and any(_MAY_I.search(" ".join(after)) for after in later)
    )


def _meant_of_us(word: str, index: int, clause: tuple[str, ...]) -> bool:
    """An anger word said of the shop: not of a maybe, not of the weather, not of the shopper."""
    maybe = _maybe_from(clause)
    if word in _QUALITY_WORDS and index > maybe and _YOU.isdisjoint(clause[maybe:index]):
        return False
    if word in _QUALITY_WORDS and _said_of_myself(index, clause):
        return False
    near = clause[max(0, index - _WEATHER_REACH) : index + _WEATHER_REACH + 1]
    return word not in _INTENSITY_WORDS or _WEATHER.isdisjoint(near)


# Goods that came damaged, said with feeling: "the chair arrived broken 😡", "la silla llegó rota, que rabia",
# "Rucksack kam kaputt an. Sehr enttäuscht.", "de mokken kwamen gebroken aan, balen": a person, not the
# Shipping rule "arrived" would pull them to. Said calmly ("it arrived damaged, can I return it?") the damage
# stays a Returns question.
_DAMAGED = wordset(
    "broken broke smashed shattered cracked snapped damaged dented ripped torn scratched chipped crushed "
    "roto rota rotos rotas partido partida partidos partidas partio rajado rajada danado danada danados "
    "danadas abollado abollada pedazos destrozado destrozada destrozados estropeado estropeada quebrado "
    "quebrada quebrados quebradas "
    "casse cassee casses cassees brise brisee brises brisees abime abimee abimes abimees fele felee "
    "ecrase ecrasee endommage endommagee endommages morceaux dechire dechiree "
    "kaputt kaputte kaputtem kaputten kaputter zerbrochen zerbrochene gebrochen abgebrochen beschadigt "
    "beschadigte beschadigten zerkratzt gerissen zerrissen eingedellt gesprungen zerdruckt scherben "
    "rotto rotta rotti rotte rovinato rovinata danneggiato danneggiata danneggiati danneggiate frantumi "
    "crepato crepata incrinato incrinata ammaccato ammaccata spezzato spezzata strappato strappata "
    "danificado danificada danificados danificadas estragado estragada rachado rachada amassado amassada "
    "pedacos rasgado rasgada trincado trincada trincados trincadas "
    "kapot kapotte gebroken beschadigd beschadigde stuk stukken gebarsten gescheurd gedeukt geplet geplette "
    # no accents, SMS spelling: "aplastada", "zerdrueckt", "distrutto"
    "aplastado aplastada aplastados aplastadas zerdrueckt zerbrochn distrutto distrutta distrutti distrutte"
)
_FEELING = re.compile(
    r"\b(?:not happy|unhappy|disappointed|disappointing|upset|gutted|livid|"
    r"que rabia|rabia|decepcionad[oa]s?|decepcion|enfadad[oa]|cabread[oa]|disgustad[oa]|"
    r"fache|fachee|decue?s?|deception|pas contente?s?|mecontente?|pas satisfaite?|"
    # German written without umlauts spells "ä" as "ae": "sehr enttaeuscht" is "sehr enttäuscht"
    r"enttae?uscht|enttae?uschend|(?:a|ae)rgerlich|verae?rgert|unzufrieden|nicht zufrieden|frustriert|"
    r"che delusione|delusione|delus[oaie]|che rabbia|rabbia|non content[oa]|scontent[oa]|"
    r"insoddisfatt[oa]|"
    r"que raiva|raiva|desiludid[oa]|decepcao|chatead[oa]|insatisfeit[oa]|nada content[ea]|"
    r"balen|baal|teleurgesteld|teleurstellend|niet blij|ontevreden|ergerlijk|geergerd|gefrustreerd)\b"
)
_ANGRY_FACES = re.compile("[😡😠🤬😤👿💢]")
# A refund or an exchange asked for, even angrily ("it came cracked 😡 I want a refund", "llegó rota 😤,
# quiero que me devuelvan el dinero"), is the Returns rule's.
_RETURN_ASKED = re.compile(
    r"\b(?:refund|money back|exchange|replace|replacement|send (?:it )?back|return it|reembolso|devuelvan|"
    r"devolver|cambian|cambien|cambiar|rembourse|remboursee|remboursement|echange|echanger|renvoyer|retourner|"
    r"geld zuruck|geld zurueck|erstattung|umtauschen|zuruckschicken|zuruckgeben|rimborso|restituire|cambiare|"
    r"sostituire|soldi indietro|reembolso|devolucao|trocar|troca|dinheiro de volta|"
    r"geld terug|terugbetaling|ruilen|terugsturen|omruilen)\b"
)


# A damage report with nothing else ("arrived broken", "llegó rota la taza", "kaputt geliefert", "kapot
# aangekomen") says it all without a feeling word: a person must see damaged goods. Asked ("broken link?",
# "is it broken?") or longer, it needs the feeling; said of the shopper ("im broke", "estoy rota", "ich bin
# kaputt", "sono distrutta", "ik ben kapot": tired or skint) or of the website ("link broken") it is no
# parcel.
_BARE_REPORT_WORDS = 5
_SAID_OF_ME = wordset(
    "im am were feel estoy toy estamos siento suis chuis sommes bin sind sono siamo sento estou tou to "
    "sinto ben zijn voel"
)
_NO_PARCEL = wordset(
    "link links site website web page pagina seite sito lien app checkout url heart corazon coeur herz cuore "
    "coracao hart"
)


def _a_bare_damage_report(text: Text, damaged: str) -> bool:
    said = text.words
    index = said.index(damaged)
    return (
        len(said) <= _BARE_REPORT_WORDS
        and "?" not in text.raw
        and _SAID_OF_ME.isdisjoint(said[max(0, index - 3) : index])
        and _NO_PARCEL.isdisjoint(said)
    )


def _damaged_with_feeling(text: Text) -> str | None:
    damaged = next((w for w in text.words if w in _DAMAGED), None)
    if damaged is None or _RETURN_ASKED.search(" ".join(text.words)):
        return None
    feeling = _FEELING.search(" ".join(text.words)) or _ANGRY_FACES.search(text.raw)
    if feeling:
        return f'frustrated ("{damaged}" … "{feeling[0]}")'
    if _a_bare_damage_report(text, damaged):
        return f'damaged goods ("{damaged}")'
    return None


# "nulle part" is nowhere.
_NOT_ANGER_BEFORE = {"nulle": ("part",), "nulles": ("part",)}


def anger(text: Text) -> str | None:
    """Plainly upset (anger words, a very negative tone): a person should answer, not a rule."""
    said, clauses = text.words, text.clauses
    asked = "?" in text.raw
    words = [
        w
        for i, w in enumerate(said)
        if w in _ANGER_WORDS
        and said[i + 1 : i + 2] != _NOT_ANGER_BEFORE.get(w)
        and _IF.isdisjoint(said[max(0, i - 3) : i])
        and all(
            _meant_of_us(w, clause.index(w), clause)
            and not (asked and _judges_the_goods(w, clause, clauses[number + 1 :]))
            for number, clause in enumerate(clauses)
            if w in clause
        )
    ]
    if words:
        return f'frustrated ("{words[0]}")'
    if _ANGER_PHRASES.search(" ".join(text.words)):
        return "frustrated (angry phrase)"
    damaged = _damaged_with_feeling(text)
    if damaged:
        return damaged
    compound = _tone(text)
    if compound <= -0.6:
        return f"frustrated (tone {compound:+.2f})"
    return None


def shouting(text: Text) -> str | None:
    """All caps or "!!!" without a friendly tone: worth a person when no rule knows the answer."""
    compound = _tone(text)
    letters = text.letters
    caps = (
        len(letters) >= 12 and len(text.words) >= 3 and sum(c.isupper() for c in letters) / len(letters) > 0.8
    )
    # An older shopper's "THANK YOU DEAR, HAVE A GOOD DAY. MARGARET": caps with only courtesy is not anger.
    if caps and compound < 0.3 and not is_acknowledgement(text):
        return "frustrated (all caps)"
    if _EXCLAIMED.search(text.raw) and compound < 0.05 and not _glee_then_a_question(text.raw):
        return 'frustrated ("!!!")'
    return None


_EXCLAIMED = re.compile(r"[!?]*![!?]*![!?]*!|[?!]{4,}")
# What "!!!" says of impatience: waiting, the time waited, an answer demanded, a call for attention.
_IMPATIENCE = wordset(
    "wait waiting waited answer reply respond hurry hello hallo hola allo ola oi anyone anybody days weeks "
    "espero esperando esperar contesten responde dias semanas attends attendre attente repondez jours "
    "semaines warte warten wartet antwortet tage wochen aspetto aspettando aspettare rispondete giorni "
    "settimane respondam semanas wacht wachten antwoord dagen weken"
)


def _glee_then_a_question(raw: str) -> bool:
    """ "mom said I can get the cage!!! does it come with a wheel?": the "!!!" closes news told before a calm
    question; news that negates, turns or names a problem ("nothing came!!! where is it?") is no glee."""
    runs = list(_EXCLAIMED.finditer(raw))
    told, asked = raw[: runs[-1].start()], raw[runs[-1].end() :]
    news = Text(told)
    return (
        "?" in asked
        and "!" not in asked
        and bool(Text(asked).words)
        and TURNS_NEGATIONS_PROBLEMS.isdisjoint(news.words)
        and _IMPATIENCE.isdisjoint(news.words)
        and _YOU.isdisjoint(news.words)
        and _tone(news) >= 0
    )


# Questions no canned text can answer honestly: they need a person who can look at the order or the payment.
_PAYMENT_FAILURE = re.compile(
    r"\b(?:card|payment|paypal|klarna|apple pay|transaction)\w* (?:\w+ ){0,3}(?:declined|failed|failing|"
    r"rejected|refused|didnt go through|doesnt go through|not going through|wont go through|keeps failing)\b"
    r"|\b(?:declined|rejected) (?:my )?(?:card|payment)\b|\bcharged (?:me )?twice\b|\bdouble charged\b"
    r"|\b(?:tarjeta|pago) (?:\w+ ){0,2}(?:rechazad[ao]|declinad[ao]|no pasa|fallo|no funciona)\b"
    r"|\bme (?:cobraron|cobran) dos veces\b|\brechaz\w+ (?:mi |la )?(?:tarjeta|pago)\b"
    r"|\b(?:carte|paiement) (?:\w+ ){0,3}(?:refusee?|rejetee?|ne passe pas|echoue|bloquee?)\b"
    r"|\bdebite deux fois\b"
    r"|\b(?:karte|zahlung|kreditkarte|paypal) (?:\w+ ){0,3}(?:abgelehnt|fehlgeschlagen|geht nicht"
    r"|klappt nicht|"
    r"funktioniert nicht)\b|\bdoppelt"
    r" abgebucht\b"
    r"|\b(?:carta|pagamento) (?:\w+ ){0,3}(?:rifiutat[ao]|non passa|non va|non funziona|fallito"
    r"|respint[ao])\b"
    r"|\baddebitato due volte\b"
    r"|\b(?:pagamento|ordine|carta) (?:\w+ ){0,2}(?:non (?:e |sono )?(?:andat[oa]|riuscit[oa])"
    r"|non va) a buon fine\b"
    r"|\b(?:cartao|pagamento|pix|boleto) (?:\w+ ){0,3}(?:recusad[ao]|nao passa|nao foi|falhou|nao"
    r" funciona)\b"
    r"|\bcobrad[ao] duas vezes\b"
    r"|\b(?:kaart|betaling|creditcard|ideal) (?:\w+ ){0,3}"
    r"(?:geweigerd|mislukt|lukt niet|werkt niet|gaat niet)\b"
    r"|\b(?:twee keer|dubbel) (?:afgeschreven|gefactureerd|aangerekend|betaald)\b"
    # "checkout stopped at the last step and my card was charged anyway"
    r"|\b(?:checkout|payment|pago|paiement|zahlung|pagamento|betaling) (?:\w+ ){0,2}(?:stopped|froze|crashed"
    r"|hung|got stuck)\b(?: \w+){0,8}? charged\b"
    # "I can't pay", "it won't let me pay", "the boleto didn't generate": the shopper is stuck at checkout.
    r"|\b(?:cant|cannot|can not|unable to|couldnt|could not|wont let me|doesnt let me|dont let me) "
    r"(?:\w+ )?(?:pay|check ?out|complete (?:my |the )?(?:order|purchase|payment))\b"
    r"|\b(?:checkout|payment page|pay button) (?:\w+ ){0,2}(?:isnt working|not working|doesnt work"
    r"|wont load|broken|keeps crashing)\b"
    r"|\bno (?:me )?(?:deja|dejo|puedo|pude|consigo|logro) (?:\w+ )?(?:pagar|finalizar (?:la )?compra"
    r"|completar (?:el |la )?(?:pago|compra))\b|\bno se puede pagar\b"
    r"|\b(?:peux|peut|arrive|parviens|reussis) pas (?:a )?(?:payer|regler|valider (?:ma |la )?commande"
    r"|finaliser)\b|\bimpossible de (?:payer|regler|valider (?:ma |la )?commande|finaliser)\b"
    r"|\b(?:kann|konnen|konnte) (?:\w+ ){0,2}nicht (?:be)?zahlen\b|\b(?:be)?zahlen (?:geht|klappt"
    r"|funktioniert) (?:\w+ )?nicht\b|\blasst mich nicht (?:be)?zahlen\b"
    r"|\bnon (?:riesco|posso|riusciamo) (?:a )?pagare\b|\bnon mi (?:fa|lascia) pagare\b"
    r"|\bnao (?:consigo|consegui|posso|me deixa|deixa) (?:\w+ )?(?:pagar|finalizar (?:a )?compra)\b"
    r"|\b(?:boleto|pix|codigo pix|qr code) (?:\w+ )?nao (?:gerou|gera|foi gerado|carrega|aparece|abre)\b"
    r"|\bnao (?:gerou|gera) (?:o )?(?:boleto|pix)\b"
    r"|\b(?:kan|kunnen|kon) (?:\w+ ){0,2}niet (?:betalen|afrekenen)\b|\b(?:betalen|afrekenen) "
    r"(?:lukt|gaat|werkt) (?:\w+ )?niet\b"
)
# A specific size, a colour or an order number: a policy text cannot say whether "the blue one in M" exists.
_SPECIFIC_SIZE = re.compile(r"\b(?:xxs|xs|s|m|l|xl|xxl|xxxl|\d{1,2}(?:[.,]5)?)\b")
_SIZE_WORD = wordset("size talla taille grosse taglia tamanho maat")


# "ich weiß nicht", "nicht weiß ob …": the German "know", not the colour white.
_KNOW = {"weiss": wordset("ich nicht man wer keiner niemand")}


def _a_verb_here(words: tuple[str, ...], index: int) -> bool:
    before = _KNOW.get(words[index], frozenset())
    return not before.isdisjoint(words[max(0, index - 2) : index])


# "too small for my olive tree", "a rose bush", "jus d'orange", "pé de laranja": a colour that names a plant
# or its fruit, not the colour of the goods; so in a name made with it ("white-glove delivery", "rouge à
# lèvres").
_NAMED_BY_THE_COLOUR = wordset(
    "tree trees bush bushes plant plants sapling seedling grove blossom blossoms oil juice jam marmalade "
    "arbol arbre albero arvore pe baum boom zumo jugo jus succo suco saft aceite huile olio azeite olie "
    "glove gloves levres"
)
_OF = wordset("de d di da")
_NAMED_WITH = wordset("a")


def _part_of_a_name(words: tuple[str, ...], index: int) -> bool:
    after = words[index + 1 : index + 3]
    if after[:1] and (
        after[0] in _NAMED_BY_THE_COLOUR or (after[0] in _NAMED_WITH and after[1:] == ("levres",))
    ):
        return True
    before = words[max(0, index - 2) : index]
    return len(before) == 2 and before[1] in _OF and before[0] in _NAMED_BY_THE_COLOUR


# "taglia M o L?", "size 9 or 10": which of two sizes fits is fit advice the sizing rule gives, not stock.
_OR = wordset("or o ou oder of y e")


def _between_sizes(after: tuple[str, ...]) -> bool:
    return len(after) == 2 and after[0] in _OR and bool(_SPECIFIC_SIZE.fullmatch(after[1]))


# "remove the red one, I keep the black; can it reach Leeds by Friday?": a colour in a clause that changes the
# cart is the shopper's choice made, not a question about that colour.
_CART_CHANGE = re.compile(
    r"\b(?:remove|take off|take out|cancel|delete|drop|keep|keeping|quita|quitad|quitar|quitame|elimina|"
    r"eliminad|eliminar|cancela|cancelad|cancelar|me quedo|enlevez|enlever|enleve|retirez|retirer|retire|"
    r"supprimez|supprimer|annulez|annuler|je garde|gardez|garder|entfernt|entferne|entfernen|streicht|"
    r"storniert|stornieren|behalte|behalten|togli|togliete|togliere|rimuovi|rimuovete|annulla|annullate|"
    r"tengo|tenete|tira|tirem|tirar|remova|remover|removam|cancele|cancelem|fico com|haal|verwijder|"
    r"verwijderen|schrap|annuleer|ik houd|ik hou|houd|behoud|"
    # "forget the black frame", "never mind the blue lamp", "lasciamo perdere la cornice nera": dropped
    r"forget|never mind|nevermind|olvida|olvidate|olvidense|laisse tomber|laissez tomber|oublie|oubliez|"
    r"vergiss|vergesst|lascia perdere|lasciamo perdere|lascia stare|esquece|esqueca|deixa pra la|"
    r"laat maar zitten|vergeet|"
    # done already: "I cancelled the green one", "quité los cojines", "ho tolto la lampada"
    r"cancelled|canceled|removed|deleted|dropped|took out|taken out|took off|cancele|elimine|"
    r"enleve|retire|supprime|annule|geloscht|storniert|rausgenommen|tolto|rimosso|annullato|cancellato|"
    r"tirei|removi|cancelei|exclui|verwijderd|geannuleerd|weggehaald|eruit gehaald)\b"
)


# "can I swap the navy waistcoat for the grey one?": colours traded one for the other are an exchange, which
# the returns policy answers; the verb of exchange and the "for" of the trade in one clause, in any order
# ("die blaue gegen die graue umtauschen").
_EXCHANGE_VERB = re.compile(
    r"\b(?:swap|exchange|switch|cambiar|cambio|cambiarlo|cambiarla|echanger|echange|umtauschen|tauschen|"
    r"umtausch|cambiare|cambiarlo|cambiarla|trocar|troco|troca|ruilen|omruilen|ruil)\b"
)
_TRADED_FOR = wordset("for por contre gegen con pela pelo voor")


def _cart_change_clause(text: Text, word: str) -> bool:
    if any(word in clause and _CART_CHANGE.search(" ".join(clause)) for clause in text.clauses):
        return True
    # a trade is read in its sentence: a hyphen ("azul-marinho pela bordô") does not cut it
    for sentence in re.split(r"[.!?;\n]+", text.folded):
        said = re.findall(r"[^\W_]+", sentence)
        if word in said and _EXCHANGE_VERB.search(sentence) and not _TRADED_FOR.isdisjoint(said):
            return True
    return False


def uncovered_question(text: Text, *, kind: str) -> str | None:
    """ "payment": a failed or double payment, or a subscription to pause or change. "specific": a colour, a
    size or an order number named."""
    folded = " ".join(text.words)
    if kind == "payment":
        match = _PAYMENT_FAILURE.search(folded)
        trouble = match[0] if match else payment_trouble(text.words)
        if trouble:
            return f'a payment problem ("{trouble}")'
        change = subscription_change(text.words)
        return f'a subscription to change ("{change}")' if change else None
    colour = next(
        (
            w
            for i, w in enumerate(text.words)
            if is_colour(w)
            and not _a_verb_here(text.words, i)
            and not _part_of_a_name(text.words, i)
            and not _cart_change_clause(text, w)
        ),
        None,
    )
    if colour:
        return f'asks about a colour ("{colour}")'
    for index, word in enumerate(text.words):
        if (
            index
            and text.words[index - 1] in _SIZE_WORD
            and _SPECIFIC_SIZE.fullmatch(word)
            and not _between_sizes(text.words[index + 1 : index + 3])
        ):
            return f'asks about one size ("{text.words[index - 1]} {word}")'
    if order_number_in(text):
        return "asks about one order"
    return None
