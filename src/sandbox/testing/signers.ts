import { makeTestCertificate, type TestCertificate } from "./test-certificate.ts";

let signers: { sender: TestCertificate; intermediary: TestCertificate } | undefined;

/** Short keys: nothing checks key length yet, and RSA key generation is the slow part of a signed test. */
export const TEST_KEY_BITS = 1024;

/**
 * The avsändare (Sundsvalls kommun's organisationsnummer, as in the test world) and a förmedlare,
 * each with a throwaway key made once per test file and never written anywhere.
 */
export function testSigners() {
  signers ??= {
    sender: makeTestCertificate(
      { organisationName: "Sundsvalls kommun", organisationNumber: "2120002411" },
      { modulusLength: TEST_KEY_BITS },
    ),
    intermediary: makeTestCertificate(
      { organisationName: "Förmedlare Test AB", organisationNumber: "4020000305" },
      { modulusLength: TEST_KEY_BITS },
    ),
  };
  return signers;
}
