import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addMonths, measurementDue, nextMeasurementDue } from "./measurement-due.ts";

describe("adding months to a day", () => {
  it("keeps the day of the month where the month has it", () => {
    expect(addMonths("2027-01-15", 1)).toBe("2027-02-15");
    expect(addMonths("2027-11-30", 3)).toBe("2028-02-29");
    expect(addMonths("2027-10-05", 3)).toBe("2028-01-05");
    expect(addMonths("2027-03-31", 12)).toBe("2028-03-31");
  });

  it("ends at the month's last day when it is shorter: 31 January + 1 month is 28 or 29 February", () => {
    expect(addMonths("2027-01-31", 1)).toBe("2027-02-28");
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonths("2027-03-31", 1)).toBe("2027-04-30");
    expect(addMonths("2027-08-31", 6)).toBe("2028-02-29");
    expect(addMonths("2100-01-31", 1)).toBe("2100-02-28");
  });

  it("always lands in the month `n` months on, never earlier than the day", () => {
    const day = fc
      .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2090-12-31T00:00:00Z"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 60 }), (d, n) => {
        const out = addMonths(d, n);
        const [y, m] = d.split("-").map(Number) as [number, number];
        const [oy, om, od] = out.split("-").map(Number) as [number, number, number];
        expect(oy * 12 + om).toBe(y * 12 + m + n);
        expect(out > d).toBe(true);
        expect(Number.isNaN(Date.parse(`${out}T00:00:00Z`))).toBe(false);
        expect(od).toBeLessThanOrEqual(Number(d.slice(8)));
      }),
    );
  });
});

describe("when a benefit's measurement is due", () => {
  const plan = { frequencyMonths: 3, baselineDate: "2027-01-31", latestMeasurement: null };

  it("is due the frequency after the baseline date while nothing is measured", () => {
    expect(nextMeasurementDue(plan)).toBe("2027-04-30");
    expect(measurementDue(plan, "2027-04-29")).toBe(false);
    expect(measurementDue(plan, "2027-04-30")).toBe(true);
    expect(measurementDue(plan, "2027-06-01")).toBe(true);
  });

  it("counts from the latest measurement once there is one", () => {
    const measured = { ...plan, latestMeasurement: "2027-05-10" };
    expect(nextMeasurementDue(measured)).toBe("2027-08-10");
    expect(measurementDue(measured, "2027-08-09")).toBe(false);
    expect(measurementDue(measured, "2027-08-10")).toBe(true);
  });

  it("is never due without a planned frequency", () => {
    expect(nextMeasurementDue({ ...plan, frequencyMonths: null })).toBeNull();
    expect(measurementDue({ ...plan, frequencyMonths: null }, "2099-01-01")).toBe(false);
  });

  it("does not count from a measurement dated before the baseline", () => {
    expect(nextMeasurementDue({ ...plan, frequencyMonths: 1, latestMeasurement: "2026-12-01" })).toBe("2027-02-28");
  });
});
