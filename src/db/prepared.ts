import type { Database } from "./database.ts";

/**
 * A prepared query built once per database, not per request: building a query is most of drizzle's
 * cost on a small read, and on PostgreSQL a named statement is parsed and planned once per
 * connection. For the reads every page or API call makes (its identity, its organisations).
 */
export function preparedFor<T>(build: (db: Database) => T): (db: Database) => T {
  const cache = new WeakMap<Database, T>();
  return (db) => {
    let prepared = cache.get(db);
    if (!prepared) {
      prepared = build(db);
      cache.set(db, prepared);
    }
    return prepared;
  };
}
