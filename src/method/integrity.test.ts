import { describe, expect, it } from "vitest";
import { assertMethodIntegrity, checkMethodIntegrity, type IntegrityProblemCode, MethodIntegrityError } from "./integrity.ts";
import type { Method } from "./types.ts";
import { methodV12 } from "./v1.2/index.ts";

type Mutable<T> = T extends readonly (infer Item)[]
  ? Mutable<Item>[]
  : T extends object
    ? { -readonly [Key in keyof T]: Mutable<T[Key]> }
    : T;
type MutableMethod = Mutable<Method>;

/** A deep copy of the shipped method with one deliberate break. */
function broken(mutate: (method: MutableMethod) => void): Method {
  const copy = structuredClone(methodV12) as MutableMethod;
  mutate(copy);
  return copy;
}

function found<T>(item: T | undefined, what: string): T {
  if (item === undefined) throw new Error(`test fixture has no ${what}`);
  return item;
}
const phase = (method: MutableMethod, number: number) =>
  found(
    method.phases.find((candidate) => candidate.number === number),
    `phase ${number}`,
  );
const milestone = (method: MutableMethod, numeral: string) =>
  found(
    method.milestones.find((candidate) => candidate.numeral === numeral),
    `milestone ${numeral}`,
  );
const deliverableType = (method: MutableMethod, id: string) =>
  found(
    method.deliverableTypes.find((candidate) => candidate.id === id),
    `deliverable type ${id}`,
  );

/** Lets a test store a value the types rightly forbid. */
const invalid = <T>(value: unknown) => value as T;

describe("checkMethodIntegrity", () => {
  it("finds no problem in the shipped method v1.2", () => {
    expect(checkMethodIntegrity(methodV12)).toEqual([]);
  });

  it("names the offending path in the message", () => {
    const method = broken((m) => {
      milestone(m, "II").basis.push({ deliverableTypeId: "foo", required: false });
    });
    expect(checkMethodIntegrity(method)).toEqual([
      {
        code: "UNKNOWN_DELIVERABLE_TYPE",
        path: "milestones[II].basis[1]",
        message: 'milestones[II].basis[1]: unknown deliverable type "foo"',
      },
    ]);
  });

  const cases: { breaks: string; mutate: (m: MutableMethod) => void; code: IntegrityProblemCode; path: string }[] = [
    {
      breaks: "a phase result naming no deliverable type",
      mutate: (m) => phase(m, 3).results.push("foo"),
      code: "UNKNOWN_DELIVERABLE_TYPE",
      path: "phases[3].results[7]",
    },
    {
      breaks: "a phase result whose type says another phase produces it",
      mutate: (m) => {
        deliverableType(m, "business-case").producedInPhase = 4;
      },
      code: "RESULT_PHASE_MISMATCH",
      path: "phases[3].results[3]",
    },
    {
      breaks: "a result listed twice in one phase",
      mutate: (m) => phase(m, 1).results.push("idebeskrivning"),
      code: "DUPLICATE_ENTRY",
      path: "phases[1].results[3]",
    },
    {
      breaks: "phases out of order",
      mutate: (m) => m.phases.reverse(),
      code: "PHASE_OUT_OF_ORDER",
      path: "phases",
    },
    {
      breaks: "a missing phase",
      mutate: (m) => m.phases.pop(),
      code: "PHASE_OUT_OF_ORDER",
      path: "phases",
    },
    {
      breaks: "a phase with no milestone after it",
      mutate: (m) => {
        milestone(m, "III").afterPhase = 2;
      },
      code: "MILESTONE_PHASE_MISMATCH",
      path: "phases[3]",
    },
    {
      breaks: "a phase with two milestones after it",
      mutate: (m) => {
        milestone(m, "III").afterPhase = 2;
      },
      code: "MILESTONE_PHASE_MISMATCH",
      path: "phases[2]",
    },
    {
      breaks: "a milestone after the wrong phase",
      mutate: (m) => {
        milestone(m, "III").afterPhase = 2;
      },
      code: "MILESTONE_PHASE_MISMATCH",
      path: "milestones[III].afterPhase",
    },
    {
      breaks: "milestone numerals out of order",
      mutate: (m) => {
        milestone(m, "V").numeral = "VI";
        found(m.milestones[5], "sixth milestone").numeral = "V";
      },
      code: "MILESTONE_OUT_OF_ORDER",
      path: "milestones",
    },
    {
      breaks: "a repeated milestone numeral",
      mutate: (m) => {
        milestone(m, "VIII").numeral = "VII";
      },
      code: "MILESTONE_OUT_OF_ORDER",
      path: "milestones",
    },
    {
      breaks: "a numeral outside I–VIII",
      mutate: (m) => {
        milestone(m, "VIII").numeral = invalid("IX");
      },
      code: "INVALID_VALUE",
      path: "milestones[IX].numeral",
    },
    {
      breaks: "two phases with the same id",
      mutate: (m) => {
        phase(m, 2).id = "identifiera-behov";
      },
      code: "DUPLICATE_ID",
      path: "phases[2].id",
    },
    {
      breaks: "the same activity id in two phases",
      mutate: (m) => {
        found(phase(m, 2).activities[0], "activity").id = "gor-behovsanalys";
      },
      code: "DUPLICATE_ID",
      path: "phases[2].activities[0].id",
    },
    {
      breaks: "the same decision point id in two milestones",
      mutate: (m) => {
        found(milestone(m, "II").decisionPoints[0], "decision point").id = "i-behov-foreligger";
      },
      code: "DUPLICATE_ID",
      path: "milestones[II].decisionPoints[0].id",
    },
    {
      breaks: "two deliverable types with the same id",
      mutate: (m) => {
        m.deliverableTypes.push({ ...deliverableType(m, "driftplan") });
      },
      code: "DUPLICATE_ID",
      path: "deliverableTypes[driftplan].id",
    },
    {
      breaks: "two template sections with the same id",
      mutate: (m) => {
        found(deliverableType(m, "driftplan").template[1], "section").id = "driftansvar";
      },
      code: "DUPLICATE_ID",
      path: "deliverableTypes[driftplan].template[1].id",
    },
    {
      breaks: "an id that is not a slug",
      mutate: (m) => {
        found(phase(m, 1).activities[0], "activity").id = "Gör behovsanalys";
      },
      code: "INVALID_ID",
      path: "phases[1].activities[0].id",
    },
    {
      breaks: "an empty English text",
      mutate: (m) => {
        phase(m, 4).name.en = "";
      },
      code: "EMPTY_TEXT",
      path: "phases[4].name.en",
    },
    {
      breaks: "a blank Swedish text",
      mutate: (m) => {
        found(milestone(m, "VI").decisionPoints[1], "decision point").text.sv = "   ";
      },
      code: "EMPTY_TEXT",
      path: "milestones[VI].decisionPoints[1].text.sv",
    },
    {
      breaks: "an empty optional text",
      mutate: (m) => {
        found(milestone(m, "II").basis[0], "basis entry").note = { sv: "", en: "x" };
      },
      code: "EMPTY_TEXT",
      path: "milestones[II].basis[0].note.sv",
    },
    {
      breaks: "an empty template guidance",
      mutate: (m) => {
        found(deliverableType(m, "slutrapport").template[0], "section").guidance.en = "";
      },
      code: "EMPTY_TEXT",
      path: "deliverableTypes[slutrapport].template[0].guidance.en",
    },
    {
      breaks: "milestone I decided by the styrgrupp",
      mutate: (m) => {
        milestone(m, "I").decidedBy.role = "styrgrupp";
      },
      code: "WRONG_DECISION_ROLE",
      path: "milestones[I].decidedBy.role",
    },
    {
      breaks: "a later milestone decided by the verksamhetsägare",
      mutate: (m) => {
        milestone(m, "V").decidedBy.role = "verksamhetsagare";
      },
      code: "WRONG_DECISION_ROLE",
      path: "milestones[V].decidedBy.role",
    },
    {
      breaks: "a deliverable type without template sections",
      mutate: (m) => {
        deliverableType(m, "riskanalys").template = [];
      },
      code: "EMPTY_LIST",
      path: "deliverableTypes[riskanalys].template",
    },
    {
      breaks: "a phase without activities",
      mutate: (m) => {
        phase(m, 8).activities = [];
      },
      code: "EMPTY_LIST",
      path: "phases[8].activities",
    },
    {
      breaks: "a milestone without decision points",
      mutate: (m) => {
        milestone(m, "IV").decisionPoints = [];
      },
      code: "EMPTY_LIST",
      path: "milestones[IV].decisionPoints",
    },
    {
      breaks: "a milestone without decision basis",
      mutate: (m) => {
        milestone(m, "IV").basis = [];
      },
      code: "EMPTY_LIST",
      path: "milestones[IV].basis",
    },
    {
      breaks: "a basis with nothing required",
      mutate: (m) => {
        for (const entry of milestone(m, "VI").basis) entry.required = false;
      },
      code: "NO_REQUIRED_BASIS",
      path: "milestones[VI].basis",
    },
    {
      breaks: "a basis naming a deliverable type twice",
      mutate: (m) => {
        milestone(m, "VIII").basis.push({ deliverableTypeId: "nyttoutvarderingsrapport", required: false });
      },
      code: "DUPLICATE_ENTRY",
      path: "milestones[VIII].basis[1]",
    },
    {
      breaks: "förvaltningsgrupp items without informing förvaltningsgruppen",
      mutate: (m) => {
        milestone(m, "II").inform.audiences = ["own_organisation"];
      },
      code: "INFORM_MISMATCH",
      path: "milestones[II].inform.audiences",
    },
    {
      breaks: "an unknown audience",
      mutate: (m) => {
        milestone(m, "VI").inform.audiences.push(invalid("press"));
      },
      code: "INVALID_VALUE",
      path: "milestones[VI].inform.audiences[1]",
    },
    {
      breaks: "an unknown förvaltningsgrupp item",
      mutate: (m) => {
        found(milestone(m, "IV").inform.forvaltningsgruppItems[0], "item").key = invalid("budget");
      },
      code: "INVALID_VALUE",
      path: "milestones[IV].inform.forvaltningsgruppItems[0].key",
    },
    {
      breaks: "a förvaltningsgrupp item listed twice",
      mutate: (m) => {
        const items = milestone(m, "II").inform.forvaltningsgruppItems;
        items.push({ ...found(items[0], "item") });
      },
      code: "DUPLICATE_ENTRY",
      path: "milestones[II].inform.forvaltningsgruppItems[2].key",
    },
    {
      breaks: "a milestone that informs nobody",
      mutate: (m) => {
        milestone(m, "VII").inform.audiences = [];
      },
      code: "EMPTY_LIST",
      path: "milestones[VII].inform.audiences",
    },
    {
      breaks: "a template where no section is required, so an empty document could be fastställd",
      mutate: (m) => {
        for (const section of deliverableType(m, "kravbild").template) section.required = false;
      },
      code: "NO_REQUIRED_SECTION",
      path: "deliverableTypes[kravbild].template",
    },
    {
      breaks: "a producing phase that does not exist",
      mutate: (m) => {
        deliverableType(m, "kravbild").producedInPhase = invalid(9);
      },
      code: "INVALID_VALUE",
      path: "deliverableTypes[kravbild].producedInPhase",
    },
    {
      breaks: "a deliverable type nothing uses",
      mutate: (m) => {
        m.deliverableTypes.push({ ...deliverableType(m, "kravbild"), id: "orphan" });
      },
      code: "UNUSED_DELIVERABLE_TYPE",
      path: "deliverableTypes[orphan]",
    },
  ];

  it.each(cases)("detects $breaks", ({ mutate, code, path }) => {
    const problems = checkMethodIntegrity(broken(mutate));
    expect(problems).toContainEqual({ code, path, message: expect.stringMatching(`^${escapeRegExp(path)}: `) });
  });
});

describe("assertMethodIntegrity", () => {
  it("accepts the shipped method v1.2", () => {
    expect(() => assertMethodIntegrity(methodV12)).not.toThrow();
  });

  it("throws one error listing every problem", () => {
    const method = broken((m) => {
      phase(m, 4).name.en = "";
      milestone(m, "I").decidedBy.role = "styrgrupp";
    });
    const error = catchError(() => assertMethodIntegrity(method));
    expect(error).toBeInstanceOf(MethodIntegrityError);
    expect((error as MethodIntegrityError).problems).toHaveLength(2);
    expect((error as Error).message).toContain('"mina-meddelanden-anslutning" v1.2 failed its integrity check (2 problems)');
    expect((error as Error).message).toContain("phases[4].name.en: missing or empty English text");
    expect((error as Error).message).toContain('milestones[I].decidedBy.role: expected "verksamhetsagare", found "styrgrupp"');
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function catchError(run: () => void): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}
