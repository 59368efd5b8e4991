/**
 * How many calls without an accepted certificate an environment records per minute. Anyone who
 * knows an environment's address can send them, and each would be a row in the database; past
 * the budget they are still answered and refused, only no longer written, until the minute turns.
 * The organisation's own calls (with an accepted certificate) are never limited here.
 */
export const REFUSALS_RECORDED_PER_MINUTE = 120;

export class RefusalBudget {
  private readonly spent = new Map<string, { minute: number; count: number }>();

  constructor(private readonly perMinute = REFUSALS_RECORDED_PER_MINUTE) {}

  /** Whether one more refusal in this environment (or outside any, key null) may be recorded at `at`. */
  take(environmentId: string | null, at: Date): boolean {
    const key = environmentId ?? "";
    const minute = Math.floor(at.getTime() / 60_000);
    const current = this.spent.get(key);
    if (!current || current.minute !== minute) {
      // A new minute: the map holds one entry per environment that was refused, never more.
      this.spent.set(key, { minute, count: 1 });
      return true;
    }
    if (current.count >= this.perMinute) return false;
    current.count += 1;
    return true;
  }
}
