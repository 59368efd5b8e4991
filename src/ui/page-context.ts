import type { Actor } from "../domain/access/actor.ts";
import type { Locale, Messages } from "../i18n/index.ts";

/**
 * A one-shot confirmation after a redirect. With `at` (the id of an element on the page, the same
 * the redirect's fragment scrolls to) the page shows it beside that element, where the person's eyes
 * land, instead of at the top.
 */
export type Notice = { text: string; at: string | null };

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
  notice: Notice | null;
  /** The page answers a form that was turned down (400, 409, 413, 422): its title says so first. */
  formRejected: boolean;
};

/** Field name → message code, in the order the fields appear on the form. */
export type FormErrors = { field: string; code: string }[];
export const errorFor = (errors: FormErrors | undefined, field: string) => errors?.find((e) => e.field === field)?.code;
