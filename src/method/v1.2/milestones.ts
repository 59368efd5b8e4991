import type { DecisionMaker, LocalisedText, Milestone, MilestoneInform } from "../types.ts";

/**
 * The eight milestones. Sections 7.5, 8.4, 9.5 and 10.5 of the method are all headed
 * "Milstolpe IV" by mistake; section 2.2 numbers them V–VIII, which is what is used here.
 * Decision point texts quote "Beslutet omfattar" word for word, with "ex" and "mm" written out.
 * Decision point ids are stored with decisions, so never rename one; add a new id instead.
 */

const preparedByOwnExperts: LocalisedText = {
  sv: "Egen expertis inom respektive ämnesområde samt eventuellt konsultativt stöd från Mina meddelanden och dess anslutningsteam.",
  en: "Your own experts in each subject area, with consultative support from Mina meddelanden and its connection team where needed.",
};

const steeringGroup: DecisionMaker = {
  role: "styrgrupp",
  text: {
    sv: "Styrgrupp för anslutningsprojektet (det vill säga utvecklingsinsatsen).",
    en: "The steering group (styrgrupp) of the connection project, that is, the development effort.",
  },
};

const informOwnPartnersAndForvaltningsgrupp: LocalisedText = {
  sv: "Fattat beslut kommuniceras till berörda inom den egna verksamheten samt externt till samverkansparter, förvaltningsgruppen för Mina meddelanden och andra viktiga intressenter.",
  en: "The decision is communicated to those concerned within your own organisation and externally to partners, the Mina meddelanden management group (förvaltningsgruppen) and other important stakeholders.",
};

const informAffectedStakeholders: MilestoneInform = {
  audiences: ["affected_stakeholders"],
  text: {
    sv: "Fattat beslut kommuniceras till berörda intressenter.",
    en: "The decision is communicated to the stakeholders concerned.",
  },
  forvaltningsgruppItems: [],
};

export const milestones: readonly Milestone[] = [
  {
    numeral: "I",
    afterPhase: 1,
    section: "3.5",
    name: {
      sv: "Beslut inför fasen Ta fram lösningsalternativ",
      en: "Decision before the phase Develop solution options",
    },
    summary: {
      sv: "Beslut om identifierat behov och start av förstudie.",
      en: "Decision on the identified need and the start of a pre-study.",
    },
    purpose: {
      sv: "Att besluta om behov av och förutsättningar för en förändring och/eller utveckling föreligger, och i så fall säkerställa förutsättningarna för att påbörja en förstudie som tar fram olika lösningsalternativ.",
      en: "To decide whether there is a need for, and the prerequisites for, a change and/or development, and if so to secure the prerequisites for starting a pre-study that develops solution options.",
    },
    decisionPoints: [
      {
        id: "i-behov-foreligger",
        text: {
          sv: "Att besluta om behov föreligger av förändring och/eller utveckling",
          en: "To decide whether there is a need for change and/or development",
        },
      },
      {
        id: "i-behov-prioriterat",
        text: {
          sv: "Att besluta om identifierat behov är prioriterat",
          en: "To decide whether the identified need is a priority",
        },
      },
      {
        id: "i-finansiering-av-losningsalternativ",
        text: {
          sv: "Att besluta om finansiering och resurser för att ta fram lösningsalternativ",
          en: "To decide on financing and resources for developing solution options",
        },
      },
    ],
    basis: [
      { deliverableTypeId: "idebeskrivning", required: true },
      { deliverableTypeId: "behovsanalys", required: true },
      { deliverableTypeId: "forstudiedirektiv", required: true },
    ],
    preparedBy: {
      sv: `${preparedByOwnExperts.sv} Rekommendationen granskas och verksamhetsägaren säkrar att förslagen är i linje med beslutade mål, strategier och arkitekturprinciper.`,
      en: `${preparedByOwnExperts.en} The recommendation is reviewed and the business owner (verksamhetsägare) makes sure the proposals are in line with decided goals, strategies and architecture principles.`,
    },
    decidedBy: {
      role: "verksamhetsagare",
      text: {
        sv: "Verksamhetsägare, i förekommande fall i lednings- eller styrgruppsform.",
        en: "The business owner (verksamhetsägare), where applicable as a management or steering group.",
      },
    },
    inform: {
      audiences: ["own_organisation", "partners", "forvaltningsgrupp"],
      text: {
        sv: "Fattat beslut kommuniceras till den egna organisationen, till eventuella berörda partner och till förvaltningsorganisationen för Mina meddelanden, där vissa förberedelser nu kan ta vid.",
        en: "The decision is communicated to your own organisation, to any partners concerned and to the Mina meddelanden management organisation, where some preparations can now begin.",
      },
      forvaltningsgruppItems: [],
    },
  },
  {
    numeral: "II",
    afterPhase: 2,
    section: "4.5",
    name: {
      sv: "Beslut inför fasen Detaljera vald lösning",
      en: "Decision before the phase Detail the chosen solution",
    },
    summary: {
      sv: "Beslut om förslag till förändring samt typ av lösning.",
      en: "Decision on the proposed change and the type of solution.",
    },
    purpose: {
      sv: "Att besluta om vidare arbete med att ta fram ett detaljerat lösningsförslag för det rekommenderade alternativet.",
      en: "To decide on further work to produce a detailed solution proposal for the recommended option.",
    },
    decisionPoints: [
      {
        id: "ii-typ-av-losning",
        text: {
          sv: "Att besluta om typ av lösning och behov av ytterligare beskrivning",
          en: "To decide on the type of solution and the need for further description",
        },
      },
      {
        id: "ii-upphandlingsstrategi",
        text: { sv: "Att besluta om upphandlingsstrategi", en: "To decide on the procurement strategy" },
      },
      {
        id: "ii-finansiering-av-fordjupad-forstudie",
        text: {
          sv: "Att besluta om finansiering och resurser för fördjupad förstudie",
          en: "To decide on financing and resources for the in-depth pre-study",
        },
      },
      {
        id: "ii-risker-och-konsekvenser",
        text: {
          sv: "Att bedöma övriga risker och konsekvenser inför beslut att gå vidare eller inte",
          en: "To assess other risks and consequences before deciding whether to go ahead",
        },
      },
      {
        id: "ii-tidplan-for-anslutning",
        text: {
          sv: "Att verifiera att tidplanen samordnats med berörda parter (leverantörer, förvaltningsgruppen för Mina meddelanden och eventuellt ytterligare parter) och därefter besluta om tidplan för anslutning av lösning till Mina meddelanden",
          en: "To verify that the timeline has been coordinated with the parties concerned (suppliers, the Mina meddelanden management group and any other parties) and then decide the timeline for connecting the solution to Mina meddelanden",
        },
      },
    ],
    basis: [
      {
        deliverableTypeId: "forstudierapport",
        required: true,
        note: { sv: "Med rekommenderat lösningsförslag.", en: "With the recommended solution proposal." },
      },
    ],
    preparedBy: {
      sv: `${preparedByOwnExperts.sv} Rekommendationen granskas och verksamhetsägaren säkrar att förslagen är i linje med beslutad budget, verksamhetsmål och operativ verksamhet. Remiss skickas vid behov till berörda intressenter.`,
      en: `${preparedByOwnExperts.en} The recommendation is reviewed and the business owner (verksamhetsägare) makes sure the proposals are in line with the decided budget, business goals and operations. It is sent out for comment to stakeholders concerned where needed.`,
    },
    decidedBy: steeringGroup,
    inform: {
      audiences: ["own_organisation", "partners", "forvaltningsgrupp", "other_stakeholders"],
      text: informOwnPartnersAndForvaltningsgrupp,
      forvaltningsgruppItems: [
        {
          key: "tidplan",
          text: {
            sv: "Tidplan för anslutning till Mina meddelanden",
            en: "Timeline for connecting to Mina meddelanden",
          },
        },
        {
          key: "meddelandevolymer",
          text: {
            sv: "Beräknade meddelandevolymer som kommer att skickas via Mina meddelanden",
            en: "Estimated message volumes to be sent through Mina meddelanden",
          },
        },
      ],
    },
  },
  {
    numeral: "III",
    afterPhase: 3,
    section: "5.5",
    name: { sv: "Beslut inför fasen Initiera", en: "Decision before the phase Initiate" },
    summary: {
      sv: "Beslut om att initiera utveckling eller ej baserat på analys av detaljerat lösningsförslag, Business Case och nyttorealiseringsplan.",
      en: "Decision on whether to initiate development, based on an analysis of the detailed solution proposal, the business case and the benefits realisation plan.",
    },
    purpose: {
      sv: "Att besluta om att initiera utveckling eller att avbryta. Beslutet baseras på analys av detaljerat lösningsförslag och Business Case.",
      en: "To decide whether to initiate development or to stop. The decision rests on an analysis of the detailed solution proposal and the business case.",
    },
    decisionPoints: [
      {
        id: "iii-behov-prioriterade",
        text: {
          sv: "Att bedöma och besluta om identifierade behov är prioriterade",
          en: "To assess and decide whether the identified needs are priorities",
        },
      },
      {
        id: "iii-effektmal",
        text: {
          sv: "Att bedöma och besluta om effektmål för anslutningsinsatsen (samhällsperspektiv, myndighetsperspektiv och medborgare)",
          en: "To assess and decide the effect goals of the connection effort (from the perspectives of society, the authority and citizens)",
        },
      },
      {
        id: "iii-nyttorealiseringsplan-forankrad",
        text: {
          sv: "Att verifiera att nyttorealiseringsplanen är förankrad",
          en: "To verify that the benefits realisation plan is anchored",
        },
      },
      {
        id: "iii-nyttorealiseringsplan-finansiering",
        text: {
          sv: "Att verifiera nyttorealiseringsplanen med tillhörande finansiering och förvaltningsform för beskriven tjänst",
          en: "To verify the benefits realisation plan with its financing and management arrangement for the described service",
        },
      },
      {
        id: "iii-projektstart",
        text: {
          sv: "Att bedöma övriga risker och besluta om projektstart (eller fortsättning) för specificerad lösning",
          en: "To assess other risks and decide on project start (or continuation) for the specified solution",
        },
      },
      {
        id: "iii-integrationsplan",
        text: {
          sv: "Att besluta om integrationsplan för anslutning till Mina meddelanden",
          en: "To decide the integration plan for connecting to Mina meddelanden",
        },
      },
      {
        id: "iii-utbildningsplan",
        text: {
          sv: "Att besluta om utbildningsplan för verksamheten",
          en: "To decide the training plan for the organisation",
        },
      },
      {
        id: "iii-kommunikationsplan",
        text: {
          sv: "Att besluta om kommunikationsplan för verksamheten",
          en: "To decide the communication plan for the organisation",
        },
      },
    ],
    basis: [
      { deliverableTypeId: "fordjupad-forstudierapport", required: true },
      { deliverableTypeId: "integrationsplan", required: true },
      { deliverableTypeId: "utbildnings-och-kommunikationsplan", required: true },
      { deliverableTypeId: "business-case", required: true },
      { deliverableTypeId: "nyttorealiseringsplan", required: true },
    ],
    preparedBy: preparedByOwnExperts,
    decidedBy: steeringGroup,
    inform: {
      audiences: ["own_organisation", "partners", "forvaltningsgrupp", "other_stakeholders"],
      text: informOwnPartnersAndForvaltningsgrupp,
      forvaltningsgruppItems: [
        {
          key: "tidplan",
          text: {
            sv: "Reviderad tidplan för anslutning av lösningen till Mina meddelanden",
            en: "Revised timeline for connecting the solution to Mina meddelanden",
          },
        },
        {
          key: "meddelandevolymer",
          text: {
            sv: "Reviderad beräkning av meddelandevolymer som kommer att gå digitalt via Mina meddelanden",
            en: "Revised estimate of the message volumes that will go digitally through Mina meddelanden",
          },
        },
      ],
    },
  },
  {
    numeral: "IV",
    afterPhase: 4,
    section: "6.5",
    name: { sv: "Beslut inför fasen Utveckla", en: "Decision before the phase Develop" },
    summary: {
      sv: "Beslut om att genomföra utveckling baserat på analys av genomförandedirektiv för beslutad lösning.",
      en: "Decision to carry out development, based on an analysis of the implementation directive for the decided solution.",
    },
    purpose: {
      sv: "Att verifiera underlagen som tagits fram i fasen och, om förutsättningarna bedöms klara, besluta om att påbörja utveckling baserat på analys av genomförandedirektivet för beslutad lösning (övergripande leveransplan för utveckling, införande och etablering av förvaltning).",
      en: "To verify the documents produced in the phase and, if the prerequisites are judged to be in place, decide to start development based on an analysis of the implementation directive for the decided solution (the overall delivery plan for development, rollout and establishing management).",
    },
    decisionPoints: [
      {
        id: "iv-samverkansparter",
        text: {
          sv: "Att besluta om samverkansparter för kommande del av utvecklingsinsatsen",
          en: "To decide the partners for the coming part of the development effort",
        },
      },
      {
        id: "iv-utveckling-hur-nar-vem",
        text: {
          sv: "Att besluta om övergripande hur, när och av vem lösning ska utvecklas (till exempel vilka samverkansparter som driver vilka projekt)",
          en: "To decide at an overall level how, when and by whom the solution will be developed (for example which partners run which projects)",
        },
      },
      {
        id: "iv-inforande-hur-nar-vem",
        text: {
          sv: "Att besluta om övergripande hur, när och av vem lösning ska införas (till exempel vilka samverkansparter som implementerar olika lösningar)",
          en: "To decide at an overall level how, when and by whom the solution will be rolled out (for example which partners implement which solutions)",
        },
      },
      {
        id: "iv-overlamning-hur-nar-vem",
        text: {
          sv: "Att besluta om övergripande hur, när och av vem lösning ska överlämnas till förvaltning (till exempel vilka samverkansparter som etablerar olika förvaltningsobjekt)",
          en: "To decide at an overall level how, when and by whom the solution will be handed over to management (for example which partners establish which management objects)",
        },
      },
    ],
    basis: [{ deliverableTypeId: "genomforandedirektiv", required: true }],
    preparedBy: preparedByOwnExperts,
    decidedBy: steeringGroup,
    inform: {
      audiences: ["own_organisation", "partners", "forvaltningsgrupp", "other_stakeholders"],
      text: informOwnPartnersAndForvaltningsgrupp,
      forvaltningsgruppItems: [
        {
          key: "genomforandeplan",
          text: {
            sv: "Genomförandeplan för utvecklingsinsatsen, med tidpunkter för när lösningen ska testas och tas i produktion",
            en: "Implementation plan for the development effort, with dates for when the solution will be tested and go into production",
          },
        },
        {
          key: "meddelandevolymer",
          text: { sv: "Beräknade meddelandevolymer", en: "Estimated message volumes" },
        },
        {
          key: "detaljerad_anslutningsplan",
          text: { sv: "Detaljerad anslutningsplan", en: "Detailed connection plan" },
        },
      ],
    },
  },
  {
    numeral: "V",
    afterPhase: 5,
    section: "7.5",
    name: { sv: "Beslut inför fasen Införa", en: "Decision before the phase Implement" },
    summary: {
      sv: "Beslut om att gå vidare med införande av utvecklad lösning baserat på analys av behovs- och kravuppfyllnad samt införandeplan.",
      en: "Decision to go ahead with rolling out the developed solution, based on an analysis of how well it meets needs and requirements, and the rollout plan.",
    },
    purpose: {
      sv: "Att besluta om att gå vidare med införande av utvecklad lösning baserat på analys av behovs- och kravuppfyllnad, införandeplan samt nyttorealiseringsplan.",
      en: "To decide whether to go ahead with rolling out the developed solution, based on an analysis of how well it meets needs and requirements, the rollout plan and the benefits realisation plan.",
    },
    decisionPoints: [
      {
        id: "v-krav-och-behov",
        text: {
          sv: "Att besluta om utvecklad lösning motsvarar ställda krav och behov",
          en: "To decide whether the developed solution meets the stated requirements and needs",
        },
      },
      {
        id: "v-inforande-och-anslutning",
        text: {
          sv: "Att besluta om införande och anslutning till Mina meddelanden",
          en: "To decide on rollout and connection to Mina meddelanden",
        },
      },
      {
        id: "v-lanseringsstrategi",
        text: {
          sv: "Att besluta om strategi för lansering med tillhörande kommunikationsinsatser",
          en: "To decide the launch strategy with its communication activities",
        },
      },
      {
        id: "v-finansiering",
        text: {
          sv: "Att besluta om finansiering för insatsens införande, överlämning till förvaltning samt realisering av nytta",
          en: "To decide on financing for the rollout, the handover to management and the realisation of benefits",
        },
      },
    ],
    basis: [
      {
        deliverableTypeId: "kravbild",
        required: true,
        note: { sv: "Verksamhetens kravbild.", en: "The organisation's requirements." },
      },
      {
        deliverableTypeId: "losning-for-anslutning",
        required: true,
        note: { sv: "Lösningsbeskrivning.", en: "Solution description." },
      },
      {
        deliverableTypeId: "leveransrapport",
        required: false,
        note: {
          sv: "Kvalitetssäkrande dokumentation: systemleveransrapporter.",
          en: "Quality assurance documentation: system delivery reports.",
        },
      },
      {
        deliverableTypeId: "testrapporter",
        required: false,
        note: {
          sv: "Kvalitetssäkrande dokumentation: olika former av integrations-, prestanda- och acceptanstestrapporter.",
          en: "Quality assurance documentation: integration, performance and acceptance test reports of various kinds.",
        },
      },
      { deliverableTypeId: "inforandeplan", required: true },
      {
        deliverableTypeId: "detaljerad-anslutningsplan",
        required: true,
        note: { sv: "Anslutningsplan.", en: "Connection plan." },
      },
    ],
    preparedBy: preparedByOwnExperts,
    decidedBy: steeringGroup,
    inform: {
      audiences: ["own_organisation", "partners", "forvaltningsgrupp", "other_stakeholders"],
      text: informOwnPartnersAndForvaltningsgrupp,
      forvaltningsgruppItems: [
        {
          key: "inforandeplan",
          text: { sv: "Införandeplan för produktion", en: "Rollout plan for production" },
        },
        {
          key: "lanserings_och_kommunikationsplan",
          text: {
            sv: "Uppdaterad lanserings- och kommunikationsplan",
            en: "Updated launch and communication plan",
          },
        },
        {
          key: "kontaktuppgifter",
          text: {
            sv: "Uppdaterade kontaktuppgifter till förvaltningsorganisationen med mera",
            en: "Updated contact details for the management organisation and so on",
          },
        },
      ],
    },
  },
  {
    numeral: "VI",
    afterPhase: 6,
    section: "8.4",
    name: {
      sv: "Beslut inför fasen Etablera förvaltning",
      en: "Decision before the phase Establish management",
    },
    summary: {
      sv: "Beslut om leveransgodkännande och start av överlämning av implementerad lösning till förvaltning, baserat på resultat från utvecklingsfasen.",
      en: "Decision on delivery approval and on starting the handover of the implemented solution to management, based on the results of the development phase.",
    },
    purpose: {
      sv: "Att godkänna att anslutningen är genomförd och lanserad och att drift och underhåll kan överlämnas till förvaltning.",
      en: "To approve that the connection has been completed and launched, and that operation and maintenance can be handed over to management.",
    },
    decisionPoints: [
      {
        id: "vi-lansering-och-inverkan",
        text: {
          sv: "Att bedöma och besluta om godkännande av lansering och avsedd inverkan, bemötande av målgrupper (till exempel privatpersoner och/eller företag samt handläggare)",
          en: "To assess and decide on approving the launch and its intended impact, and how the target groups have received it (for example individuals and/or companies, and case officers)",
        },
      },
      {
        id: "vi-forvaltningsansvar",
        text: {
          sv: "Att besluta om kommande förvaltande organisations ansvar för utvecklad lösning samt plan för överlämning",
          en: "To decide the future management organisation's responsibility for the developed solution and the handover plan",
        },
      },
    ],
    basis: [
      { deliverableTypeId: "overlamningsplan", required: true },
      {
        deliverableTypeId: "leveransrapport",
        required: false,
        note: { sv: "Övrig dokumentation: leveransrapport.", en: "Other documentation: delivery report." },
      },
      {
        deliverableTypeId: "inforanderapport",
        required: false,
        note: { sv: "Övrig dokumentation: införanderapport.", en: "Other documentation: rollout report." },
      },
    ],
    preparedBy: preparedByOwnExperts,
    decidedBy: steeringGroup,
    inform: informAffectedStakeholders,
  },
  {
    numeral: "VII",
    afterPhase: 7,
    section: "9.5",
    name: { sv: "Beslut inför fasen Realisera nyttor", en: "Decision before the phase Realise benefits" },
    summary: {
      sv: "Beslutspunkt som säkerställer att organisation och modell för drift och förvaltning är etablerad för lösningen, att överlämningen är genomförd och att lösningen fungerar som avsett.",
      en: "Decision point making sure that the organisation and model for operation and management are in place for the solution, that the handover is complete and that the solution works as intended.",
    },
    purpose: {
      sv: "Att säkerställa att utvecklingsarbetet är avslutat och att förvaltningsorganisation samt modell för drift och förvaltning är etablerad för anslutningslösningen. Milstolpen kontrollerar också att aktiviteter för effekthemtagning är planerade.",
      en: "To make sure that the development work is finished and that a management organisation and a model for operation and management are in place for the connection solution. The milestone also checks that activities to realise the effects are planned.",
    },
    decisionPoints: [
      {
        id: "vii-produktionssatt-och-i-forvaltning",
        text: {
          sv: "Att verifiera att tjänst är produktionssatt och i löpande förvaltning",
          en: "To verify that the service is in production and under ongoing management",
        },
      },
      {
        id: "vii-uppfoljning-mot-effektmal",
        text: {
          sv: "Att verifiera att vald lösning kan följas upp mot beslutade effektmål",
          en: "To verify that the chosen solution can be followed up against the decided effect goals",
        },
      },
      {
        id: "vii-forvaltningsformer",
        text: {
          sv: "Att besluta om förvaltningsformer (beslut och styrningsform, budgetuppföljning, vidareutveckling, support med mera)",
          en: "To decide the management arrangements (decision-making and governance, budget follow-up, further development, support and so on)",
        },
      },
      {
        id: "vii-erfarenheter",
        text: {
          sv: "Att sammanfatta erfarenheter och slutsatser och besluta om hantering av dessa",
          en: "To summarise experiences and conclusions and decide how to handle them",
        },
      },
    ],
    basis: [
      { deliverableTypeId: "forvaltningsplan", required: true },
      { deliverableTypeId: "samverkansavtal", required: true },
      { deliverableTypeId: "driftplan", required: true },
      {
        deliverableTypeId: "nyttorealiseringsplan",
        required: false,
        note: { sv: "Analys av effekthemtagningsplanen.", en: "Analysis of the effect realisation plan." },
      },
      { deliverableTypeId: "slutrapport", required: true },
    ],
    preparedBy: preparedByOwnExperts,
    decidedBy: steeringGroup,
    inform: informAffectedStakeholders,
  },
  {
    numeral: "VIII",
    afterPhase: 8,
    section: "10.5",
    name: { sv: "Beslut om nytta är realiserad", en: "Decision on whether the benefit is realised" },
    summary: {
      sv: "Beslut om att avsluta utvecklingsinsatsen baserat på en analys av åstadkommen nyttorealisering, alternativt om ytterligare aktiviteter ska genomföras.",
      en: "Decision to close the development effort based on an analysis of the benefits realised, or to carry out further activities.",
    },
    purpose: {
      sv: "Att besluta om att avsluta utvecklingsinsatsen, alternativt om ytterligare aktiviteter ska genomföras, baserat på en gapanalys av faktiska nyttor jämfört med förväntade nyttor.",
      en: "To decide whether to close the development effort or carry out further activities, based on a gap analysis of actual benefits compared with expected benefits.",
    },
    decisionPoints: [
      {
        id: "viii-nytta-uppnadd",
        text: {
          sv: "Att verifiera om utvecklingsinsatsen genererat prognostiserad nytta alternativt analysera orsak till varför denna nytta ej har kunnat uppnås",
          en: "To verify whether the development effort has generated the forecast benefit, or else analyse why the benefit could not be achieved",
        },
      },
      {
        id: "viii-ansvar-for-kompletterande-aktiviteter",
        text: {
          sv: "Att besluta om ansvarig verksamhet för att starta kompletterande aktiviteter för att uppnå specificerade nyttor",
          en: "To decide which unit is responsible for starting complementary activities to achieve the specified benefits",
        },
      },
      {
        id: "viii-affarsmodell-och-fortlevnad",
        text: {
          sv: "Att besluta om säkrad affärsmodell med finansiering och bemannad förvaltningsorganisation för fortlevnad av tjänst",
          en: "To decide on a secured business model with financing and a staffed management organisation for the service's continued life",
        },
      },
    ],
    basis: [{ deliverableTypeId: "nyttoutvarderingsrapport", required: true }],
    preparedBy: preparedByOwnExperts,
    decidedBy: steeringGroup,
    // 10.5.3 names only the stakeholders concerned, but 10.2 says the nyttoutvärderingsrapport "ska även
    // redovisas för förvaltningsgruppen för Mina meddelanden för att få en sammanställd bild av nyttor för
    // den myndighetsgemensamma lösningen": the decision's communication carries it there.
    inform: {
      audiences: ["affected_stakeholders", "forvaltningsgrupp"],
      text: {
        sv: "Fattat beslut kommuniceras till berörda intressenter. Nyttoutvärderingsrapporten redovisas även för förvaltningsgruppen för Mina meddelanden (avsnitt 10.2).",
        en: "The decision is communicated to the stakeholders concerned. The benefits evaluation report is also presented to the management group for Mina meddelanden (section 10.2).",
      },
      forvaltningsgruppItems: [
        {
          key: "nyttoutvardering",
          text: {
            sv: "Nyttoutvärderingsrapport: förväntade och faktiska nyttor, för en sammanställd bild av nyttor för den myndighetsgemensamma lösningen",
            en: "Benefits evaluation report: expected and actual benefits, for a consolidated view of the benefits of the shared solution",
          },
        },
      ],
    },
  },
];
