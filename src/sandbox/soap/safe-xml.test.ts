import { describe, expect, it } from "vitest";
import { DEFAULT_XML_LIMITS, parseXmlSafely, type XmlLimits } from "./safe-xml.ts";

const refusal = (xml: string, limits: Partial<XmlLimits> = {}) => {
  const r = parseXmlSafely(xml, { ...DEFAULT_XML_LIMITS, ...limits });
  return r.ok ? null : r.refusal.code;
};

describe("parsing untrusted XML", () => {
  it("parses a well-formed document with comments, CDATA and quoted >", () => {
    const r = parseXmlSafely('<?xml version="1.0"?><a x="1 > 0"><!-- <b> --><![CDATA[<c>]]><d/></a>');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.document.documentElement?.localName).toBe("a");
  });

  it("takes a UTF-8 byte-order mark before the document as the encoding's signature, not as content (XML 1.0 §4.3.3)", () => {
    const r = parseXmlSafely('\uFEFF<?xml version="1.0" encoding="UTF-8"?><a/>');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.bytes).toBe(45);
    expect(refusal("\uFEFF<a/>")).toBeNull();
    expect(refusal("\uFEFF\uFEFF<a/>")).toBe("malformed");
    expect(refusal(' <?xml version="1.0"?><a/>')).toBe("malformed");
  });

  it("refuses entity expansion (billion laughs) before parsing", () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
      <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><lolz>&lol3;</lolz>`;
    expect(refusal(lol)).toBe("dtd");
  });

  it("refuses external entities (XXE) and any DOCTYPE", () => {
    expect(refusal('<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>')).toBe("dtd");
    expect(refusal('<!DOCTYPE a SYSTEM "http://example.com/a.dtd"><a/>')).toBe("dtd");
    expect(refusal("<a>&undeclared;</a>")).toBe("malformed");
  });

  it("refuses deep nesting quickly, before building a tree", () => {
    const deep = `${"<a>".repeat(100_000)}${"</a>".repeat(100_000)}`;
    const started = performance.now();
    expect(refusal(deep)).toBe("too-deep");
    expect(performance.now() - started).toBeLessThan(500);
    expect(refusal(`${"<a>".repeat(64)}${"</a>".repeat(64)}`)).toBeNull();
    expect(refusal(`${"<a>".repeat(65)}${"</a>".repeat(65)}`)).toBe("too-deep");
  });

  it("counts self-closing elements as no deeper", () => {
    expect(refusal(`<r>${"<b/>".repeat(1000)}</r>`, { maxBytes: 1e6, maxDepth: 2 })).toBeNull();
  });

  it("refuses more elements than the limit before building a tree, self-closing ones included", () => {
    expect(DEFAULT_XML_LIMITS.maxElements).toBe(10_000);
    expect(refusal(`<r>${"<e/>".repeat(9_999)}</r>`)).toBeNull();
    expect(refusal(`<r>${"<e/>".repeat(10_000)}</r>`)).toBe("too-many-elements");
    expect(refusal(`<r>${"<e></e>".repeat(3)}</r>`, { maxElements: 3 })).toBe("too-many-elements");
    expect(refusal(`<r><!-- <e/><e/><e/> --><![CDATA[<e/><e/>]]><e a="/>"/></r>`, { maxElements: 2 })).toBeNull();

    // The probe's document: 4.7 MB of <e/> that xmldom would take seconds to build.
    const flat = `<r>${"<e/>".repeat(1_200_000)}</r>`;
    const started = performance.now();
    const r = parseXmlSafely(flat);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(r).toMatchObject({ ok: false, refusal: { code: "too-many-elements", message: "more than 10000 elements" } });
  });

  it("refuses documents over the size limit by UTF-8 bytes", () => {
    expect(refusal(`<a>${"å".repeat(600)}</a>`, { maxBytes: 1000, maxDepth: 10 })).toBe("too-large");
    expect(refusal(`<a>${"a".repeat(600)}</a>`, { maxBytes: 1000, maxDepth: 10 })).toBeNull();
  });

  it("refuses what is not well-formed, with a reason", () => {
    for (const bad of [
      "",
      "<a><b></a>",
      "<a/><b/>",
      "<a x='1' x='2'/>",
      "<p:a/>",
      "<a>\u0001</a>",
      "<a",
      "<a><!-- open</a>",
      "<a/>trailing",
    ]) {
      const r = parseXmlSafely(bad);
      expect(r.ok, JSON.stringify(bad)).toBe(false);
      if (!r.ok) {
        expect(r.refusal.code).toBe("malformed");
        expect(r.refusal.message.length).toBeGreaterThan(3);
      }
    }
  });
});
