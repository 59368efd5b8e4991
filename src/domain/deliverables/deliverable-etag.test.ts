import { describe, expect, it } from "vitest";
import { asEntityTag, deliverableEtag, ifMatchAllows } from "./deliverable-etag.ts";

const hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

describe("deliverable entity tags", () => {
  it("names the version, its status and its content", () => {
    expect(deliverableEtag({ version: 3, status: "utkast", contentHash: hash })).toBe('"v3-utkast-9f86d081884c7d65"');
  });

  it("changes when the text, the status or the version changes", () => {
    const base = deliverableEtag({ version: 1, status: "utkast", contentHash: hash });
    expect(deliverableEtag({ version: 1, status: "utkast", contentHash: `0${hash.slice(1)}` })).not.toBe(base);
    expect(deliverableEtag({ version: 1, status: "for_granskning", contentHash: hash })).not.toBe(base);
    expect(deliverableEtag({ version: 2, status: "utkast", contentHash: hash })).not.toBe(base);
  });

  it("lets If-Match through only for the current tag, one in a list, or *", () => {
    const current = '"v2-utkast-abc"';
    expect(ifMatchAllows(current, current)).toBe(true);
    expect(ifMatchAllows(`"v1-utkast-abc", ${current}`, current)).toBe(true);
    expect(ifMatchAllows("*", current)).toBe(true);
    expect(ifMatchAllows('"v1-utkast-abc"', current)).toBe(false);
  });

  it("compares strongly: a weak tag, a bare word or an empty value never matches", () => {
    const current = '"v2-utkast-abc"';
    expect(ifMatchAllows(`W/${current}`, current)).toBe(false);
    expect(ifMatchAllows("v2-utkast-abc", current)).toBe(false);
    expect(ifMatchAllows("", current)).toBe(false);
  });

  it("accepts a tag from a form field with or without its quotes", () => {
    expect(asEntityTag("v2-utkast-abc")).toBe('"v2-utkast-abc"');
    expect(asEntityTag(' "v2-utkast-abc" ')).toBe('"v2-utkast-abc"');
    expect(asEntityTag("*")).toBe("*");
  });
});
