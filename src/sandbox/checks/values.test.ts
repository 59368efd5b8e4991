import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeBase64 } from "./values.ts";

/** xs:base64Binary as the schema spells it: groups of four, then one group with padding at most. */
const GROUPED = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

describe("decodeBase64", () => {
  it("accepts exactly what the grouped xs:base64Binary pattern accepts, whitespace aside", () => {
    const character = fc.constantFrom(..."AZaz09+/=".split(""), " ", "\n", "\t", "-", "é");
    fc.assert(
      fc.property(fc.array(character, { maxLength: 24 }), (characters) => {
        const value = characters.join("");
        const compact = value.replace(/\s+/g, "");
        expect(decodeBase64(value)).toEqual(GROUPED.test(compact) ? Buffer.from(compact, "base64") : null);
      }),
      { numRuns: 5000 },
    );
  });

  it("decodes the base64 a delivery carries, line breaks and all", () => {
    const bytes = Buffer.from("%PDF-1.4 ... %%EOF");
    const wrapped = bytes.toString("base64").replace(/.{8}/g, "$&\r\n");
    expect(decodeBase64(wrapped)).toEqual(bytes);
    expect(decodeBase64("QQ=")).toBeNull();
    expect(decodeBase64("QQ==QQ==")).toBeNull();
  });
});
