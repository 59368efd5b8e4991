import type { Actor } from "../domain/access/actor.ts";
import type { Locale, Messages } from "../i18n/index.ts";

/** Everything the layout needs to know about the request; pages receive it as `ctx`. */
export type PageContext = {
  locale: Locale;
  m: Messages;
  csrfToken: string;
  currentPath: string;
  /** Where the header's language and organisation switches return to: a page that answers GET. */
  returnTo: string;
  actor: Actor | null;
  /** Organisations the actor can switch between, with the active one marked. */
  organisations: { id: string; name: string }[];
  activeOrganisationId: string | null;
  notice: string | null;
  /** The page answers a form that was turned down (400, 409, 413, 422): its title says so first. */
  formRejected: boolean;
};

/** Field name → message code, in the order the fields appear on the form. */
export type FormErrors = { field: string; code: string }[];
export const errorFor = (errors: FormErrors | undefined, field: string) => errors?.find((e) => e.field === field)?.code;
