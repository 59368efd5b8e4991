import { describe, expect, it } from "vitest";
import { messagesFor } from "../../i18n/index.ts";
import { deliverableType } from "../../method/lookup.ts";
import { methodV12 } from "../../method/v1.2/index.ts";
import type { Actor } from "../access/actor.ts";
import type { OrganisationRole } from "../access/roles.ts";
import { byDueDateThenTitle, type TaskInitiative, type TaskSources, tasksFor } from "./my-tasks.ts";
import { titledTasks } from "./titled-tasks.ts";

const ORG = "org-1";

function person(userId: string, roles: OrganisationRole[]): Actor {
  return {
    userId,
    email: `${userId}@kommun.example`,
    name: userId,
    locale: "sv",
    systemRoles: [],
    memberships: new Map([[ORG, roles]]),
    organisations: [{ id: ORG, name: "Kommunen", number: "2120002411" }],
  };
}

const pl = person("pl", ["projektledare"]);
const owner = person("va", ["verksamhetsagare"]);
const colleague = person("dt", ["deltagare"]);

const initiative = (over: Partial<TaskInitiative> = {}): TaskInitiative => ({
  id: "i-1",
  organisationId: ORG,
  name: "Bygglov",
  projectManagerId: "pl",
  steeringGroup: [],
  requiresSecondApprover: true,
  ...over,
});

/** The idébeskrivning of phase 1 under review, written by `author`, with every required section written unless told. */
function inReview({
  author,
  complete = true,
}: {
  author: string;
  complete?: boolean;
}): Pick<TaskSources, "deliverables" | "sectionsInReview"> {
  const template = deliverableType(methodV12, "idebeskrivning")?.template ?? [];
  const sections = Object.fromEntries(template.map((s) => [s.id, complete || !s.required ? `Text om ${s.id}.` : ""]));
  return {
    deliverables: [
      {
        id: "d-1",
        initiativeId: "i-1",
        typeId: "idebeskrivning",
        title: "Idébeskrivning",
        latest: { version: 1, status: "for_granskning", contentHash: "h" },
        approved: null,
        latestAuthors: { createdBy: author, lastEditedBy: author },
      },
    ],
    sectionsInReview: [{ deliverableId: "d-1", sections }],
  };
}

const sources = (over: Partial<TaskSources>): TaskSources => ({
  today: "2026-12-06",
  initiatives: [initiative()],
  decisions: [],
  deliverables: [],
  sectionsInReview: [],
  preparations: [],
  followUps: [],
  plans: [],
  communications: [],
  risks: [],
  benefits: [],
  ...over,
});

const documentTasks = (actor: Actor, s: TaskSources) =>
  tasksFor(actor, s)
    .filter((t) => t.kind === "approve_document" || t.kind === "review_document")
    .map((t) => t.kind);

describe("documents för granskning in a person's tasks", () => {
  it("asks someone who may fastställa, and did not write it, to fastställa it", () => {
    expect(documentTasks(owner, sources(inReview({ author: "pl" })))).toEqual(["approve_document"]);
  });

  it("does not ask the author to fastställa their own text where the organisation wants a second person", () => {
    expect(documentTasks(pl, sources(inReview({ author: "pl" })))).toEqual([]);
    // Without that rule the projektledare may fastställa what she wrote.
    expect(
      documentTasks(pl, sources({ ...inReview({ author: "pl" }), initiatives: [initiative({ requiresSecondApprover: false })] })),
    ).toEqual(["approve_document"]);
  });

  it("asks the approver to review, not fastställa, a document whose required sections are not written", () => {
    expect(documentTasks(owner, sources(inReview({ author: "pl", complete: false })))).toEqual(["review_document"]);
  });

  it("asks the rest of the team to review what someone else wrote, never what they wrote themselves", () => {
    expect(documentTasks(colleague, sources(inReview({ author: "pl" })))).toEqual(["review_document"]);
    expect(documentTasks(colleague, sources(inReview({ author: "dt" })))).toEqual([]);
  });
});

describe("the order of the tasks", () => {
  it("keeps an initiative's tasks together on the same day, decision points in their numeric order", () => {
    const task = (initiativeName: string, title: string, dueDate: string | null = "2027-01-10") => ({ initiativeName, title, dueDate });
    const sorted = [
      task("Bygglov", "Bered beslutspunkt 2 vid milstolpe II"),
      task("Avgifter", "Bered beslutspunkt 1 vid milstolpe I"),
      task("Bygglov", "Bered beslutspunkt 10 vid milstolpe II"),
      task("Bygglov", "Bered beslutspunkt 1 vid milstolpe II"),
      task("Avgifter", "Läs: Beslut", null),
      task("Bygglov", "Fastställ Idébeskrivning", "2027-01-02"),
    ].sort(byDueDateThenTitle);
    expect(sorted.map((t) => `${t.initiativeName}: ${t.title}`)).toEqual([
      "Bygglov: Fastställ Idébeskrivning",
      "Avgifter: Bered beslutspunkt 1 vid milstolpe I",
      "Bygglov: Bered beslutspunkt 1 vid milstolpe II",
      "Bygglov: Bered beslutspunkt 2 vid milstolpe II",
      "Bygglov: Bered beslutspunkt 10 vid milstolpe II",
      "Avgifter: Läs: Beslut",
    ]);
  });
});

describe("messages to read", () => {
  it("tells two messages of one decision apart by whom the method addresses", () => {
    const message = (id: string, audience: string) => ({
      id,
      recipient: ORG,
      initiativeId: "i-1",
      initiativeName: "Bygglov",
      subject: "Kommunen: milstolpe II för Bygglov – beslut att gå vidare",
      audience,
    });
    const tasks = tasksFor(pl, sources({ communications: [message("c-1", "own_organisation"), message("c-2", "other_stakeholders")] }));
    const read = tasks.filter((t) => t.kind === "read_communication");
    expect(titledTasks(messagesFor("sv"), read).map((t) => t.title)).toEqual([
      "Läs: Kommunen: milstolpe II för Bygglov – beslut att gå vidare (Andra viktiga intressenter)",
      "Läs: Kommunen: milstolpe II för Bygglov – beslut att gå vidare (Den egna verksamheten)",
    ]);
  });
});

describe("risks to follow up and benefits to measure in a person's tasks", () => {
  const risk = { id: "r-1", initiativeId: "i-1", title: "Sen leverans", status: "hanteras" as const, reviewDate: "2026-12-01" };
  const benefit = {
    id: "b-1",
    initiativeId: "i-1",
    name: "Lägre portokostnad",
    metric: "kr",
    frequencyMonths: 3,
    baselineDate: "2026-08-31",
    latestMeasurement: null,
    measuredByUserId: "dt",
    ownerUserId: "va",
  };
  const kinds = (actor: Actor, s: TaskSources) =>
    tasksFor(actor, s)
      .filter((t) => t.kind === "review_risk" || t.kind === "measure_benefit")
      .map((t) => [t.kind, t.href, t.dueDate]);

  it("asks a risk's owner, not the projektledare, to follow up an overdue review; the projektledare when no member owns it", () => {
    const owned = sources({ risks: [{ ...risk, ownerUserId: "dt" }] });
    expect(kinds(colleague, owned)).toEqual([["review_risk", "/risks/r-1", "2026-12-01"]]);
    expect(kinds(pl, owned)).toEqual([]);
    expect(kinds(pl, sources({ risks: [{ ...risk, ownerUserId: null }] }))).toEqual([["review_risk", "/risks/r-1", "2026-12-01"]]);
  });

  it("asks whoever may manage the initiative when neither an owner nor a projektledare is named", () => {
    const s = sources({ initiatives: [initiative({ projectManagerId: null })], risks: [{ ...risk, ownerUserId: null }] });
    expect(kinds(pl, s)).toEqual([["review_risk", "/risks/r-1", "2026-12-01"]]);
    expect(kinds(colleague, s)).toEqual([]);
  });

  it("asks who measures a benefit once its measurement is due (31 August + 3 months is 30 November)", () => {
    expect(kinds(colleague, sources({ benefits: [benefit] }))).toEqual([["measure_benefit", "/benefits/b-1", "2026-11-30"]]);
    expect(kinds(owner, sources({ benefits: [benefit] }))).toEqual([]);
    expect(titledTasks(messagesFor("sv"), tasksFor(colleague, sources({ benefits: [benefit] })))[0]?.title).toBe(
      "Mät nyttan Lägre portokostnad",
    );
  });
});
