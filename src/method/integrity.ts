import { FORVALTNINGSGRUPP_ITEMS, INFORM_AUDIENCES, type Method, MILESTONE_NUMERALS, PHASE_NUMBERS } from "./types.ts";

/**
 * The method is data that other code trusts blindly (ids in the database, basis checks before a
 * decision), so the server refuses to start on a method that breaks these rules. The types catch
 * most mistakes at compile time; these checks catch the ones types cannot express.
 */

export type IntegrityProblemCode =
  | "EMPTY_TEXT"
  | "INVALID_ID"
  | "DUPLICATE_ID"
  | "DUPLICATE_ENTRY"
  | "EMPTY_LIST"
  | "INVALID_VALUE"
  | "PHASE_OUT_OF_ORDER"
  | "MILESTONE_OUT_OF_ORDER"
  | "MILESTONE_PHASE_MISMATCH"
  | "UNKNOWN_DELIVERABLE_TYPE"
  | "RESULT_PHASE_MISMATCH"
  | "NO_REQUIRED_BASIS"
  | "NO_REQUIRED_SECTION"
  | "WRONG_DECISION_ROLE"
  | "INFORM_MISMATCH"
  | "UNUSED_DELIVERABLE_TYPE";

/**
 * `path` names list items by identity where they have one (`phases[3]`, `milestones[II]`,
 * `deliverableTypes[business-case]`) and nested list items by zero-based index (`basis[3]`).
 */
export type IntegrityProblem = { code: IntegrityProblemCode; path: string; message: string };

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function checkMethodIntegrity(method: Method): IntegrityProblem[] {
  const check = new Checker();
  if (typeof method.id !== "string" || !SLUG.test(method.id)) {
    check.report("INVALID_ID", "id", `id ${JSON.stringify(method.id)} is not a lower-case slug`);
  }
  if (typeof method.version !== "string" || method.version.trim() === "") {
    check.report("INVALID_VALUE", "version", "version is empty");
  }
  check.text(method.name, "name");
  // Filled by phase results and milestone bases, so the last pass can spot types nothing uses.
  const usedTypeIds = new Set<string>();
  checkPhases(method, check, usedTypeIds);
  checkMilestones(method, check, usedTypeIds);
  checkDeliverableTypes(method, check, usedTypeIds);
  return check.problems;
}

class Checker {
  readonly problems: IntegrityProblem[] = [];

  report(code: IntegrityProblemCode, path: string, detail: string): void {
    this.problems.push({ code, path, message: `${path}: ${detail}` });
  }

  /** Checks an id's shape and that it is not already in `seen` (id → path of first use). */
  id(id: unknown, path: string, seen: Map<string, string>): void {
    if (typeof id !== "string" || !SLUG.test(id)) {
      this.report("INVALID_ID", path, `id ${JSON.stringify(id)} is not a lower-case slug`);
      return;
    }
    const first = seen.get(id);
    if (first !== undefined) this.report("DUPLICATE_ID", path, `duplicate id "${id}" (first used at ${first})`);
    else seen.set(id, path);
  }

  text(value: unknown, path: string): void {
    if (typeof value !== "object" || value === null) {
      this.report("EMPTY_TEXT", path, "missing localised text");
      return;
    }
    for (const language of ["sv", "en"] as const) {
      const text: unknown = (value as Record<string, unknown>)[language];
      if (typeof text !== "string" || text.trim() === "") {
        this.report("EMPTY_TEXT", `${path}.${language}`, `missing or empty ${language === "sv" ? "Swedish" : "English"} text`);
      }
    }
  }

  /** Reports list items that repeat an earlier one; `keyOf` picks what must be unique. */
  noRepeats<T>(items: readonly T[], keyOf: (item: T) => string, pathOf: (index: number) => string, what: string): void {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const key = keyOf(item);
      if (seen.has(key)) this.report("DUPLICATE_ENTRY", pathOf(i), `${what} "${key}" is listed twice`);
      seen.add(key);
    });
  }
}

/** Names an item by its identity, falling back to its index when the identity itself is broken. */
const label = (identity: unknown, index: number) =>
  typeof identity === "string" || typeof identity === "number" ? String(identity) : String(index);

function checkPhases(method: Method, check: Checker, usedTypeIds: Set<string>): void {
  const numbers = method.phases.map((phase) => phase.number);
  if (numbers.join() !== PHASE_NUMBERS.join()) {
    check.report(
      "PHASE_OUT_OF_ORDER",
      "phases",
      `expected phases ${PHASE_NUMBERS.join(", ")} in order, found ${numbers.join(", ") || "none"}`,
    );
  }
  const phaseIds = new Map<string, string>();
  // Global, not per phase: progress on an activity is stored by activity id alone.
  const activityIds = new Map<string, string>();
  method.phases.forEach((phase, i) => {
    const path = `phases[${label(phase.number, i)}]`;
    check.id(phase.id, `${path}.id`, phaseIds);
    check.text(phase.name, `${path}.name`);
    check.text(phase.purpose, `${path}.purpose`);
    if (phase.activities.length === 0) check.report("EMPTY_LIST", `${path}.activities`, "phase has no activities");
    phase.activities.forEach((activity, j) => {
      check.id(activity.id, `${path}.activities[${j}].id`, activityIds);
      check.text(activity.name, `${path}.activities[${j}].name`);
      if (activity.description !== undefined) check.text(activity.description, `${path}.activities[${j}].description`);
    });
    if (phase.results.length === 0) check.report("EMPTY_LIST", `${path}.results`, "phase has no results");
    check.noRepeats(
      phase.results,
      (typeId) => typeId,
      (j) => `${path}.results[${j}]`,
      "deliverable type",
    );
    phase.results.forEach((typeId, j) => {
      usedTypeIds.add(typeId);
      const type = method.deliverableTypes.find((candidate) => candidate.id === typeId);
      if (type === undefined) check.report("UNKNOWN_DELIVERABLE_TYPE", `${path}.results[${j}]`, `unknown deliverable type "${typeId}"`);
      else if (type.producedInPhase !== phase.number) {
        check.report(
          "RESULT_PHASE_MISMATCH",
          `${path}.results[${j}]`,
          `deliverable type "${typeId}" says it is produced in phase ${type.producedInPhase ?? "none"}, not ${phase.number}`,
        );
      }
    });
  });
}

function checkMilestones(method: Method, check: Checker, usedTypeIds: Set<string>): void {
  const numerals = method.milestones.map((milestone) => milestone.numeral);
  if (numerals.join() !== MILESTONE_NUMERALS.join()) {
    check.report(
      "MILESTONE_OUT_OF_ORDER",
      "milestones",
      `expected numerals ${MILESTONE_NUMERALS.join(", ")} in order, found ${numerals.join(", ") || "none"}`,
    );
  }
  for (const phaseNumber of PHASE_NUMBERS) {
    const after = method.milestones.filter((milestone) => milestone.afterPhase === phaseNumber).map((milestone) => milestone.numeral);
    if (after.length !== 1) {
      check.report(
        "MILESTONE_PHASE_MISMATCH",
        `phases[${phaseNumber}]`,
        `expected exactly one milestone after this phase, found ${after.join(", ") || "none"}`,
      );
    }
  }
  const typeIds = new Set(method.deliverableTypes.map((type) => type.id));
  // Global, not per milestone: decisions record decision point ids alone.
  const decisionPointIds = new Map<string, string>();
  method.milestones.forEach((milestone, i) => {
    const path = `milestones[${label(milestone.numeral, i)}]`;
    const position = MILESTONE_NUMERALS.indexOf(milestone.numeral);
    if (position === -1) check.report("INVALID_VALUE", `${path}.numeral`, `"${milestone.numeral}" is not a milestone numeral`);
    else if (milestone.afterPhase !== PHASE_NUMBERS[position]) {
      check.report(
        "MILESTONE_PHASE_MISMATCH",
        `${path}.afterPhase`,
        `milestone ${milestone.numeral} follows phase ${PHASE_NUMBERS[position]}, found ${milestone.afterPhase}`,
      );
    }
    for (const key of ["name", "summary", "purpose", "preparedBy"] as const) check.text(milestone[key], `${path}.${key}`);

    if (milestone.decisionPoints.length === 0) check.report("EMPTY_LIST", `${path}.decisionPoints`, "milestone has no decision points");
    milestone.decisionPoints.forEach((decisionPoint, j) => {
      check.id(decisionPoint.id, `${path}.decisionPoints[${j}].id`, decisionPointIds);
      check.text(decisionPoint.text, `${path}.decisionPoints[${j}].text`);
    });

    if (milestone.basis.length === 0) check.report("EMPTY_LIST", `${path}.basis`, "milestone has no decision basis");
    else if (!milestone.basis.some((entry) => entry.required))
      check.report("NO_REQUIRED_BASIS", `${path}.basis`, "no basis entry is required");
    check.noRepeats(
      milestone.basis,
      (entry) => entry.deliverableTypeId,
      (j) => `${path}.basis[${j}]`,
      "deliverable type",
    );
    milestone.basis.forEach((entry, j) => {
      usedTypeIds.add(entry.deliverableTypeId);
      if (!typeIds.has(entry.deliverableTypeId)) {
        check.report("UNKNOWN_DELIVERABLE_TYPE", `${path}.basis[${j}]`, `unknown deliverable type "${entry.deliverableTypeId}"`);
      }
      if (entry.note !== undefined) check.text(entry.note, `${path}.basis[${j}].note`);
    });

    const expectedRole = milestone.numeral === "I" ? "verksamhetsagare" : "styrgrupp";
    if (milestone.decidedBy.role !== expectedRole) {
      check.report("WRONG_DECISION_ROLE", `${path}.decidedBy.role`, `expected "${expectedRole}", found "${milestone.decidedBy.role}"`);
    }
    check.text(milestone.decidedBy.text, `${path}.decidedBy.text`);

    const { inform } = milestone;
    check.text(inform.text, `${path}.inform.text`);
    if (inform.audiences.length === 0) check.report("EMPTY_LIST", `${path}.inform.audiences`, "no audience to inform");
    check.noRepeats(
      inform.audiences,
      (audience) => audience,
      (j) => `${path}.inform.audiences[${j}]`,
      "audience",
    );
    inform.audiences.forEach((audience, j) => {
      if (!(INFORM_AUDIENCES as readonly string[]).includes(audience)) {
        check.report("INVALID_VALUE", `${path}.inform.audiences[${j}]`, `unknown audience "${audience}"`);
      }
    });
    const itemPath = (j: number) => `${path}.inform.forvaltningsgruppItems[${j}]`;
    check.noRepeats(
      inform.forvaltningsgruppItems,
      (item) => item.key,
      (j) => `${itemPath(j)}.key`,
      "item",
    );
    inform.forvaltningsgruppItems.forEach((item, j) => {
      if (!(FORVALTNINGSGRUPP_ITEMS as readonly string[]).includes(item.key)) {
        check.report("INVALID_VALUE", `${itemPath(j)}.key`, `unknown förvaltningsgrupp item "${item.key}"`);
      }
      check.text(item.text, `${itemPath(j)}.text`);
    });
    if (inform.forvaltningsgruppItems.length > 0 && !inform.audiences.includes("forvaltningsgrupp")) {
      check.report("INFORM_MISMATCH", `${path}.inform.audiences`, "has items for förvaltningsgruppen but does not inform it");
    }
  });
}

function checkDeliverableTypes(method: Method, check: Checker, usedTypeIds: Set<string>): void {
  const typeIds = new Map<string, string>();
  method.deliverableTypes.forEach((type, i) => {
    const path = `deliverableTypes[${label(type.id, i)}]`;
    check.id(type.id, `${path}.id`, typeIds);
    check.text(type.name, `${path}.name`);
    check.text(type.purpose, `${path}.purpose`);
    if (type.producedInPhase !== null && !(PHASE_NUMBERS as readonly number[]).includes(type.producedInPhase)) {
      check.report("INVALID_VALUE", `${path}.producedInPhase`, `${type.producedInPhase} is not a phase number`);
    }
    if (type.template.length === 0) check.report("EMPTY_LIST", `${path}.template`, "template has no sections");
    const sectionIds = new Map<string, string>();
    type.template.forEach((section, j) => {
      check.id(section.id, `${path}.template[${j}].id`, sectionIds);
      check.text(section.heading, `${path}.template[${j}].heading`);
      check.text(section.guidance, `${path}.template[${j}].guidance`);
    });
    // Fastställa needs the required sections written: a template without one would let an empty document through.
    if (type.template.length > 0 && !type.template.some((section) => section.required)) {
      check.report("NO_REQUIRED_SECTION", `${path}.template`, "template has no required section");
    }
    if (!type.inAppendix1 && !usedTypeIds.has(type.id)) {
      check.report("UNUSED_DELIVERABLE_TYPE", path, "not a phase result, not in any milestone basis and not in Bilaga 1");
    }
  });
}

export class MethodIntegrityError extends Error {
  constructor(
    method: Method,
    readonly problems: readonly IntegrityProblem[],
  ) {
    const list = problems.map((problem) => `  - ${problem.message}`).join("\n");
    super(
      `Method "${method.id}" v${method.version} failed its integrity check (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n${list}`,
    );
    this.name = "MethodIntegrityError";
  }
}

/** For start-up: throws a MethodIntegrityError listing every problem, so one run shows them all. */
export function assertMethodIntegrity(method: Method): void {
  const problems = checkMethodIntegrity(method);
  if (problems.length > 0) throw new MethodIntegrityError(method, problems);
}
