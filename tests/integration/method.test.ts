import { describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import { MethodJsonSchema } from "../../src/http/routes/method/method.schema.ts";
import { type MethodJson, methodToJson } from "../../src/method/to-json.ts";
import { MILESTONE_NUMERALS } from "../../src/method/types.ts";
import { methodV12 } from "../../src/method/v1.2/index.ts";
import { useTestWorld } from "../support/test-world.ts";

/** Text as react-dom/server writes it into HTML. */
const html = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");

/** Level and plain text of every heading, in document order. */
const headings = (body: string) =>
  [...body.matchAll(/<h([1-6])\b[^>]*>(.*?)<\/h\1>/gs)].map(([, level, inner]) => ({
    level: Number(level),
    text: (inner ?? "").replace(/<[^>]+>/g, ""),
  }));

/** Text of the list items in the first list after `heading`. */
function listAfter(body: string, heading: string): string[] {
  const from = body.indexOf(`>${html(heading)}</h2>`);
  expect(from, `heading "${heading}"`).toBeGreaterThan(-1);
  const list = /<(ol|ul)\b[^>]*>(.*?)<\/\1>/s.exec(body.slice(from));
  return [...(list?.[2] ?? "").matchAll(/<li\b[^>]*>(.*?)<\/li>/gs)].map(([, inner]) => (inner ?? "").replace(/<[^>]+>/g, ""));
}

const milestoneV = methodV12.milestones.find((milestone) => milestone.numeral === "V")!;

describe("the method", () => {
  const world = useTestWorld();

  const get = (url: string, locale?: "en") =>
    world.app.inject({ method: "GET", url, headers: locale ? { cookie: `ansluta_lang=${locale}` } : {} });

  describe("GET /api/v1/method", () => {
    it("answers without a token with the method v1.2 as public JSON", async () => {
      const res = await get("/api/v1/method");
      expect(res.statusCode).toBe(200);
      expect(res.headers["cache-control"]).toBe("public, max-age=3600");
      const body = res.json() as MethodJson;
      expect(body).toEqual(methodToJson(methodV12));
      expect(body.version).toBe("1.2");
      expect(body.phases.map((phase) => phase.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(body.milestones.map((milestone) => milestone.numeral)).toEqual(["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]);
      expect(body.milestones.map((milestone) => milestone.afterPhase)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    });

    it("names only deliverable types it also lists", async () => {
      const body = (await get("/api/v1/method")).json() as MethodJson;
      const typeIds = new Set(body.deliverableTypes.map((type) => type.id));
      const basisIds = body.milestones.flatMap((milestone) => milestone.basis.map((entry) => entry.deliverableTypeId));
      const resultIds = body.phases.flatMap((phase) => phase.results);
      expect(basisIds.length).toBeGreaterThan(0);
      for (const id of [...basisIds, ...resultIds]) expect(typeIds, id).toContain(id);
    });

    it("gives every text in Swedish and English", async () => {
      const body = (await get("/api/v1/method")).json() as MethodJson;
      expect(body.milestones[4]?.name).toEqual({ sv: "Beslut inför fasen Införa", en: "Decision before the phase Implement" });
      let texts = 0;
      const walk = (value: unknown, path: string): void => {
        if (Array.isArray(value)) {
          value.forEach((item, i) => {
            walk(item, `${path}[${i}]`);
          });
        } else if (typeof value === "object" && value !== null) {
          if ("sv" in value || "en" in value) {
            texts++;
            expect(Object.keys(value).sort(), path).toEqual(["en", "sv"]);
            for (const text of Object.values(value)) expect(typeof text === "string" && text.trim() !== "", path).toBe(true);
          } else for (const [key, item] of Object.entries(value)) walk(item, `${path}.${key}`);
        }
      };
      walk(body, "method");
      expect(texts).toBeGreaterThan(500);
    });

    it("still answers a caller whose token is unknown, since it needs none", async () => {
      const res = await world.app.inject({ method: "GET", url: "/api/v1/method", headers: { authorization: "Bearer not-a-token" } });
      expect(res.statusCode).toBe(200);
    });

    it("has a response schema that describes exactly MethodJson", async () => {
      expectTypeOf<z.output<typeof MethodJsonSchema>>().toExtend<MethodJson>();
      expectTypeOf<MethodJson>().toExtend<z.output<typeof MethodJsonSchema>>();
      const body = (await get("/api/v1/method")).json();
      // Parsing strips keys the schema does not know, so a key it forgot would show up here.
      expect(MethodJsonSchema.parse(body)).toEqual(body);
    });

    it("is described in the OpenAPI document as public", async () => {
      const doc = (await get("/api/openapi.json")).json() as {
        paths: Record<
          string,
          { get?: { security: unknown[]; responses: Record<string, { content: Record<string, { schema: unknown }> }> } }
        >;
      };
      const operation = doc.paths["/api/v1/method"]?.get;
      expect(operation?.security).toEqual([]);
      const schema = operation?.responses["200"]?.content["application/json"]?.schema as {
        required: string[];
        properties: { milestones: { items: { properties: { numeral: { enum: string[] } } } } };
      };
      expect(schema.required).toEqual(expect.arrayContaining(["phases", "milestones", "deliverableTypes"]));
      expect(schema.properties.milestones.items.properties.numeral.enum).toEqual([...MILESTONE_NUMERALS]);
    });
  });

  describe("the guide pages", () => {
    const pages = [
      "/method",
      ...methodV12.phases.map((phase) => `/method/phases/${phase.number}`),
      ...methodV12.milestones.map((milestone) => `/method/milestones/${milestone.numeral}`),
      ...methodV12.deliverableTypes.map((type) => `/method/deliverables/${type.id}`),
    ];

    it("are public HTML with one h1 and headings that never skip a level, in both languages", async () => {
      for (const locale of [undefined, "en"] as const) {
        for (const url of pages) {
          const res = await get(url, locale);
          expect(res.statusCode, url).toBe(200);
          expect(res.headers["content-type"]).toContain("text/html");
          expect(res.body).toContain(`<html lang="${locale ?? "sv"}">`);
          const levels = headings(res.body).map((heading) => heading.level);
          expect(
            levels.filter((level) => level === 1),
            url,
          ).toHaveLength(1);
          expect(levels[0], url).toBe(1);
          levels.forEach((level, i) => {
            expect(level - (levels[i - 1] ?? 0), `${url} heading ${i}`).toBeLessThanOrEqual(1);
          });
        }
      }
    });

    it("show the phases and milestones interleaved in method order, and every deliverable type, on the overview", async () => {
      const res = await get("/method");
      expect(headings(res.body)[0]?.text).toBe("Metod för anslutning till Mina meddelanden");
      expect(res.body).toContain("Faser och milstolpar");
      const steps = [...res.body.matchAll(/href="(\/method\/(?:phases|milestones)\/[^"]+)"/g)].map(([, href]) => href);
      expect(steps).toEqual(
        methodV12.phases.flatMap((phase, i) => [`/method/phases/${phase.number}`, `/method/milestones/${MILESTONE_NUMERALS[i]}`]),
      );
      expect(res.body).toContain(">Fas 1: Identifiera behov</a>");
      expect(res.body).toContain(">Milstolpe V: Beslut inför fasen Införa</a>");
      for (const type of methodV12.deliverableTypes)
        expect(res.body).toContain(`href="/method/deliverables/${type.id}">${html(type.name.sv)}</a>`);
    });

    it("show a phase's purpose, activities as a list, results and the milestone after it", async () => {
      const phase = methodV12.phases[4]!;
      const res = await get("/method/phases/5");
      expect(headings(res.body).map((heading) => heading.text)).toEqual(
        expect.arrayContaining(["Fas 5: Utveckla", "Syfte", "Huvudaktiviteter", "Resultat", "Milstolpen efter fasen"]),
      );
      expect(res.body).toContain(html(phase.purpose.sv));
      expect(res.body).toContain("Kapitel 7 i metoden.");
      const activities = listAfter(res.body, "Huvudaktiviteter");
      expect(activities).toHaveLength(phase.activities.length);
      phase.activities.forEach((activity, i) => {
        expect(activities[i]).toContain(activity.name.sv);
      });
      expect(listAfter(res.body, "Resultat")).toEqual(["Lösning för anslutning till Mina meddelanden", "Införandeplan"]);
      expect(res.body).toContain('href="/method/deliverables/inforandeplan"');
      expect(res.body).toContain('href="/method/milestones/V">Milstolpe V: Beslut inför fasen Införa</a>');
    });

    it("show milestone V with its decision points in order, its basis tagged required or optional, and who decides", async () => {
      const res = await get("/method/milestones/V");
      expect(headings(res.body).map((heading) => heading.text)).toEqual([
        "Milstolpe V: Beslut inför fasen Införa",
        "Syfte",
        "Beslutet omfattar",
        "Underlag för beslut",
        "Bereds av",
        "Beslutas av",
        "Information",
        "Beslutet kommuniceras till",
        "Förvaltningsgruppen för Mina meddelanden ska få",
      ]);
      expect(res.body).toMatch(/<h2[^>]*>Beslutet omfattar<\/h2><ol/);
      expect(listAfter(res.body, "Beslutet omfattar")).toEqual(milestoneV.decisionPoints.map((point) => point.text.sv));
      const basis = listAfter(res.body, "Underlag för beslut");
      expect(basis).toHaveLength(milestoneV.basis.length);
      expect(basis[0]).toMatch(/^Verksamhetens kravbild Krävs/);
      expect(basis.find((item) => item.startsWith("Leveransrapport"))).toContain("Valfritt");
      for (const entry of milestoneV.basis) expect(res.body).toContain(`href="/method/deliverables/${entry.deliverableTypeId}"`);
      expect(res.body).toContain("Styrgrupp för anslutningsprojektet");
      expect(res.body).toContain("Införandeplan för produktion");
      expect(res.body).toContain("Förvaltningsgruppen för Mina meddelanden</li>");
      expect(res.body).toContain(
        'Avsnitt 7.5 i metoden. Milstolpen följer på <a class="ds-link" href="/method/phases/5">Fas 5: Utveckla</a>',
      );
      expect(res.body).toContain('href="/method/phases/5">Föregående: Fas 5: Utveckla</a>');
      expect(res.body).toContain('href="/method/phases/6">Nästa: Fas 6: Införa</a>');
    });

    it("say that milestone I is decided by the verksamhetsägare and tell förvaltningsgruppen nothing in particular", async () => {
      const res = await get("/method/milestones/I");
      expect(res.body).toContain("Verksamhetsägare, i förekommande fall i lednings- eller styrgruppsform.");
      expect(res.body).not.toContain("ska få");
    });

    it("show a deliverable type's purpose, phase, milestones and template", async () => {
      const type = methodV12.deliverableTypes.find((candidate) => candidate.id === "business-case")!;
      const res = await get("/method/deliverables/business-case");
      expect(headings(res.body)[0]?.text).toBe(type.name.sv);
      expect(res.body).toContain(html(type.purpose.sv));
      expect(res.body).toContain('href="/method/phases/3">Fas 3: Detaljera vald lösning</a>');
      expect(res.body).toContain('href="/method/milestones/III">Milstolpe III: Beslut inför fasen Initiera</a> <span');
      expect(listAfter(res.body, "Mall").length).toBe(type.template.length);
      for (const section of type.template) {
        expect(res.body).toContain(`>${html(section.heading.sv)}</h3>`);
        expect(res.body).toContain(html(section.guidance.sv));
      }
    });

    it("say so when the method ties a document to no phase", async () => {
      const res = await get("/method/deliverables/kravbild");
      expect(res.body).toContain("Ingen särskild fas");
      expect(res.body).toContain('href="/method/milestones/V">Milstolpe V');
    });

    it("are in English when the visitor has chosen English", async () => {
      const res = await get("/method/milestones/V", "en");
      expect(headings(res.body)[0]?.text).toBe("Milestone V: Decision before the phase Implement");
      expect(listAfter(res.body, "The decision covers")).toEqual(milestoneV.decisionPoints.map((point) => point.text.en));
      expect(res.body).toContain("Basis for the decision");
      expect(res.body).toContain(">Required</span>");
      expect(res.body).not.toContain("Beslutet omfattar");
      const overview = await get("/method", "en");
      expect(overview.body).toContain(">Phase 1: Identify needs</a>");
      expect(overview.body).toContain(`>${html(methodV12.name.en)}</h1>`);
    });

    it("answer 404 for phases, milestones and deliverable types the method does not have", async () => {
      for (const url of [
        "/method/phases/0",
        "/method/phases/9",
        "/method/phases/05",
        "/method/phases/one",
        "/method/milestones/IX",
        "/method/milestones/v",
        "/method/milestones/5",
        "/method/deliverables/nothing-here",
        "/method/deliverables/Business-Case",
      ]) {
        const res = await get(url);
        expect(res.statusCode, url).toBe(404);
        expect(res.body, url).toContain("Sidan hittades inte");
      }
    });
  });

  describe("the main menu", () => {
    it("offers the method to anonymous visitors, and only the method", async () => {
      const res = await get("/method");
      const nav = /<nav aria-label="Huvudmeny"[^>]*>(.*?)<\/nav>/s.exec(res.body)?.[1] ?? "";
      expect(nav).toContain('<a href="/method" aria-current="page">Metoden</a>');
      expect(nav.match(/<a /g)).toHaveLength(1);
    });

    it("offers the method beside the rest to a logged-in member", async () => {
      const session = await world.browserAs("plA");
      const res = await session.get("/method/phases/1");
      const nav = /<nav aria-label="Huvudmeny"[^>]*>(.*?)<\/nav>/s.exec(res.body)?.[1] ?? "";
      expect(nav).toContain('href="/organisations"');
      expect(nav).toContain('<a href="/method" aria-current="page">Metoden</a>');
    });
  });
});
