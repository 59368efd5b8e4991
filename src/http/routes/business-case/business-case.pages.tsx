import type { Actor } from "../../../domain/access/actor.ts";
import { BusinessCaseInput } from "../../../domain/business-case/business-case-input.ts";
import { getBusinessCase, saveBusinessCase } from "../../../domain/business-case/initiative-business-case.ts";
import { parseNumber } from "../../../domain/flows/import/import-values.ts";
import { forbidden } from "../../../domain/shared/domain-error.ts";
import type { BusinessCaseFormValues, LineFormRow, LineList } from "../../../ui/pages/business-case/business-case-lines.tsx";
import { BusinessCasePage } from "../../../ui/pages/business-case/business-case-page.tsx";
import { businessCaseHref } from "../../../ui/pages/value/value-hrefs.ts";
import type { AppScope } from "../../app-scope.ts";
import { type FormValues, str } from "../../form.ts";
import { redirect } from "../../page-route.ts";
import { businessCaseFile } from "./business-case-file.ts";
import { areaFormErrors, InitiativeParams } from "./business-case-form.ts";
import { effectChainPages } from "./effect-chain.pages.tsx";

const LINE_KEYS = ["category", "beneficiary", "year", "low", "expected", "high", "note"] as const;
/** Rows a form may carry: the domain's limit, so a bigger form is refused there with its own message. */
const MAX_FORM_ROWS = 1001;

/**
 * The lines of one table as typed, in row order, without the empty rows and those marked "remove":
 * so the n-th line the domain checks is the n-th row the page shows again, and its errors land there.
 */
function readLines(values: FormValues, list: LineList): LineFormRow[] {
  const pattern = new RegExp(`^${list}\\.(\\d+)\\.`);
  const indices = [
    ...new Set(
      Object.keys(values).flatMap((k) => {
        const m = pattern.exec(k);
        return m ? [Number(m[1])] : [];
      }),
    ),
  ]
    .sort((a, b) => a - b)
    .slice(0, MAX_FORM_ROWS);
  return indices.flatMap((i) => {
    if (str(values, `${list}.${i}.remove`) === "yes") return [];
    const row = Object.fromEntries(LINE_KEYS.map((k) => [k, str(values, `${list}.${i}.${k}`).trim()])) as LineFormRow;
    const empty = !row.year && !row.low && !row.expected && !row.high && !row.note;
    return empty ? [] : [row];
  });
}

const readBusinessCase = (values: FormValues): BusinessCaseFormValues => ({
  startYear: str(values, "startYear").trim(),
  horizonYears: str(values, "horizonYears").trim(),
  discountRate: str(values, "discountRate").trim(),
  costs: readLines(values, "costs"),
  benefits: readLines(values, "benefits"),
});

/** A number as typed, read by the flows' import reader; what is not one stays text for the schema to name. */
const num = (text: string): number | string | undefined => {
  if (text === "") return undefined;
  const read = parseNumber(text);
  return read.ok ? read.value : text;
};

const businessCaseInput = (shown: BusinessCaseFormValues) => {
  const rate = num(shown.discountRate);
  return {
    startYear: num(shown.startYear),
    horizonYears: num(shown.horizonYears),
    // The form asks for per cent; the rate is stored to five decimals (a thousandth of a per cent).
    discountRate: typeof rate === "number" ? Math.round(rate * 1000) / 100_000 : rate,
    costs: shown.costs.map((r) => ({
      category: r.category || undefined,
      year: num(r.year),
      low: num(r.low),
      expected: num(r.expected),
      high: num(r.high),
      note: r.note,
    })),
    benefits: shown.benefits.map((r) => ({
      category: r.category || undefined,
      beneficiary: r.beneficiary || undefined,
      year: num(r.year),
      low: num(r.low),
      expected: num(r.expected),
      high: num(r.high),
      note: r.note,
    })),
  };
};

/** The business case page (every member reads it; the team states it), its XLSX, and the effektkedja's pages. */
export function businessCasePages(scope: AppScope) {
  const { page, db } = scope;
  const load = ({ actor, params, now }: { actor: Actor; params: { initiativeId: string }; now: Date }) =>
    getBusinessCase({ db, actor, now, initiativeId: params.initiativeId });

  page({
    method: "GET",
    url: "/initiatives/:initiativeId/business-case",
    access: "session",
    params: InitiativeParams,
    load,
    render:
      ({ loaded }) =>
      (ctx) => <BusinessCasePage ctx={ctx} view={loaded} />,
  });

  page({
    method: "POST",
    url: "/initiatives/:initiativeId/business-case",
    access: "session",
    params: InitiativeParams,
    // A form of a thousand rows of seven fields is larger than the default limit.
    bodyLimit: 2 * 1024 * 1024,
    // Only the team hears what was wrong with the form; anyone else is refused before it is read.
    load: async (input) => {
      const loaded = await load(input);
      if (!loaded.canManage) throw forbidden("not in the team");
      return loaded;
    },
    form: { read: readBusinessCase, schema: BusinessCaseInput, input: businessCaseInput, issues: areaFormErrors },
    render:
      ({ loaded, form }) =>
      (ctx) => <BusinessCasePage ctx={ctx} view={loaded} values={form?.values} errors={form?.errors} />,
    handle: async ({ actor, now, m, params, data }) => {
      await saveBusinessCase({ db, actor, now, initiativeId: params.initiativeId, input: data });
      return redirect(businessCaseHref(params.initiativeId), m.businessCase.saved);
    },
  });

  page({
    method: "GET",
    url: "/initiatives/:initiativeId/business-case.xlsx",
    access: "session",
    params: InitiativeParams,
    handle: async ({ actor, now, reply, params }) => {
      const file = await businessCaseFile({ db, actor, now, initiativeId: params.initiativeId });
      return reply
        .type(file.contentType)
        .header("content-disposition", file.contentDisposition)
        .header("cache-control", "no-store")
        .send(file.body);
    },
  });

  effectChainPages(scope);
}
