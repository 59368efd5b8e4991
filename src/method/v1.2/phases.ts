import type { Phase } from "../types.ts";

/**
 * The eight phases, chapters 3–10 of the method. Activities follow "Huvudaktiviteter", plus the
 * few that only the phase summaries in section 2.1 name (tidplan med volymer, meddelandetexter …).
 * Activity ids are stored against initiatives, so never rename one; add a new id instead.
 */
export const phases: readonly Phase[] = [
  {
    number: 1,
    id: "identifiera-behov",
    section: "3",
    name: { sv: "Identifiera behov", en: "Identify needs" },
    purpose: {
      sv: "Att förtydliga och fördjupa det förslag till förändring eller utveckling som har identifierats utifrån uppkomna behov, krav och möjligheter. Resultatet ligger till grund för beslut om att gå vidare.",
      en: "To clarify and deepen the proposal for change or development that has been identified from emerging needs, requirements and opportunities. The result is the basis for the decision to go ahead.",
    },
    activities: [
      {
        id: "gor-behovsanalys",
        name: { sv: "Gör en behovsanalys", en: "Carry out a needs analysis" },
        description: {
          sv: "Belys behov, krav och möjligheter till förändring. I normalfallet räcker den gemensamma rapporten ”Behovsanalys privatpersoner”; gör en egen behovsanalys bara om verksamhetens målgrupper har särskilda förutsättningar. Se E-delegationens ”Vägledning för behovsdriven utveckling”.",
          en: "Bring out the needs, requirements and opportunities for change. Normally the shared report “Behovsanalys privatpersoner” is enough; do your own needs analysis only if your target groups have special circumstances. See E-delegationen's guidance on needs-driven development.",
        },
      },
      {
        id: "beskriv-syfte-och-forandringsbehov",
        name: {
          sv: "Beskriv syfte utifrån nuläge och förändringsbehov",
          en: "Describe the purpose from the current situation and the need for change",
        },
        description: {
          sv: "Vad ska genomföras, för vem och varför? Utgå från presentationen ”Att ansluta till Mina meddelanden – en översikt”.",
          en: "What is to be done, for whom and why? Start from the presentation “Att ansluta till Mina meddelanden – en översikt”.",
        },
      },
      {
        id: "bedom-kommunikationstaktik",
        name: {
          sv: "Bedöm hur olika grupper kan dra nytta av kanalen Mina meddelanden",
          en: "Assess how different groups can benefit from the Mina meddelanden channel",
        },
        description: {
          sv: "Använd ”Guide för verksamheten”, kapitlet Kommunikationstaktik och kanalsamordning.",
          en: "Use “Guide för verksamheten”, chapter Kommunikationstaktik och kanalsamordning (communication tactics and channel coordination).",
        },
      },
      {
        id: "beskriv-anvandare-och-berorda-grupper",
        name: {
          sv: "Beskriv verksamhetens användare och vilka grupper som påverkas",
          en: "Describe your users and which groups will be affected",
        },
      },
      {
        id: "identifiera-meddelandefloden",
        name: {
          sv: "Identifiera meddelandeflöden att ansluta och beskriv konsekvenserna",
          en: "Identify message flows to connect and describe the consequences",
        },
        description: {
          sv: "Använd ”Guide för verksamheten”, kapitlet Flödesprioriteringar och val av anslutningstaktik. Beskriv till exempel trafikvolym, förändrade verksamhetsprocesser och förändrad service till privatpersoner och företag.",
          en: "Use “Guide för verksamheten”, chapter Flödesprioriteringar och val av anslutningstaktik (flow priorities and choice of connection tactic). Describe for example traffic volume, changed business processes and changed service to individuals and companies.",
        },
      },
      {
        id: "beskriv-forvantad-effekt",
        name: {
          sv: "Beskriv förväntad effekt och fastställ effektmål",
          en: "Describe the expected effect and set effect goals (effektmål)",
        },
        description: {
          sv: "Koppla effekten till verksamhetens strategier och målbild. Exempel: minskade kostnader för utskick, förbättrad service till privatpersoner och företag, effektivare verksamhetsprocesser.",
          en: "Link the effect to your strategies and goals. Examples: lower mailing costs, better service to individuals and companies, more efficient business processes.",
        },
      },
      {
        id: "ta-fram-preliminar-tidplan-med-volymer",
        name: {
          sv: "Ta fram en preliminär tidplan med meddelandevolymer",
          en: "Draw up a preliminary timeline with message volumes",
        },
        description: {
          sv: "Vilka typer av meddelanden ska anslutas, ungefär hur många och när?",
          en: "Which types of message are to be connected, roughly how many and when?",
        },
      },
      {
        id: "gor-initial-ekonomisk-bedomning",
        name: { sv: "Gör en initial ekonomisk bedömning", en: "Make an initial economic assessment" },
      },
      {
        id: "beskriv-vad-forstudien-ska-belysa",
        name: { sv: "Beskriv vad förstudien ska belysa", en: "Describe what the pre-study is to examine" },
      },
      {
        id: "beskriv-forutsattningar",
        name: { sv: "Beskriv förutsättningar", en: "Describe the prerequisites" },
        description: {
          sv: "Till exempel särskilda krav, avgränsningar, målgrupper och risker.",
          en: "For example special requirements, scope limits, target groups and risks.",
        },
      },
      {
        id: "planera-forstudien",
        name: {
          sv: "Ta fram tidsuppskattning och planering för förstudien",
          en: "Estimate the time and plan the pre-study",
        },
        description: {
          sv: "Tydliggör omfattningen av utvecklingsinsatsen och planera förstudien med kostnadsuppskattning och bemanningsplan. En grov, preliminär uppskattning är värdefull för ledningen och kan ändras senare.",
          en: "Make the scope of the development effort clear and plan the pre-study with a cost estimate and a staffing plan. A rough, preliminary estimate is valuable to management and can change later.",
        },
      },
      {
        id: "beskriv-intressenter-for-forstudien",
        name: {
          sv: "Beskriv vilka interna och externa intressenter som bör involveras i förstudien",
          en: "Describe which internal and external stakeholders should take part in the pre-study",
        },
      },
    ],
    results: ["idebeskrivning", "behovsanalys", "forstudiedirektiv"],
  },
  {
    number: 2,
    id: "ta-fram-losningsalternativ",
    section: "4",
    name: { sv: "Ta fram lösningsalternativ", en: "Develop solution options" },
    purpose: {
      sv: "Att identifiera och utreda alternativa lösningsförslag för anslutning till Mina meddelanden, med hänsyn både till verksamheten och till tekniken. Förstudierapporten är underlag för beslut om vilken lösning anslutningsinsatsen ska arbeta vidare med.",
      en: "To identify and investigate alternative solutions for connecting to Mina meddelanden, considering both the business and the technology. The pre-study report is the basis for deciding which solution the connection effort will continue with.",
    },
    activities: [
      {
        id: "beskriv-syfte-malgrupper-och-avgransningar",
        name: {
          sv: "Beskriv syfte och motiv, målgrupper och intressenter",
          en: "Describe the purpose and motives, target groups and stakeholders",
        },
        description: {
          sv: "Med tydliga avgränsningar och beroenden.",
          en: "With clear scope limits and dependencies.",
        },
      },
      {
        id: "beskriv-konceptuella-losningsforslag",
        name: { sv: "Beskriv konceptuella lösningsförslag", en: "Describe conceptual solution options" },
        description: {
          sv: "Se ”Guide för verksamheten”, kapitlet Flödesprioriteringar och val av anslutningstaktik. Det finns i huvudsak tre alternativ, från att bygga hela it-lösningen själv till att låta en privat aktör ta hand om meddelandena direkt från verksamhetssystemen; de kan också kombineras. Ta med alternativet att inte göra något alls.",
          en: "See “Guide för verksamheten”, chapter on flow priorities and connection tactics. There are essentially three options, from building the whole IT solution yourself to letting a private actor take the messages straight from the business systems; they can also be combined. Include the option of doing nothing at all.",
        },
      },
      {
        id: "beskriv-informationssakerhet",
        name: { sv: "Beskriv aspekter på informationssäkerhet", en: "Describe information security aspects" },
        description: {
          sv: "Se ”Guide för verksamheten”, kapitlet Guide för anslutning av meddelandeflöde, och guiden för hur meddelanden informationssäkerhetsklassas.",
          en: "See “Guide för verksamheten”, chapter on connecting a message flow, and the guide on information security classification of messages.",
        },
      },
      {
        id: "beskriv-rattsliga-forutsattningar",
        name: { sv: "Beskriv rättsliga förutsättningar", en: "Describe the legal prerequisites" },
        description: {
          sv: "Utifrån egna och Mina meddelandens rättsliga krav. Se ”Allmänna villkor” för avsändare.",
          en: "Based on your own and Mina meddelanden's legal requirements. See the general terms (“Allmänna villkor”) for senders.",
        },
      },
      {
        id: "gor-kostnads-och-nyttobedomning",
        name: {
          sv: "Gör en övergripande kostnads-/nyttobedömning per alternativ",
          en: "Make an overall cost/benefit assessment for each option",
        },
        description: {
          sv: "Ta med ändrade verksamhetsprocesser, förslag till framtida förvaltningsformer med budget, samt finansieringslösning och resursbehov för fortsatt utveckling.",
          en: "Include changed business processes, proposed future management arrangements with budget, and financing and resource needs for further development.",
        },
      },
      {
        id: "gor-risk-och-sarbarhetsanalys",
        name: {
          sv: "Beskriv konsekvenser och risker per alternativ",
          en: "Describe the consequences and risks of each option",
        },
        description: {
          sv: "Gärna som en risk- och sårbarhetsanalys. Påbörja beskrivningen av reservdrift vid driftstörningar.",
          en: "Preferably as a risk and vulnerability analysis. Start describing fallback operation (reservdrift) for outages.",
        },
      },
      {
        id: "rekommendera-losningsforslag",
        name: {
          sv: "Beskriv vilket lösningsförslag som rekommenderas",
          en: "Describe which solution option is recommended",
        },
      },
      {
        id: "beskriv-kombination-med-andra-losningar",
        name: {
          sv: "Beskriv om tjänsten kan kombineras med andra lösningar",
          en: "Describe whether the service can be combined with other solutions",
        },
        description: {
          sv: "Lösningar som redan finns eller som är under utveckling.",
          en: "Solutions that already exist or are being developed.",
        },
      },
      {
        id: "utarbeta-upphandlingsstrategi",
        name: {
          sv: "Utarbeta upphandlingsstrategi i förekommande fall",
          en: "Draw up a procurement strategy where applicable",
        },
      },
    ],
    results: ["forstudierapport", "upphandlingsstrategi"],
  },
  {
    number: 3,
    id: "detaljera-vald-losning",
    section: "5",
    name: { sv: "Detaljera vald lösning", en: "Detail the chosen solution" },
    purpose: {
      sv: "Att utarbeta en fördjupad lösningsspecifikation där den valda lösningen preciseras enligt beslutad sourcingstrategi (till exempel upphandling), med en detaljbeskrivning av integrationsarbetet och en kommunikations- och utbildningsplan för verksamheten. Fasen förankrar också åtagandet hos huvudintressenter och samverkansparter genom ett Business Case med nyttorealiseringsplan.",
      en: "To draw up an in-depth solution specification in which the chosen solution is made precise according to the decided sourcing strategy (for example procurement), with a detailed description of the integration work and a communication and training plan for the organisation. The phase also anchors the commitment with the main stakeholders and partners through a business case with a benefits realisation plan.",
    },
    activities: [
      {
        id: "utarbeta-fordjupad-losningsspecifikation",
        name: {
          sv: "Utarbeta en fördjupad lösningsspecifikation",
          en: "Draw up an in-depth solution specification",
        },
        description: {
          sv: "Detaljera det beslutade lösningsförslaget i de beskrivningsformer verksamheten och leverantörerna är vana vid. Hämta stöd ur ”Guide för verksamheten”, ”Teknisk guide” och exemplet ”Anslutningstjänsten Emrik”.",
          en: "Detail the decided solution in the description formats your organisation and suppliers are used to. Draw on “Guide för verksamheten”, “Teknisk guide” and the example “Anslutningstjänsten Emrik”.",
        },
      },
      {
        id: "specificera-parter-och-delar",
        name: {
          sv: "Specificera vilka parter som gör vilka delar av utvecklings- och integrationsarbetet",
          en: "Specify which parties do which parts of the development and integration work",
        },
        description: { sv: "Interna och externa parter.", en: "Internal and external parties." },
      },
      {
        id: "beskriv-hantering-av-informationssakerhet",
        name: {
          sv: "Beskriv hur informationssäkerhetsaspekter hanteras",
          en: "Describe how information security aspects are handled",
        },
      },
      {
        id: "beskriv-rattsliga-forandringar",
        name: {
          sv: "Beskriv rättsliga förändringar som krävs och hur de genomförs",
          en: "Describe any legal changes required and how they are made",
        },
      },
      {
        id: "detaljbeskriv-integrationsplanen",
        name: {
          sv: "Detaljbeskriv integrationsplanen för anslutning till Mina meddelanden",
          en: "Describe the integration plan for connecting to Mina meddelanden in detail",
        },
      },
      {
        id: "beskriv-business-case",
        name: { sv: "Beskriv Business Case för utvecklingsinsatsen", en: "Describe the business case for the effort" },
        description: {
          sv: "Motiv med effektkedja (verksamhetsmål, nyttor, förändringar, utvecklingssatsningar och möjliggörare), ekonomiska och kvantitativa nyttor för verksamheten och för mottagarna samt kostnader för utveckling, drift och förvaltning.",
          en: "Motives with an effect chain (business goals, benefits, changes, development efforts and enablers), economic and quantitative benefits for the organisation and for recipients, and costs for development, operation and management.",
        },
      },
      {
        id: "beskriv-risk-och-genomforbarhet",
        name: { sv: "Beskriv risk och genomförbarhet", en: "Describe risk and feasibility" },
        description: {
          sv: "Resurser, tidplan samt tekniska och juridiska förutsättningar.",
          en: "Resources, timeline, and technical and legal prerequisites.",
        },
      },
      {
        id: "ta-fram-nyttorealiseringsplan",
        name: { sv: "Ta fram en nyttorealiseringsplan", en: "Draw up a benefits realisation plan" },
        description: {
          sv: "Vilka nyttor insatsen ska realisera; hur, av vem och när de uppstår; hur de följs upp, vem som ansvarar och vilka mätetal som används. Se E-delegationens vägledning för nyttorealisering.",
          en: "Which benefits the effort is to realise; how, by whom and when they arise; how they are followed up, who is responsible and which measures are used. See E-delegationen's guidance on benefits realisation.",
        },
      },
      {
        id: "ta-fram-utbildnings-och-kommunikationsplan",
        name: {
          sv: "Ta fram en utbildnings- och kommunikationsplan",
          en: "Draw up a training and communication plan",
        },
        description: {
          sv: "För verksamheten och mottagarna, så att verksamheten är redo och kan informera dem som snart ska börja ta emot post digitalt.",
          en: "For the organisation and recipients, so that the organisation is ready and can inform those who will soon start receiving post digitally.",
        },
      },
      {
        id: "ta-fram-overgripande-anslutningsplan",
        name: { sv: "Ta fram en övergripande anslutningsplan", en: "Draw up an outline connection plan" },
      },
    ],
    results: [
      "fordjupad-forstudierapport",
      "integrationsplan",
      "utbildnings-och-kommunikationsplan",
      "business-case",
      "nyttorealiseringsplan",
      "riskanalys",
      "overgripande-anslutningsplan",
    ],
  },
  {
    number: 4,
    id: "initiera",
    section: "6",
    name: { sv: "Initiera", en: "Initiate" },
    purpose: {
      sv: "Att planera och förankra det totala åtagandet för anslutning till Mina meddelanden med samtliga huvudintressenter genom ett genomförandedirektiv som beskriver den övergripande tids- och leveransplanen för det fortsatta arbetet, inklusive utveckling, införande och etablering av förvaltning.",
      en: "To plan and anchor the total commitment for connecting to Mina meddelanden with all main stakeholders through an implementation directive describing the overall time and delivery plan for the remaining work, including development, rollout and establishing management.",
    },
    activities: [
      {
        id: "utarbeta-genomforandedirektiv",
        name: { sv: "Utarbeta ett genomförandedirektiv", en: "Draw up an implementation directive" },
        description: {
          sv: "Det preciserar fasen Utveckla men omfattar också aktiviteter i faserna Införa och Etablera förvaltning.",
          en: "It details the Develop phase but also covers activities in the Implement and Establish management phases.",
        },
      },
      {
        id: "beskriv-vad-som-ska-genomforas",
        name: {
          sv: "Beskriv övergripande vad som behöver genomföras för anslutningen",
          en: "Describe at an overall level what must be done for the connection",
        },
      },
      {
        id: "fordela-utveckling-mellan-parter",
        name: {
          sv: "Beskriv vilken utveckling varje intern och extern part genomför",
          en: "Describe which development each internal and external party carries out",
        },
        description: {
          sv: "Inklusive förvaltningsgruppen för Mina meddelanden och eventuella produkt-/tjänstepartner. Belys gärna perspektiven verksamhet, information, applikation, teknik och säkerhet.",
          en: "Including the Mina meddelanden management group (förvaltningsgruppen) and any product/service partners. Consider the business, information, application, technology and security perspectives.",
        },
      },
      {
        id: "uppratta-beslutsforum",
        name: {
          sv: "Bestäm beslutsforum, deras bemanning och inbördes styrning",
          en: "Decide the decision forums, their members and how they steer each other",
        },
      },
      {
        id: "bemanna-genomforandet",
        name: {
          sv: "Bestäm organisation och bemanning för genomförandet",
          en: "Decide the organisation and staffing for implementation",
        },
      },
      {
        id: "valj-utvecklingsmodell",
        name: { sv: "Välj utvecklingsmodell", en: "Choose the development model" },
      },
      {
        id: "genomfor-upphandling",
        name: { sv: "Genomför eventuell upphandling", en: "Carry out any procurement" },
        description: {
          sv: "Enligt gällande rutiner och regelverk.",
          en: "Following the applicable routines and rules.",
        },
      },
      {
        id: "etablera-samordningsplan",
        name: {
          sv: "Etablera och förvalta en samordningsplan för samverkansparterna",
          en: "Establish and maintain a coordination plan for the partners",
        },
        description: {
          sv: "Till exempel en övergripande tidplan för utveckling, införande och förvaltning.",
          en: "For example an overall timeline for development, rollout and management.",
        },
      },
      {
        id: "beskriv-forutsattningar-for-genomforandet",
        name: {
          sv: "Beskriv viktiga förutsättningar för genomförandet",
          en: "Describe the key prerequisites for implementation",
        },
        description: {
          sv: "Till exempel särskilda krav, avgränsningar, skillnader mellan målgrupper och risker.",
          en: "For example special requirements, scope limits, differences between target groups, and risks.",
        },
      },
      {
        id: "ta-fram-teststrategi",
        name: { sv: "Ta fram teststrategi för fasen Utveckla", en: "Draw up the test strategy for the Develop phase" },
        description: {
          sv: "Se ”Teknisk guide för myndigheter” för tekniskt stöd, testdata och testmiljöer.",
          en: "See “Teknisk guide för myndigheter” for technical support, test data and test environments.",
        },
      },
      {
        id: "ta-fram-detaljerad-anslutningsplan",
        name: { sv: "Ta fram den detaljerade anslutningsplanen", en: "Draw up the detailed connection plan" },
        description: {
          sv: "Beskriv också hur kommande anslutningar av meddelandeflöden ska hanteras.",
          en: "Also describe how future connections of message flows will be handled.",
        },
      },
      {
        id: "forbered-avtal",
        name: {
          sv: "Förbered avtal med förvaltningsgruppen för Mina meddelanden och eventuella externa partner",
          en: "Prepare agreements with the Mina meddelanden management group and any external partners",
        },
        description: { sv: "Färdigställ dem om det går.", en: "Finalise them if possible." },
      },
    ],
    results: ["genomforandedirektiv", "teststrategi", "detaljerad-anslutningsplan", "avtal-mina-meddelanden-och-partner"],
  },
  {
    number: 5,
    id: "utveckla",
    section: "7",
    name: { sv: "Utveckla", en: "Develop" },
    purpose: {
      sv: "I denna fas utvecklas beslutad lösning och anslutning till Mina meddelanden. Avtal skrivs mellan berörda parter, testmiljöer görs tillgängliga, trafikprognoser meddelas, meddelandetexter utformas, hela lösningen testas och kundstödsmaterial tas fram.",
      en: "In this phase the decided solution and the connection to Mina meddelanden are developed. Agreements are signed between the parties, test environments are made available, traffic forecasts are reported, message texts are written, the whole solution is tested and customer support material is produced.",
    },
    activities: [
      {
        id: "ta-fram-testplan-och-testfall",
        name: { sv: "Ta fram testplan och testfall", en: "Draw up the test plan and test cases" },
      },
      {
        id: "utveckla-och-testa",
        name: {
          sv: "Genomför utveckling och test av beslutad lösningsspecifikation",
          en: "Develop and test the decided solution specification",
        },
        description: {
          sv: "Enligt verksamhetens styr- och utvecklingsmodeller. ”Teknisk guide för myndigheter” beskriver de operationer och tjänster som ska implementeras, hur ett meddelande utformas tekniskt och vilka förberedelser som krävs för test och produktion.",
          en: "Following your governance and development models. “Teknisk guide för myndigheter” describes the operations and services to implement, how a message is built technically and what is needed for testing and production.",
        },
      },
      {
        id: "utforma-meddelandetexter",
        name: { sv: "Utforma meddelandetexter", en: "Write the message texts" },
      },
      {
        id: "meddela-trafikprognoser",
        name: {
          sv: "Meddela trafikprognoser till Mina meddelanden",
          en: "Report traffic forecasts to Mina meddelanden",
        },
      },
      {
        id: "sakerstall-acceptanstest",
        name: {
          sv: "Säkerställ att leveranserna är acceptanstestade",
          en: "Make sure the deliveries are acceptance-tested",
        },
        description: {
          sv: "Förvaltningsgruppen för Mina meddelanden ska ha verifierat att testerna mot den tilldelade testmiljön varit framgångsrika.",
          en: "The Mina meddelanden management group must have verified that the tests against the assigned test environment succeeded.",
        },
      },
      {
        id: "sakerstall-kvalitetskrav",
        name: {
          sv: "Säkerställ att leveranserna håller verksamhetens kvalitetskrav",
          en: "Make sure the deliveries meet your quality requirements",
        },
        description: {
          sv: "Till exempel beslutade arkitekturprinciper och servicenivåer (tillgänglighet, skalbarhet med mera).",
          en: "For example decided architecture principles and service levels (availability, scalability and so on).",
        },
      },
      {
        id: "sakerstall-rattslig-hallbarhet",
        name: {
          sv: "Säkerställ att leveranserna är hållbara ur ett rättsligt perspektiv",
          en: "Make sure the deliveries are legally sound",
        },
        description: {
          sv: "Bland annat att personuppgifter behandlas lagligt i både normal- och alternativflöden (metoden nämner personuppgiftslagen; i dag gäller dataskyddsförordningen).",
          en: "Among other things that personal data is processed lawfully in both normal and alternative flows (the method cites the former Personal Data Act; today the GDPR applies).",
        },
      },
      {
        id: "sakerstall-informationssakerhet",
        name: {
          sv: "Säkerställ att leveranserna är robusta i fråga om informationssäkerhet",
          en: "Make sure the deliveries are robust in terms of information security",
        },
        description: {
          sv: "Kvalitetssäkrade mot informationssäkerhetsklassningen, med en säkerhetsarkitektur som följer verksamhetens riktlinjer.",
          en: "Quality-assured against the information security classification, with a security architecture that follows your guidelines.",
        },
      },
      {
        id: "sakerstall-effekt-och-forvaltningsbarhet",
        name: {
          sv: "Säkerställ att leveranserna räcker för avsedda effekter och är förvaltningsbara och återanvändningsbara",
          en: "Make sure the deliveries suffice for the intended effects and are maintainable and reusable",
        },
      },
      {
        id: "forankra-och-kommunicera-leveranserna",
        name: {
          sv: "Säkerställ att leveranserna är förankrade och kommunicerade",
          en: "Make sure the deliveries are anchored and communicated",
        },
        description: {
          sv: "Både inom verksamheten och gentemot externa intressenter.",
          en: "Both within the organisation and with external stakeholders.",
        },
      },
      {
        id: "ta-fram-kundstodsmaterial",
        name: { sv: "Ta fram kundstödsmaterial", en: "Produce customer support material" },
      },
      {
        id: "ta-fram-inforandeplan",
        name: { sv: "Ta fram införandeplan", en: "Draw up the rollout plan" },
        description: {
          sv: "Hur görs lösningen tillgänglig för målgruppen, hur uppmärksammas målgruppen på att tjänsten finns och hur utbildas berörda verksamheter?",
          en: "How is the solution made available to the target group, how is the target group made aware of the service and how are the affected units trained?",
        },
      },
      {
        id: "beskriv-samordnad-lansering",
        name: {
          sv: "Beskriv om tjänsten ska lanseras tillsammans med andra lösningar",
          en: "Describe whether the service will be launched together with other solutions",
        },
      },
    ],
    results: ["losning-for-anslutning", "inforandeplan"],
  },
  {
    number: 6,
    id: "infora",
    section: "8",
    name: { sv: "Införa", en: "Implement" },
    purpose: {
      sv: "Att de framtagna lösningarna implementeras i verksamheten så att man kan börja arbeta på nytt sätt, och att tjänsten lanseras till avsedd målgrupp. Ingående parter ansvarar för att implementeringen genomförs inom beslutade ramar.",
      en: "To implement the developed solutions in the organisation so that work can start in the new way, and to launch the service to its intended target group. The parties involved are responsible for implementing within the decided limits.",
    },
    activities: [
      {
        id: "integrera-och-anslut",
        name: {
          sv: "Integrera lösningen och anslut den till Mina meddelanden",
          en: "Integrate the solution and connect it to Mina meddelanden",
        },
        description: {
          sv: "Enligt beslutad lanseringsstrategi och anslutningsplan. Se ”Teknisk guide för myndigheter”.",
          en: "According to the decided launch strategy and connection plan. See “Teknisk guide för myndigheter”.",
        },
      },
      {
        id: "fardigstall-anslutningsavtal",
        name: {
          sv: "Färdigställ anslutningsavtal med förvaltningsgruppen för Mina meddelanden",
          en: "Finalise the connection agreement with the Mina meddelanden management group",
        },
        description: {
          sv: "Justera också eventuella avtal med externa partner.",
          en: "Also adjust any agreements with external partners.",
        },
      },
      {
        id: "infor-nya-arbetssatt",
        name: {
          sv: "Inför nya eller ändrade arbetssätt och verksamhetsprocesser",
          en: "Introduce new or changed ways of working and business processes",
        },
      },
      {
        id: "utbilda-personal",
        name: {
          sv: "Utbilda och informera personalen om det nya arbetssättet",
          en: "Train and inform staff about the new way of working",
        },
      },
      {
        id: "slutkonfigurera-losningen",
        name: { sv: "Inför och slutkonfigurera lösningen", en: "Install and finish configuring the solution" },
      },
      {
        id: "utforma-reservdrift",
        name: {
          sv: "Utforma reservdrift och utbilda verksamheten i den",
          en: "Design fallback operation (reservdrift) and train the organisation in it",
        },
        description: {
          sv: "Vad gör ni vid kortare respektive längre driftstörningar i Mina meddelanden? Kommunikationsplanering, driftåtgärder, beredskap i kundcenter med mera.",
          en: "What do you do during short and long outages in Mina meddelanden? Communication planning, operational measures, customer centre readiness and so on.",
        },
      },
      {
        id: "produktionssatt-losningen",
        name: {
          sv: "Förbered och genomför produktionssättning",
          en: "Prepare and carry out the go-live",
        },
      },
      {
        id: "genomfor-lansering",
        name: {
          sv: "Genomför lansering till avsedda målgrupper",
          en: "Launch the service to the intended target groups",
        },
        description: {
          sv: "Säkerställ att tjänsten förstås, accepteras och används: nyhet på egen extern och intern webbplats och på Mina meddelandens webbplats, och information till användarna om nyttan för dem.",
          en: "Make sure the service is understood, accepted and used: news on your external and internal websites and on the Mina meddelanden website, and information to users about what they gain.",
        },
      },
      {
        id: "utarbeta-overlamningsplan",
        name: {
          sv: "Utarbeta överlämningsplan till förvaltningsorganisationen",
          en: "Draw up the handover plan to the management organisation",
        },
      },
    ],
    results: ["overlamningsplan", "anslutningsavtal"],
  },
  {
    number: 7,
    id: "etablera-forvaltning",
    section: "9",
    name: { sv: "Etablera förvaltning", en: "Establish management" },
    purpose: {
      sv: "Att etablera förvaltning av lösningen för anslutning till Mina meddelanden: organisation, modell och finansiering för vidmakthållande och vidareutveckling. Förvaltningsobjekt och budget, former för support och ändringshantering, beslutsforum, förvaltningsplaner och driftavtal fastställs, och servicenivåer överenskoms med samtliga parter inklusive Mina meddelanden.",
      en: "To establish management (förvaltning) of the solution for connecting to Mina meddelanden: organisation, model and financing for upkeep and further development. Management objects and budget, support and change management, decision forums, management plans and operating agreements are set, and service levels are agreed with all parties including Mina meddelanden.",
    },
    activities: [
      {
        id: "etablera-forvaltningsorganisation",
        name: {
          sv: "Etablera förvaltningsorganisation med beslutsordning och driftmodell",
          en: "Establish the management organisation with decision rules and an operating model",
        },
        description: {
          sv: "Fastställ förvaltningsobjekt och budget, former för support och ändringshantering samt beslutsforum.",
          en: "Set the management objects and budget, support and change management arrangements, and decision forums.",
        },
      },
      {
        id: "sakerstall-nyttorealiseringsplan-med-finansiering",
        name: {
          sv: "Säkerställ nyttorealiseringsplanen med finansieringslösning",
          en: "Secure the benefits realisation plan with a financing solution",
        },
      },
      {
        id: "sakerstall-forvaltnings-och-driftavtal",
        name: { sv: "Säkerställ förvaltnings- och driftavtal", en: "Secure the management and operating agreements" },
        description: {
          sv: "Inklusive överenskommelser om servicenivåer med samtliga berörda parter, även Mina meddelanden. Se ”Allmänna villkor”.",
          en: "Including service level agreements with all parties concerned, Mina meddelanden too. See the general terms (“Allmänna villkor”).",
        },
      },
      {
        id: "ta-fram-forvaltningsplan",
        name: { sv: "Ta fram en förvaltningsplan", en: "Draw up a management plan" },
        description: {
          sv: "Beskriv hur förvaltningsansvaret fördelas mellan samverkansparterna och gränsytan mot Mina meddelanden.",
          en: "Describe how management responsibility is shared between the partners and the boundary with Mina meddelanden.",
        },
      },
      {
        id: "ta-fram-driftplan",
        name: { sv: "Ta fram en driftplan", en: "Draw up an operations plan" },
      },
      {
        id: "overlamna-till-forvaltning",
        name: {
          sv: "Överlämna den utvecklade tjänsten till förvaltningsorganisationen",
          en: "Hand the developed service over to the management organisation",
        },
      },
      {
        id: "hantera-aterstaende-arbete",
        name: {
          sv: "Säkerställ hantering av återstående utvecklings-, införande- och realiseringsarbete",
          en: "Make sure remaining development, rollout and realisation work is taken care of",
        },
      },
      {
        id: "utarbeta-slutrapport",
        name: { sv: "Utarbeta en slutrapport", en: "Write a final report" },
        description: {
          sv: "Utvärdera genomförandet och vunna erfarenheter: utmaningar, risker och hur de hanterades, förändringar av plan och resurser, kritiska händelser och beslut.",
          en: "Evaluate how the effort went and the lessons learned: challenges, risks and how they were handled, changes to plan and resources, critical events and decisions.",
        },
      },
    ],
    results: ["forvaltningsplan", "driftplan", "slutrapport"],
  },
  {
    number: 8,
    id: "realisera-nyttor",
    section: "10",
    name: { sv: "Realisera nyttor", en: "Realise benefits" },
    purpose: {
      sv: "Att realisera och följa upp prioriterade nyttor. I fasen beslutas om önskad nytta är uppnådd eller om ytterligare insatser behövs. Aktiviteterna pågår parallellt med utvecklingsinsatsen och fortsätter efter att den avslutats.",
      en: "To realise and follow up the prioritised benefits. The phase decides whether the desired benefit has been achieved or whether further efforts are needed. The activities run in parallel with the development effort and continue after it has closed.",
    },
    activities: [
      {
        id: "genomfor-nyttoaktiviteter",
        name: {
          sv: "Genomför planerade aktiviteter för att realisera prioriterade nyttor",
          en: "Carry out the planned activities to realise the prioritised benefits",
        },
      },
      {
        id: "genomfor-nyttoutvardering",
        name: {
          sv: "Genomför nyttoutvärdering utifrån nyttorealiseringsplanen",
          en: "Evaluate the benefits against the benefits realisation plan",
        },
      },
      {
        id: "sammanstall-nyttoutvarderingsrapport",
        name: {
          sv: "Sammanställ och förmedla nyttoutvärderingsrapporten",
          en: "Compile and share the benefits evaluation report",
        },
        description: {
          sv: "Bedöm och besluta om nya aktiviteter för att specificerade nyttor ska realiseras.",
          en: "Assess and decide on new activities so that the specified benefits are realised.",
        },
      },
      {
        id: "redovisa-nyttor-for-forvaltningsgruppen",
        name: {
          sv: "Redovisa rapporten för förvaltningsgruppen för Mina meddelanden",
          en: "Present the report to the Mina meddelanden management group",
        },
        description: {
          sv: "Så att förvaltningsgruppen får en sammanställd bild av nyttorna med den myndighetsgemensamma lösningen.",
          en: "So that the management group gets a consolidated picture of the benefits of the shared solution.",
        },
      },
    ],
    results: ["nyttoutvarderingsrapport"],
  },
];
