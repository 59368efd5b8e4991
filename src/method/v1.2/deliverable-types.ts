import type { DeliverableType } from "../types.ts";

/**
 * The documents an initiative produces: every phase result ("Resultat") and every description in
 * Bilaga 1, plus the documents milestone V and VI name as decision basis without either list
 * naming them (kravbild, leveransrapport, införanderapport, testrapporter). The method gives no
 * templates, so the sections are built from its activity lists, Bilaga 1 and E-delegationen's
 * and Digg's guidance on nyttorealisering. Ids are stored with deliverables: never rename one.
 */
export const deliverableTypes: readonly DeliverableType[] = [
  {
    id: "idebeskrivning",
    name: { sv: "Idébeskrivning", en: "Idea description" },
    purpose: {
      sv: "Övergripande beskriva behov och effekter som man vill uppnå med förändringen.",
      en: "Describe, at an overall level, the needs and the effects the change is meant to achieve.",
    },
    producedInPhase: 1,
    inAppendix1: true,
    template: [
      {
        id: "bakgrund",
        required: true,
        heading: { sv: "Bakgrund och nuläge", en: "Background and current situation" },
        guidance: {
          sv: "Hur skickar verksamheten beslut, fakturor och andra brev i dag, ungefär hur många och till vilka? Håll det kort – detaljerna hör hemma i behovsanalysen.",
          en: "How does the organisation send decisions, invoices and other letters today, roughly how many and to whom? Keep it short – the details belong in the needs analysis.",
        },
      },
      {
        id: "forslag",
        required: true,
        heading: { sv: "Idé och förslag till förändring", en: "Idea and proposed change" },
        guidance: {
          sv: "Vad vill ni göra, för vem och varför? Utgå från ”Att ansluta till Mina meddelanden – en översikt” för vad tjänsten erbjuder.",
          en: "What do you want to do, for whom and why? Use “Att ansluta till Mina meddelanden – en översikt” for what the service offers.",
        },
      },
      {
        id: "malgrupper",
        required: false,
        heading: { sv: "Målgrupper och berörda", en: "Target groups and those affected" },
        guidance: {
          sv: "Vilka mottagare berörs (privatpersoner, företag) och vilka delar av den egna verksamheten?",
          en: "Which recipients are affected (individuals, companies) and which parts of your own organisation?",
        },
      },
      {
        id: "effekter",
        required: true,
        heading: { sv: "Förväntade effekter och effektmål", en: "Expected effects and effect goals" },
        guidance: {
          sv: "Vad ska anslutningen leda till, kopplat till verksamhetens strategier och mål? Till exempel minskade kostnader för utskick, bättre service och effektivare processer. Formulera effektmål som går att följa upp.",
          en: "What should the connection lead to, linked to your strategies and goals? For example lower mailing costs, better service and more efficient processes. Write effect goals that can be followed up.",
        },
      },
      {
        id: "tidplan-och-volymer",
        required: false,
        heading: { sv: "Preliminär tidplan och meddelandevolymer", en: "Preliminary timeline and message volumes" },
        guidance: {
          sv: "Vilka typer av meddelanden kan anslutas, ungefär hur många per år och när? En grov uppskattning räcker.",
          en: "Which types of message could be connected, roughly how many a year and when? A rough estimate is enough.",
        },
      },
      {
        id: "ekonomi",
        required: false,
        heading: { sv: "Initial ekonomisk bedömning", en: "Initial economic assessment" },
        guidance: {
          sv: "Grov uppskattning av besparingar (porto, tryck och kuvert per brev) mot kostnader för utveckling och drift.",
          en: "Rough estimate of savings (postage, printing and envelopes per letter) against the costs of development and operation.",
        },
      },
      {
        id: "forslag-till-beslut",
        required: true,
        heading: { sv: "Förslag till beslut", en: "Proposed decision" },
        guidance: {
          sv: "Vad ska verksamhetsägaren besluta vid milstolpe I: att behovet finns, att det är prioriterat och att förstudien får finansiering och resurser.",
          en: "What the business owner is to decide at milestone I: that the need exists, that it is a priority, and that the pre-study gets financing and resources.",
        },
      },
    ],
  },
  {
    id: "behovsanalys",
    name: { sv: "Behovsanalys inklusive förväntade effekter", en: "Needs analysis including expected effects" },
    purpose: {
      sv: "Beskriva, undersöka och förstå målgruppers krav, behov och möjligheter.",
      en: "Describe, investigate and understand the target groups' requirements, needs and opportunities.",
    },
    producedInPhase: 1,
    inAppendix1: true,
    template: [
      {
        id: "malgrupper",
        required: true,
        heading: { sv: "Användare och målgrupper", en: "Users and target groups" },
        guidance: {
          sv: "Beskriv verksamhetens användare (kunder) och vilka grupper som påverkas av en anslutning, till exempel privatpersoner, företag och egna handläggare.",
          en: "Describe your users (customers) and which groups a connection affects, for example individuals, companies and your own case officers.",
        },
      },
      {
        id: "behov",
        required: true,
        heading: { sv: "Behov, krav och möjligheter", en: "Needs, requirements and opportunities" },
        guidance: {
          sv: "Vilka behov har mottagarna och verksamheten? I normalfallet räcker den gemensamma rapporten ”Behovsanalys privatpersoner”; gör en egen undersökning bara om era målgrupper har särskilda förutsättningar.",
          en: "What do recipients and the organisation need? Normally the shared report “Behovsanalys privatpersoner” is enough; do your own study only if your target groups have special circumstances.",
        },
      },
      {
        id: "kanalsamordning",
        required: false,
        heading: {
          sv: "Kommunikationstaktik och kanalsamordning",
          en: "Communication tactics and channel coordination",
        },
        guidance: {
          sv: "Hur passar Mina meddelanden ihop med era andra kanaler – brev, e-post, sms, e-tjänster? Se ”Guide för verksamheten”.",
          en: "How does Mina meddelanden fit with your other channels – letters, e-mail, text messages, e-services? See “Guide för verksamheten”.",
        },
      },
      {
        id: "meddelandefloden",
        required: false,
        heading: { sv: "Meddelandeflöden att ansluta", en: "Message flows to connect" },
        guidance: {
          sv: "Lista de utskick som kan anslutas, till exempel beslut, fakturor och kallelser, med trafikvolym per år, påverkan på verksamhetsprocesser och förändrad service för mottagarna.",
          en: "List the mailings that could be connected, for example decisions, invoices and appointment letters, with yearly volume, impact on business processes and change in service for recipients.",
        },
      },
      {
        id: "effekter",
        required: true,
        heading: { sv: "Förväntade effekter", en: "Expected effects" },
        guidance: {
          sv: "Vilka effekter väntas för mottagarna, verksamheten och samhället? Knyt dem till effektmålen i idébeskrivningen.",
          en: "Which effects are expected for recipients, the organisation and society? Link them to the effect goals in the idea description.",
        },
      },
    ],
  },
  {
    id: "forstudiedirektiv",
    name: { sv: "Förstudiedirektiv", en: "Pre-study directive" },
    purpose: {
      sv: "Säkerställa att rätt initiala, förberedande insatser inom den egna organisationen vidtas genom att specificera vad, hur, vem och när åtgärder ska vidtas.",
      en: "Make sure the right initial, preparatory work is done within your own organisation by specifying what, how, who and when.",
    },
    producedInPhase: 1,
    inAppendix1: true,
    template: [
      {
        id: "syfte",
        required: true,
        heading: { sv: "Bakgrund, syfte och mål", en: "Background, purpose and goals" },
        guidance: {
          sv: "Varför görs förstudien och vad ska den leda fram till? Hänvisa till idébeskrivningen och behovsanalysen.",
          en: "Why is the pre-study being done and what should it lead to? Refer to the idea description and the needs analysis.",
        },
      },
      {
        id: "fragor",
        required: true,
        heading: { sv: "Vad förstudien ska belysa", en: "What the pre-study is to examine" },
        guidance: {
          sv: "De frågor förstudien ska besvara, till exempel anslutningsalternativ, informationssäkerhet, rättsliga förutsättningar, kostnad och nytta.",
          en: "The questions the pre-study must answer, for example connection options, information security, legal prerequisites, costs and benefits.",
        },
      },
      {
        id: "forutsattningar",
        required: false,
        heading: { sv: "Förutsättningar och avgränsningar", en: "Prerequisites and scope" },
        guidance: {
          sv: "Särskilda krav, avgränsningar, målgrupper och kända risker.",
          en: "Special requirements, scope limits, target groups and known risks.",
        },
      },
      {
        id: "intressenter",
        required: false,
        heading: { sv: "Intressenter att involvera", en: "Stakeholders to involve" },
        guidance: {
          sv: "Vilka interna och externa intressenter ska delta eller höras, till exempel it-leverantör, kundtjänst, arkiv och förvaltningsgruppen för Mina meddelanden?",
          en: "Which internal and external stakeholders should take part or be consulted, for example the IT supplier, customer service, records management and the Mina meddelanden management group?",
        },
      },
      {
        id: "organisation",
        required: true,
        heading: { sv: "Organisation och bemanning", en: "Organisation and staffing" },
        guidance: {
          sv: "Beställare, förstudieledare och deltagare. Ett vanligt upplägg är en verksamhetsstrateg, en it-arkitekt och en specialist från webb eller kundtjänst.",
          en: "Sponsor, pre-study lead and participants. A common set-up is a business strategist, an IT architect and a specialist from web or customer service.",
        },
      },
      {
        id: "tidplan-och-kostnad",
        required: true,
        heading: { sv: "Tidplan och kostnadsuppskattning", en: "Timeline and cost estimate" },
        guidance: {
          sv: "När förstudien startar och ska vara klar, och vad den beräknas kosta.",
          en: "When the pre-study starts and must finish, and what it is expected to cost.",
        },
      },
      {
        id: "rapportering",
        required: false,
        heading: { sv: "Rapportering", en: "Reporting" },
        guidance: {
          sv: "Hur och till vem förstudien rapporterar, och när resultatet ska vara underlag för milstolpe II.",
          en: "How and to whom the pre-study reports, and when its result must be ready as the basis for milestone II.",
        },
      },
    ],
  },
  {
    id: "forstudierapport",
    name: { sv: "Förstudierapport med rekommenderad lösning", en: "Pre-study report with recommended solution" },
    purpose: {
      sv: "Besvara de frågor som förstudiedirektivet pekade på. Svaren kan vara rekommendationer för fortsatta förberedelser, som att utvärdera olika lösningsalternativ så att verksamheten väljer den bästa lösningen för det fortsatta arbetet.",
      en: "Answer the questions raised by the pre-study directive. Answers may be recommendations for further preparation, such as evaluating solution options so that the organisation chooses the best solution for the remaining work.",
    },
    producedInPhase: 2,
    inAppendix1: true,
    template: [
      {
        id: "syfte",
        required: false,
        heading: { sv: "Syfte, motiv och avgränsningar", en: "Purpose, motives and scope" },
        guidance: {
          sv: "Syfte och motiv, målgrupper och intressenter, avgränsningar och beroenden.",
          en: "Purpose and motives, target groups and stakeholders, scope limits and dependencies.",
        },
      },
      {
        id: "alternativ",
        required: true,
        heading: { sv: "Lösningsalternativ", en: "Solution options" },
        guidance: {
          sv: "Beskriv de konceptuella alternativen – från att bygga hela lösningen själv till att låta en privat aktör ta meddelandena direkt från verksamhetssystemen – och kombinationer av dem. Ta med nollalternativet: att inte göra något.",
          en: "Describe the conceptual options – from building the whole solution yourself to letting a private actor take the messages straight from the business systems – and combinations of them. Include the zero option: doing nothing.",
        },
      },
      {
        id: "informationssakerhet",
        required: false,
        heading: { sv: "Informationssäkerhet", en: "Information security" },
        guidance: {
          sv: "Hur meddelandena informationssäkerhetsklassas och vad klassningen innebär för varje alternativ.",
          en: "How the messages are classified for information security and what the classification means for each option.",
        },
      },
      {
        id: "rattsliga-forutsattningar",
        required: false,
        heading: { sv: "Rättsliga förutsättningar", en: "Legal prerequisites" },
        guidance: {
          sv: "Egna rättsliga krav och Mina meddelandens krav enligt ”Allmänna villkor” för avsändare, till exempel sekretess, personuppgifter och delgivning.",
          en: "Your own legal requirements and Mina meddelanden's under the general terms for senders, for example confidentiality, personal data and formal service of documents.",
        },
      },
      {
        id: "kostnad-och-nytta",
        required: true,
        heading: { sv: "Kostnad och nytta per alternativ", en: "Costs and benefits per option" },
        guidance: {
          sv: "Övergripande bedömning per alternativ: ändrade verksamhetsprocesser, framtida förvaltningsform och budget, finansiering och resursbehov.",
          en: "Overall assessment per option: changed business processes, future management arrangement and budget, financing and resource needs.",
        },
      },
      {
        id: "risker",
        required: false,
        heading: { sv: "Konsekvenser och risker", en: "Consequences and risks" },
        guidance: {
          sv: "Risk- och sårbarhetsanalys per alternativ. Påbörja beskrivningen av reservdrift vid driftstörningar.",
          en: "Risk and vulnerability analysis per option. Start describing fallback operation for outages.",
        },
      },
      {
        id: "rekommendation",
        required: true,
        heading: { sv: "Rekommenderat alternativ", en: "Recommended option" },
        guidance: {
          sv: "Vilket alternativ som rekommenderas och varför, och om det kan kombineras med lösningar som finns eller är under utveckling.",
          en: "Which option is recommended and why, and whether it can be combined with solutions that exist or are being developed.",
        },
      },
      {
        id: "tidplan-och-volymer",
        required: true,
        heading: { sv: "Tidplan och meddelandevolymer", en: "Timeline and message volumes" },
        guidance: {
          sv: "Preliminär tidplan för anslutning och beräknade meddelandevolymer. Förvaltningsgruppen för Mina meddelanden ska få båda efter milstolpe II.",
          en: "Preliminary connection timeline and estimated message volumes. The Mina meddelanden management group is to receive both after milestone II.",
        },
      },
    ],
  },
  {
    id: "upphandlingsstrategi",
    name: { sv: "Upphandlingsstrategi", en: "Procurement strategy" },
    purpose: {
      sv: "Beskriva om och hur delar av lösningen ska köpas in, så att styrgruppen kan besluta om upphandlingsstrategi vid milstolpe II.",
      en: "Describe whether and how parts of the solution will be bought, so that the steering group can decide the procurement strategy at milestone II.",
    },
    producedInPhase: 2,
    inAppendix1: false,
    template: [
      {
        id: "vad-som-kops",
        required: true,
        heading: { sv: "Vad som ska köpas in", en: "What will be bought" },
        guidance: {
          sv: "Vilka delar som köps, till exempel förmedlingstjänst, programvara eller konsultstöd, och vilka som görs i egen regi.",
          en: "Which parts are bought, for example an intermediary service, software or consultancy, and which are done in-house.",
        },
      },
      {
        id: "marknad-och-avtal",
        required: false,
        heading: { sv: "Marknad och befintliga avtal", en: "Market and existing agreements" },
        guidance: {
          sv: "Finns ramavtal eller andra organisationers lösningar att använda? Vilka leverantörer finns?",
          en: "Are there framework agreements or other organisations' solutions to use? Which suppliers are there?",
        },
      },
      {
        id: "forfarande-och-tidplan",
        required: true,
        heading: { sv: "Upphandlingsform och tidplan", en: "Procedure and timeline" },
        guidance: {
          sv: "Val av förfarande enligt lagen om offentlig upphandling och när upphandlingen måste vara klar för att anslutningstidplanen ska hålla.",
          en: "Choice of procedure under the Public Procurement Act and when the procurement must be finished for the connection timeline to hold.",
        },
      },
      {
        id: "krav",
        required: false,
        heading: { sv: "Viktiga krav", en: "Key requirements" },
        guidance: {
          sv: "Krav på informationssäkerhet, personuppgiftsbehandling (personuppgiftsbiträdesavtal) och anpassning till Mina meddelandens tekniska krav.",
          en: "Requirements on information security, personal data processing (data processing agreement) and compliance with Mina meddelanden's technical requirements.",
        },
      },
      {
        id: "risker",
        required: false,
        heading: { sv: "Risker", en: "Risks" },
        guidance: {
          sv: "Till exempel överprövning och förseningar, och hur de hanteras.",
          en: "For example legal challenges and delays, and how they are handled.",
        },
      },
    ],
  },
  {
    id: "fordjupad-forstudierapport",
    name: { sv: "Fördjupad förstudierapport", en: "In-depth pre-study report" },
    purpose: {
      sv: "I detalj beskriva det valda lösningsalternativet till en sådan nivå att utvecklings- och anslutningsarbetet kan initieras.",
      en: "Describe the chosen solution option in enough detail for the development and connection work to be initiated.",
    },
    producedInPhase: 3,
    inAppendix1: true,
    template: [
      {
        id: "vald-losning",
        required: true,
        heading: { sv: "Vald lösning i detalj", en: "The chosen solution in detail" },
        guidance: {
          sv: "Detaljera det beslutade lösningsförslaget i de beskrivningsformer verksamheten och leverantörerna är vana vid. Hämta stöd i ”Guide för verksamheten” och ”Teknisk guide”.",
          en: "Detail the decided solution in the description formats your organisation and suppliers are used to. Draw on “Guide för verksamheten” and “Teknisk guide”.",
        },
      },
      {
        id: "parter",
        required: true,
        heading: { sv: "Parter och ansvar", en: "Parties and responsibilities" },
        guidance: {
          sv: "Vilka interna och externa parter som gör vilka delar av utvecklings- och integrationsarbetet.",
          en: "Which internal and external parties do which parts of the development and integration work.",
        },
      },
      {
        id: "informationssakerhet",
        required: false,
        heading: { sv: "Informationssäkerhet", en: "Information security" },
        guidance: {
          sv: "Hur informationssäkerhetsaspekterna hanteras i den valda lösningen.",
          en: "How information security aspects are handled in the chosen solution.",
        },
      },
      {
        id: "rattsliga-forandringar",
        required: false,
        heading: { sv: "Rättsliga förändringar", en: "Legal changes" },
        guidance: {
          sv: "Rättsliga förändringar som krävs, till exempel i föreskrifter eller rutiner, och hur de genomförs.",
          en: "Legal changes required, for example to regulations or routines, and how they are made.",
        },
      },
      {
        id: "sourcing",
        required: false,
        heading: { sv: "Sourcing och upphandling", en: "Sourcing and procurement" },
        guidance: {
          sv: "Hur lösningen tas fram enligt beslutad upphandlingsstrategi.",
          en: "How the solution is obtained under the decided procurement strategy.",
        },
      },
      {
        id: "forslag-till-beslut",
        required: true,
        heading: { sv: "Förslag till beslut", en: "Proposed decision" },
        guidance: {
          sv: "Vad styrgruppen ska besluta vid milstolpe III, till exempel effektmål och projektstart.",
          en: "What the steering group is to decide at milestone III, for example effect goals and project start.",
        },
      },
    ],
  },
  {
    id: "integrationsplan",
    name: { sv: "Detaljbeskrivning av integrationsplan", en: "Detailed integration plan" },
    purpose: {
      sv: "Beskriva i detalj hur verksamhetens system integreras med Mina meddelanden och vem som gör vad, som underlag för projektbeslut och eventuell upphandling.",
      en: "Describe in detail how your systems are integrated with Mina meddelanden and who does what, as a basis for project decisions and any procurement.",
    },
    producedInPhase: 3,
    inAppendix1: false,
    template: [
      {
        id: "arkitektur",
        required: true,
        heading: { sv: "Lösningsarkitektur", en: "Solution architecture" },
        guidance: {
          sv: "Vilka verksamhetssystem som skickar meddelanden, om ni har en egen kanalväxel eller använder en förmedlare, och hur ni ansluter till Mina meddelanden.",
          en: "Which business systems send messages, whether you have your own channel switch or use an intermediary, and how you connect to Mina meddelanden.",
        },
      },
      {
        id: "tjanster",
        required: true,
        heading: { sv: "Tjänster och operationer", en: "Services and operations" },
        guidance: {
          sv: "Vilka av Mina meddelandens tjänster som används, till exempel kontroll av om mottagaren har en digital brevlåda (isReachable) och leverans (deliverSecure). Se ”Teknisk guide för myndigheter”.",
          en: "Which Mina meddelanden services are used, for example checking whether the recipient has a digital mailbox (isReachable) and delivery (deliverSecure). See “Teknisk guide för myndigheter”.",
        },
      },
      {
        id: "certifikat",
        required: false,
        heading: { sv: "Certifikat och signering", en: "Certificates and signing" },
        guidance: {
          sv: "Vilka certifikat som behövs för signering och säker förbindelse, vem som beställer dem och hur de förnyas i tid.",
          en: "Which certificates are needed for signing and secure connections, who orders them and how they are renewed in time.",
        },
      },
      {
        id: "floden",
        required: true,
        heading: { sv: "Meddelandeflöden i ordning", en: "Message flows in order" },
        guidance: {
          sv: "I vilken ordning flödena integreras och vilka verksamhetssystem varje flöde berör.",
          en: "In which order the flows are integrated and which business systems each flow touches.",
        },
      },
      {
        id: "pappersflode",
        required: false,
        heading: { sv: "Alternativflöde till papper", en: "Fallback flow to paper" },
        guidance: {
          sv: "Hur meddelandet skickas på papper när mottagaren saknar brevlåda, har valt bort er som avsändare eller när leveransen misslyckas.",
          en: "How the message is sent on paper when the recipient has no mailbox, has opted out of you as a sender, or delivery fails.",
        },
      },
      {
        id: "ansvar-och-tidplan",
        required: true,
        heading: { sv: "Ansvar och tidplan", en: "Responsibilities and timeline" },
        guidance: {
          sv: "Vem gör vad – egna team, leverantörer, förvaltningsgruppen för Mina meddelanden – och när.",
          en: "Who does what – your own teams, suppliers, the Mina meddelanden management group – and when.",
        },
      },
    ],
  },
  {
    id: "utbildnings-och-kommunikationsplan",
    name: { sv: "Utbildnings- och kommunikationsplan", en: "Training and communication plan" },
    purpose: {
      sv: "Säkerställa att verksamheten görs redo för förändringen och kan informera dem som snart ska börja ta emot post digitalt.",
      en: "Make sure the organisation is ready for the change and can inform those who will soon start receiving post digitally.",
    },
    producedInPhase: 3,
    inAppendix1: false,
    template: [
      {
        id: "malgrupper",
        required: true,
        heading: { sv: "Målgrupper", en: "Audiences" },
        guidance: {
          sv: "Interna (handläggare, kundtjänst, ledning) och externa (privatpersoner, företag, samverkansparter).",
          en: "Internal (case officers, customer service, management) and external (individuals, companies, partners).",
        },
      },
      {
        id: "utbildning",
        required: true,
        heading: { sv: "Utbildningsinsatser", en: "Training" },
        guidance: {
          sv: "Vilka som behöver utbildas i nya arbetssätt och i reservrutiner, hur och när.",
          en: "Who needs training in new ways of working and in fallback routines, how and when.",
        },
      },
      {
        id: "budskap",
        required: true,
        heading: { sv: "Budskap", en: "Messages" },
        guidance: {
          sv: "Vad varje målgrupp behöver veta, till exempel nyttan med en digital brevlåda och vad som händer med pappersbreven.",
          en: "What each audience needs to know, for example the benefit of a digital mailbox and what happens to paper letters.",
        },
      },
      {
        id: "kanaler",
        required: false,
        heading: { sv: "Kanaler och aktiviteter", en: "Channels and activities" },
        guidance: {
          sv: "Webbplats, intranät, kundtjänst, brevutskick och nyhet på Mina meddelandens webbplats – och när de används.",
          en: "Website, intranet, customer service, mailings and news on the Mina meddelanden website – and when they are used.",
        },
      },
      {
        id: "ansvar-och-tidplan",
        required: true,
        heading: { sv: "Ansvar och tidplan", en: "Responsibilities and timeline" },
        guidance: {
          sv: "Vem gör vad och när, samordnat med den kommande införandeplanen.",
          en: "Who does what and when, coordinated with the coming rollout plan.",
        },
      },
    ],
  },
  {
    id: "business-case",
    name: { sv: "Business Case (kostnadsnyttobeskrivning)", en: "Business case (cost-benefit description)" },
    purpose: {
      sv: "Motivera utvecklingsinsatsen utifrån överenskommen nytta, kostnad, angelägenhet och genomförbarhet.",
      en: "Justify the development effort in terms of agreed benefit, cost, urgency and feasibility.",
    },
    producedInPhase: 3,
    inAppendix1: true,
    template: [
      {
        id: "sammanfattning",
        required: true,
        heading: { sv: "Sammanfattning och rekommendation", en: "Summary and recommendation" },
        guidance: {
          sv: "Insatsen, nettonyttan och rekommendationen på en halv sida, skriven för styrgruppen.",
          en: "The effort, the net benefit and the recommendation on half a page, written for the steering group.",
        },
      },
      {
        id: "effektkedja",
        required: false,
        heading: { sv: "Motiv och effektkedja", en: "Motives and effect chain" },
        guidance: {
          sv: "Visa kedjan från verksamhetsmål via nyttor och förändringar till utvecklingsinsatser och möjliggörare.",
          en: "Show the chain from business goals through benefits and changes to development efforts and enablers.",
        },
      },
      {
        id: "nyttor-for-verksamheten",
        required: true,
        heading: { sv: "Nyttor för verksamheten", en: "Benefits for the organisation" },
        guidance: {
          sv: "Ekonomiska och kvantitativa nyttor, till exempel sparat porto och tryck per brev gånger antalet brev som går digitalt, och frigjord arbetstid.",
          en: "Economic and quantitative benefits, for example postage and printing saved per letter times the number of letters going digital, and staff time freed.",
        },
      },
      {
        id: "nyttor-for-mottagarna",
        required: false,
        heading: { sv: "Nyttor för mottagarna", en: "Benefits for recipients" },
        guidance: {
          sv: "Nyttor för privatpersoner och företag, till exempel snabbare besked och all myndighetspost på ett ställe.",
          en: "Benefits for individuals and companies, for example faster answers and all public-sector post in one place.",
        },
      },
      {
        id: "kostnader",
        required: true,
        heading: { sv: "Kostnader", en: "Costs" },
        guidance: {
          sv: "Kostnader för utveckling, drift och förvaltning under kalkylperioden.",
          en: "Costs of development, operation and management over the calculation period.",
        },
      },
      {
        id: "kalkyl",
        required: true,
        heading: { sv: "Kalkyl", en: "Calculation" },
        guidance: {
          sv: "Nyttor och kostnader per år. Ange låga och höga värden där underlaget är osäkert och redovisa antagandena, till exempel andelen mottagare som nås digitalt.",
          en: "Benefits and costs per year. Give low and high values where the data is uncertain and state the assumptions, for example the share of recipients reachable digitally.",
        },
      },
      {
        id: "risk-och-genomforbarhet",
        required: false,
        heading: { sv: "Risk och genomförbarhet", en: "Risk and feasibility" },
        guidance: {
          sv: "Resurser, tidplan samt tekniska och juridiska förutsättningar.",
          en: "Resources, timeline, and technical and legal prerequisites.",
        },
      },
      {
        id: "angelagenhet",
        required: false,
        heading: { sv: "Angelägenhet", en: "Urgency" },
        guidance: {
          sv: "Varför insatsen bör göras nu, till exempel styrning från regeringen eller stigande portokostnader.",
          en: "Why the effort should be done now, for example government direction or rising postage costs.",
        },
      },
    ],
  },
  {
    id: "nyttorealiseringsplan",
    name: { sv: "Nyttorealiseringsplan", en: "Benefits realisation plan" },
    purpose: {
      sv: "Säkra aktiviteter och roller för nyttorealisering och uppföljning av nyttor.",
      en: "Secure the activities and roles for realising benefits and following them up.",
    },
    producedInPhase: 3,
    inAppendix1: true,
    template: [
      {
        id: "nyttor",
        required: true,
        heading: { sv: "Nyttor som ska realiseras", en: "Benefits to realise" },
        guidance: {
          sv: "Lista varje nytta: vad den är och vilket effektmål den bidrar till.",
          en: "List each benefit: what it is and which effect goal it contributes to.",
        },
      },
      {
        id: "realisering",
        required: true,
        heading: { sv: "Hur, av vem och när", en: "How, by whom and when" },
        guidance: {
          sv: "Hur nyttan realiseras, vem som realiserar den och när den uppstår.",
          en: "How the benefit is realised, who realises it and when it arises.",
        },
      },
      {
        id: "matetal",
        required: true,
        heading: { sv: "Mätetal, nuläge och målvärden", en: "Measures, baseline and targets" },
        guidance: {
          sv: "Vilket mätetal som används, värdet i dag (nulägesmätning) och önskat målvärde vid en viss tidpunkt.",
          en: "Which measure is used, its value today (baseline) and the target value at a given date.",
        },
      },
      {
        id: "uppfoljning",
        required: true,
        heading: { sv: "Uppföljning", en: "Follow-up" },
        guidance: {
          sv: "Hur nyttan följs upp, vem som ansvarar för uppföljningen och när mätningarna görs.",
          en: "How the benefit is followed up, who is responsible for follow-up and when measurements are taken.",
        },
      },
      {
        id: "forutsattningar-och-risker",
        required: false,
        heading: { sv: "Förutsättningar och risker", en: "Prerequisites and risks" },
        guidance: {
          sv: "Vad som krävs för att nyttorna ska uppstå, risker för att de uteblir och hur riskerna hanteras.",
          en: "What is needed for the benefits to arise, risks that they will not, and how those risks are handled.",
        },
      },
      {
        id: "finansiering",
        required: true,
        heading: { sv: "Finansiering och förvaltningsform", en: "Financing and management arrangement" },
        guidance: {
          sv: "Hur nyttorealiseringen finansieras och vilken förvaltningsform tjänsten får. Verifieras vid milstolpe III och säkerställs i fasen Etablera förvaltning.",
          en: "How benefit realisation is financed and how the service will be managed. Verified at milestone III and secured in the Establish management phase.",
        },
      },
    ],
  },
  {
    id: "riskanalys",
    name: { sv: "Riskanalys", en: "Risk analysis" },
    purpose: {
      sv: "Beskriva riskerna för insatsen och verksamheten med sannolikhet, konsekvens och åtgärder, så att styrgruppen kan bedöma övriga risker inför beslut om projektstart.",
      en: "Describe the risks to the effort and the organisation with likelihood, consequence and actions, so that the steering group can assess other risks before deciding on project start.",
    },
    producedInPhase: 3,
    inAppendix1: false,
    template: [
      {
        id: "risker",
        required: true,
        heading: { sv: "Identifierade risker", en: "Identified risks" },
        guidance: {
          sv: "Risker kring resurser, tidplan, teknik, juridik, informationssäkerhet och hur målgrupperna tar emot tjänsten.",
          en: "Risks concerning resources, timeline, technology, law, information security and how the target groups receive the service.",
        },
      },
      {
        id: "bedomning",
        required: true,
        heading: { sv: "Sannolikhet och konsekvens", en: "Likelihood and consequence" },
        guidance: {
          sv: "Bedöm varje risk på en gemensam skala och markera de största.",
          en: "Rate each risk on a common scale and highlight the largest.",
        },
      },
      {
        id: "atgarder",
        required: true,
        heading: { sv: "Åtgärder och riskägare", en: "Actions and risk owners" },
        guidance: {
          sv: "Förebyggande åtgärder, vem som äger varje risk och när den följs upp.",
          en: "Preventive actions, who owns each risk and when it is reviewed.",
        },
      },
      {
        id: "driftstorningar",
        required: false,
        heading: { sv: "Driftstörningar och reservdrift", en: "Outages and fallback operation" },
        guidance: {
          sv: "Vad som händer om Mina meddelanden eller den egna lösningen inte fungerar under en kortare eller längre tid.",
          en: "What happens if Mina meddelanden or your own solution is down for a short or a long time.",
        },
      },
    ],
  },
  {
    id: "overgripande-anslutningsplan",
    name: { sv: "Övergripande anslutningsplan", en: "Outline connection plan" },
    purpose: {
      sv: "Beskriva en konkret plan för vilka samverkansparter och nyttjare som avser att ansluta sig och när.",
      en: "Describe a concrete plan of which partners and users intend to connect, and when.",
    },
    producedInPhase: 3,
    inAppendix1: true,
    template: [
      {
        id: "parter",
        required: true,
        heading: { sv: "Parter och verksamheter som ansluts", en: "Parties and units connecting" },
        guidance: {
          sv: "Vilka samverkansparter och delar av verksamheten som ska ansluta.",
          en: "Which partners and parts of the organisation will connect.",
        },
      },
      {
        id: "floden",
        required: true,
        heading: { sv: "Meddelandeflöden och ordning", en: "Message flows and order" },
        guidance: {
          sv: "Vilka meddelandeflöden som ansluts, i vilken ordning och varför – till exempel efter volym, nytta och förändringsbehov.",
          en: "Which message flows are connected, in which order and why – for example by volume, benefit and amount of change.",
        },
      },
      {
        id: "tidplan-och-volymer",
        required: true,
        heading: { sv: "Tidplan och volymer", en: "Timeline and volumes" },
        guidance: {
          sv: "Ungefärlig tidpunkt och beräknad volym per år för varje flöde. Underlag för den reviderade tidplan och de volymer som förvaltningsgruppen ska ha efter milstolpe III.",
          en: "Approximate date and estimated yearly volume for each flow. The basis for the revised timeline and volumes the management group is to receive after milestone III.",
        },
      },
      {
        id: "beroenden",
        required: false,
        heading: { sv: "Beroenden", en: "Dependencies" },
        guidance: {
          sv: "Beroenden till upphandling, andra projekt och verksamhetssystem.",
          en: "Dependencies on procurement, other projects and business systems.",
        },
      },
    ],
  },
  {
    id: "genomforandedirektiv",
    name: { sv: "Genomförandedirektiv", en: "Implementation directive" },
    purpose: {
      sv: "Säkerställa genomförandet av anslutning, driftsättning och förvaltning genom att specificera ansvar i en övergripande tids- och aktivitetsplan.",
      en: "Secure the implementation of connection, go-live and management by specifying responsibilities in an overall time and activity plan.",
    },
    producedInPhase: 4,
    inAppendix1: true,
    template: [
      {
        id: "uppdrag",
        required: true,
        heading: { sv: "Uppdrag och omfattning", en: "Mandate and scope" },
        guidance: {
          sv: "Vad som ska genomföras för att anslutningen ska bli av, i faserna Utveckla, Införa och Etablera förvaltning.",
          en: "What must be done for the connection to happen, in the Develop, Implement and Establish management phases.",
        },
      },
      {
        id: "parter",
        required: true,
        heading: { sv: "Parter och ansvar", en: "Parties and responsibilities" },
        guidance: {
          sv: "Vilken utveckling varje intern och extern part gör, inklusive förvaltningsgruppen för Mina meddelanden och eventuella produkt-/tjänstepartner. Belys perspektiven verksamhet, information, applikation, teknik och säkerhet.",
          en: "Which development each internal and external party does, including the Mina meddelanden management group and any product/service partners. Cover the business, information, application, technology and security perspectives.",
        },
      },
      {
        id: "styrning",
        required: false,
        heading: { sv: "Beslutsforum och styrning", en: "Decision forums and governance" },
        guidance: {
          sv: "Vilka beslutsforum som finns, vem som sitter i dem och hur de styr varandra.",
          en: "Which decision forums there are, who sits in them and how they steer each other.",
        },
      },
      {
        id: "organisation",
        required: true,
        heading: { sv: "Organisation och bemanning", en: "Organisation and staffing" },
        guidance: {
          sv: "Projektorganisation och bemanning för genomförandet.",
          en: "Project organisation and staffing for implementation.",
        },
      },
      {
        id: "utvecklingsmodell",
        required: false,
        heading: { sv: "Utvecklingsmodell och upphandling", en: "Development model and procurement" },
        guidance: {
          sv: "Vilken utvecklingsmodell som används och vilken upphandling som återstår.",
          en: "Which development model is used and what procurement remains.",
        },
      },
      {
        id: "samordningsplan",
        required: true,
        heading: { sv: "Samordningsplan och tidplan", en: "Coordination plan and timeline" },
        guidance: {
          sv: "Övergripande tidplan för utveckling, införande och förvaltning, med tidpunkter för test och produktionssättning. Förvaltningsgruppen för Mina meddelanden ska få genomförandeplanen efter milstolpe IV.",
          en: "Overall timeline for development, rollout and management, with dates for testing and go-live. The Mina meddelanden management group is to receive the implementation plan after milestone IV.",
        },
      },
      {
        id: "forutsattningar",
        required: false,
        heading: { sv: "Förutsättningar och risker", en: "Prerequisites and risks" },
        guidance: {
          sv: "Särskilda krav, avgränsningar, skillnader mellan målgrupper och risker.",
          en: "Special requirements, scope limits, differences between target groups, and risks.",
        },
      },
    ],
  },
  {
    id: "teststrategi",
    name: { sv: "Teststrategi", en: "Test strategy" },
    purpose: {
      sv: "Beskriva hur lösningen ska testas i fasen Utveckla, så att leveranserna kan acceptanstestas och verifieras mot Mina meddelandens testmiljö.",
      en: "Describe how the solution will be tested in the Develop phase, so that deliveries can be acceptance-tested and verified against the Mina meddelanden test environment.",
    },
    producedInPhase: 4,
    inAppendix1: false,
    template: [
      {
        id: "omfattning",
        required: true,
        heading: { sv: "Omfattning och testnivåer", en: "Scope and test levels" },
        guidance: {
          sv: "Vad som testas och på vilka nivåer: komponenttest, integrationstest, prestandatest och acceptanstest.",
          en: "What is tested and at which levels: component, integration, performance and acceptance tests.",
        },
      },
      {
        id: "miljoer-och-testdata",
        required: false,
        heading: { sv: "Testmiljöer och testdata", en: "Test environments and test data" },
        guidance: {
          sv: "Egna testmiljöer och den testmiljö för Mina meddelanden som ni tilldelas. Använd testpersonnummer, aldrig riktiga personuppgifter. Se ”Teknisk guide för myndigheter”.",
          en: "Your own test environments and the Mina meddelanden test environment you are assigned. Use test personal identity numbers, never real personal data. See “Teknisk guide för myndigheter”.",
        },
      },
      {
        id: "viktiga-testfall",
        required: false,
        heading: { sv: "Viktiga testfall", en: "Key test cases" },
        guidance: {
          sv: "Till exempel mottagare med och utan digital brevlåda, mottagare som valt bort er som avsändare, misslyckad leverans och att meddelandet då går på papper.",
          en: "For example recipients with and without a digital mailbox, recipients who have opted out of you as a sender, failed delivery and the message then going on paper.",
        },
      },
      {
        id: "ansvar",
        required: true,
        heading: { sv: "Ansvar och godkännande", en: "Responsibilities and approval" },
        guidance: {
          sv: "Vem testar, vem godkänner, och hur förvaltningsgruppen för Mina meddelanden verifierar testerna mot testmiljön.",
          en: "Who tests, who approves, and how the Mina meddelanden management group verifies the tests against the test environment.",
        },
      },
      {
        id: "kriterier",
        required: true,
        heading: { sv: "Kriterier för godkänt", en: "Exit criteria" },
        guidance: {
          sv: "Vad som måste vara uppfyllt för att lösningen ska vara redo för beslut vid milstolpe V.",
          en: "What must be met for the solution to be ready for the decision at milestone V.",
        },
      },
    ],
  },
  {
    id: "detaljerad-anslutningsplan",
    name: { sv: "Detaljerad anslutningsplan", en: "Detailed connection plan" },
    purpose: {
      sv: "Precisera anslutningsplanen: vilka meddelandeflöden som ansluts när och med vilka volymer, och hur kommande anslutningar av meddelandeflöden ska hanteras.",
      en: "Make the connection plan precise: which message flows are connected when and with what volumes, and how future connections of message flows will be handled.",
    },
    producedInPhase: 4,
    inAppendix1: false,
    template: [
      {
        id: "floden",
        required: true,
        heading: { sv: "Meddelandeflöden per etapp", en: "Message flows per stage" },
        guidance: {
          sv: "Varje flöde med verksamhetssystem, ansvarig, beräknad volym per år och planerade datum för test och produktion.",
          en: "Each flow with its business system, owner, estimated yearly volume and planned dates for testing and production.",
        },
      },
      {
        id: "kommande-anslutningar",
        required: false,
        heading: { sv: "Hantering av kommande anslutningar", en: "Handling future connections" },
        guidance: {
          sv: "Hur nya meddelandeflöden prioriteras, testas och ansluts efter hand.",
          en: "How new message flows are prioritised, tested and connected over time.",
        },
      },
      {
        id: "kontaktpersoner",
        required: true,
        heading: { sv: "Kontaktpersoner", en: "Contacts" },
        guidance: {
          sv: "Vem som är kontakt mot Mina meddelanden för varje flöde.",
          en: "Who is the contact towards Mina meddelanden for each flow.",
        },
      },
      {
        id: "rapportering",
        required: false,
        heading: { sv: "Rapportering till Mina meddelanden", en: "Reporting to Mina meddelanden" },
        guidance: {
          sv: "Planen och volymerna meddelas Mina meddelanden efter milstolpe IV och när de ändras.",
          en: "The plan and the volumes are reported to Mina meddelanden after milestone IV and whenever they change.",
        },
      },
    ],
  },
  {
    id: "avtal-mina-meddelanden-och-partner",
    name: {
      sv: "Avtal med Mina meddelanden och eventuella privata partner",
      en: "Agreements with Mina meddelanden and any private partners",
    },
    purpose: {
      sv: "Förbereda, och om möjligt färdigställa, avtal med förvaltningsgruppen för Mina meddelanden och med externa partner, till exempel en privat förmedlare.",
      en: "Prepare, and if possible finalise, agreements with the Mina meddelanden management group and with external partners, for example a private intermediary.",
    },
    producedInPhase: 4,
    inAppendix1: false,
    template: [
      {
        id: "avtalsparter",
        required: true,
        heading: { sv: "Avtalsparter", en: "Parties" },
        guidance: {
          sv: "Förvaltaren av Mina meddelanden (i metoden Skatteverket, i dag Digg) och eventuella förmedlare, leverantörer och samverkansparter.",
          en: "The manager of Mina meddelanden (Skatteverket in the method, Digg today) and any intermediaries, suppliers and partners.",
        },
      },
      {
        id: "villkor",
        required: false,
        heading: { sv: "Villkor och åtaganden", en: "Terms and commitments" },
        guidance: {
          sv: "Vad respektive part åtar sig. Utgå från ”Allmänna villkor” för avsändare.",
          en: "What each party commits to. Start from the general terms for senders (“Allmänna villkor”).",
        },
      },
      {
        id: "personuppgifter",
        required: false,
        heading: { sv: "Personuppgifter och informationssäkerhet", en: "Personal data and information security" },
        guidance: {
          sv: "Personuppgiftsbiträdesavtal och säkerhetskrav när en annan part hanterar era meddelanden.",
          en: "Data processing agreements and security requirements when another party handles your messages.",
        },
      },
      {
        id: "status",
        required: true,
        heading: { sv: "Status och tidplan", en: "Status and timeline" },
        guidance: {
          sv: "Vilka avtal som är utkast och vilka som är undertecknade, och när de ska vara klara.",
          en: "Which agreements are drafts and which are signed, and when they must be finished.",
        },
      },
    ],
  },
  {
    id: "losning-for-anslutning",
    name: { sv: "Lösning för anslutning till Mina meddelanden", en: "Solution for connecting to Mina meddelanden" },
    purpose: {
      sv: "Den utvecklade lösningen som realiserar tänkta nyttor, dokumenterad i en lösningsbeskrivning som underlag för beslutet om införande.",
      en: "The developed solution that realises the intended benefits, documented in a solution description as the basis for the rollout decision.",
    },
    producedInPhase: 5,
    inAppendix1: false,
    template: [
      {
        id: "oversikt",
        required: true,
        heading: { sv: "Översikt", en: "Overview" },
        guidance: {
          sv: "Vad som har byggts eller köpts och hur det hänger ihop med verksamhetssystemen och Mina meddelanden.",
          en: "What has been built or bought and how it fits together with the business systems and Mina meddelanden.",
        },
      },
      {
        id: "krav-och-behov",
        required: true,
        heading: { sv: "Uppfyllnad av krav och behov", en: "Meeting requirements and needs" },
        guidance: {
          sv: "Hur lösningen motsvarar verksamhetens kravbild och behov, vilka avvikelser som finns och hur de hanteras.",
          en: "How the solution meets the organisation's requirements and needs, which deviations there are and how they are handled.",
        },
      },
      {
        id: "kvalitet",
        required: false,
        heading: { sv: "Kvalitet och arkitektur", en: "Quality and architecture" },
        guidance: {
          sv: "Hur lösningen följer beslutade arkitekturprinciper och servicenivåer, till exempel tillgänglighet och skalbarhet.",
          en: "How the solution follows decided architecture principles and service levels, for example availability and scalability.",
        },
      },
      {
        id: "rattslig-hallbarhet",
        required: false,
        heading: { sv: "Rättslig hållbarhet", en: "Legal soundness" },
        guidance: {
          sv: "Att personuppgifter behandlas enligt dataskyddsförordningen i både normal- och alternativflöden.",
          en: "That personal data is processed under the GDPR in both normal and alternative flows.",
        },
      },
      {
        id: "informationssakerhet",
        required: false,
        heading: { sv: "Informationssäkerhet", en: "Information security" },
        guidance: {
          sv: "Informationssäkerhetsklassning och en säkerhetsarkitektur som följer verksamhetens riktlinjer.",
          en: "Information security classification and a security architecture that follows your guidelines.",
        },
      },
      {
        id: "forvaltningsbarhet",
        required: false,
        heading: { sv: "Förvaltningsbarhet och återanvändning", en: "Maintainability and reuse" },
        guidance: {
          sv: "Dokumentation och rutiner för drift och förvaltning, och vad andra verksamheter kan återanvända.",
          en: "Documentation and routines for operation and management, and what other units can reuse.",
        },
      },
    ],
  },
  {
    id: "inforandeplan",
    name: { sv: "Införandeplan", en: "Rollout plan" },
    purpose: {
      sv: "Beskriva hur de berörda samverkansparterna säkerställer driftsättningen, så att tidpunkter och budskap för införandeaktiviteterna vid lansering är synkroniserade.",
      en: "Describe how the partners concerned secure the go-live, so that the timing and messages of rollout activities at launch are synchronised.",
    },
    producedInPhase: 5,
    inAppendix1: true,
    template: [
      {
        id: "malgrupper",
        required: true,
        heading: { sv: "Målgrupper och hur de nås", en: "Target groups and how to reach them" },
        guidance: {
          sv: "Hur målgruppen görs uppmärksam på att tjänsten finns.",
          en: "How the target group is made aware that the service exists.",
        },
      },
      {
        id: "verksamheten",
        required: false,
        heading: { sv: "Förberedelse av verksamheten", en: "Preparing the organisation" },
        guidance: {
          sv: "Nya eller ändrade arbetssätt och processer, och utbildning av personalen.",
          en: "New or changed ways of working and processes, and staff training.",
        },
      },
      {
        id: "produktionssattning",
        required: true,
        heading: { sv: "Produktionssättning", en: "Go-live" },
        guidance: {
          sv: "Steg, tidpunkter och ansvar för slutkonfigurering och produktionssättning, samordnat med förvaltningsgruppen för Mina meddelanden.",
          en: "Steps, dates and responsibilities for final configuration and go-live, coordinated with the Mina meddelanden management group.",
        },
      },
      {
        id: "reservdrift",
        required: true,
        heading: { sv: "Reservdrift", en: "Fallback operation" },
        guidance: {
          sv: "Vad verksamheten gör vid kortare och längre driftstörningar: kommunikation, driftåtgärder och beredskap i kundtjänst.",
          en: "What the organisation does during short and long outages: communication, operational measures and customer service readiness.",
        },
      },
      {
        id: "lansering",
        required: true,
        heading: { sv: "Lansering och kommunikation", en: "Launch and communication" },
        guidance: {
          sv: "Synkroniserade tidpunkter och budskap mellan parterna, nyhet på egen webbplats och på Mina meddelandens webbplats, och information till mottagarna om nyttan för dem.",
          en: "Synchronised dates and messages between the parties, news on your website and on the Mina meddelanden website, and information to recipients about what they gain.",
        },
      },
      {
        id: "samordning",
        required: false,
        heading: { sv: "Samordning med andra lösningar", en: "Coordination with other solutions" },
        guidance: {
          sv: "Om tjänsten lanseras tillsammans med andra lösningar, och hur.",
          en: "Whether the service is launched together with other solutions, and how.",
        },
      },
    ],
  },
  {
    id: "overlamningsplan",
    name: { sv: "Överlämningsplan", en: "Handover plan" },
    purpose: {
      sv: "Säkerställa hur överlämningen av den framtagna lösningen till förvaltning ska genomföras, vad som ska överlämnas och vilka som är mottagare.",
      en: "Secure how the handover of the developed solution to management will be carried out, what will be handed over and who receives it.",
    },
    producedInPhase: 6,
    inAppendix1: true,
    template: [
      {
        id: "vad-som-overlamnas",
        required: true,
        heading: { sv: "Vad som överlämnas", en: "What is handed over" },
        guidance: {
          sv: "System, dokumentation, avtal, certifikat, rutiner och öppna ärenden.",
          en: "Systems, documentation, agreements, certificates, routines and open issues.",
        },
      },
      {
        id: "mottagare",
        required: true,
        heading: { sv: "Mottagare och ansvar", en: "Recipients and responsibilities" },
        guidance: {
          sv: "Vilken förvaltningsorganisation som tar över och vem som ansvarar för vad.",
          en: "Which management organisation takes over and who is responsible for what.",
        },
      },
      {
        id: "genomforande",
        required: true,
        heading: { sv: "Genomförande och tidplan", en: "Execution and timeline" },
        guidance: {
          sv: "Hur och när överlämningen sker, till exempel med en period av gemensam support.",
          en: "How and when the handover happens, for example with a period of shared support.",
        },
      },
      {
        id: "aterstaende-arbete",
        required: false,
        heading: { sv: "Återstående arbete", en: "Remaining work" },
        guidance: {
          sv: "Utvecklings-, införande- och realiseringsarbete som inte är klart, och vem som tar hand om det.",
          en: "Development, rollout and realisation work that is not finished, and who takes care of it.",
        },
      },
      {
        id: "godkannande",
        required: false,
        heading: { sv: "Kriterier för godkänd överlämning", en: "Criteria for an accepted handover" },
        guidance: {
          sv: "Vad som ska vara uppfyllt innan mottagaren godkänner överlämningen.",
          en: "What must be met before the recipient accepts the handover.",
        },
      },
    ],
  },
  {
    id: "anslutningsavtal",
    name: {
      sv: "Anslutningsavtal med Skatteverket och Mina meddelanden",
      en: "Connection agreement with Skatteverket and Mina meddelanden",
    },
    purpose: {
      sv: "Det färdigställda avtalet om anslutning till Mina meddelanden. Metoden anger Skatteverket som avtalspart; i dag förvaltas Mina meddelanden av Digg.",
      en: "The finalised agreement on connecting to Mina meddelanden. The method names Skatteverket as the other party; today Mina meddelanden is managed by Digg.",
    },
    producedInPhase: 6,
    inAppendix1: false,
    template: [
      {
        id: "avtal",
        required: true,
        heading: { sv: "Avtal och parter", en: "Agreement and parties" },
        guidance: {
          sv: "Avtalsparter, datum och diarienummer för det undertecknade anslutningsavtalet.",
          en: "Parties, date and registration number of the signed connection agreement.",
        },
      },
      {
        id: "villkor",
        required: false,
        heading: { sv: "Villkor", en: "Terms" },
        guidance: {
          sv: "Hänvisning till ”Allmänna villkor” för avsändare och eventuella särskilda villkor.",
          en: "Reference to the general terms for senders (“Allmänna villkor”) and any special terms.",
        },
      },
      {
        id: "kontaktuppgifter",
        required: true,
        heading: { sv: "Kontaktuppgifter", en: "Contact details" },
        guidance: {
          sv: "Kontaktuppgifter för teknik, verksamhet och förvaltning som lämnats till Mina meddelanden.",
          en: "Contact details for technology, business and management given to Mina meddelanden.",
        },
      },
      {
        id: "partneravtal",
        required: false,
        heading: { sv: "Justerade partneravtal", en: "Adjusted partner agreements" },
        guidance: {
          sv: "Avtal med förmedlare och andra externa partner som justerats inför produktion.",
          en: "Agreements with intermediaries and other external partners adjusted before production.",
        },
      },
    ],
  },
  {
    id: "forvaltningsplan",
    name: { sv: "Förvaltningsplan", en: "Management plan" },
    purpose: {
      sv: "Säkerställa en tydligt beskriven plan och organisation för vidmakthållande och vidareutveckling av den framtagna lösningen för anslutning (teknisk integration).",
      en: "Secure a clearly described plan and organisation for upkeep and further development of the connection solution (technical integration).",
    },
    producedInPhase: 7,
    inAppendix1: true,
    template: [
      {
        id: "forvaltningsobjekt",
        required: true,
        heading: { sv: "Förvaltningsobjekt", en: "Management objects" },
        guidance: {
          sv: "Vad som förvaltas: lösningen, integrationerna, certifikaten och rutinerna.",
          en: "What is managed: the solution, the integrations, the certificates and the routines.",
        },
      },
      {
        id: "organisation",
        required: true,
        heading: { sv: "Organisation och beslutsordning", en: "Organisation and decision rules" },
        guidance: {
          sv: "Förvaltningsorganisation, roller och beslutsforum.",
          en: "Management organisation, roles and decision forums.",
        },
      },
      {
        id: "ansvarsfordelning",
        required: false,
        heading: {
          sv: "Ansvarsfördelning och gränsyta mot Mina meddelanden",
          en: "Division of responsibility and boundary with Mina meddelanden",
        },
        guidance: {
          sv: "Hur förvaltningsansvaret fördelas mellan samverkansparterna och var gränsen mot Mina meddelanden går.",
          en: "How management responsibility is shared between the partners and where the boundary with Mina meddelanden lies.",
        },
      },
      {
        id: "support-och-andringar",
        required: true,
        heading: { sv: "Support och ändringshantering", en: "Support and change management" },
        guidance: {
          sv: "Hur fel och ärenden hanteras, och hur ändringar beslutas och genomförs.",
          en: "How faults and requests are handled, and how changes are decided and made.",
        },
      },
      {
        id: "budget",
        required: true,
        heading: { sv: "Budget och finansiering", en: "Budget and financing" },
        guidance: {
          sv: "Budget för förvaltning och vidareutveckling och hur den följs upp.",
          en: "Budget for management and further development and how it is followed up.",
        },
      },
      {
        id: "vidareutveckling",
        required: false,
        heading: { sv: "Vidareutveckling", en: "Further development" },
        guidance: {
          sv: "Planerade förbättringar och nya meddelandeflöden att ansluta.",
          en: "Planned improvements and new message flows to connect.",
        },
      },
    ],
  },
  {
    id: "driftplan",
    name: { sv: "Driftplan", en: "Operations plan" },
    purpose: {
      sv: "Säkerställa ansvar för drift av den framtagna lösningen.",
      en: "Secure responsibility for operating the developed solution.",
    },
    producedInPhase: 7,
    inAppendix1: true,
    template: [
      {
        id: "driftansvar",
        required: true,
        heading: { sv: "Driftansvar", en: "Operational responsibility" },
        guidance: {
          sv: "Vem som driftar vilka delar, internt och hos leverantörer.",
          en: "Who operates which parts, in-house and at suppliers.",
        },
      },
      {
        id: "servicenivaer",
        required: true,
        heading: { sv: "Servicenivåer", en: "Service levels" },
        guidance: {
          sv: "Överenskomna servicenivåer mellan parterna och mot Mina meddelanden. Se ”Allmänna villkor”.",
          en: "Agreed service levels between the parties and towards Mina meddelanden. See the general terms (“Allmänna villkor”).",
        },
      },
      {
        id: "overvakning",
        required: false,
        heading: { sv: "Övervakning och incidenter", en: "Monitoring and incidents" },
        guidance: {
          sv: "Hur leveranser, fel och certifikatens giltighet bevakas, och hur incidenter larmas och hanteras.",
          en: "How deliveries, errors and certificate validity are monitored, and how incidents are raised and handled.",
        },
      },
      {
        id: "reservdrift",
        required: false,
        heading: { sv: "Reservdrift", en: "Fallback operation" },
        guidance: {
          sv: "Rutiner vid kortare och längre driftstörningar, till exempel att skicka på papper.",
          en: "Routines for short and long outages, for example sending on paper.",
        },
      },
      {
        id: "driftavtal",
        required: false,
        heading: { sv: "Driftavtal", en: "Operating agreements" },
        guidance: {
          sv: "Gällande driftavtal och när de ska ses över.",
          en: "Operating agreements in force and when they are to be reviewed.",
        },
      },
    ],
  },
  {
    id: "slutrapport",
    name: { sv: "Slutrapport", en: "Final report" },
    purpose: {
      sv: "Säkerställa att samtliga utvecklingsaktiviteter är avklarade och att erfarenheterna från utvecklingsinsatsen är omhändertagna.",
      en: "Make sure all development activities are complete and that the lessons from the development effort are taken care of.",
    },
    producedInPhase: 7,
    inAppendix1: true,
    template: [
      {
        id: "resultat",
        required: true,
        heading: { sv: "Sammanfattning och resultat", en: "Summary and results" },
        guidance: {
          sv: "Vad som levererades jämfört med genomförandedirektivet.",
          en: "What was delivered compared with the implementation directive.",
        },
      },
      {
        id: "erfarenheter",
        required: true,
        heading: { sv: "Erfarenheter och utmaningar", en: "Experiences and challenges" },
        guidance: {
          sv: "Vad som fungerade bra, vad som var svårt och vad ni skulle göra annorlunda.",
          en: "What worked well, what was hard and what you would do differently.",
        },
      },
      {
        id: "risker",
        required: false,
        heading: { sv: "Risker som uppstått", en: "Risks that arose" },
        guidance: {
          sv: "Risker som uppstod under genomförandet och hur de hanterades.",
          en: "Risks that arose during implementation and how they were handled.",
        },
      },
      {
        id: "plan-och-resurser",
        required: false,
        heading: { sv: "Förändringar av plan och resurser", en: "Changes to plan and resources" },
        guidance: {
          sv: "Hur tidplan, budget och bemanning ändrades, och varför.",
          en: "How the timeline, budget and staffing changed, and why.",
        },
      },
      {
        id: "kritiska-handelser",
        required: false,
        heading: { sv: "Kritiska händelser och beslut", en: "Critical events and decisions" },
        guidance: {
          sv: "Händelser och beslut som påverkade insatsen.",
          en: "Events and decisions that affected the effort.",
        },
      },
      {
        id: "aterstaende-arbete",
        required: true,
        heading: { sv: "Återstående arbete", en: "Remaining work" },
        guidance: {
          sv: "Vad som återstår och vem som har tagit över det.",
          en: "What remains and who has taken it over.",
        },
      },
    ],
  },
  {
    id: "nyttoutvarderingsrapport",
    name: { sv: "Nyttoutvärderingsrapport", en: "Benefits evaluation report" },
    purpose: {
      sv: "Redogöra för att förväntade nyttor av genomförd förändring är realiserade, alternativt redogöra för gapet mellan förväntat och faktiskt utfall av nyttor. Detta kan vara underlag för bedömning av behov av vidare utveckling.",
      en: "Show that the expected benefits of the change have been realised, or else the gap between expected and actual benefits. This can be the basis for judging whether further development is needed.",
    },
    producedInPhase: 8,
    inAppendix1: true,
    template: [
      {
        id: "utfall",
        required: true,
        heading: { sv: "Förväntat och faktiskt utfall", en: "Expected and actual outcome" },
        guidance: {
          sv: "För varje nytta i nyttorealiseringsplanen: målvärde, uppmätt värde och när mätningen gjordes.",
          en: "For each benefit in the benefits realisation plan: target value, measured value and when it was measured.",
        },
      },
      {
        id: "gapanalys",
        required: true,
        heading: { sv: "Gapanalys", en: "Gap analysis" },
        guidance: {
          sv: "Skillnaden mellan förväntade och faktiska nyttor, och orsaken där en nytta inte har uppnåtts.",
          en: "The difference between expected and actual benefits, and the cause where a benefit has not been achieved.",
        },
      },
      {
        id: "kompletterande-aktiviteter",
        required: true,
        heading: { sv: "Förslag på kompletterande aktiviteter", en: "Proposed complementary activities" },
        guidance: {
          sv: "Vad som behöver göras för att nå nyttorna, och vilken verksamhet som ska ansvara.",
          en: "What needs to be done to achieve the benefits, and which unit should be responsible.",
        },
      },
      {
        id: "fortlevnad",
        required: true,
        heading: { sv: "Tjänstens fortlevnad", en: "The service's continued life" },
        guidance: {
          sv: "Affärsmodell, finansiering och bemannad förvaltningsorganisation för att tjänsten ska leva vidare.",
          en: "Business model, financing and a staffed management organisation for the service to continue.",
        },
      },
      {
        id: "redovisning-till-forvaltningsgruppen",
        required: false,
        heading: { sv: "Redovisning till förvaltningsgruppen", en: "Report to the management group" },
        guidance: {
          sv: "En sammanfattning till förvaltningsgruppen för Mina meddelanden, så att den får en samlad bild av nyttorna med den gemensamma lösningen.",
          en: "A summary for the Mina meddelanden management group, so that it gets a consolidated picture of the benefits of the shared solution.",
        },
      },
    ],
  },
  {
    id: "affarsmodell",
    name: { sv: "Affärsmodell", en: "Business model" },
    purpose: {
      sv: "Beskriva vald modell för hur utveckling och förvaltning ska bedrivas och finansieras, på kortare eller längre sikt.",
      en: "Describe the chosen model for how development and management are run and financed, in the shorter or longer term.",
    },
    producedInPhase: null,
    inAppendix1: true,
    template: [
      {
        id: "modell",
        required: true,
        heading: { sv: "Modell för utveckling och förvaltning", en: "Model for development and management" },
        guidance: {
          sv: "Vem som äger, utvecklar och förvaltar lösningen, och i vilken form: egen regi, samverkan eller köpt tjänst.",
          en: "Who owns, develops and manages the solution, and in what form: in-house, in cooperation or as a bought service.",
        },
      },
      {
        id: "finansiering",
        required: true,
        heading: { sv: "Finansiering", en: "Financing" },
        guidance: {
          sv: "Hur utveckling, drift och förvaltning finansieras, till exempel anslag, avgifter eller kostnadsfördelning mellan samverkansparter.",
          en: "How development, operation and management are financed, for example appropriations, fees or cost-sharing between partners.",
        },
      },
      {
        id: "tidshorisont",
        required: false,
        heading: { sv: "Tidshorisont", en: "Time horizon" },
        guidance: {
          sv: "För vilken period modellen gäller och när den ska ses över.",
          en: "For which period the model applies and when it is to be reviewed.",
        },
      },
    ],
  },
  {
    id: "produkt-tjanstespecifikation",
    name: { sv: "Produkt-/tjänstespecifikation", en: "Product/service specification" },
    purpose: {
      sv: "Specificera den framtagna lösningen inklusive verksamhetsprocesser och funktionalitet.",
      en: "Specify the developed solution, including business processes and functionality.",
    },
    producedInPhase: null,
    inAppendix1: true,
    template: [
      {
        id: "processer",
        required: true,
        heading: { sv: "Verksamhetsprocesser", en: "Business processes" },
        guidance: {
          sv: "Hur processerna ser ut med lösningen, från beslut eller utskick till levererat meddelande eller pappersbrev.",
          en: "How the processes look with the solution, from decision or mailing to delivered message or paper letter.",
        },
      },
      {
        id: "funktionalitet",
        required: true,
        heading: { sv: "Funktionalitet", en: "Functionality" },
        guidance: {
          sv: "Vad lösningen gör, till exempel kontroll av digital brevlåda, leverans, hantering av misslyckade leveranser och statistik.",
          en: "What the solution does, for example checking for a digital mailbox, delivery, handling failed deliveries and statistics.",
        },
      },
      {
        id: "meddelandenas-utformning",
        required: false,
        heading: { sv: "Meddelandenas utformning", en: "Message design" },
        guidance: {
          sv: "Ärenderad, supportinformation (text, webbadress, telefon, e-post), innehållstyp och bilagor.",
          en: "Subject line, support information (text, web address, phone, e-mail), content type and attachments.",
        },
      },
      {
        id: "granssnitt",
        required: false,
        heading: { sv: "Gränssnitt och integrationer", en: "Interfaces and integrations" },
        guidance: {
          sv: "Gränssnitt mot verksamhetssystem, eventuell förmedlare och Mina meddelanden.",
          en: "Interfaces to business systems, any intermediary and Mina meddelanden.",
        },
      },
    ],
  },
  {
    id: "samverkansavtal",
    name: { sv: "Samverkansavtal", en: "Cooperation agreement" },
    purpose: {
      sv: "Säkerställa åtagandet mellan samverkansparter.",
      en: "Secure the commitments between partners.",
    },
    producedInPhase: null,
    inAppendix1: true,
    template: [
      {
        id: "parter-och-syfte",
        required: true,
        heading: { sv: "Parter och syfte", en: "Parties and purpose" },
        guidance: {
          sv: "Vilka parter som samverkar och om vad.",
          en: "Which parties cooperate and on what.",
        },
      },
      {
        id: "ataganden",
        required: true,
        heading: { sv: "Åtaganden", en: "Commitments" },
        guidance: {
          sv: "Vad varje part åtar sig i utveckling, drift och förvaltning.",
          en: "What each party commits to in development, operation and management.",
        },
      },
      {
        id: "kostnadsfordelning",
        required: true,
        heading: { sv: "Kostnadsfördelning", en: "Cost-sharing" },
        guidance: {
          sv: "Hur kostnaderna fördelas mellan parterna.",
          en: "How costs are shared between the parties.",
        },
      },
      {
        id: "styrning",
        required: false,
        heading: { sv: "Styrning och uppföljning", en: "Governance and follow-up" },
        guidance: {
          sv: "Gemensamma beslutsforum och hur samarbetet följs upp.",
          en: "Joint decision forums and how the cooperation is followed up.",
        },
      },
      {
        id: "giltighet",
        required: false,
        heading: { sv: "Giltighet och uppsägning", en: "Term and termination" },
        guidance: {
          sv: "Avtalets giltighetstid och hur det sägs upp eller ändras.",
          en: "How long the agreement runs and how it is terminated or changed.",
        },
      },
    ],
  },
  {
    id: "kravbild",
    name: { sv: "Verksamhetens kravbild", en: "Business requirements" },
    purpose: {
      sv: "Samla verksamhetens krav och behov så att styrgruppen vid milstolpe V kan bedöma om den utvecklade lösningen motsvarar dem.",
      en: "Gather the organisation's requirements and needs so that the steering group can judge at milestone V whether the developed solution meets them.",
    },
    producedInPhase: null,
    inAppendix1: false,
    template: [
      {
        id: "behov",
        required: true,
        heading: { sv: "Behov", en: "Needs" },
        guidance: {
          sv: "Behoven från behovsanalysen som lösningen ska möta.",
          en: "The needs from the needs analysis that the solution must meet.",
        },
      },
      {
        id: "verksamhetskrav",
        required: true,
        heading: { sv: "Verksamhetskrav", en: "Business requirements" },
        guidance: {
          sv: "Krav från processer, målgrupper och service, till exempel vilka meddelandeflöden som ska fungera och hur.",
          en: "Requirements from processes, target groups and service, for example which message flows must work and how.",
        },
      },
      {
        id: "krav-fran-mina-meddelanden",
        required: false,
        heading: { sv: "Krav från Mina meddelanden", en: "Requirements from Mina meddelanden" },
        guidance: {
          sv: "Tekniska och rättsliga krav enligt ”Teknisk guide för myndigheter” och ”Allmänna villkor”.",
          en: "Technical and legal requirements under “Teknisk guide för myndigheter” and the general terms (“Allmänna villkor”).",
        },
      },
      {
        id: "kvalitets-och-sakerhetskrav",
        required: false,
        heading: { sv: "Kvalitets- och säkerhetskrav", en: "Quality and security requirements" },
        guidance: {
          sv: "Servicenivåer, informationssäkerhet och personuppgiftsbehandling.",
          en: "Service levels, information security and personal data processing.",
        },
      },
      {
        id: "kravuppfyllnad",
        required: true,
        heading: { sv: "Kravuppfyllnad", en: "Requirement fulfilment" },
        guidance: {
          sv: "Status per krav – uppfyllt, delvis uppfyllt eller inte uppfyllt – med hänvisning till testrapporterna.",
          en: "Status per requirement – met, partly met or not met – with a reference to the test reports.",
        },
      },
    ],
  },
  {
    id: "leveransrapport",
    name: { sv: "Leveransrapport", en: "Delivery report" },
    purpose: {
      sv: "Redovisa vad utvecklingen har levererat och vilka brister som finns kvar, som kvalitetssäkrande underlag vid milstolpe V (systemleveransrapporter) och vid leveransgodkännandet vid milstolpe VI.",
      en: "Report what development has delivered and which shortcomings remain, as quality assurance documentation at milestone V (system delivery reports) and for delivery approval at milestone VI.",
    },
    producedInPhase: 5,
    inAppendix1: false,
    template: [
      {
        id: "levererat",
        required: true,
        heading: { sv: "Levererat innehåll", en: "Delivered content" },
        guidance: {
          sv: "System, versioner, konfiguration och dokumentation som ingår i leveransen.",
          en: "Systems, versions, configuration and documentation included in the delivery.",
        },
      },
      {
        id: "brister",
        required: true,
        heading: { sv: "Kända brister och avvikelser", en: "Known shortcomings and deviations" },
        guidance: {
          sv: "Fel och avvikelser som finns kvar, hur allvarliga de är och plan för åtgärd.",
          en: "Remaining faults and deviations, how serious they are and the plan to fix them.",
        },
      },
      {
        id: "testresultat",
        required: false,
        heading: { sv: "Testresultat", en: "Test results" },
        guidance: {
          sv: "Sammanfattning av testerna med hänvisning till testrapporterna.",
          en: "Summary of the tests with a reference to the test reports.",
        },
      },
      {
        id: "godkannande",
        required: false,
        heading: { sv: "Godkännande", en: "Approval" },
        guidance: {
          sv: "Vem som har godkänt leveransen och när.",
          en: "Who approved the delivery and when.",
        },
      },
    ],
  },
  {
    id: "inforanderapport",
    name: { sv: "Införanderapport", en: "Rollout report" },
    purpose: {
      sv: "Redovisa hur införandet och lanseringen gick och hur målgrupperna har tagit emot tjänsten, som underlag för beslutet vid milstolpe VI.",
      en: "Report how the rollout and launch went and how the target groups have received the service, as a basis for the decision at milestone VI.",
    },
    producedInPhase: 6,
    inAppendix1: false,
    template: [
      {
        id: "genomforda-aktiviteter",
        required: true,
        heading: { sv: "Genomförda införandeaktiviteter", en: "Rollout activities carried out" },
        guidance: {
          sv: "Vad som genomförts enligt införandeplanen och vad som avvek.",
          en: "What was done according to the rollout plan and what deviated.",
        },
      },
      {
        id: "produktionssattning",
        required: true,
        heading: { sv: "Produktionssättning", en: "Go-live" },
        guidance: {
          sv: "När lösningen gick i produktion och vilka meddelandeflöden som är i drift.",
          en: "When the solution went live and which message flows are in operation.",
        },
      },
      {
        id: "mottagande",
        required: true,
        heading: { sv: "Mottagande hos målgrupperna", en: "Reception by the target groups" },
        guidance: {
          sv: "Hur privatpersoner, företag och handläggare har tagit emot tjänsten, till exempel frågor till kundtjänst och andelen mottagare som nås digitalt.",
          en: "How individuals, companies and case officers have received the service, for example questions to customer service and the share of recipients reached digitally.",
        },
      },
      {
        id: "storningar",
        required: false,
        heading: { sv: "Störningar och reservdrift", en: "Disruptions and fallback operation" },
        guidance: {
          sv: "Driftstörningar under införandet och hur reservdriften fungerade.",
          en: "Outages during the rollout and how fallback operation worked.",
        },
      },
    ],
  },
  {
    id: "testrapporter",
    name: {
      sv: "Integrations-, prestanda- och acceptanstestrapporter",
      en: "Integration, performance and acceptance test reports",
    },
    purpose: {
      sv: "Visa att lösningen fungerar mot Mina meddelanden och uppfyller kraven, som kvalitetssäkrande underlag vid milstolpe V.",
      en: "Show that the solution works with Mina meddelanden and meets the requirements, as quality assurance documentation at milestone V.",
    },
    producedInPhase: 5,
    inAppendix1: false,
    template: [
      {
        id: "omfattning",
        required: true,
        heading: { sv: "Omfattning och miljö", en: "Scope and environment" },
        guidance: {
          sv: "Vad som testades, i vilka miljöer och med vilken version av lösningen.",
          en: "What was tested, in which environments and with which version of the solution.",
        },
      },
      {
        id: "integrationstest",
        required: true,
        heading: { sv: "Integrationstest", en: "Integration tests" },
        guidance: {
          sv: "Resultat av test mot verksamhetssystemen och mot Mina meddelandens testmiljö: kontroll av brevlåda, leverans och felhantering.",
          en: "Results of tests against the business systems and the Mina meddelanden test environment: mailbox check, delivery and error handling.",
        },
      },
      {
        id: "kontraktsoverensstammelse",
        required: false,
        heading: { sv: "Överensstämmelse med tjänstekontraktet", en: "Conformance with the service contract" },
        guidance: {
          sv: "Resultat av kontroll mot Mina meddelandens tjänstekontrakt, till exempel en rapport från en emulator: schema, signaturer, certifikat och meddelandeinnehåll. Ange att en emulator inte ersätter förvaltningsgruppens verifiering.",
          en: "Results of checks against the Mina meddelanden service contract, for example a report from an emulator: schema, signatures, certificates and message content. State that an emulator does not replace the management group's verification.",
        },
      },
      {
        id: "prestandatest",
        required: false,
        heading: { sv: "Prestandatest", en: "Performance tests" },
        guidance: {
          sv: "Svarstider och kapacitet vid förväntade volymer, även vid stora massutskick.",
          en: "Response times and capacity at expected volumes, including large bulk mailings.",
        },
      },
      {
        id: "acceptanstest",
        required: false,
        heading: { sv: "Acceptanstest", en: "Acceptance tests" },
        guidance: {
          sv: "Verksamhetens acceptanstest, och förvaltningsgruppens verifiering av att testerna mot den tilldelade testmiljön varit framgångsrika.",
          en: "The organisation's acceptance tests, and the management group's verification that the tests against the assigned test environment succeeded.",
        },
      },
      {
        id: "slutsats",
        required: true,
        heading: { sv: "Avvikelser och slutsats", en: "Deviations and conclusion" },
        guidance: {
          sv: "Kvarstående fel, hur allvarliga de är och rekommendation inför beslutet vid milstolpe V.",
          en: "Remaining faults, how serious they are and a recommendation for the decision at milestone V.",
        },
      },
    ],
  },
];
