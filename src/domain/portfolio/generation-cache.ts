import type { Database } from "../../db/database.ts";
import { type Generation, portfolioGeneration } from "../../db/repositories/portfolio-repository.ts";

/**
 * A read model kept per app server and database, keyed by one of the database's generation counters
 * (db/schema/portfolio.ts) and whatever else the result depends on (a month, a day). The triggers
 * advance the counter in the same commit as any change the model reads, and the counter is read
 * before the data, so a result is never filed under a generation newer than its data: a stale entry
 * is never served, and app servers stay stateless (each learns of another's writes from the
 * database). Requests that miss together compute once; a failed computation is forgotten.
 */
export function generationCache<T>(which: Generation, keep: number) {
  const caches = new WeakMap<Database, Map<string, Promise<T>>>();
  return async function cached(db: Database, key: string, compute: () => Promise<T>): Promise<T> {
    const full = `${await portfolioGeneration(db, which)}|${key}`;
    let cache = caches.get(db);
    if (!cache) {
      cache = new Map();
      caches.set(db, cache);
    }
    const hit = cache.get(full);
    if (hit) {
      // Most recently used last, so the oldest is the first to go.
      cache.delete(full);
      cache.set(full, hit);
      return hit;
    }
    const computing = compute();
    cache.set(full, computing);
    computing.catch(() => cache.delete(full));
    for (const old of cache.keys()) {
      if (cache.size <= keep) break;
      cache.delete(old);
    }
    return computing;
  };
}
