import { z } from "zod";
import type { Actor } from "../../../domain/access/actor.ts";
import { compareLoadedVersions } from "../../../domain/deliverables/compare-versions.ts";
import { ChangeStatusInput, CreateDeliverableInput, EditSectionsInput } from "../../../domain/deliverables/deliverable-input.ts";
import { APPROVING_ROLES } from "../../../domain/deliverables/deliverable-status.ts";
import { changeDeliverableStatus, createDeliverable, editDeliverable } from "../../../domain/deliverables/deliverables.ts";
import { workableInitiative } from "../../../domain/initiatives/read-initiatives.ts";
import { type FieldIssue, forbidden } from "../../../domain/shared/domain-error.ts";
import { parseOrThrow } from "../../../domain/shared/zod-issues.ts";
import { format } from "../../../i18n/index.ts";
import type { FormErrors } from "../../../ui/page-context.ts";
import { ApproveDeliverablePage, CONFIRM_FIELD } from "../../../ui/pages/initiatives/approve-deliverable-page.tsx";
import { CompareVersionsPage, DIFF_VIEWS } from "../../../ui/pages/initiatives/compare-versions-page.tsx";
import { approveHref, BASE_ETAG_FIELD, DeliverablePage, sectionField } from "../../../ui/pages/initiatives/deliverable-page.tsx";
import type { AppScope } from "../../app-scope.ts";
import { HTTP_STATUS } from "../../errors/error-map.ts";
import { normaliseText, str } from "../../form.ts";
import { type FormState, type PageView, redirect, show } from "../../page-route.ts";
import { ids, pathValue } from "../../path-id.ts";
import { deliverableAttachmentsView } from "../attachments/attachments.pages.tsx";
import { type DocumentPageContext, documentPageContext, deliverableContext as readDeliverable } from "./document-page-context.ts";

/** Section issues (["sections", id]) belong to that section's textarea. */
const sectionErrors = (issues: FieldIssue[]): FormErrors =>
  issues.map((i) => ({
    field: i.path[0] === "sections" && i.path[1] !== undefined ? sectionField(String(i.path[1])) : "form",
    code: i.code,
  }));

/** Deliverable pages: a document's versions, its sections to edit, and its way through review. */
export function deliverablesPages({ page, db, config }: AppScope) {
  page({
    method: "POST",
    url: "/initiatives/:initiativeId/deliverables",
    access: "session",
    params: ids("initiativeId"),
    handle: async ({ actor, now, m, params, body }) => {
      const initiative = await workableInitiative({ db, actor }, params.initiativeId);
      // The type comes from a button on the overview, so a bad one is a tampered request, not a form to redo.
      const input = parseOrThrow(CreateDeliverableInput, { deliverableTypeId: str(body, "deliverableTypeId") });
      const created = await createDeliverable({ db, actor, now, initiativeId: initiative.id, input });
      return redirect(`/deliverables/${created.id}`, format(m.initiatives.deliverable.created, { title: created.title }));
    },
  });

  type Input = { actor: Actor; params: { deliverableId: string } };
  /** A deliverable the actor may read, with the name of its initiative for the way back. */
  const deliverableContext = ({ actor, params }: Input) => readDeliverable(db, actor, params.deliverableId);
  /** The same with the comments, review candidates and history the document's page shows. */
  const pageContext = ({ actor, params }: Input) => documentPageContext(db, actor, params.deliverableId);

  /** The document's page, for the team that edits it and moves it through review. */
  const editableContext = (why: string) => async (input: Input) => {
    const context = await pageContext(input);
    if (!context.deliverable.permissions.edit) throw forbidden(why);
    return context;
  };

  page({
    method: "GET",
    url: "/deliverables/:deliverableId",
    access: "session",
    params: ids("deliverableId"),
    query: z.object({ version: z.unknown().optional() }),
    load: pageContext,
    render: async ({ loaded: { deliverable, initiative, collaboration }, query, actor }) => {
      // `?version=N` shows that version (a decision's frozen basis links to it); one that does not exist is not found.
      const shownVersion =
        query.version === undefined
          ? undefined
          : pathValue(
              z.coerce
                .number()
                .int()
                .positive()
                .refine((n) => deliverable.versions.some((v) => v.version === n)),
              query.version,
            );
      const attachments = await deliverableAttachmentsView({ db, config, actor }, deliverable);
      return (ctx) => (
        <DeliverablePage
          ctx={ctx}
          deliverable={deliverable}
          initiative={initiative}
          collaboration={collaboration}
          shownVersion={shownVersion}
          attachments={attachments(ctx)}
        />
      );
    },
  });

  /** A version number in the compare page's query: one that is not a version is simply not found. */
  const versionInQuery = z.coerce.number().int().positive();

  page({
    method: "GET",
    url: "/deliverables/:deliverableId/compare",
    access: "session",
    params: ids("deliverableId"),
    query: z.object({ from: z.unknown().optional(), to: z.unknown().optional(), view: z.enum(DIFF_VIEWS).optional() }),
    load: deliverableContext,
    render: ({ loaded: { deliverable, initiative }, query }) => {
      // Without a choice, the two latest versions: what changed since the version before.
      const [previous, latest] = deliverable.versions.slice(-2).map((v) => v.version);
      const from = query.from === undefined ? previous : pathValue(versionInQuery, query.from);
      const to = query.to === undefined ? latest : pathValue(versionInQuery, query.to);
      const diff = from !== undefined && to !== undefined ? compareLoadedVersions(deliverable, from, to) : null;
      return (ctx) => (
        <CompareVersionsPage
          ctx={ctx}
          deliverable={deliverable}
          initiative={initiative}
          from={from}
          to={to}
          diff={diff}
          view={query.view}
        />
      );
    },
  });

  page({
    method: "POST",
    url: "/deliverables/:deliverableId",
    access: "session",
    params: ids("deliverableId"),
    load: editableContext("only the team edits documents"),
    form: {
      // Only the sections the form sent: a missing field leaves its text as it is, never blanks it.
      read: (values, { deliverable }) => {
        const sections: Record<string, string> = {};
        for (const s of deliverable.template) {
          if (values[sectionField(s.id)] !== undefined) sections[s.id] = normaliseText(str(values, sectionField(s.id)));
        }
        return sections;
      },
      schema: EditSectionsInput,
      // The version the form was opened on; without it (an older form) the sections merge as in the API.
      input: (sections, values) => ({ sections, baseEtag: str(values, BASE_ETAG_FIELD) || undefined }),
      issues: sectionErrors,
    },
    render:
      ({
        loaded: { deliverable, initiative, collaboration },
        form,
      }: {
        loaded: DocumentPageContext;
        form?: FormState<Record<string, string>> | undefined;
      }): PageView =>
      (ctx) => <DeliverablePage ctx={ctx} deliverable={deliverable} initiative={initiative} collaboration={collaboration} form={form} />,
    handle: async ({ actor, now, m, body, loaded: { deliverable, initiative, collaboration }, data, shown }) => {
      // "Förhandsgranska": the page again with the text as typed and shown as it will look; nothing saved.
      if (str(body, "intent") === "preview")
        return show((ctx) => (
          <DeliverablePage
            ctx={ctx}
            deliverable={deliverable}
            initiative={initiative}
            collaboration={collaboration}
            form={{ values: shown, errors: [] }}
            preview={shown}
          />
        ));
      const after = await editDeliverable({ db, actor, now, deliverableId: deliverable.id, input: data });
      const t = m.initiatives.deliverable;
      const before = deliverable.versions[deliverable.versions.length - 1];
      const latest = after.versions[after.versions.length - 1];
      const notice =
        latest && before && latest.version > before.version
          ? format(t.savedNewVersion, { version: latest.version, previous: before.version })
          : latest?.contentHash === before?.contentHash
            ? t.unchanged
            : t.saved;
      return redirect(`/deliverables/${deliverable.id}`, notice);
    },
    // Someone saved meanwhile: show what is saved now beside the person's own text, which stays in the form.
    refused: async (e, input) =>
      e.code === "EDIT_CONFLICT"
        ? { errors: [{ field: BASE_ETAG_FIELD, code: "edit_conflict" }], status: 409, loaded: await pageContext(input) }
        : undefined,
  });

  /** Only those whose role may fastställa at all (deliverable-status.ts) are asked; the page says what else stands in the way. */
  const mayApproveByRole = (actor: Actor, organisationId: string) =>
    (actor.memberships.get(organisationId) ?? []).some((r) => APPROVING_ROLES.includes(r));
  const mayNotApprove = "only the projektledare or the verksamhetsägare may fastställa a document";

  page({
    method: "GET",
    url: "/deliverables/:deliverableId/faststall",
    access: "session",
    params: ids("deliverableId"),
    load: async (input) => {
      const context = await deliverableContext(input);
      if (!context.deliverable.permissions.edit || !mayApproveByRole(input.actor, context.deliverable.organisationId)) {
        throw forbidden(mayNotApprove);
      }
      return context;
    },
    render:
      ({ loaded: { deliverable, initiative } }) =>
      (ctx) => <ApproveDeliverablePage ctx={ctx} deliverable={deliverable} initiative={initiative} />,
  });

  page({
    method: "POST",
    url: "/deliverables/:deliverableId/status",
    access: "session",
    params: ids("deliverableId"),
    load: editableContext("only the team moves documents through review"),
    // The status comes from a button, so a bad one is a tampered request; refusals by role or
    // state (FORBIDDEN, STATUS_CHANGE_NOT_ALLOWED) reach the error pages through the error handler.
    handle: async ({ actor, now, m, loaded: { deliverable }, body }) => {
      const { status, baseEtag } = parseOrThrow(ChangeStatusInput, {
        status: str(body, "status"),
        baseEtag: str(body, BASE_ETAG_FIELD) || undefined,
      });
      // Fastställa only from the page that says what it means: a post without the confirmation goes there first.
      if (status === "faststalld" && str(body, CONFIRM_FIELD) !== "yes") {
        if (!mayApproveByRole(actor, deliverable.organisationId)) throw forbidden(mayNotApprove);
        return redirect(approveHref(deliverable.id));
      }
      const after = await changeDeliverableStatus({ db, actor, now, deliverableId: deliverable.id, status, baseEtag });
      const t = m.initiatives.deliverable;
      const latest = after.versions[after.versions.length - 1];
      const notices = {
        faststalld: format(t.approved, { version: latest?.version ?? "" }),
        for_granskning: t.submitted,
        utkast: t.backToDraft,
      };
      return redirect(`/deliverables/${deliverable.id}`, notices[status]);
    },
    refused: async (e, input) => {
      // Sections emptied or a writer confirming since the page was shown: the confirmation page says why, as it is now.
      if (e.code === "REQUIRED_SECTIONS_MISSING" || e.code === "SECOND_PERSON_REQUIRED") {
        const current = await deliverableContext(input);
        return show(
          (ctx) => <ApproveDeliverablePage ctx={ctx} deliverable={current.deliverable} initiative={current.initiative} />,
          HTTP_STATUS[e.code],
        );
      }
      // The button was pressed on a version that has changed since: show the page as it is now and say so.
      if (e.code !== "EDIT_CONFLICT") return undefined;
      const current = await pageContext(input);
      return show(
        (ctx) => (
          <DeliverablePage
            ctx={ctx}
            deliverable={current.deliverable}
            initiative={current.initiative}
            collaboration={current.collaboration}
            statusConflict
          />
        ),
        409,
      );
    },
  });
}
