import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./render.ts";

describe("safeReturnPath", () => {
  it.each([
    ["/", "/"],
    ["/initiatives", "/initiatives"],
    ["/initiatives/5d3c?tab=a&b=1#x", "/initiatives/5d3c?tab=a&b=1#x"],
    ["/login?next=%2Finitiatives", "/login?next=%2Finitiatives"],
    ["/sök", "/s%C3%B6k"],
    ["/a/../b", "/b"],
    // A space inside a path is only a strange path on this site.
    ["/ /evil.example", "/%20/evil.example"],
  ])("keeps the app's own path %j (as %j)", (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });

  it.each([
    // Another host, spelled every way a browser still reads as one.
    "//evil.example/x",
    "/\\evil.example/x",
    "\\\\evil.example/x",
    "/\t/evil.example/x",
    "/\n/evil.example/x",
    "/\r\n/evil.example/x",
    "\t//evil.example",
    "https://evil.example/x",
    "http:evil.example",
    "//evil.example@ansluta.invalid",
    "///evil.example",
    // Other schemes.
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    // Percent-encoded (and doubly encoded) tabs, newlines, slashes and backslashes.
    "/%09/evil.example/x",
    "/%0a/evil.example/x",
    "/%0d%0aSet-Cookie:%20a=b",
    "/%2F/evil.example",
    "/%2f%2fevil.example",
    "/%5Cevil.example",
    "/%5cevil.example",
    "/%2509/evil.example",
    "/%252F/evil.example",
    "/%00",
    // Not a path at all.
    "",
    "evil.example",
    "%2F%2Fevil.example",
    "\u0000/",
    `/${"a".repeat(3000)}`,
    "/100%",
  ])("refuses %j", (input) => {
    expect(safeReturnPath(input)).toBe("/");
  });

  it("refuses what is not a string, and answers the fallback given", () => {
    expect(safeReturnPath(undefined)).toBe("/");
    expect(safeReturnPath(["/a", "/b"])).toBe("/");
    expect(safeReturnPath({ toString: () => "/x" })).toBe("/");
    expect(safeReturnPath("//evil.example", "/initiatives")).toBe("/initiatives");
  });
});
