import { notFound } from "../shared/domain-error.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import { getDeliverable } from "./deliverables.ts";
import { diffVersions, type VersionDiff } from "./version-diff.ts";

/**
 * Two versions of a deliverable compared section by section. Read through getDeliverable, so an
 * outsider gets 404 as for the deliverable itself, and so does a version that does not exist.
 */
export async function compareDeliverableVersions(
  ctx: Pick<UseCaseContext, "db" | "actor"> & { deliverableId: string; from: number; to: number },
): Promise<VersionDiff> {
  const deliverable = await getDeliverable(ctx);
  return compareLoadedVersions(deliverable, ctx.from, ctx.to);
}

/** The same for a deliverable already read (the compare page reads it for its form too). */
export function compareLoadedVersions(
  deliverable: { template: readonly { id: string }[]; versions: readonly { version: number; sections: Record<string, string> }[] },
  from: number,
  to: number,
): VersionDiff {
  const versionOf = (n: number) => {
    const found = deliverable.versions.find((v) => v.version === n);
    if (!found) throw notFound("deliverable version");
    return found;
  };
  return diffVersions({ sectionIds: deliverable.template.map((s) => s.id), from: versionOf(from).sections, to: versionOf(to).sections });
}
