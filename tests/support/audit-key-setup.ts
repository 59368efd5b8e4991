import { setAuditKey } from "../../src/domain/audit/audit-key.ts";
import { TEST_SECRETS } from "./test-secrets.ts";

// Every write moves the audit log's signed checkpoint, so every test file's process needs the key, as the server's start sets it.
setAuditKey(TEST_SECRETS);
