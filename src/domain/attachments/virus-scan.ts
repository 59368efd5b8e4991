/**
 * A virus scanner as the upload sees it: ClamAV's daemon in production (src/attachments/clamd-scanner.ts),
 * a stand-in in tests. It throws when it cannot answer; the upload is then refused, never stored unscanned.
 */
export type ScanResult = { clean: true } | { clean: false; signature: string };
export type VirusScanner = (bytes: Uint8Array) => Promise<ScanResult>;
