import { auditKeyOf } from "../../src/domain/audit/audit-key.ts";
import { secretBox } from "../../src/secrets/secret-box.ts";

/**
 * The one secret key of the test suite: the template database's sandbox authority is sealed with
 * it in global-setup.ts, and every test app opens it with the same. Not secret, and never used
 * outside tests.
 */
export const TEST_SECRETS = secretBox(Buffer.alloc(32, 7));

/** The audit log's signing key under TEST_SECRETS, which tests/support/audit-key-setup.ts sets for every test file. */
export const TEST_AUDIT_KEY = auditKeyOf(TEST_SECRETS);
