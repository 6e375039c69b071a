"""The catalogue of problems an editor can meet: each kind has a stable code, a title and an explanation.

Pipeline position: beside ``problems``. Every stage that reports a ``Problem`` (``yamlio``, ``convert``,
``validate``) names its kind from ``Code``, and so do the editors' macros (``rendering.page_macros``). The
code is printed at the end of each problem line (``… [ukendt-felt]``); tests and the editor's guide refer
to it (the guide's table is generated from this module by the macro ``fejlkoder``), so a message's wording
can improve without breaking either. A published code is never renamed: editors may have noted it down.

Codes are Danish, lower-case and written with a-z, digits and hyphens only (æ, ø, å as ae, oe, aa, like
the test files' names), so they survive any terminal, search box or web address unchanged.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from enum import Enum

CODE_FORM = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Entry:
    """One kind of problem as the guide explains it: code, short title, what it means, how to fix it."""

    code: str
    title: str
    meaning: str
    fix: str


@functools.total_ordering
class Code(Enum):
    """Every kind of problem, in the order of the guide's table (the order an editor meets them)."""

    _value_: Entry

    # --- the data folder and its files ---------------------------------------------------------------
    MAPPE_FINDES_IKKE = Entry(
        "mappe-findes-ikke",
        "Datamappen findes ikke",
        "Mappen, som strategierne skal ligge i (normalt data), findes ikke, hvor tjekket eller bygningen leder.",
        "Kontrollér mappens navn og placering. Tjekker du med python -m macros check, så skriv mappens navn "
        "efter check.",
    )
    INGEN_STRATEGIER = Entry(
        "ingen-strategier",
        "Ingen strategier i mappen",
        "Datamappen findes, men der ligger ingen filer med endelsen .yaml eller .yml i den.",
        "Læg strategien i mappen som en .yaml-fil, eller ret filens endelse (fx fra .txt til .yaml).",
    )
    FIL_KAN_IKKE_AABNES = Entry(
        "fil-kan-ikke-aabnes",
        "Filen kan ikke åbnes",
        "Filen findes, men den kan ikke læses, fx fordi du ikke har adgang til den.",
        "Kontrollér filens rettigheder, eller gem den igen. Spørg it-afdelingen, hvis du ikke har adgang.",
    )
    FIL_FOR_STOR = Entry(
        "fil-for-stor",
        "Filen er for stor",
        "Filen fylder mere, end en strategi nogensinde bør (grænsen står i beskeden).",
        "Se efter, om der ved en fejl er sat meget tekst eller et andet dokument ind i filen, og fjern det.",
    )
    IKKE_UTF8 = Entry(
        "ikke-utf8",
        "Filen er ikke gemt som UTF-8",
        "Filen er gemt med et andet tegnsæt end UTF-8, så bogstaver som æ, ø og å kan ikke læses.",
        "Gem filen igen som UTF-8 (i VS Code: klik på tegnsættet nederst til højre og vælg Save with Encoding, UTF-8).",
    )
    IKKE_TEKSTFIL = Entry(
        "ikke-tekstfil",
        "Filen er ikke en tekstfil",
        "Filen indeholder NUL-tegn, som kun findes i fx billeder og Word-filer, ikke i en tekstfil.",
        "Kontrollér, at det er den rigtige fil. En strategi skal skrives i en teksteditor, ikke i Word.",
    )
    STYRETEGN = Entry(
        "styretegn",
        "Usynligt styretegn",
        "Et usynligt tegn (ofte kopieret med fra en anden tekst) står i filen, og YAML tillader det ikke.",
        "Gå til linjen og kolonnen i beskeden, og slet tegnet. Skriv evt. teksten omkring det igen i hånden.",
    )
    TOM_FIL = Entry(
        "tom-fil",
        "Tom fil",
        "Filen er tom eller indeholder kun kommentarer.",
        "Skriv strategien i filen (mindst id, titel og organisation), eller slet filen, hvis den ikke skal bruges.",
    )

    # --- YAML: how the file is written -----------------------------------------------------------------
    YAML_SYNTAKSFEJL = Entry(
        "yaml-syntaksfejl",
        "YAML-syntaksfejl",
        "Filen kan ikke læses som YAML: typisk forkert indrykning, et manglende kolon eller anførselstegn, der "
        "ikke bliver lukket. Beskeden siger, hvad der er galt.",
        "Ret linjen i beskeden eller linjen lige før. Felter i samme blok skal stå lige under hinanden, "
        "indrykket med mellemrum (ikke tabulator).",
    )
    YAML_MAERKE = Entry(
        "yaml-maerke",
        "YAML-mærke ikke tilladt",
        "En værdi begynder med !, som YAML læser som et mærke (fx !!python), og det er ikke tilladt.",
        "Fjern mærket, eller sæt teksten i anførselstegn, hvis den skal begynde med !.",
    )
    FLETNING = Entry(
        "fletning",
        "Fletning af blokke ikke understøttet",
        "Filen bruger '<<' til at flette en blok ind i en anden med ankre (&navn og *navn).",
        "Skriv felterne ud i hver blok i stedet for at flette.",
    )
    ANKER_I_RING = Entry(
        "anker-i-ring",
        "Henvisning ind i sin egen blok",
        "En henvisning (*navn) står inde i den blok, ankeret (&navn) hører til, så værdien aldrig ender.",
        "Skriv værdien ud i stedet for at henvise til den.",
    )
    FOR_DYB_INDLEJRING = Entry(
        "for-dyb-indlejring",
        "For dybt indlejret",
        "Blokke og lister står inden i hinanden i flere lag, end en strategi nogensinde har brug for.",
        "Se efter en fejl i indrykningen eller i lister i [ ] og blokke i { }, der ikke bliver lukket.",
    )
    FOR_MANGE_VAERDIER = Entry(
        "for-mange-vaerdier",
        "For mange værdier",
        "Filen indeholder flere værdier, end en strategi nogensinde bør (grænsen står i beskeden).",
        "Se efter, om der ved en fejl er sat en meget lang liste ind, og fjern den. Del ellers strategien i flere.",
    )
    ANKRE_UDVIDER_FOR_MEGET = Entry(
        "ankre-udvider-for-meget",
        "Ankre og henvisninger udvider sig for meget",
        "Henvisninger (*navn) til ankre (&navn), der selv henviser videre, ville give flere værdier, end en "
        "strategi nogensinde bør.",
        "Skriv værdierne ud i stedet for at henvise til dem.",
    )

    # --- fields and values ------------------------------------------------------------------------------
    IKKE_EN_STRATEGI = Entry(
        "ikke-en-strategi",
        "Filen beskriver ikke en strategi",
        "Øverst i filen står en liste eller en enkelt værdi i stedet for strategiens felter.",
        "Begynd filen med strategiens felter helt ude til venstre (id: …, titel: …, organisation: …). En fil "
        "beskriver én strategi.",
    )
    UGYLDIGT_FELTNAVN = Entry(
        "ugyldigt-feltnavn",
        "Ugyldigt feltnavn",
        "Foran et kolon står en liste eller en blok, hvor der skal stå et feltnavn.",
        "Skriv feltets navn (fx titel) foran kolonet, og ret indrykningen.",
    )
    DUBLERET_FELT = Entry(
        "dubleret-felt",
        "Felt står to gange",
        "Det samme felt står to gange i samme blok; beskeden siger, i hvilken linje det står første gang.",
        "Slet det ene, eller ret indrykningen, hvis feltet hører til en anden blok.",
    )
    UKENDT_FELT = Entry(
        "ukendt-felt",
        "Ukendt felt",
        "Feltnavnet findes ikke i denne slags blok, typisk på grund af en stavefejl. Beskeden viser de tilladte "
        "felter og det, du nok mente.",
        "Ret stavningen, eller flyt feltet til den blok, det hører til. Alle felter står i vejledningens afsnit "
        "Felterne.",
    )
    BEGREB_SKRIVES_ANDERLEDES = Entry(
        "begreb-skrives-anderledes",
        "Kendt begreb, der skrives på en anden måde",
        "Feltnavnet er et begreb, forandringsteorier bruger (fx gevinster, leverancer eller virkninger), eller et "
        "felt, der hører til en anden slags blok (fx budget under en aktivitet). Formatet har plads til det, men "
        "skriver det et andet sted eller på en anden måde.",
        "Gør, som beskeden siger: fx bliver gevinster til mål med niveau: gevinst, og budget står på strategien "
        "eller på en indsats.",
    )
    MANGLENDE_FELT = Entry(
        "manglende-felt",
        "Felt mangler",
        "Et felt, der skal udfyldes, mangler eller står tomt (ofte fordi dets navn er stavet forkert).",
        "Tilføj feltet med en værdi. Står der samtidig et ukendt felt i blokken, er det nok det samme felt, stavet "
        "forkert.",
    )
    FORKERT_TYPE = Entry(
        "forkert-type",
        "Forkert slags værdi",
        "Feltet skal være en liste, en blok med felter eller en enkelt værdi, men er noget andet.",
        "Skriv værdien som beskeden siger: en liste som linjer, der begynder med '- ' (eller [a, b]), en blok som "
        "felt: værdi på hver sin linje, indrykket under feltet.",
    )
    UGYLDIGT_TAL = Entry(
        "ugyldigt-tal",
        "Ugyldigt tal",
        "Feltet skal være et tal, men værdien er ikke skrevet som et.",
        "Skriv tallet med cifre, fx 3 eller 12,5 (komma eller punktum), uden enheder, mellemrum eller tegn som %.",
    )
    DECIMALKOMMA_I_BLOK = Entry(
        "decimalkomma-i-blok",
        "Decimalkomma inde i { }",
        "Inde i en blok i { } adskiller komma felterne, så et tal med decimalkomma (fx værdi: 93,4) læses som to "
        "felter: værdi: 93 og et felt, der hedder 4.",
        'Skriv tallet med punktum (værdi: 93.4), sæt det i anførselstegn (værdi: "93,4"), eller skriv blokken ud '
        "med ét felt på hver linje, hvor komma er tilladt.",
    )
    UGYLDIG_DATO = Entry(
        "ugyldig-dato",
        "Ugyldig dato",
        "Datoen er ikke skrevet på den form, som filerne bruger.",
        "Skriv datoen som ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD, fx 2016, 2016-07 eller 2016-07-01.",
    )
    UGYLDIGT_VALG = Entry(
        "ugyldigt-valg",
        "Ugyldigt valg",
        "Feltet har en fast liste af mulige værdier, og værdien er ikke en af dem.",
        "Vælg en af værdierne, beskeden viser, stavet præcis sådan.",
    )
    UGYLDIGT_SPROG = Entry(
        "ugyldigt-sprog",
        "Ugyldig sprogkode",
        "Feltet sprog skal være en sprogkode, som browsere og skærmlæsere forstår (BCP 47), fx da, sv, nb, nn, "
        "en eller de.",
        "Skriv koden med små bogstaver, fx sv for svensk. Udelad feltet, når strategien er skrevet på dansk.",
    )
    FOR_LANG_TEKST = Entry(
        "for-lang-tekst",
        "For lang tekst",
        "Teksten er længere end grænsen for feltet (en titel er kortere end en beskrivelse).",
        "Gør teksten kortere. En lang forklaring hører til i beskrivelse, ikke i titel.",
    )
    UGYLDIGT_ID = Entry(
        "ugyldigt-id",
        "Ugyldigt id",
        "Et id bliver en del af sidens adresse og må kun indeholde små bogstaver a-z, tal og enkelte bindestreger.",
        "Brug forslaget i beskeden, fx oeget-trivsel for Øget Trivsel. Husk at rette henvisninger til det gamle id.",
    )

    # --- across elements ----------------------------------------------------------------------------------
    DUBLERET_ID = Entry(
        "dubleret-id",
        "Id bruges to gange",
        "To elementer i samme strategi har samme id; beskeden siger, hvilket element der har det i forvejen.",
        "Giv det ene element et andet id, og ret de henvisninger, der skal pege på det.",
    )
    DUBLERET_STRATEGI_ID = Entry(
        "dubleret-strategi-id",
        "Strategi-id bruges to gange",
        "To filer beskriver en strategi med samme id, ofte fordi en fil er kopieret.",
        "Giv den ene strategi sit eget id, eller slet kopien.",
    )
    ID_FOR_LANGT = Entry(
        "id-for-langt",
        "Id er for langt",
        "Et id bliver navnet på en mappe i det byggede websted, og meget lange navne kan ikke gemmes på alle "
        "drev (grænsen står i beskeden).",
        "Giv elementet et kortere id med de vigtigste ord, fx oeget-trivsel.",
    )
    RESERVERET_ID = Entry(
        "reserveret-id",
        "Id er optaget af en anden side",
        "Id'et ville give en adresse, som webstedet allerede bruger: en af de skrevne sider (fx "
        "tilgængelighedserklæringen), temaets egne mapper eller en oversigtsside (index). Beskeden siger hvilken.",
        "Giv elementet et andet id, fx med strategiens eller kommunens navn foran.",
    )
    TIDLIGERE_ID_UDEN_ADRESSE = Entry(
        "tidligere-id-uden-adresse",
        "Tidligere id kan ikke sende videre",
        "Et tidligere id kan kun sende læseren videre fra den gamle adresse, hvis den gamle adresse ikke er "
        "en anden strategis eller sides adresse nu.",
        "Fjern det tidligere id, eller giv den anden strategi eller side et andet id.",
    )
    TIDLIGERE_ID_I_BRUG = Entry(
        "tidligere-id-i-brug",
        "Tidligere id er stadig i brug",
        "Et id under tidligere_id er samtidig det nuværende id for et element.",
        "Fjern det fra tidligere_id, eller giv det nuværende element et nyt id.",
    )
    TIDLIGERE_ID_DUBLERET = Entry(
        "tidligere-id-dubleret",
        "Tidligere id står to steder",
        "Det samme gamle id står under tidligere_id ved to elementer; et gammelt id kan kun sende videre ét sted hen.",
        "Lad det gamle id stå ved det element, der har overtaget det, og fjern det fra det andet.",
    )
    UKENDT_HENVISNING = Entry(
        "ukendt-henvisning",
        "Henvisning til et id, der ikke findes",
        "Et felt henviser til et id, som ingen elementer i strategien har, typisk på grund af en stavefejl. "
        "Beskeden viser de kendte id'er og det, du nok mente.",
        "Ret id'et, så det står præcis som ved elementet, eller opret elementet.",
    )
    OMDOEBT_ID = Entry(
        "omdoebt-id",
        "Henvisning til et omdøbt id",
        "Et felt henviser til et gammelt id, som et element har skiftet fra (det står under tidligere_id).",
        "Skriv det nye id, som beskeden viser.",
    )
    FORKERT_ELEMENTTYPE = Entry(
        "forkert-elementtype",
        "Henvisning til den forkerte slags element",
        "Id'et findes, men hører til en anden slags element, end feltet skal pege på (fx et område, hvor der skal "
        "stå en målsætning).",
        "Skriv id'et på et element af den rigtige slags, eller flyt id'et til det felt, det hører til.",
    )
    HENVISER_TIL_SIG_SELV = Entry(
        "henviser-til-sig-selv",
        "Element henviser til sig selv",
        "Et element henviser til sit eget id, fx en aktivitet, der afhænger af sig selv.",
        "Fjern henvisningen, eller skriv det id, du mente.",
    )
    AFHAENGIGHED_I_RING = Entry(
        "afhaengighed-i-ring",
        "Afhængighed i ring",
        "Aktiviteter afhænger af hinanden i ring (a afhænger af b, og b af a), så ingen af dem kan komme først. "
        "Beskeden viser ringen.",
        "Fjern mindst én af afhængighederne i ringen under afhænger_af.",
    )
    DUBLERET_FORBINDELSE = Entry(
        "dubleret-forbindelse",
        "Forbindelse står to gange",
        "To forbindelser går fra og til de samme elementer. Diagrammet kan kun tegne én pil, så den ene "
        "antagelse ville forsvinde.",
        "Saml de to antagelser i én forbindelse, eller slet den ene.",
    )
    PERIODE_BAGLAENS = Entry(
        "periode-baglaens",
        "Periode slutter før den begynder",
        "I en periode ligger til før fra.",
        "Ret datoerne, eller byt om på fra og til.",
    )
    UGYLDIG_MAANED = Entry(
        "ugyldig-maaned",
        "Måned findes ikke",
        "Under måneder står et tal, der ikke er en måned.",
        "Skriv månederne som tal fra 1 (januar) til 12 (december).",
    )
    BUDGETAAR_TO_GANGE = Entry(
        "budgetaar-to-gange",
        "Samme år to gange i et budget",
        "Et budget har ét punkt pr. år, og det samme år står to gange.",
        "Læg beløbene for året sammen i ét punkt, eller ret årstallet. Brug note til at forklare, hvad beløbet dækker.",
    )
    MAAL_TO_GANGE = Entry(
        "maal-to-gange",
        "Både mål og mål_ændring",
        "En periode under en indikator har både mål (et tal) og mål_ændring (en ændring i procent), og de kan "
        "sige hvert sit.",
        "Skriv det, kilden siger: mål, når målet er et tal, eller mål_ændring, når det er en ændring fra "
        "udgangspunktet (fx -40).",
    )
    UGYLDIG_WEBADRESSE = Entry(
        "ugyldig-webadresse",
        "Ikke en webadresse",
        "En kildes url skal blive et link, men er ikke en hel webadresse.",
        "Skriv hele adressen, der begynder med https:// (eller http://). Kopiér den evt. fra browserens adresselinje.",
    )
    UTILLADT_LINK_ELLER_BILLEDE = Entry(
        "utilladt-link-eller-billede",
        "Link eller billede, der ikke er tilladt",
        "En tekst med formatering indeholder et link til andet end en web- eller mailadresse, eller et billede "
        "(billeder ville blive hentet fra en anden side).",
        "Skriv linket med en hel adresse, der begynder med https://, http:// eller mailto:. Skriv et link i stedet "
        "for et billede.",
    )

    # --- the diagrams' style file ----------------------------------------------------------------------
    UGYLDIG_FARVE = Entry(
        "ugyldig-farve",
        "Ugyldig farve i stilfilen",
        "En farve i diagrammernes stilfil (diagrams/diagrammer.yaml) er ikke skrevet som #rrggbb.",
        "Skriv farven som # og seks tegn 0-9 og a-f, fx #1f5fbf, i anførselstegn.",
    )
    FARVE_MED_TO_MOERKE = Entry(
        "farve-med-to-moerke",
        "Samme lyse farve med to mørke",
        "I stilfilen har én lys farve fået to forskellige mørke farver. Mørkt tema farver diagrammerne om efter "
        "de lyse farver, så hver lys farve må kun høre til én mørk.",
        "Giv den ene af de to steder en anden lys farve, eller samme mørke farve som det første sted.",
    )
    # --- macros on the hand-written pages ---------------------------------------------------------------------
    MAKRO_UKENDT_ID = Entry(
        "makro-ukendt-id",
        "Makro med et id, der ikke findes",
        "En makro på en af dine egne sider i docs nævner et id, som ingen strategi har. Beskeden viser det id, "
        "du nok mente.",
        "Ret id'et i makroen på siden, beskeden nævner. Skriv evt. strategiens id foran: strategi/id.",
    )
    MAKRO_TVETYDIGT_ID = Entry(
        "makro-tvetydigt-id",
        "Makro med et id, der findes i flere strategier",
        "Id'et i makroen findes i mere end én strategi, så det er ikke klart, hvilket element du mener.",
        "Skriv strategiens id foran, som beskeden viser: strategi/id.",
    )
    MAKRO_FORKERT_ELEMENTTYPE = Entry(
        "makro-forkert-elementtype",
        "Makro med den forkerte slags element",
        "Makroen kan kun bruges med en bestemt slags element (fx aktiviteter med en indsats), og id'et er et "
        "andet slags element.",
        "Skriv id'et på et element af den slags, makroen skal bruge (se Makroer til egne sider).",
    )

    def __str__(self) -> str:
        return self.value.code

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Code):
            return NotImplemented
        return self.value.code < other.value.code
