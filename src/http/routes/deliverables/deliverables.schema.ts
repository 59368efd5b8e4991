import { z } from "zod";

export const DeliverableParams = z.object({ deliverableId: z.uuid({ error: "invalid_id" }) });
/** Optimistic concurrency for changes to a deliverable: the ETag the caller read (RFC 9110 If-Match). */
export const IfMatchHeaders = z.object({
  "if-match": z
    .string()
    .max(1000, { error: "too_long" })
    .optional()
    .meta({ description: "The ETag of the deliverable as read (from GET); when it is no longer current: 409 EDIT_CONFLICT" }),
});

const Localised = z.object({ sv: z.string(), en: z.string() });

/** A person on a document version; name null for an account removed since. */
const Person = z.object({ id: z.string(), name: z.string().nullable() });

export const Deliverable = z.object({
  id: z.string(),
  initiativeId: z.string(),
  organisationId: z.string(),
  typeId: z.string(),
  title: z.string(),
  ownerId: z.string().nullable(),
  createdAt: z.string(),
  etag: z
    .string()
    .nullable()
    .meta({ description: "The latest version's entity tag, also sent as the ETag header: send it back as If-Match or baseEtag" }),
  template: z.array(
    z.object({
      id: z.string(),
      heading: Localised,
      guidance: Localised,
      required: z.boolean().meta({ description: "Must be written before a version is fastställd" }),
    }),
  ),
  versions: z.array(
    z.object({
      version: z.number(),
      status: z.enum(["utkast", "for_granskning", "faststalld"]),
      sections: z.record(z.string(), z.string()),
      contentHash: z.string(),
      createdAt: z.string(),
      updatedAt: z.string().meta({ description: "When the text was last written; a status change leaves it as it was" }),
      approvedAt: z.string().nullable(),
      createdBy: Person.nullable(),
      lastEditedBy: Person.nullable().meta({ description: "Who last wrote the text; with createdBy, the version's authors" }),
      approvedBy: Person.nullable().meta({ description: "Who fastställde the version" }),
    }),
  ),
  permissions: z.object({
    edit: z.boolean(),
    submit: z.boolean(),
    approve: z.boolean().meta({ description: "The caller may fastställa the latest version now" }),
  }),
  approvalBlockers: z
    .object({
      missingSections: z.array(z.string()).meta({ description: "Required sections of the latest version that are still empty" }),
      secondPersonRequired: z
        .boolean()
        .meta({ description: "The caller wrote the latest version and the organisation requires a second person to fastställa" }),
    })
    .nullable()
    .meta({ description: "What keeps the caller from fastställa the latest version; null where role or status do not allow it anyway" }),
});
