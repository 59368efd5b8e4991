import type { Widen } from "../messages.ts";
import type { svAudit } from "../sv/audit.ts";

export const enAudit: Widen<typeof svAudit> = {
  audit: {
    title: "Audit log",
    intro: "Every change in Ansluta is logged here. The log is append-only, and each entry is chained to the previous one by a hash.",
    verify: "Verify the chain",
    verifiedOk: "The chain is intact and matches the signed checkpoint: {entries} entries verified, {expected} expected.",
    broken: {
      hash_mismatch: "The chain is broken at entry {seq}: the entry was changed after it was written.",
      prev_hash_mismatch: "The chain is broken at entry {seq}: an entry before it was removed or moved.",
      checkpoint_missing:
        "The signed checkpoint is missing, but the log has {found} entries. It may have been removed, or the log comes from a version without checkpoints: then the operator signs it once with npm run cli -- audit:anchor.",
      checkpoint_signature_invalid:
        "The checkpoint's signature does not match this installation's SECRET_KEY: the checkpoint was altered, or written under another key.",
      entries_missing:
        "Entries are missing: the signed checkpoint expects {expected} entries, the log has {found}. The newest entries, or all of them, were removed.",
      checkpoint_mismatch:
        "The log does not match the signed checkpoint at entry {seq} ({expected} entries expected, {found} found): the chain was recomputed, or entries were added outside Ansluta.",
      anomaly_recorded:
        "The chain is intact now, but at {at} Ansluta found that the log did not end where the signed checkpoint said (entry {checkpointSeq}, found {foundSeq}): the log was altered outside Ansluta. Investigate, then re-sign it with npm run cli -- audit:anchor.",
    },
    seq: "No.",
    at: "Time",
    actor: "Who",
    action: "Event",
    entity: "Object",
    change: "Change",
    system: "System",
    older: "Older entries",
    newer: "Newer entries",
    paging: "Page through the log",
    empty: "The log is empty.",
    noMatch: "No entries in the log match the filter.",
    filters: "Filter the log",
    anyone: "Anyone",
    anything: "All",
    entityType: "Kind of object",
    from: "From",
    to: "To (inclusive)",
    apply: "Show",
    clear: "Clear the filter",
    field: "Field",
    before: "Before",
    after: "After",
    wholeValue: "the value",
    changesOf: "Changes in entry {seq}",
  },
  outbox: {
    title: "Outbox",
    intro: "E-mail Ansluta has sent or is waiting to send. Without a mail server (SMTP_URL) messages stay here.",
    to: "To",
    subject: "Subject",
    created: "Created",
    status: "Status",
    sent: "Sent",
    pending: "Not sent",
    empty: "The outbox is empty.",
  },
};
