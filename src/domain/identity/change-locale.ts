import { updateUser } from "../../db/repositories/user-repository.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { UseCaseContext } from "../shared/use-case.ts";

export type Locale = "sv" | "en";
export const LOCALES: readonly Locale[] = ["sv", "en"];

export async function changeLocale({ db, actor, now, locale }: UseCaseContext & { locale: Locale }) {
  if (actor.locale === locale) return;
  await db.transaction(async (tx) => {
    await updateUser(tx, actor.userId, { locale });
    await recordAudit(
      tx,
      actor,
      { action: "user.change_locale", entityType: "user", entityId: actor.userId, before: { locale: actor.locale }, after: { locale } },
      now,
    );
  });
}
