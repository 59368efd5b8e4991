/** Comparing two versions of a document (issue 13). */
export const svVersionDiff = {
  versionDiff: {
    title: "Jämför versioner av {title}",
    lead: "Vad som har lagts till och tagits bort mellan två versioner, avsnitt för avsnitt och ord för ord.",
    from: "Från version",
    to: "Till version",
    show: "Jämför",
    view: "Visa",
    viewInline: "I en text med ändringarna markerade",
    viewSide: "Versionerna bredvid varandra",
    versionColumn: "Version {version}",
    versionOption: "Version {version} ({status})",
    onlyOneVersion: "Dokumentet har bara en version. När det finns två versioner kan du jämföra dem här.",
    comparing: "Version {from} jämförd med version {to}.",
    summary: "{changed} av {total} avsnitt har ändrats.",
    legend:
      "Tillagd text är understruken och borttagen text är genomstruken. En skärmläsare läser upp var varje ändring börjar och slutar.",
    unchanged: "Oförändrat.",
    empty: "Tomt i båda versionerna.",
    inserted: "Tillagt:",
    insertedEnd: "Slut på tillagt.",
    deleted: "Borttaget:",
    deletedEnd: "Slut på borttaget.",
    compareLink: "Jämför versioner",
    backToDocument: "Tillbaka till dokumentet",
  },
} as const;
