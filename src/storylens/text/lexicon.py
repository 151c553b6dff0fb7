"""The word lists of news English, each in one place.

Months and weekdays, the years a news date can fall in, the verbs that
introduce speech or attribute a figure, titles, demonyms, organisation and
place words, a small gazetteer and the news agencies.  Every stage that needs
one of these imports it from here.
"""

from __future__ import annotations

# -- the calendar -------------------------------------------------------------------------------
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")
#: the abbreviations news copy writes with a period ("Oct. 6"); "May" is never abbreviated
MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec")
#: lower-cased month name or abbreviation -> month number ("sept" -> 9)
MONTHS: dict[str, int] = {
    **{m.lower(): i for i, m in enumerate(MONTH_NAMES, 1)},
    **{a.lower(): MONTH_NAMES.index(next(m for m in MONTH_NAMES if m.startswith(a[:3]))) + 1
       for a in MONTH_ABBREVIATIONS},
}
#: a regular-expression alternation of the month names, then their abbreviations (longest form first)
MONTH_PATTERN = "|".join(MONTH_NAMES + MONTH_ABBREVIATIONS)

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAY_ABBREVIATIONS = ("mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun")
#: lower-cased weekday -> its number (Monday is 0, as ``date.weekday()``)
WEEKDAYS: dict[str, int] = {d.lower(): i for i, d in enumerate(WEEKDAY_NAMES)}
WEEKDAY_PATTERN = "|".join(WEEKDAY_NAMES)
#: every month and weekday name, lower-cased
CALENDAR_WORDS = frozenset(m.lower() for m in MONTH_NAMES + WEEKDAY_NAMES)

#: the years a date in news text is read in: a four-digit number in this range may be a year
YEAR_FIRST, YEAR_LAST = 1800, 2099
#: a regular expression of the four-digit years from YEAR_FIRST to YEAR_LAST
YEAR_PATTERN = r"(?:1[89]\d\d|20\d\d)"

# -- verbs ----------------------------------------------------------------------------------------
#: past tenses that do not end in -ed, as a regular-expression alternation (those that are also the present,
#: "put", "cut", "hit", "set", "read", are left out: they do not say the past)
IRREGULAR_PAST = (r"said|told|met|began|came|went|gave|took|made|held|wrote|spoke|sent|won|lost|left|brought|"
                  r"found|struck|fell|rose|ran|sought|fought|thought|knew|saw|became|broke|chose|flew|drove|led|"
                  r"paid|stood|sat|spent|swore|threw|wore|got|drew|grew|kept|sold|taught|withdrew|underwent|"
                  r"oversaw|arose|froze|shook|stole|forgave|hid|bought|caught|dealt|felt|heard|meant|slept|swept")
#: verbs that introduce a quotation ("..., she said"; "Lavrov warned: ...") as a regular-expression alternation
SPEECH_VERBS = (r"said|says|say|told|tells|added|adds|stated|warned|declared|insisted|stressed|explained|asked|"
                r"replied|wrote|argued|noted|continued|recalled|admitted|acknowledged|announced|vowed|urged|"
                r"claimed|complained|conceded|quipped|saying|describing|calling(?! off)|accusing|accused|"
                r"described|called(?! off| up| in)|"
                r"hoped|pledged|promised|predicted|concluded|observed|remarked|responded|professed|testified|"
                r"countered|cautioned|contended|maintained|recounted|joked|wondered|boasted|lamented|"
                r"characterized|characterised|stating|tweeted|tweeting|posted|texted|e-?mailed|commented")
#: verbs that introduce a quotation in their complement, read only before a quotation ("Microsoft dismissed the
#: claims as ``...''", "Boies opened by stressing that ``...''"); not speech verbs elsewhere
QUOTE_INTRO_VERBS = (r"dismissed|denied|denies|likened|termed|alleges|alleged|asserted|asserting|asserts|"
                     r"stressing|insists|emphasized|emphasised|suggesting|writes|writing|charged|charging|expressed")
#: verbs that say how words were spoken ("..., drawled Gilstrap", "Gore shouted: ``...''"), read beside a quotation
SPEECH_MANNER_VERBS = (r"shouted|yelled|screamed|cried|exclaimed|whispered|muttered|sobbed|drawled|pleaded|begged|"
                       r"snapped|retorted|sighed|mused|groused|grumbled|chuckled|laughed|scoffed|gushed|"
                       r"interjected|confided|reasoned|ventured|implored|marveled|marvelled")
#: verbs whose complement quotes the subject's words, read only before a quotation ("Gore criticized his
#: father's ``failed prescriptions''", "She lauded Gore as ``a leader ...''")
QUOTE_JUDGING_VERBS = (r"criticized|criticised|lauded|praised|condemned|blamed|hailed|welcomed|branded|labeled|"
                       r"labelled|urging|offered|proclaimed|confirmed|reported|arguing|insisting|noting|warning|"
                       r"explaining|claiming|reporting")
#: the same in the other languages whose quotation marks are read (German, French, Spanish, Italian,
#: Chinese, Japanese): ``„...“, sagte Merkel``, ``« ... », a déclaré le ministre``, ``según X``, 「...」李明说
FOREIGN_SPEECH_VERBS = {
    "de": r"sagte|sagt|sagten|erklärte|erklärt|betonte|betont|meinte|meint|warnte|warnt|fügte\s+hinzu|so",
    "fr": r"a\s+déclaré|a\s+dit|a\s+affirmé|a\s+ajouté|a\s+expliqué|a\s+estimé|a\s+souligné|a\s+indiqué|"
          r"a\s+précisé|déclare|dit|affirme|ajoute|explique|estime|souligne|selon",
    "es": r"dijo|afirmó|declaró|añadió|explicó|aseguró|señaló|indicó|dice|afirma|según",
    "it": r"ha\s+detto|ha\s+dichiarato|ha\s+affermato|ha\s+aggiunto|ha\s+spiegato|ha\s+sottolineato|dice|"
          r"afferma|secondo",
    "zh": r"说|表示|指出|称|强调",
    "ja": r"述べた|語った|話した|言った|強調した",
}
#: words that end the speaker's name after such a verb ("sagte Angela Merkel am Montag", "a déclaré Jean
#: Dupont mardi à Paris"): prepositions and weekdays (German capitalises its nouns, so a capital ends nothing)
FOREIGN_SPEAKER_ENDS = {
    "de": r"am|im|in|auf|bei|vor|nach|gegenüber|zu|laut|der|dem|den|und|als|während|dass",
    "fr": r"à|au|aux|en|devant|lors|dans|pendant|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|et|qui",
    "es": r"en|el|ante|durante|desde|y|que|este|esta|lunes|martes|miércoles|jueves|viernes|sábado|domingo",
    "it": r"a|in|al|alla|durante|davanti|e|che|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica",
}
#: the commonest of them, after which a lone capitalised word is taken for a person ("Smith said")
SPEECH_VERBS_AFTER_NAME = r"said|says|told|added|stated|warned|announced"

# -- what the text says of a person's sex ("she said" goes to a woman) ------------------------------
#: words beside a name that say a woman or a man is meant ("Mrs. Gingrich", "Kate Lecchi, a spokeswoman")
FEMALE_WORDS = frozenset("""mrs ms miss madam lady dame queen princess duchess sister mother daughter wife widow
    grandmother aunt niece girl woman spokeswoman chairwoman congresswoman councilwoman assemblywoman
    businesswoman actress waitress hostess stewardess heiress""".split())
MALE_WORDS = frozenset("""mr sir lord king prince duke brother father son husband widower grandfather uncle
    nephew boy man spokesman chairman congressman councilman assemblyman businessman actor""".split())
#: common given names that are almost always a woman's or a man's (a name in neither list says nothing)
FEMALE_NAMES = frozenset("""mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa
    betty margaret sandra kimberly emily donna michelle carol amanda dorothy melissa deborah stephanie
    rebecca sharon laura cynthia kathleen amy angela anna brenda pamela emma nicole helen samantha katherine
    christine debra rachel carolyn janet catherine maria heather diane ruth julie olivia joyce virginia
    victoria lauren christina joan evelyn judith megan andrea cheryl hannah jacqueline martha gloria
    teresa ann sara frances kathryn janice jean abigail alice judy sophia grace denise amber doris
    marilyn danielle beverly isabella theresa diana natalie brittany charlotte marie kayla alexis lori
    kate joanna hillary monica madeleine condoleezza margaret angela tara ellen jane sally rose lucy claire julia
    sophie chloe ella zoe mia ava leah lily ashley jasmine erin kristen kristin allison alison vanessa tiffany
    wendy kathy cathy carrie peggy sue suzanne paula eileen irene jill joy june beth becky candace whitney
    britney heidi holly ingrid jenny katie kristina mandy melanie meredith miranda molly nora norma olga patty
    penny phyllis priscilla rita roberta rosa sabrina sheila shirley sonia stacy sylvia tamara tanya tina
    valerie vera yvonne yolanda naomi nina gail gwen hazel joanne katrina lorraine louise marcia marsha mildred
    pauline regina renee roxanne sherry tammy tracey ursula veronica wanda marianne gina madeline oprah portia
    whoopi fatima aisha natalia svetlana irina yulia""".split())
MALE_NAMES = frozenset("""james robert john michael david william richard joseph thomas charles christopher
    daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald
    edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin
    samuel gregory alexander frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry
    douglas zachary peter kyle ethan walter noah jeremy keith roger gerald harold sean
    carl arthur lawrence bryan billy joe bruce gabriel albert willie alan juan wayne
    elijah randy roy vincent ralph eugene russell bobby mason philip phillip louis bill bob ben
    jim tom mike dan steve fred ted tony matt nick tim andy joel neil craig doug greg jeff ken rick ron don dave
    jon barry brad brett chad clint colin curtis darren dean derek dustin earl ed eddie gordon grant hank harry
    howard hugh ian isaac ivan jake jared jay jimmy johnny josh julian karl kurt lance leon lloyd luke marcus
    mario martin marvin max mitch mitchell neal nathaniel oliver oscar owen pete phil rex ricky rob rodney ross
    rudy shane simon stan stanley stuart theo theodore todd travis trevor troy vernon victor wade warren wesley
    gerry vladimir wladimir dmitry sergei hassan mohammed muhammad ahmed omar abdullah ibrahim khalid
    mustafa""".split())
#: verbs that attribute a figure to a source ("the Observatory reported", "officials estimated")
ATTRIBUTION_VERBS = (r"said|says|say|reported|reports|told|announced|estimated|estimates|documented|confirmed|"
                     r"added|stated|claimed|counted|recorded|put")

# -- people, bodies, places -----------------------------------------------------------------------
TITLES = frozenset("""president vice prime minister foreign defence defense interior secretary state general
    lieutenant lt gen col colonel major maj captain capt sgt sergeant admiral commander ambassador envoy mediator
    spokesman spokeswoman spokesperson chancellor king queen prince princess sheikh emir pope cardinal bishop rev
    reverend mr mrs ms dr prof professor sen senator rep representative gov governor mayor judge justice chief
    head director chairman chairwoman chair leader deputy premier officer official minister's ceo founder
    activist correspondent reporter editor analyst lawyer attorney coach manager commissioner inspector
    superintendent detective pastor father sister brother uncle aunt senior top former acting first lady
    sir lord dame assemblyman assemblywoman congressman congresswoman councilman councilwoman lawmaker
    legislator prosecutor deputy sheriff speaker house member councilmember commodore brigadier corporal
    undersheriff""".split())
#: titles written abbreviated with a period before a name ("Sen. Barbara Boxer", "Lt. Gerry Scherlinck")
TITLE_ABBREVIATIONS = ("Lt", "Sgt", "Dr", "Gen", "Col", "Maj", "Capt", "Cpl", "Adm", "Cmdr", "Gov", "Sen", "Rep",
                       "Rev", "Prof", "Det", "Insp", "Supt", "Mr", "Mrs", "Ms", "St")
#: titles of offices that no surname is: a capitalised phrase ending in one names an office ("the Alaska
#: Governor said"), not a person or a body
OFFICE_TITLES = frozenset("""governor senator president minister secretary spokesman spokeswoman spokesperson
    chairman chairwoman commissioner ambassador congressman congresswoman councilman councilwoman councilmember
    assemblyman assemblywoman sheriff prosecutor superintendent""".split())
# the same titles in the other languages whose quotations are read ("Außenminister Heiko Maas", "le ministre")
TITLES = TITLES | frozenset("""außenminister bundeskanzlerin bundeskanzler kanzlerin kanzler bundespräsident
    ministerpräsident präsident präsidentin sprecher sprecherin ministerin ministre président présidente
    porte-parole premier presidente ministro ministra portavoz portavoce primer""".split())
DEMONYMS = frozenset("""american russian syrian french british german italian turkish iranian iraqi israeli
    palestinian lebanese saudi qatari egyptian jordanian chinese japanese korean indian pakistani afghan european
    western eastern arab kurdish australian canadian mexican spanish dutch belgian swiss swedish norwegian polish
    ukrainian greek african asian us u.s. uk un u.n. eu nato""".split())
ORG_WORDS = frozenset("""observatory council ministry agency organisation organization group party army forces
    force committee commission union nations helmets association corporation corp inc co ltd bank university
    court department office kremlin parliament congress senate assembly government administration police navy
    airforce institute foundation fund society church coalition alliance front brigade brigades militia
    hezbollah reuters afp ap msf sana cnn bbc nato press times post news television tv radio network centre
    center hospital school college authority bureau service services company federation league club
    movement campaign programme program media daily journal tribune herald defence defense survey cross
    constitution specialties enterprises institute institution laboratory laboratories museum library
    international watch trust pictures studios entertainment records""".split())
PLACE_WORDS = frozenset("""city province district county state region island islands river mountains valley
    street square camp port airport border fault avenue road bridge park lake sea ocean bay coast
    peninsula""".split())
GAZETTEER = frozenset("""afghanistan albania algeria argentina armenia australia austria azerbaijan bahrain
    bangladesh belarus belgium bolivia bosnia brazil britain bulgaria burma cambodia cameroon canada chad chile
    china colombia congo croatia cuba cyprus czech denmark ecuador egypt england eritrea estonia ethiopia europe
    finland france georgia germany ghana greece guatemala haiti honduras hungary iceland india indonesia iran
    iraq ireland israel italy japan jordan kazakhstan kenya korea kosovo kuwait laos latvia lebanon liberia
    libya lithuania macedonia malaysia mali mexico moldova mongolia morocco mozambique myanmar nepal
    netherlands nicaragua niger nigeria norway oman pakistan palestine panama paraguay peru philippines poland
    portugal qatar romania russia rwanda scotland senegal serbia singapore slovakia slovenia somalia spain
    sudan sweden switzerland syria taiwan tajikistan tanzania thailand tunisia turkey uganda ukraine uae
    uruguay uzbekistan venezuela vietnam wales yemen zambia zimbabwe africa asia america americas
    washington moscow london paris berlin rome madrid beijing tokyo damascus aleppo homs hama idlib daraa
    raqqa latakia tartus baghdad mosul tehran ankara istanbul beirut cairo amman riyadh doha jerusalem
    gaza kabul islamabad delhi geneva brussels lausanne vienna new york geneva kiev kyiv warsaw athens
    lisbon dublin sydney melbourne canberra darwin toronto ottawa chicago boston texas california florida
    wyoming laramie mediterranean izmit istanbul ankara yangon rangoon mandalay""".split()) | {
    "united states", "united kingdom", "new york", "saudi arabia", "south korea", "north korea",
    "united arab emirates", "hong kong", "new zealand", "south africa", "sri lanka", "middle east",
    "east aleppo", "west aleppo", "old city", "los angeles", "san francisco", "new delhi", "us", "u.s.", "uk"}

#: places whose day begins seven hours or more before New York's: a US wire's evening report from there tells
#: of the next day ("Tuesday" in a Monday AP story from Sydney); read on a dateline's words, lower-cased
EAST_OF_THE_WIRE = frozenset("""australia sydney melbourne canberra darwin perth brisbane adelaide jabiru zealand
    wellington auckland japan tokyo osaka kyoto korea seoul pyongyang china beijing shanghai hong kong taiwan taipei
    philippines manila indonesia jakarta dili timor singapore malaysia kuala lumpur thailand bangkok vietnam hanoi
    saigon cambodia phnom penh laos vientiane mongolia""".split())

#: news agencies as written (lower-cased) -> their canonical name
AGENCIES = {
    "afp": "AFP", "agence france-presse": "AFP", "agence france presse": "AFP",
    "reuters": "Reuters", "ap": "AP", "associated press": "AP", "the associated press": "AP",
    "xinhua": "Xinhua", "dpa": "dpa", "ansa": "ANSA", "efe": "EFE", "upi": "UPI",
    "bloomberg": "Bloomberg", "kyodo": "Kyodo", "yonhap": "Yonhap", "tass": "TASS",
    "interfax": "Interfax", "pti": "PTI", "ians": "IANS", "sana": "SANA", "anadolu": "Anadolu",
}

#: what a figure counts, by its noun: "civilians", "victims" and "residents" are all people
COUNT_NOUNS = {
    **dict.fromkeys("people persons civilians residents individuals inhabitants victims lives dead deaths "
                    "bodies casualties fatalities citizens villagers syrians patients passengers workers "
                    "men women adults others participants respondents".split(), "people"),
    **dict.fromkeys("children kids schoolchildren toddlers babies infants minors youngsters".split(), "children"),
    **dict.fromkeys("soldiers troops servicemen policemen officers personnel".split(), "soldiers"),
    **dict.fromkeys("fighters rebels militants insurgents jihadists gunmen combatants".split(), "fighters"),
}

#: words that news copy uses for one another when it retells a claim: each -> the word that stands for all
#: of them (compared after stemming), so that "seized the camp" and "captured the camp" share the verb
SAME_CLAIM_WORDS = {
    **dict.fromkeys("strike strikes airstrike airstrikes raid raids bombing bombings bombardment bombed "
                    "pounded".split(), "strike"),
    **dict.fromkeys("kill killed killing dead death deaths died die".split(), "kill"),
    **dict.fromkeys("rebel rebels opposition insurgents".split(), "rebel"),
    **dict.fromkeys("held controlled".split(), "held"),
    **dict.fromkeys("seize seized capture captured overran overrun arrest arrested nab nabbed apprehended detained"
                    .split(), "capture"),
    **dict.fromkeys("truce ceasefire cease-fire".split(), "truce"),
    **dict.fromkeys("regime government".split(), "government"),
    **dict.fromkeys("troops forces soldiers army".split(), "forces"),
    **dict.fromkeys("besieged siege trapped encircled".split(), "siege"),
    **dict.fromkeys("offensive assault onslaught".split(), "offensive"),
    **dict.fromkeys("launched launch began begun started".split(), "launch"),
    **dict.fromkeys("wounded injured".split(), "wounded"),
    **dict.fromkeys("talks negotiations".split(), "talks"),
    **dict.fromkeys("russia russian russians moscow kremlin".split(), "russia"),
    **dict.fromkeys("lawsuit lawsuits suit suits sued sue sues suing".split(), "sue"),
    **dict.fromkeys("children kids schoolchildren".split(), "children"),
    **dict.fromkeys("militant militants terrorist terrorists jihadist jihadists extremist extremists".split(),
                    "militant"),
    **dict.fromkeys("trip trips visit visits".split(), "visit"),
    **dict.fromkeys("cancel cancels cancelled canceled scrap scrapped".split(), "cancel"),
    **dict.fromkeys("retake retook retaken recapture recaptured".split(), "retake"),
    **dict.fromkeys("brokered negotiated mediated".split(), "brokered"),
    **dict.fromkeys("condemned denounced condemnation".split(), "condemned"),
    **dict.fromkeys("accuse accused accuses accusing accusation accusations".split(), "accuse"),
    **dict.fromkeys("sacked ousted axed".split(), "sacked"),
}

# -- numbers in the other languages whose figures are read (German, French, Spanish, Italian) -----------
#: number words, lower-cased -> value ("ein", "un", "una" count only with a scale: "eine Million")
FOREIGN_NUMBER_WORDS: dict[str, dict[str, int]] = {
    "de": {"ein": 1, "eine": 1, "einer": 1, "einen": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6,
           "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "zwanzig": 20, "dreißig": 30,
           "hundert": 100, "tausend": 1000},
    "fr": {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
           "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "vingt": 20, "trente": 30, "cent": 100,
           "mille": 1000},
    "es": {"un": 1, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
           "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "veinte": 20, "treinta": 30, "cien": 100,
           "mil": 1000},
    "it": {"un": 1, "uno": 1, "una": 1, "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6, "sette": 7,
           "otto": 8, "nove": 9, "dieci": 10, "undici": 11, "dodici": 12, "venti": 20, "trenta": 30, "cento": 100,
           "mille": 1000},
}
#: scale words and abbreviations, lower-cased -> factor (a German or French "Billion" is 10**12)
FOREIGN_SCALES: dict[str, dict[str, float]] = {
    "de": {"tausend": 1e3, "million": 1e6, "millionen": 1e6, "mio.": 1e6, "mio": 1e6, "milliarde": 1e9,
           "milliarden": 1e9, "mrd.": 1e9, "mrd": 1e9, "billion": 1e12, "billionen": 1e12},
    "fr": {"mille": 1e3, "million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9, "billion": 1e12,
           "billions": 1e12},
    "es": {"mil millones": 1e9, "mil": 1e3, "millón": 1e6, "millones": 1e6, "billón": 1e12, "billones": 1e12},
    "it": {"mila": 1e3, "mille": 1e3, "milione": 1e6, "milioni": 1e6, "miliardo": 1e9, "miliardi": 1e9},
}
#: qualifiers in front of a figure -> the canonical English one ("mehr als" is "more than")
FOREIGN_QUALIFIERS: dict[str, dict[str, str]] = {
    "de": {"mehr als": "more than", "über": "more than", "mindestens": "at least", "weniger als": "less than",
           "fast": "nearly", "knapp": "nearly", "beinahe": "nearly", "rund": "about", "etwa": "about",
           "ungefähr": "about", "circa": "about", "bis zu": "up to"},
    "fr": {"plus de": "more than", "au moins": "at least", "moins de": "less than", "près de": "nearly",
           "presque": "nearly", "environ": "about", "quelque": "about", "quelques": "about", "jusqu'à": "up to"},
    "es": {"más de": "more than", "al menos": "at least", "menos de": "less than", "casi": "nearly",
           "cerca de": "nearly", "unos": "about", "unas": "about", "alrededor de": "about", "hasta": "up to"},
    "it": {"più di": "more than", "oltre": "more than", "almeno": "at least", "meno di": "less than",
           "quasi": "nearly", "circa": "about", "fino a": "up to"},
}
#: the words for "percent"
FOREIGN_PERCENT = {"de": ("prozent",), "fr": ("pour cent", "pourcent"), "es": ("por ciento",),
                   "it": ("per cento", "percento")}
#: currencies written after a figure ("46.2 million dollars", "375 million ECU") -> the unit code
CURRENCY_WORDS = {"dollars": "USD", "dollar": "USD", "u.s. dollars": "USD", "us dollars": "USD",
                  "u.s. dollar": "USD", "euros": "EUR", "euro": "EUR", "ecu": "ECU", "ecus": "ECU", "yen": "JPY",
                  "yuan": "CNY", "marks": "DEM", "deutsche marks": "DEM", "francs": "FRF", "rupees": "INR",
                  "rubles": "RUB", "roubles": "RUB", "pesos": "MXN", "lire": "ITL", "shekels": "ILS",
                  # the other dollars, named before or after the figure ("Australian dollars 6.2 billion")
                  "australian dollars": "AUD", "canadian dollars": "CAD", "hong kong dollars": "HKD",
                  "singapore dollars": "SGD", "new zealand dollars": "NZD", "taiwan dollars": "TWD",
                  "new taiwan dollars": "TWD", "british pounds": "GBP", "pounds sterling": "GBP"}
#: a dollar sign with its country's letters before it ("A$6.2 billion", "HK$500"): the currency's code
DOLLAR_PREFIXES = {"a": "AUD", "au": "AUD", "c": "CAD", "ca": "CAD", "hk": "HKD", "nt": "TWD", "s": "SGD",
                   "nz": "NZD", "r": "BRL", "us": "USD"}
