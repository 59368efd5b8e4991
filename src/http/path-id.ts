import { z } from "zod";
import { DomainError } from "../domain/shared/domain-error.ts";

/** A path segment read with a schema; one that does not parse names nothing, so it is simply not found. */
export function pathValue<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new DomainError("NOT_FOUND", "not found");
  return r.data;
}

/** A page's id from its path: a malformed one is a page that does not exist (404), never a 400 or a 500. */
export const pathId = (value: string): string => pathValue(z.uuid(), value);

/** Path parameters that are all ids, for a page route: `ids("organisationId", "userId")`. */
export const ids = <K extends string>(...keys: K[]) => z.object(Object.fromEntries(keys.map((k) => [k, z.uuid()])) as Record<K, z.ZodUUID>);
