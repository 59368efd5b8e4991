import { describe, expect, it } from "vitest";
import { ENVIRONMENT_SLUG_PATTERN } from "../../sandbox/emulator/environment.ts";
import { newEnvironmentSlug } from "./environment-slug.ts";

describe("newEnvironmentSlug", () => {
  it("makes ten lower-case letters and digits, different each time", () => {
    const slugs = Array.from({ length: 200 }, newEnvironmentSlug);
    for (const slug of slugs) expect(slug).toMatch(ENVIRONMENT_SLUG_PATTERN);
    expect(new Set(slugs).size).toBe(slugs.length);
  });
});
