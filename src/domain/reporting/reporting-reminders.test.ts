import { describe, expect, it } from "vitest";
import { roundReminderDue } from "./reporting-reminders.ts";

describe("a reporting round's reminders", () => {
  const round = { deadline: "2027-03-31", remindDaysBefore: 7, remindDaysAfter: 3 };

  it("reminds from the given days before the deadline up to the deadline itself", () => {
    expect(roundReminderDue(round, "2027-03-23")).toBeNull();
    expect(roundReminderDue(round, "2027-03-24")).toBe("before");
    expect(roundReminderDue(round, "2027-03-31")).toBe("before");
  });

  it("reminds again the given days after the deadline, and not in between", () => {
    expect(roundReminderDue(round, "2027-04-01")).toBeNull();
    expect(roundReminderDue(round, "2027-04-02")).toBeNull();
    expect(roundReminderDue(round, "2027-04-03")).toBe("after");
    expect(roundReminderDue(round, "2027-05-15")).toBe("after");
  });

  it("reminds after at the earliest the day after the deadline, and before on the day with 0 days before", () => {
    const tight = { deadline: "2027-03-31", remindDaysBefore: 0, remindDaysAfter: 0 };
    expect(roundReminderDue(tight, "2027-03-30")).toBeNull();
    expect(roundReminderDue(tight, "2027-03-31")).toBe("before");
    expect(roundReminderDue(tight, "2027-04-01")).toBe("after");
  });
});
