import type ExcelJS from "exceljs";
import type { BusinessCaseYear, Scenario } from "../domain/business-case/business-case.ts";
import type { BenefitLine, CostLine } from "../domain/business-case/business-case-input.ts";
import type { ComputedBenefitYear, FlowYearInput } from "../domain/business-case/computed-benefits.ts";
import type { Sensitivity, SensitivityInput } from "../domain/business-case/sensitivity.ts";
import { format, messagesFor } from "../i18n/index.ts";

/**
 * The business case as an XLSX workbook with real numbers (issue 12), headers in Swedish whatever the
 * reader's language (the organisation's Excel is Swedish): Indata (the settings, the lines, the flows
 * and the reach used), Beräknade nyttor (digital messages × cost per letter as formulas), Resultat (per
 * year, with net, present value, NPV and payback as formulas over the sheet's inputs, each with the
 * value Ansluta computed cached, so a reader without recalculation sees the same numbers) and Känslighet.
 */

export type BusinessCaseWorkbookInput = {
  startYear: number;
  horizonYears: number;
  discountRate: number;
  costs: readonly CostLine[];
  benefits: readonly BenefitLine[];
  years: readonly BusinessCaseYear[];
  scenarios: Record<Scenario, { npv: number; paybackYear: number | null }>;
  computed: readonly ComputedBenefitYear[];
  sensitivity: Sensitivity;
  flows: readonly {
    name: string;
    recipientType: string;
    annualVolume: number;
    costPerLetterSek: number;
    productionMonth: string | null;
    years: readonly FlowYearInput[];
  }[];
};

const SEK = "#,##0.00";
const COUNT = "#,##0";
const sv = messagesFor("sv");

/** Where the settings sit on Indata: the formulas of Resultat point here. */
export const INDATA_CELLS = { startYear: "B2", horizonYears: "B3", discountRate: "B4" } as const;

function sensitivityName(input: SensitivityInput): string {
  const t = sv.businessCase;
  switch (input.kind) {
    case "cost":
      return format(t.inputs.cost, { category: t.costCategories[input.category] });
    case "benefit":
      return format(t.inputs.benefit, { category: t.benefitCategories[input.category] });
    case "flow":
      return format(t.inputs.flow, { name: input.name });
    case "discountRate":
      return t.inputs.discountRate;
  }
}

const header = (sheet: ExcelJS.Worksheet, row: number, values: string[]) => {
  const r = sheet.getRow(row);
  r.values = values;
  r.font = { bold: true };
};

function indataSheet(workbook: ExcelJS.Workbook, input: BusinessCaseWorkbookInput) {
  const t = sv.businessCase;
  const sheet = workbook.addWorksheet("Indata");
  sheet.columns = [{ width: 28 }, { width: 16 }, { width: 16 }, { width: 16 }, { width: 16 }, { width: 16 }, { width: 32 }];
  header(sheet, 1, ["Inställning", "Värde"]);
  sheet.getCell("A2").value = t.startYear;
  sheet.getCell(INDATA_CELLS.startYear).value = input.startYear;
  sheet.getCell("A3").value = t.horizonYears;
  sheet.getCell(INDATA_CELLS.horizonYears).value = input.horizonYears;
  sheet.getCell("A4").value = "Kalkylränta";
  sheet.getCell(INDATA_CELLS.discountRate).value = input.discountRate;
  sheet.getCell(INDATA_CELLS.discountRate).numFmt = "0.00%";

  let row = 6;
  sheet.getCell(`A${row}`).value = t.costsHeading;
  sheet.getCell(`A${row}`).font = { bold: true };
  header(sheet, ++row, ["Kategori", "År", "Lågt", "Förväntat", "Högt", "Anteckning"]);
  for (const l of input.costs) {
    sheet.getRow(++row).values = [t.costCategories[l.category], l.year, l.low, l.expected, l.high, l.note ?? ""];
    for (const c of ["C", "D", "E"]) sheet.getCell(`${c}${row}`).numFmt = SEK;
  }
  row += 2;
  sheet.getCell(`A${row}`).value = t.benefitsHeading;
  sheet.getCell(`A${row}`).font = { bold: true };
  header(sheet, ++row, ["Kategori", "Mottagare", "År", "Lågt", "Förväntat", "Högt", "Anteckning"]);
  for (const l of input.benefits) {
    sheet.getRow(++row).values = [
      t.benefitCategories[l.category],
      t.beneficiaries[l.beneficiary],
      l.year,
      l.low,
      l.expected,
      l.high,
      l.note ?? "",
    ];
    for (const c of ["D", "E", "F"]) sheet.getCell(`${c}${row}`).numFmt = SEK;
  }
  row += 2;
  sheet.getCell(`A${row}`).value = "Flöden";
  sheet.getCell(`A${row}`).font = { bold: true };
  header(sheet, ++row, ["Flöde", "År", "Brev", "Räckvidd", "Digitala meddelanden", "Kostnad per brev", "Planerad produktion"]);
  for (const f of input.flows)
    for (const y of f.years) {
      sheet.getRow(++row).values = [f.name, y.year, y.volume, y.reachShare, y.digital, f.costPerLetterSek, f.productionMonth ?? ""];
      sheet.getCell(`C${row}`).numFmt = COUNT;
      sheet.getCell(`D${row}`).numFmt = "0.0%";
      sheet.getCell(`E${row}`).numFmt = COUNT;
      sheet.getCell(`F${row}`).numFmt = SEK;
    }
}

function computedSheet(workbook: ExcelJS.Workbook, input: BusinessCaseWorkbookInput) {
  const sheet = workbook.addWorksheet("Beräknade nyttor", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [{ width: 8 }, { width: 32 }, ...Array.from({ length: 7 }, () => ({ width: 18 }))];
  header(sheet, 1, [
    "År",
    "Flöde",
    "Digitala lågt",
    "Digitala förväntat",
    "Digitala högt",
    "Kostnad per brev",
    "Nytta lågt",
    "Nytta förväntat",
    "Nytta högt",
  ]);
  let row = 1;
  for (const y of input.computed)
    for (const f of y.flows) {
      row++;
      sheet.getRow(row).values = [y.year, f.name, f.digital.low, f.digital.expected, f.digital.high, f.costPerLetterSek];
      // The benefit is digital × cost per letter: a formula, with Ansluta's own result cached.
      sheet.getCell(`G${row}`).value = { formula: `C${row}*F${row}`, result: f.amount.low };
      sheet.getCell(`H${row}`).value = { formula: `D${row}*F${row}`, result: f.amount.expected };
      sheet.getCell(`I${row}`).value = { formula: `E${row}*F${row}`, result: f.amount.high };
      for (const c of ["C", "D", "E"]) sheet.getCell(`${c}${row}`).numFmt = COUNT;
      for (const c of ["F", "G", "H", "I"]) sheet.getCell(`${c}${row}`).numFmt = SEK;
    }
}

function resultSheet(workbook: ExcelJS.Workbook, input: BusinessCaseWorkbookInput) {
  const sheet = workbook.addWorksheet("Resultat");
  sheet.columns = [{ width: 36 }, ...Array.from({ length: 7 }, () => ({ width: 18 }))];
  header(sheet, 1, ["År", "Kostnader", "Nyttor", "Beräknade nyttor", "Netto", "Diskonteringsfaktor", "Nuvärde", "Ackumulerat netto"]);
  const rate = `Indata!$B$4`;
  const start = `Indata!$B$2`;
  let cumulative = 0;
  input.years.forEach((y, i) => {
    const r = i + 2;
    cumulative = Math.round((cumulative + y.net) * 100) / 100;
    const factor = (1 + input.discountRate) ** (y.year - input.startYear);
    sheet.getRow(r).values = [y.year, y.costs, y.benefits, y.computedBenefits];
    sheet.getCell(`E${r}`).value = { formula: `C${r}+D${r}-B${r}`, result: y.net };
    sheet.getCell(`F${r}`).value = { formula: `(1+${rate})^(A${r}-${start})`, result: factor };
    sheet.getCell(`G${r}`).value = { formula: `E${r}/F${r}`, result: Math.round((y.net / factor) * 100) / 100 };
    sheet.getCell(`H${r}`).value = { formula: `SUM(E$2:E${r})`, result: cumulative };
    for (const c of ["B", "C", "D", "E", "G", "H"]) sheet.getCell(`${c}${r}`).numFmt = SEK;
    sheet.getCell(`F${r}`).numFmt = "0.0000";
  });
  const last = input.years.length + 1;
  const top = last + 2;
  header(sheet, top, ["Scenario", "Nuvärde (NPV)", "Återbetalningsår"]);
  const scenarios: Scenario[] = ["low", "expected", "high"];
  scenarios.forEach((s, i) => {
    const r = top + 1 + i;
    const result = input.scenarios[s];
    sheet.getCell(`A${r}`).value = sv.businessCase.scenarios[s];
    if (s === "expected") {
      sheet.getCell(`B${r}`).value = { formula: `SUM(G2:G${last})`, result: result.npv };
      // The first year whose cumulative net is at least zero; empty when none is.
      sheet.getCell(`C${r}`).value = {
        formula: `IFERROR(INDEX(A2:A${last},MATCH(TRUE,INDEX(H2:H${last}>=0,0),0)),"")`,
        result: result.paybackYear ?? "",
      };
    } else {
      sheet.getCell(`B${r}`).value = result.npv;
      sheet.getCell(`C${r}`).value = result.paybackYear ?? "";
    }
    sheet.getCell(`B${r}`).numFmt = SEK;
  });
}

function sensitivitySheet(workbook: ExcelJS.Workbook, input: BusinessCaseWorkbookInput) {
  const sheet = workbook.addWorksheet("Känslighet", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [{ width: 36 }, { width: 18 }, { width: 18 }, { width: 18 }];
  header(sheet, 1, ["Indata", "NPV vid −20 %", "NPV vid +20 %", "Utslag"]);
  input.sensitivity.rows.forEach((s, i) => {
    const r = i + 2;
    sheet.getRow(r).values = [sensitivityName(s.input), s.npvDown, s.npvUp];
    sheet.getCell(`D${r}`).value = { formula: `ABS(C${r}-B${r})`, result: s.swing };
    for (const c of ["B", "C", "D"]) sheet.getCell(`${c}${r}`).numFmt = SEK;
  });
  const r = input.sensitivity.rows.length + 3;
  sheet.getCell(`A${r}`).value = "Förväntat nuvärde";
  sheet.getCell(`B${r}`).value = input.sensitivity.baseNpv;
  sheet.getCell(`B${r}`).numFmt = SEK;
}

export async function businessCaseWorkbook(input: BusinessCaseWorkbookInput): Promise<Buffer> {
  // exceljs loads with the first workbook rather than at start: it takes a quarter of a second to import.
  const { default: Excel } = await import("exceljs");
  const workbook = new Excel.Workbook();
  workbook.creator = "Ansluta";
  indataSheet(workbook, input);
  computedSheet(workbook, input);
  resultSheet(workbook, input);
  sensitivitySheet(workbook, input);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
