/*
 * Why requests take turns. libuv accepts at most one new connection per turn of the event loop, and
 * a turn serves every established connection whose request has arrived. When this thread is
 * saturated (the embedded database runs its queries on it), one turn lasts a hundred milliseconds or
 * more, so a new connection (a user, a load balancer's health check) waits seconds to be accepted
 * while the connections already in are served again and again. Measured on PGlite with 200
 * connections: 90 of them got their first answer only after five seconds, p99 26× p50.
 *
 * So a turn gets a budget of request work. Past it, requests wait in arrival order and start in a
 * later turn: turns stay short, the listening socket is polled often, and every connection is served
 * in order. Below saturation nothing waits: the first request of a turn always starts at once, and
 * the check costs a clock read.
 */

/**
 * Milliseconds of request work per turn. Measured on PGlite at 200 connections (bench, --quick): 10
 * still let a page's p99 reach 6× its p50 (the connections accepted last waited through the warm-up),
 * 5 kept every scenario within 1.8×, at the same throughput.
 */
export const TURN_BUDGET_MS = 5;

export type TurnBudget = {
  /** null: start now. Otherwise a promise that resolves when it is this request's turn. */
  admit: () => Promise<void> | null;
  /** Requests waiting for a later turn (for tests and metrics). */
  readonly waiting: number;
};

export type TurnBudgetOptions = {
  budgetMs?: number;
  /** A monotonic clock in milliseconds. */
  now?: () => number;
  /** Runs a callback after the current turn's I/O (setImmediate); what it schedules runs a turn later. */
  afterIo?: (callback: () => void) => void;
};

export function createTurnBudget({
  budgetMs = TURN_BUDGET_MS,
  now = () => performance.now(),
  afterIo = (callback) => setImmediate(callback),
}: TurnBudgetOptions = {}): TurnBudget {
  /** When this turn's first request work began; null until a request starts in the turn. */
  let turnStartedAt: number | null = null;
  const queue: (() => void)[] = [];

  function startTurn(): number {
    if (turnStartedAt === null) {
      turnStartedAt = now();
      // Scheduled before any release of this turn, so it runs first in the next check phase and the
      // releases after it measure a fresh turn.
      afterIo(() => {
        turnStartedAt = null;
      });
    }
    return turnStartedAt;
  }

  const spent = () => now() - startTurn() >= budgetMs;

  /** One waiting request starts if the turn has budget left; otherwise it tries again a turn later. */
  function releaseOne() {
    if (!queue.length) return;
    if (spent()) {
      afterIo(releaseOne);
      return;
    }
    // Its work runs in the microtasks right after this callback, before the next release is judged.
    queue.shift()?.();
  }

  return {
    admit() {
      // In order: while anyone waits, a newcomer waits behind them, even if the turn has budget left.
      if (!queue.length && !spent()) return null;
      return new Promise<void>((resolve) => {
        queue.push(resolve);
        afterIo(releaseOne);
      });
    },
    get waiting() {
      return queue.length;
    },
  };
}
