"""How shoppers write the words the readers know: regional and spoken forms, and shorthand without vowels.

Tables only, folded (no accents, no apostrophes), word lists as one string; `conversations.nlp` reads them.
"""

# German typed without umlauts ("hoert auf mir zu schreiben", "naechste Woche", "fuer"): oe, ue, ae read as
# the folded ö, ü, ä. Only words whose every oe, ue, ae is an umlaut ("neue", "Feuer" keep theirs) and that
# are no other language's word (Dutch "schoen" is a shoe).
UMLAUTS_TYPED_OUT = (
    "hoer hoert hoerst hoeren hoern aufhoeren aufhoert aufhoerst aufzuhoeren aufgehoert gehoert "
    "gehoerte moechte moechten moechtest moechtet koennt koennen koennte koennten koenntet koenntest fuer "
    "fuers ueber uebers uebermorgen naechste naechsten naechster naechstes waere waeren waerst muesst "
    "muessen muesste muessten loeschen loescht loesche loesch geloescht loeschung stoert stoeren "
    "belaestigen belaestigt belaestigung staendig taeglich haeufig zurueck zurueckschicken zurueckgeben "
    "zurueckrufen spaeter frueher aendern geaendert bestaetigung rueckerstattung kuendigen gekuendigt "
    "kuendigung groesse groessen wuerde wuerden haette haetten duerft duerfen tschuess natuerlich gebuehr "
    "gebuehren moeglich guenstig guenstiger geoeffnet fuenf maerz verfuegbar rueckgabe rueckversand"
)

# Regional and spoken forms, read as the standard words every reader knows (folded): Roman and Neapolitan
# "nun me mannate cchiù", Bavarian and Austrian "schreibts ma nimma", "lassts mi", Swiss "nöd meh", Flemish
# "berichte", Brazilian "naum", Cape Verdean "ka kre", Spanish "vosotros" commands. One pass: a form that
# contains another ("nun me") has its own entry, longest first. Only forms that are no other language's word.
STANDARD_FORMS = {
    "nun": "non",
    "nun me": "non mi",
    "nun ce": "non ci",
    "non me": "non mi",
    "non ce": "non ci",
    "cchiu": "piu",
    "mannate": "mandate",
    "mannateme": "mandatemi",
    "nimmer": "nicht mehr",
    "nimma": "nicht mehr",
    "nimmermehr": "nie mehr",
    "koane": "keine",
    "schreibts": "schreibt",
    "schickts": "schickt",
    "lassts": "lasst",
    "horts": "hort",
    "tragts": "tragt",
    "schreibt ma": "schreibt mir",
    "schreibts ma": "schreibt mir",
    "schickt ma": "schickt mir",
    "schickts ma": "schickt mir",
    "lasst mi": "lasst mich",
    "lassts mi": "lasst mich",
    "tragt mi": "tragt mich",
    "tragts mi": "tragt mich",
    "nod": "nicht",
    "nud": "nicht",
    "meh": "mehr",
    "schriibe": "schreiben",
    "schreibn": "schreiben",
    "kitame": "quitame",
    "kitenme": "quitenme",
    "kiteme": "quiteme",
    "d la": "de la",
    "d las": "de las",
    "d los": "de los",
    "schickn": "schicken",
    "aufhorn": "aufhoren",
    "schriibed": "schreibt",
    "nachrichte": "nachrichten",
    "austrage": "austragen",
    "uf": "auf",
    "zuug": "zeug",
    "isch": "ist",
    "keene": "keine",
    "koine": "keine",
    "dene": "den",
    "sjrap": "schrap",
    "nich": "nicht",
    "berichte": "berichten",
    "ontvange": "ontvangen",
    "krijge": "krijgen",
    "naum": "nao",
    "ka kre mas": "nao quero mais",
    "ka kre": "nao quero",
    "dadme": "denme",
    "dadnos": "dennos",
    "envieis": "envien",
    "mandeis": "manden",
    "escribais": "escriban",
    # Swiss, Swabian, Bavarian, Austrian and Berlin German: the shop's words as they are said there
    "bstellig": "bestellung",
    "bstellung": "bestellung",
    "bschtellung": "bestellung",
    "bstellt": "bestellt",
    "bschtellt": "bestellt",
    "bstell": "bestelle",
    "bstelle": "bestelle",
    "bstells": "bestelle es",
    "bsto": "bestelle",
    "kommt des": "kommt das",
    "kimmt des": "kommt das",
    "chunnt des": "kommt das",
    "isch des": "ist das",
    "is des": "ist das",
    "gibts des": "gibt es das",
    "gald": "geld",
    "groossi": "grosse",
    "packli": "packchen",
    "packle": "packchen",
    "packerl": "packchen",
    "packl": "paket",
    "zoit": "bezahlt",
    "chunnt": "kommt",
    "chunt": "kommt",
    "kimmt": "kommt",
    "kummt": "kommt",
    "mantig": "montag",
    "mondig": "montag",
    "zischtig": "dienstag",
    "dunschtig": "donnerstag",
    "friitig": "freitag",
    "samschtig": "samstag",
    "samstig": "samstag",
    "samschdag": "samstag",
    "heit": "heute",
    "liefered": "liefert",
    "lifered": "liefert",
    "zrugg": "zuruck",
    "zruck": "zuruck",
    "zruggschicke": "zuruckschicken",
    "zruckschicke": "zuruckschicken",
    "zruckschicka": "zuruckschicken",
    "zruckschicken": "zuruckschicken",
    "zruckgeben": "zuruckgeben",
    "kriag": "kriege",
    "gits": "gibt es",
    "chli": "klein",
    "kloa": "klein",
    "kloan": "klein",
    "passn": "passen",
    "schue": "schuhe",
    "schuah": "schuhe",
    "hosn": "hose",
    "jackn": "jacke",
    "jagge": "jacke",
    "charte": "karte",
    "kartn": "karte",
    "oiwei": "immer",
    "allweil": "immer",
    "abglehnt": "abgelehnt",
    "abjelehnt": "abgelehnt",
    "abbucht": "abgebucht",
    "abbuecht": "abgebucht",
    "abbuacht": "abgebucht",
    "zwoimol": "zweimal",
    "zwoamoi": "zweimal",
    "zwoamal": "zweimal",
    "zweimol": "zweimal",
    "opper": "jemand",
    "opperem": "jemandem",
    "oana": "einer",
    "oaner": "einer",
    "oiner": "einer",
    "kann mi": "kann mich",
    "chan mi": "kann mich",
    "aalute": "anrufen",
    "alute": "anrufen",
    "arufe": "anrufen",
    "oruafa": "anrufen",
    "orufn": "anrufen",
    "anrufa": "anrufen",
    "telefoniere": "telefonieren",
    "gaht": "geht",
    "goht": "geht",
    "jeht": "geht",
    "guet": "gut",
    "jut": "gut",
    "dange": "danke",
    "bassd": "passt",
    "passt scho": "alles gut",
    "bassd scho": "alles gut",
    "passt schon": "alles gut",
    "passt eh": "alles gut",
    "jo passt": "ja gut",
    "scho": "schon",
    "ned": "nicht",
    "nid": "nicht",
    "koa": "kein",
    "koan": "keinen",
    "ick": "ich",
    "det": "das",
    "nischt": "nichts",
    "nuscht": "nichts",
    "ooch": "auch",
    # Andalusian and Caribbean Spanish: a dropped "d" or "s" ("me han cobrao do vece", "ya ha salío")
    "cobrao": "cobrado",
    "pagao": "pagado",
    "mandao": "mandado",
    "enviao": "enviado",
    "llegao": "llegado",
    "pedio": "pedido",
    "ehta": "esta",
    "ehto": "esto",
    "uste": "usted",
    "do vece": "dos veces",
    "vece": "veces",
    "graciah": "gracias",
    # Northern English and Scots "me" for "my", "ah'll"; Quebec "j'vas"; Roman and Neapolitan "ce penso"
    "wheres me": "wheres my",
    "ma number": "my number",
    "dinnae": "dont",
    "nae mair": "no more",
    "mair": "more",
    "where is me": "where is my",
    "ahll": "ill",
    "j vas": "je vais",
    "jvas": "je vais",
    "jverrai": "je verrai",
    "jverrais": "je verrai",
    "ce penso": "ci penso",
    "il mi numero": "il mio numero",
    "nehmts": "nehmt",
    "assaje": "assai",
    # SMS shorthand that is not a skeleton: "qro", "msjs", "tirm", Dutch "gn" (geen) and "mr" (meer) by a noun
    "qro": "quiero",
    "n qro": "nao quero",
    "nao qro": "nao quero",
    "msjs": "mensajes",
    "msj": "mensaje",
    "tirm": "tirem",
    "gn berichten": "geen berichten",
    "gn sms": "geen sms",
    "berichten mr": "berichten meer",
    "sms mr": "sms meer",
    "kn sms": "keine sms",
    "kn nachrichten": "keine nachrichten",
    "kn interesse": "kein interesse",
    # French without its apostrophe: "arrêtez de menvoyer", "ne mecrivez plus"
    "menvoyer": "m envoyer",
    "menvoyez": "m envoyez",
    "menvoie": "m envoie",
    "menvoient": "m envoient",
    "mecrire": "m ecrire",
    "mecrivez": "m ecrivez",
    "mappeler": "m appeler",
    "mappelez": "m appelez",
    # Flemish "ge" for "u" ("levert ge naar ...", "hebt ge nog ...")
    "levert ge": "levert u",
    "hebt ge": "hebt u",
    "hedde": "hebt u",
    "kunt ge": "kunt u",
    "zijt ge": "bent u",
    # Brazilian chat: "falar c alguem" (c = com)
    "falar c": "falar com",
    # Dutch chat: "m'n" (folded "m n") is "mijn", "ff" is "even"
    "m n": "mijn",
    "ff": "even",
    **{
        typed: typed.replace("oe", "o").replace("ue", "u").replace("ae", "a")
        for typed in UMLAUTS_TYPED_OUT.split()
    },
    "hoerts": "hort",
}


# Words shoppers write without their vowels ("pls dnt txt ths nmbr agn", "kn sms mhr", "wr is mn bstllng"):
# a word of consonants only after its first letter is read as the one word here with that skeleton. Only
# words of three letters or more, and never a skeleton two of these words share ("wht": what or white).
SHORTHAND_WORDS = (
    "text texts texting message messages number numbers again stop stopping send sending interested please "
    "dont want more remove delete list phone this never contact anymore ship shipping delivery "
    "deliver order ordered tracking track return returns policy refund stock sold size discount code when "
    "where much cancel "
    "quiero mensajes mandar manden envien numero lista borrar borren sacar sacame nunca envio pedido talla "
    "descuento devolucion favor "
    "arretez arreter envoyer envoyez numero liste jamais merci livraison commande taille retour "
    "remboursement "
    "keine mehr nachrichten nummer schicken senden bitte aufhoren interesse nervt bestellung bestellt "
    "lieferung versand paket rucksendung grosse rabatt "
    "messaggi mandare mandate scrivere smettete basta spedizione ordine taglia sconto ancora "
    "quero mensagens mandem enviar mais encomenda tamanho troca desconto tirem "
    "berichten ontvangen sturen stuur lijst afmelden betaald levering verzending maat korting"
)
# Shorthand with a meaning of its own: French "stp" is "s'il te plaît", not "stop".
OWN_SHORTHAND = "stp svp pls plz thx txt msg sms pfv grz tks bjs bss cmt pcq"
