import {
  BENEFICIARIES,
  BENEFIT_CATEGORIES,
  type BenefitLine,
  COST_CATEGORIES,
  type CostLine,
} from "../../../domain/business-case/business-case-input.ts";
import { fieldErrorText, format, type Locale } from "../../../i18n/index.ts";
import { type FieldLabels, fieldId, ScrollableTable, Table } from "../../components/index.ts";
import { errorFor, type FormErrors, type PageContext } from "../../page-context.ts";
import { formatSek } from "../flows/flow-parts.tsx";
import { formNumberText } from "./business-case-parts.tsx";

/** A cost or benefit line as typed in the form (beneficiary unused for costs), so a refused form comes back as sent. */
export type LineFormRow = {
  category: string;
  beneficiary: string;
  year: string;
  low: string;
  expected: string;
  high: string;
  note: string;
};
export type LineList = "costs" | "benefits";
export type BusinessCaseFormValues = {
  startYear: string;
  horizonYears: string;
  discountRate: string;
  costs: LineFormRow[];
  benefits: LineFormRow[];
};

/** Empty rows under the lines: to add a line without JavaScript, fill one in and save. */
export const EXTRA_ROWS = 3;

export const EMPTY_ROW: LineFormRow = { category: "", beneficiary: "", year: "", low: "", expected: "", high: "", note: "" };

export const lineFormRow = (locale: Locale, l: CostLine | BenefitLine): LineFormRow => ({
  category: l.category,
  beneficiary: "beneficiary" in l ? l.beneficiary : "",
  year: String(l.year),
  low: formNumberText(locale, l.low),
  expected: formNumberText(locale, l.expected),
  high: formNumberText(locale, l.high),
  note: l.note ?? "",
});

const NUMBER_COLUMNS = ["year", "low", "expected", "high"] as const;

function columnLabels(ctx: PageContext) {
  const t = ctx.m.businessCase;
  return {
    category: t.categoryColumn,
    beneficiary: t.beneficiaryColumn,
    year: t.yearColumn,
    low: t.lowColumn,
    expected: t.expectedColumn,
    high: t.highColumn,
    note: t.noteColumn,
  };
}

/** The summary's names of every cell of the form, e.g. "Kostnad 2: Lågt". */
export function lineFieldLabels(ctx: PageContext, values: BusinessCaseFormValues): FieldLabels {
  const t = ctx.m.businessCase;
  const columns = columnLabels(ctx);
  const labels: Record<string, string> = {
    startYear: t.startYear,
    horizonYears: t.horizonYears,
    discountRate: t.discountRate,
    costs: t.costsHeading,
    benefits: t.benefitsHeading,
  };
  for (const list of ["costs", "benefits"] as const) {
    const line = list === "costs" ? t.costLine : t.benefitLine;
    for (let i = 0; i < values[list].length + EXTRA_ROWS; i++)
      for (const [key, column] of Object.entries(columns)) labels[`${list}.${i}.${key}`] = format(t.cellLabel, { line, n: i + 1, column });
  }
  return labels;
}

/** One cell's control, labelled (visually hidden: the column header says it) and with its error beside it. */
function Cell({
  ctx,
  name,
  label,
  errors,
  children,
}: {
  ctx: PageContext;
  name: string;
  label: string;
  errors: FormErrors | undefined;
  children: (a: { id: string; name: string; "aria-describedby"?: string; "aria-invalid"?: true }) => React.ReactNode;
}) {
  const id = fieldId(name);
  const error = errorFor(errors, name);
  return (
    <Table.Cell>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      {children({ id, name, ...(error ? { "aria-describedby": `${id}-error`, "aria-invalid": true } : {}) })}
      {error ? (
        <p className="ds-validation-message" data-field="validation" id={`${id}-error`}>
          {fieldErrorText(ctx.m, error)}
        </p>
      ) : null}
    </Table.Cell>
  );
}

/** The cost or benefit lines as the team edits them: one row of fields per line plus empty rows, each with a "remove" box. */
export function LinesTable({
  ctx,
  list,
  rows,
  errors,
}: {
  ctx: PageContext;
  list: LineList;
  rows: readonly LineFormRow[];
  errors: FormErrors | undefined;
}) {
  const t = ctx.m.businessCase;
  const columns = columnLabels(ctx);
  const benefits = list === "benefits";
  const categories: Record<string, string> = benefits ? t.benefitCategories : t.costCategories;
  const categoryKeys: readonly string[] = benefits ? BENEFIT_CATEGORIES : COST_CATEGORIES;
  const line = benefits ? t.benefitLine : t.costLine;
  const shown = [...rows, ...Array.from({ length: EXTRA_ROWS }, () => EMPTY_ROW)];
  const label = (i: number, column: string) => format(t.cellLabel, { line, n: i + 1, column });
  return (
    <ScrollableTable caption={benefits ? t.benefitsCaption : t.costsCaption}>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{columns.category}</Table.HeaderCell>
          {benefits ? <Table.HeaderCell>{columns.beneficiary}</Table.HeaderCell> : null}
          <Table.HeaderCell>{columns.year}</Table.HeaderCell>
          <Table.HeaderCell>{columns.low}</Table.HeaderCell>
          <Table.HeaderCell>{columns.expected}</Table.HeaderCell>
          <Table.HeaderCell>{columns.high}</Table.HeaderCell>
          <Table.HeaderCell>{columns.note}</Table.HeaderCell>
          <Table.HeaderCell>{t.removeColumn}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {shown.map((row, i) => {
          const name = (key: string) => `${list}.${i}.${key}`;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: the form's rows are numbered by their place
            <Table.Row key={i}>
              <Cell ctx={ctx} name={name("category")} label={label(i, columns.category)} errors={errors}>
                {(a) => (
                  <select {...a} className="ds-input" defaultValue={row.category || categoryKeys[0]}>
                    {categoryKeys.map((k) => (
                      <option key={k} value={k}>
                        {categories[k]}
                      </option>
                    ))}
                  </select>
                )}
              </Cell>
              {benefits ? (
                <Cell ctx={ctx} name={name("beneficiary")} label={label(i, columns.beneficiary)} errors={errors}>
                  {(a) => (
                    <select {...a} className="ds-input" defaultValue={row.beneficiary || BENEFICIARIES[0]}>
                      {BENEFICIARIES.map((k) => (
                        <option key={k} value={k}>
                          {t.beneficiaries[k]}
                        </option>
                      ))}
                    </select>
                  )}
                </Cell>
              ) : null}
              {NUMBER_COLUMNS.map((k) => (
                <Cell key={k} ctx={ctx} name={name(k)} label={label(i, columns[k])} errors={errors}>
                  {(a) => <input {...a} type="text" inputMode="decimal" className="ds-input input-short" defaultValue={row[k]} />}
                </Cell>
              ))}
              <Cell ctx={ctx} name={name("note")} label={label(i, columns.note)} errors={errors}>
                {(a) => <input {...a} type="text" className="ds-input" defaultValue={row.note} />}
              </Cell>
              <Table.Cell>
                <input type="checkbox" id={fieldId(name("remove"))} name={name("remove")} value="yes" />
                <label htmlFor={fieldId(name("remove"))} className="visually-hidden">
                  {format(t.removeLabel, { n: i + 1 })}
                </label>
              </Table.Cell>
            </Table.Row>
          );
        })}
      </Table.Body>
    </ScrollableTable>
  );
}

/** The lines as text, for those who read the business case. */
export function ReadOnlyLines({ ctx, list, lines }: { ctx: PageContext; list: LineList; lines: readonly (CostLine | BenefitLine)[] }) {
  const t = ctx.m.businessCase;
  const columns = columnLabels(ctx);
  const benefits = list === "benefits";
  if (!lines.length) return <p>{t.noLines}</p>;
  return (
    <ScrollableTable caption={benefits ? t.benefitsCaption : t.costsCaption}>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{columns.category}</Table.HeaderCell>
          {benefits ? <Table.HeaderCell>{columns.beneficiary}</Table.HeaderCell> : null}
          <Table.HeaderCell>{columns.year}</Table.HeaderCell>
          <Table.HeaderCell>{columns.low}</Table.HeaderCell>
          <Table.HeaderCell>{columns.expected}</Table.HeaderCell>
          <Table.HeaderCell>{columns.high}</Table.HeaderCell>
          <Table.HeaderCell>{columns.note}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {lines.map((l, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the lines have no identity but their place
          <Table.Row key={i}>
            <Table.Cell>{"beneficiary" in l ? t.benefitCategories[l.category] : t.costCategories[l.category]}</Table.Cell>
            {"beneficiary" in l ? <Table.Cell>{t.beneficiaries[l.beneficiary]}</Table.Cell> : null}
            <Table.Cell>{l.year}</Table.Cell>
            <Table.Cell>{formatSek(ctx.locale, l.low)}</Table.Cell>
            <Table.Cell>{formatSek(ctx.locale, l.expected)}</Table.Cell>
            <Table.Cell>{formatSek(ctx.locale, l.high)}</Table.Cell>
            <Table.Cell>{l.note ?? ""}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </ScrollableTable>
  );
}
