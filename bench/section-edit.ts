import { methodV12 } from "../src/method/v1.2/index.ts";
import { call } from "./api-call.ts";
import type { Scenario } from "./load.ts";

/*
 * Issue 16's write scenario: a section edit with its audit entry, through the API an integration
 * or the editor uses (PUT /api/v1/deliverables/{id}/sections, bearer token). Every request must
 * change the text, or the edit is a no-op that writes nothing and audits nothing; so each request
 * carries a new text. No If-Match: without it the edit merges with what others saved, as two
 * people writing different sections do, so no request is refused as a conflict.
 *
 * The edits go round-robin over a pool of deliverables, one per connection at the highest level:
 * an edit locks its deliverable's latest version, and a whole load on one document would measure
 * that lock rather than the request path (many people editing many documents, not one).
 */

const TYPE = methodV12.deliverableTypes[0];
const SECTION = TYPE?.template[0]?.id;

/** About a paragraph, as someone saving a section writes, so the audit entry has a realistic size. */
const PARAGRAPH =
  "Verksamheten skickar i dag beslut och fakturor med vanlig post till ungefär 40 000 mottagare om året. " +
  "Förslaget är att skicka dem digitalt via Mina meddelanden till dem som har en brevlåda och på papper till övriga.";

/** Creates `pool` deliverables spread over the bench user's initiatives and returns the edit scenario. */
export async function sectionEditScenario(baseUrl: string, token: string, pool: number): Promise<Scenario> {
  if (!TYPE || !SECTION) throw new Error("method 1.2 has no deliverable type with a section to edit");
  const { initiatives } = (await call(baseUrl, token, "GET", "/api/v1/initiatives")) as { initiatives: { id: string }[] };
  if (!initiatives.length) throw new Error("the bench user has no initiative to write documents in");
  const ids: string[] = [];
  for (let i = 0; i < pool; i++) {
    const initiative = initiatives[i % initiatives.length] as { id: string };
    const created = (await call(baseUrl, token, "POST", `/api/v1/initiatives/${initiative.id}/deliverables`, {
      deliverableTypeId: TYPE.id,
      title: `Benchdokument ${i + 1}`,
    })) as { id: string };
    ids.push(created.id);
  }
  let edits = 0;
  return {
    id: "write",
    label: `PUT section of ${pool} documents in turn, with audit, bearer token`,
    path: "/api/v1/deliverables/{id}/sections",
    headers: { authorization: `Bearer ${token}`, accept: "application/json", "content-type": "application/json" },
    // The answer is the whole deliverable: the new text in it proves the edit was saved.
    expectBody: "Redigering ",
    next: () => {
      edits++;
      return {
        method: "PUT",
        path: `/api/v1/deliverables/${ids[edits % ids.length]}/sections`,
        body: JSON.stringify({ sections: { [SECTION]: `Redigering ${edits}. ${PARAGRAPH}` } }),
      };
    },
  };
}
