export const svAudit = {
  audit: {
    title: "Granskningslogg",
    intro:
      "Varje ändring i Ansluta loggas här. Loggen går bara att lägga till i, och varje post är kedjad till föregående med en kontrollsumma.",
    verify: "Kontrollera kedjan",
    verifiedOk: "Kedjan är hel och stämmer med den signerade kontrollpunkten: {entries} poster kontrollerade, {expected} väntade.",
    broken: {
      hash_mismatch: "Kedjan är bruten vid post {seq}: posten har ändrats i efterhand.",
      prev_hash_mismatch: "Kedjan är bruten vid post {seq}: en post före den har tagits bort eller flyttats.",
      checkpoint_missing:
        "Den signerade kontrollpunkten saknas, men loggen har {found} poster. Den kan ha tagits bort, eller så kommer loggen från en version utan kontrollpunkter: då signerar driften loggen en gång med npm run cli -- audit:anchor.",
      checkpoint_signature_invalid:
        "Kontrollpunktens signatur stämmer inte med installationens SECRET_KEY: kontrollpunkten har ändrats, eller skrevs med en annan nyckel.",
      entries_missing:
        "Poster saknas: den signerade kontrollpunkten väntar {expected} poster, loggen har {found}. De senaste posterna, eller alla, har tagits bort.",
      checkpoint_mismatch:
        "Loggen stämmer inte med den signerade kontrollpunkten vid post {seq} ({expected} poster väntade, {found} funna): kedjan har räknats om, eller poster har lagts till utanför Ansluta.",
      anomaly_recorded:
        "Kedjan är hel nu, men {at} fann Ansluta att loggen inte slutade där den signerade kontrollpunkten angav (post {checkpointSeq}, funnen {foundSeq}): loggen har ändrats utanför Ansluta. Utred, och signera sedan om med npm run cli -- audit:anchor.",
    },
    seq: "Nr",
    at: "Tid",
    actor: "Vem",
    action: "Händelse",
    entity: "Objekt",
    change: "Ändring",
    system: "System",
    older: "Äldre poster",
    newer: "Nyare poster",
    paging: "Bläddra i loggen",
    empty: "Loggen är tom.",
    noMatch: "Inga poster i loggen passar filtret.",
    filters: "Filtrera loggen",
    anyone: "Alla",
    anything: "Alla",
    entityType: "Typ av objekt",
    from: "Från och med",
    to: "Till och med",
    apply: "Visa",
    clear: "Rensa filtret",
    field: "Fält",
    before: "Före",
    after: "Efter",
    wholeValue: "värdet",
    changesOf: "Ändringar i post {seq}",
  },
  outbox: {
    title: "Utkorg",
    intro: "E-post som Ansluta har skickat eller väntar på att skicka. Utan e-postserver (SMTP_URL) stannar breven här.",
    to: "Till",
    subject: "Ämne",
    created: "Skapad",
    status: "Status",
    sent: "Skickad",
    pending: "Ej skickad",
    empty: "Utkorgen är tom.",
  },
} as const;
