import { expect } from "vitest";
import type { z } from "zod";
import { Deliverable } from "../../src/http/routes/deliverables/deliverables.schema.ts";
import { type Api, postJson, type useTestWorld } from "./test-world.ts";

type World = ReturnType<typeof useTestWorld>;

/** A document of the given type in a new initiative of the world's organisation A, created by `pl`. */
export async function newDocument(world: World, pl: Api, deliverableTypeId: string) {
  const initiative = await world.seedInitiative();
  return postJson(pl, `/api/v1/initiatives/${initiative.id}/deliverables`, { deliverableTypeId }, Deliverable);
}

/** Writes every section the template requires ("Text för <id>."), with `overrides` on top; expects 200. */
export async function writeRequiredSections(pl: Api, document: z.infer<typeof Deliverable>, overrides: Record<string, string> = {}) {
  const sections = {
    ...Object.fromEntries(document.template.filter((s) => s.required).map((s) => [s.id, `Text för ${s.id}.`])),
    ...overrides,
  };
  const written = await pl.put(`/api/v1/deliverables/${document.id}/sections`, { sections });
  expect(written.statusCode).toBe(200);
  return written;
}
