import type { Widen } from "../messages.ts";
import type { svVersionDiff } from "../sv/versionDiff.ts";

export const enVersionDiff: Widen<typeof svVersionDiff> = {
  versionDiff: {
    title: "Compare versions of {title}",
    lead: "What was added and removed between two versions, section by section and word by word.",
    from: "From version",
    to: "To version",
    show: "Compare",
    view: "Show",
    viewInline: "As one text with the changes marked",
    viewSide: "The versions side by side",
    versionColumn: "Version {version}",
    versionOption: "Version {version} ({status})",
    onlyOneVersion: "The document has only one version. Once it has two, you can compare them here.",
    comparing: "Version {from} compared with version {to}.",
    summary: "{changed} of {total} sections have changed.",
    legend: "Added text is underlined and removed text is struck through. A screen reader announces where each change begins and ends.",
    unchanged: "Unchanged.",
    empty: "Empty in both versions.",
    inserted: "Added:",
    insertedEnd: "End of added text.",
    deleted: "Removed:",
    deletedEnd: "End of removed text.",
    compareLink: "Compare versions",
    backToDocument: "Back to the document",
  },
};
