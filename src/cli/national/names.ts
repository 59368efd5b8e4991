import type { County } from "../../domain/organisations/counties.ts";

/*
 * Names for the national demo picture (`demo:seed --national`): Sweden's kommuner in their real
 * county (Gotland is listed among the regioner, as Region Gotland is both), the 21 regioner, and
 * statliga myndigheter with the county they sit in. Public names, no personal data.
 */

export const KOMMUNER: Record<County, string> = {
  AB: "Botkyrka,Danderyd,Ekerö,Haninge,Huddinge,Järfälla,Lidingö,Nacka,Norrtälje,Nykvarn,Nynäshamn,Salem,Sigtuna,Sollentuna,Solna,Stockholm,Sundbyberg,Södertälje,Tyresö,Täby,Upplands Väsby,Upplands-Bro,Vallentuna,Vaxholm,Värmdö,Österåker",
  C: "Enköping,Heby,Håbo,Knivsta,Tierp,Uppsala,Älvkarleby,Östhammar",
  D: "Eskilstuna,Flen,Gnesta,Katrineholm,Nyköping,Oxelösund,Strängnäs,Trosa,Vingåker",
  E: "Boxholm,Finspång,Kinda,Linköping,Mjölby,Motala,Norrköping,Söderköping,Vadstena,Valdemarsvik,Ydre,Åtvidaberg,Ödeshög",
  F: "Aneby,Eksjö,Gislaved,Gnosjö,Habo,Jönköping,Mullsjö,Nässjö,Sävsjö,Tranås,Vaggeryd,Vetlanda,Värnamo",
  G: "Alvesta,Lessebo,Ljungby,Markaryd,Tingsryd,Uppvidinge,Växjö,Älmhult",
  H: "Borgholm,Emmaboda,Hultsfred,Högsby,Kalmar,Mönsterås,Mörbylånga,Nybro,Oskarshamn,Torsås,Vimmerby,Västervik",
  I: "",
  K: "Karlshamn,Karlskrona,Olofström,Ronneby,Sölvesborg",
  M: "Bjuv,Bromölla,Burlöv,Båstad,Eslöv,Helsingborg,Hässleholm,Höganäs,Hörby,Höör,Klippan,Kristianstad,Kävlinge,Landskrona,Lomma,Lund,Malmö,Osby,Perstorp,Simrishamn,Sjöbo,Skurup,Staffanstorp,Svalöv,Svedala,Tomelilla,Trelleborg,Vellinge,Ystad,Åstorp,Ängelholm,Örkelljunga,Östra Göinge",
  N: "Falkenberg,Halmstad,Hylte,Kungsbacka,Laholm,Varberg",
  O: "Ale,Alingsås,Bengtsfors,Bollebygd,Borås,Dals-Ed,Essunga,Falköping,Färgelanda,Grästorp,Gullspång,Göteborg,Götene,Herrljunga,Hjo,Härryda,Karlsborg,Kungälv,Lerum,Lidköping,Lilla Edet,Lysekil,Mariestad,Mark,Mellerud,Munkedal,Mölndal,Orust,Partille,Skara,Skövde,Sotenäs,Stenungsund,Strömstad,Svenljunga,Tanum,Tibro,Tidaholm,Tjörn,Tranemo,Trollhättan,Töreboda,Uddevalla,Ulricehamn,Vara,Vårgårda,Vänersborg,Åmål,Öckerö",
  S: "Arvika,Eda,Filipstad,Forshaga,Grums,Hagfors,Hammarö,Karlstad,Kil,Kristinehamn,Munkfors,Storfors,Sunne,Säffle,Torsby,Årjäng",
  T: "Askersund,Degerfors,Hallsberg,Hällefors,Karlskoga,Kumla,Laxå,Lekeberg,Lindesberg,Ljusnarsberg,Nora,Örebro",
  U: "Arboga,Fagersta,Hallstahammar,Kungsör,Köping,Norberg,Sala,Skinnskatteberg,Surahammar,Västerås",
  W: "Avesta,Borlänge,Falun,Gagnef,Hedemora,Leksand,Ludvika,Malung-Sälen,Mora,Orsa,Rättvik,Smedjebacken,Säter,Vansbro,Älvdalen",
  X: "Bollnäs,Gävle,Hofors,Hudiksvall,Ljusdal,Nordanstig,Ockelbo,Ovanåker,Sandviken,Söderhamn",
  Y: "Härnösand,Kramfors,Sollefteå,Sundsvall,Timrå,Ånge,Örnsköldsvik",
  Z: "Berg,Bräcke,Härjedalen,Krokom,Ragunda,Strömsund,Åre,Östersund",
  AC: "Bjurholm,Dorotea,Lycksele,Malå,Nordmaling,Norsjö,Robertsfors,Skellefteå,Sorsele,Storuman,Umeå,Vilhelmina,Vindeln,Vännäs,Åsele",
  BD: "Arjeplog,Arvidsjaur,Boden,Gällivare,Haparanda,Jokkmokk,Kalix,Kiruna,Luleå,Pajala,Piteå,Älvsbyn,Överkalix,Övertorneå",
};

const CITIES: Record<string, string> = {
  Stockholm: "Stockholms stad",
  Göteborg: "Göteborgs stad",
  Malmö: "Malmö stad",
  Falun: "Falu kommun",
};

/** "Sundsvall" → "Sundsvalls kommun", "Täby" → "Täby kommun", "Borås" → "Borås kommun". */
export function kommunName(place: string): string {
  return CITIES[place] ?? (/[aeiouyåäös]$/i.test(place) ? `${place} kommun` : `${place}s kommun`);
}

export const REGIONER: Record<County, string> = {
  AB: "Region Stockholm",
  C: "Region Uppsala",
  D: "Region Sörmland",
  E: "Region Östergötland",
  F: "Region Jönköpings län",
  G: "Region Kronoberg",
  H: "Region Kalmar län",
  I: "Region Gotland",
  K: "Region Blekinge",
  M: "Region Skåne",
  N: "Region Halland",
  O: "Västra Götalandsregionen",
  S: "Region Värmland",
  T: "Region Örebro län",
  U: "Region Västmanland",
  W: "Region Dalarna",
  X: "Region Gävleborg",
  Y: "Region Västernorrland",
  Z: "Region Jämtland Härjedalen",
  AC: "Region Västerbotten",
  BD: "Region Norrbotten",
};

/** Central myndigheter; "Name|County" where it does not sit in Stockholm (AB). The first ones send the most letters. */
export const CENTRAL_MYNDIGHETER = `Skatteverket,Försäkringskassan,Centrala studiestödsnämnden|Y,Kronofogdemyndigheten,Pensionsmyndigheten,Arbetsförmedlingen,
Transportstyrelsen|E,Polismyndigheten,Migrationsverket|E,Trafikverket|W,Lantmäteriet|X,Bolagsverket|Y,Tullverket,Domstolsverket|F,
Kriminalvården|E,Åklagarmyndigheten,Socialstyrelsen,Folkhälsomyndigheten,Läkemedelsverket|C,Inspektionen för vård och omsorg,Skolverket,
Skolinspektionen,Universitets- och högskolerådet,Vetenskapsrådet,Naturvårdsverket,Havs- och vattenmyndigheten|O,Jordbruksverket|F,
Livsmedelsverket|C,Boverket|K,Energimyndigheten|D,Konsumentverket|S,Konkurrensverket,Finansinspektionen,Riksgälden,Ekonomistyrningsverket,
Statskontoret,Arbetsmiljöverket,Inspektionen för socialförsäkringen,Myndigheten för digital förvaltning|Y,E-hälsomyndigheten,
Statens servicecenter|X,Kammarkollegiet,Kommerskollegium,Styrelsen för internationellt utvecklingssamarbete,Post- och telestyrelsen,
Myndigheten för civilt försvar|S,Försvarsmakten,Plikt- och prövningsverket,Fortifikationsverket|D,Försvarets materielverk,Kustbevakningen|E,
Sjöfartsverket|E,Luftfartsverket|E,Sveriges meteorologiska och hydrologiska institut|E,Statistiska centralbyrån,Sveriges geologiska undersökning|C,
Skogsstyrelsen|F,Statens veterinärmedicinska anstalt|C,Myndigheten för delaktighet,Diskrimineringsombudsmannen,Jämställdhetsmyndigheten|O,
Barnombudsmannen,Sametinget|BD,Riksarkivet,Kungliga biblioteket,Statens kulturråd,Riksantikvarieämbetet|I,Konstnärsnämnden,
Myndigheten för tillgängliga medier,Specialpedagogiska skolmyndigheten|D,Sameskolstyrelsen|BD,Skolforskningsinstitutet,
Myndigheten för yrkeshögskolan|U,Universitetskanslersämbetet,Medlingsinstitutet,Inspektionen för arbetslöshetsförsäkringen|D,
Spelinspektionen|D,Tandvårds- och läkemedelsförmånsverket,Statens beredning för medicinsk och social utvärdering,Strålsäkerhetsmyndigheten,
Kemikalieinspektionen,Elsäkerhetsverket|W,Styrelsen för ackreditering och teknisk kontroll|O,Patent- och registreringsverket,
Tillväxtverket,Myndigheten för tillväxtpolitiska utvärderingar och analyser|E,Verket för innovationssystem,Exportkreditnämnden,Svenska institutet,
Allmänna reklamationsnämnden,Statens institutionsstyrelse,Brottsoffermyndigheten|AC,Brottsförebyggande rådet,Ekobrottsmyndigheten,
Säkerhetspolisen,Integritetsskyddsmyndigheten,Justitiekanslern,Valmyndigheten,Statens fastighetsverk,Statens tjänstepensionsverk,
Överklagandenämnden för studiestöd|Y,Statens haverikommission,Rättsmedicinalverket,Myndigheten för stöd till trossamfund,
Myndigheten för ungdoms- och civilsamhällesfrågor|AC,Forskningsrådet för hälsa arbetsliv och välfärd,Forskningsrådet för miljö areella näringar och samhällsbyggande,
Rymdstyrelsen,Polarforskningssekretariatet,Naturhistoriska riksmuseet,Statens maritima och transporthistoriska museer,Moderna museet,
Nationalmuseum,Statens historiska museer,Statens museer för världskultur|O,Statens musikverk,Institutet för språk och folkminnen,
Mediemyndigheten,Forum för levande historia,Institutet för mänskliga rättigheter|M,Myndigheten för vård- och omsorgsanalys,
Institutet för arbetsmarknads- och utbildningspolitisk utvärdering|C,Konjunkturinstitutet,Riksrevisionen,Trafikanalys,
Totalförsvarets forskningsinstitut,Försvarets radioanstalt,Inspektionen för strategiska produkter,Myndigheten för psykologiskt försvar|T,
Arbetsgivarverket,Fastighetsmäklarinspektionen|D,Revisorsinspektionen,Statens energimarknadsinspektion|D,Ombudsmannen mot diskriminering,
Nämnden för hemslöjdsfrågor,Svenska ESF-rådet,Myndigheten för arbetsmiljökunskap|X,Inspektionen för Kronofogdemyndigheten,
Lotsverket för statsförvaltningen,Statens skolverks stödenhet,Gentekniknämnden,Statens nämnd för arbetstagares uppfinningar,
Kärnavfallsfonden,Krisberedskapsnämnden,Läromedelsnämnden,Myndigheten för familjerätt och föräldraskapsstöd|E,Skolväsendets överklagandenämnd,
Hälso- och sjukvårdens ansvarsnämnd,Statens ansvarsnämnd,Tandvårdsnämnden,Ungdomsstyrelsens rådgivande nämnd,Sveriges lantbruksuniversitets förvaltning|C`;

export const UNIVERSITIES = `Uppsala universitet|C,Lunds universitet|M,Göteborgs universitet|O,Stockholms universitet,Umeå universitet|AC,Linköpings universitet|E,
Karolinska institutet,Kungliga Tekniska högskolan,Luleå tekniska universitet|BD,Karlstads universitet|S,Linnéuniversitetet|G,Örebro universitet|T,
Mittuniversitetet|Y,Sveriges lantbruksuniversitet|C,Malmö universitet|M,Mälardalens universitet|U,Högskolan i Borås|O,Högskolan Dalarna|W,
Högskolan i Gävle|X,Högskolan i Halmstad|N,Högskolan Kristianstad|M,Högskolan i Skövde|O,Högskolan Väst|O,Södertörns högskola,
Blekinge tekniska högskola|K,Gymnastik- och idrottshögskolan,Konstfack,Kungl. Konsthögskolan,Kungl. Musikhögskolan,Stockholms konstnärliga högskola,Försvarshögskolan`;

export const COURTS = `Attunda tingsrätt,Nacka tingsrätt,Solna tingsrätt,Stockholms tingsrätt,Södertälje tingsrätt,Södertörns tingsrätt,Uppsala tingsrätt|C,
Eskilstuna tingsrätt|D,Nyköpings tingsrätt|D,Linköpings tingsrätt|E,Norrköpings tingsrätt|E,Eksjö tingsrätt|F,Jönköpings tingsrätt|F,
Växjö tingsrätt|G,Kalmar tingsrätt|H,Gotlands tingsrätt|I,Blekinge tingsrätt|K,Helsingborgs tingsrätt|M,Hässleholms tingsrätt|M,
Kristianstads tingsrätt|M,Lunds tingsrätt|M,Malmö tingsrätt|M,Ystads tingsrätt|M,Halmstads tingsrätt|N,Varbergs tingsrätt|N,
Alingsås tingsrätt|O,Borås tingsrätt|O,Göteborgs tingsrätt|O,Skaraborgs tingsrätt|O,Uddevalla tingsrätt|O,Vänersborgs tingsrätt|O,
Värmlands tingsrätt|S,Örebro tingsrätt|T,Västmanlands tingsrätt|U,Falu tingsrätt|W,Mora tingsrätt|W,Gävle tingsrätt|X,Hudiksvalls tingsrätt|X,
Sundsvalls tingsrätt|Y,Ångermanlands tingsrätt|Y,Östersunds tingsrätt|Z,Lycksele tingsrätt|AC,Skellefteå tingsrätt|AC,Umeå tingsrätt|AC,
Gällivare tingsrätt|BD,Haparanda tingsrätt|BD,Luleå tingsrätt|BD,Svea hovrätt,Göta hovrätt|F,Hovrätten över Skåne och Blekinge|M,
Hovrätten för Västra Sverige|O,Hovrätten för Nedre Norrland|Y,Hovrätten för Övre Norrland|AC,Kammarrätten i Stockholm,Kammarrätten i Göteborg|O,
Kammarrätten i Jönköping|F,Kammarrätten i Sundsvall|Y,Förvaltningsrätten i Stockholm,Förvaltningsrätten i Uppsala|C,Förvaltningsrätten i Linköping|E,
Förvaltningsrätten i Jönköping|F,Förvaltningsrätten i Växjö|G,Förvaltningsrätten i Malmö|M,Förvaltningsrätten i Göteborg|O,Förvaltningsrätten i Karlstad|S,
Förvaltningsrätten i Falun|W,Förvaltningsrätten i Härnösand|Y,Förvaltningsrätten i Umeå|AC,Förvaltningsrätten i Luleå|BD,Högsta domstolen,
Högsta förvaltningsdomstolen,Migrationsöverdomstolen,Mark- och miljööverdomstolen,Patent- och marknadsöverdomstolen,Arbetsdomstolen`;

/** A list above as [name, county] pairs. */
export function placed(list: string, fallback: County = "AB"): [string, County][] {
  return list
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const [name = "", county] = entry.split("|");
      return [name, (county as County | undefined) ?? fallback];
    });
}

export const FIRST_NAMES =
  "Anna,Eva,Maria,Karin,Sara,Lena,Emma,Kristina,Elin,Johanna,Linnea,Sofia,Ida,Malin,Hanna,Jenny,Ulrika,Frida,Cecilia,Helena,Lars,Anders,Johan,Per,Erik,Karl,Peter,Thomas,Jan,Daniel,Fredrik,Mikael,Hans,Andreas,Stefan,Magnus,Mats,Oskar,Niklas,Jonas,Ahmed,Fatima,Ali,Amina,Mehmet,Leila,Yusuf,Nadia".split(
    ",",
  );
export const LAST_NAMES =
  "Andersson,Johansson,Karlsson,Nilsson,Eriksson,Larsson,Olsson,Persson,Svensson,Gustafsson,Pettersson,Jonsson,Jansson,Hansson,Bengtsson,Jönsson,Lindberg,Jakobsson,Magnusson,Olofsson,Lindström,Lindqvist,Lindgren,Berg,Axelsson,Bergström,Lundberg,Lind,Lundgren,Lundqvist,Mattsson,Berglund,Fredriksson,Sandberg,Henriksson,Ali,Mohammed,Forsberg,Sjöberg,Wallin,Engström,Danielsson,Håkansson,Eklund,Lundin,Gunnarsson,Holm,Samuelsson".split(
    ",",
  );

type Kind = "kommun" | "region" | "statlig";

/** What each kind of organisation sends: names of flows, and the kind of recipient each mostly reaches. */
export const FLOW_NAMES: Record<Kind, [string, "privatperson" | "foretag" | "blandat"][]> = {
  kommun: [
    ["Faktura för barnomsorg", "privatperson"],
    ["Beslut om bygglov", "blandat"],
    ["Föreläggande enligt plan- och bygglagen", "blandat"],
    ["Beslut om placering i förskola", "privatperson"],
    ["Kallelse till utvecklingssamtal", "privatperson"],
    ["Faktura för vatten och avlopp", "blandat"],
    ["Faktura för renhållning", "blandat"],
    ["Beslut om försörjningsstöd", "privatperson"],
    ["Beslut om bostadsanpassningsbidrag", "privatperson"],
    ["Beslut om färdtjänst", "privatperson"],
    ["Beslut om skolskjuts", "privatperson"],
    ["Beslut om hemtjänst", "privatperson"],
    ["Faktura för äldreomsorg", "privatperson"],
    ["Beslut om serveringstillstånd", "foretag"],
    ["Beslut om livsmedelskontroll", "foretag"],
    ["Beslut om parkeringstillstånd", "privatperson"],
    ["Påminnelse om obetald avgift", "blandat"],
    ["Kallelse till vuxenutbildning", "privatperson"],
    ["Antagningsbesked till gymnasiet", "privatperson"],
    ["Beslut om avgift för miljötillsyn", "foretag"],
    ["Information om ändrade taxor", "blandat"],
    ["Beslut om kulturskola", "privatperson"],
  ],
  region: [
    ["Kallelse till specialistvården", "privatperson"],
    ["Kallelse till mammografi", "privatperson"],
    ["Kallelse till screening för livmoderhalscancer", "privatperson"],
    ["Kallelse till vaccination", "privatperson"],
    ["Provsvar", "privatperson"],
    ["Faktura för patientavgift", "privatperson"],
    ["Faktura för tandvård", "privatperson"],
    ["Bekräftelse av ombokad tid", "privatperson"],
    ["Beslut om sjukresor", "privatperson"],
    ["Beslut om hjälpmedel", "privatperson"],
    ["Beslut om regionalt tillväxtstöd", "foretag"],
    ["Faktura för kollektivtrafik", "blandat"],
    ["Information om högkostnadsskydd", "privatperson"],
    ["Kallelse till hälsosamtal", "privatperson"],
  ],
  statlig: [
    ["Beslut", "blandat"],
    ["Begäran om komplettering", "blandat"],
    ["Föreläggande", "blandat"],
    ["Beslut om utbetalning", "privatperson"],
    ["Påminnelse", "blandat"],
    ["Kvitto på inlämnad ansökan", "blandat"],
    ["Besked om beslut i ärende", "blandat"],
    ["Faktura för avgift", "foretag"],
    ["Kallelse till möte", "privatperson"],
    ["Underrättelse om omprövning", "privatperson"],
    ["Delgivning", "blandat"],
    ["Information om ändrade regler", "blandat"],
    ["Beslut om tillstånd", "foretag"],
    ["Beslut om registrering", "foretag"],
    ["Årsbesked", "privatperson"],
  ],
};

export const FLOW_VARIANTS = [
  "",
  " – påminnelse",
  " – ombud",
  " – omprövning",
  " – komplettering",
  " – på engelska",
  " – e-tjänst",
  " – samlingsutskick",
];

export const INITIATIVE_NAMES: Record<Kind, string[]> = {
  kommun: [
    "Digital post från socialtjänsten",
    "Digitala fakturor från kommunen",
    "Digitala beslut inom bygg och miljö",
    "Digital post till vårdnadshavare",
    "Digitala utskick från vård och omsorg",
    "Anslutning via kommunens ärendesystem",
  ],
  region: [
    "Digitala kallelser i specialistvården",
    "Digitala kallelser till screening",
    "Digitala fakturor för patientavgifter",
    "Digitala provsvar",
    "Digital post från tandvården",
  ],
  statlig: [
    "Digitala beslut till privatpersoner",
    "Digitala beslut till företag",
    "Digital post från handläggningen",
    "Digitala påminnelser och fakturor",
    "Anslutning av verksamhetssystemet",
  ],
};

export const MORE_MYNDIGHETER = `Hyres- och arrendenämnden i Stockholm,Hyres- och arrendenämnden i Göteborg|O,Hyres- och arrendenämnden i Malmö|M,
Hyres- och arrendenämnden i Jönköping|F,Hyres- och arrendenämnden i Västerås|U,Hyres- och arrendenämnden i Linköping|E,
Hyres- och arrendenämnden i Sundsvall|Y,Hyres- och arrendenämnden i Umeå|AC,Statens konstråd,Myndigheten för kulturanalys,
Riksdagsförvaltningen,Riksdagens ombudsmän,Sveriges riksbank,Regeringskansliet,Affärsverket svenska kraftnät|U,Folke Bernadotteakademin|Y,
Arkitektur- och designcentrum,Nordiska Afrikainstitutet|C,Institutet för rymdfysik|BD,Statens väg- och transportforskningsinstitut|E,
Upphandlingsmyndigheten,Försvarsunderrättelsedomstolen,Säkerhets- och integritetsskyddsnämnden`;

/**
 * Made-up but plausible names, only to bring the myndigheter to the national count at full scale:
 * Sweden's real ones beyond the lists above are many small boards this demo does not need by name.
 */
export const MADE_UP_AREAS =
  "vattenförsörjning,digital infrastruktur,landsbygdsutveckling,fjällförvaltning,skyddad natur,kulturmiljövård,sjöfartsutbildning,bostadsförsörjning,geodata,tillsyn av yrkesregister,statlig lönehantering,vuxnas lärande,forskningsinfrastruktur,hållbar mobilitet,biologisk mångfald,energiberedskap,livsmedelsberedskap,läkemedelsförsörjning,cybersäkerhet,samhällsinformation,översättning och tolkning,stiftelsetillsyn,offentlig statistik,fastighetsregister,vägtrafikregister,utlandsmyndigheternas service,arbetsmarknadsanalys,integration och etablering,minoritetsspråk,ungas inflytande,folkbildning,digitala kompetenser,klimatanpassning,havsplanering,viltförvaltning,vattenkraftens miljöanpassning,socialtjänstens kunskapsstöd,patientsäkerhet,tandhälsa,idrottens villkor,spelprevention,folkhälsodata,gränsskydd,kriminaltekniska analyser,ekonomisk brottslighet".split(
    ",",
  );
