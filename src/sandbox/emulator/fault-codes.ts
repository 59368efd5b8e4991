/**
 * The ErrorCodes the emulator puts in applicationFault. The contract lists 4999, 5000–5005 and
 * 6004 without saying what they mean (technical.md §9.4), so this mapping is the emulator's own:
 * reports and the UI must label it "emulator mapping, not official".
 */
export const EMULATOR_ERROR_CODES = {
  internal: 4999,
  invalidRequest: 5000,
  invalidSignature: 5001,
  notAuthorised: 5002,
  recipientNotFound: 5003,
  tooLarge: 5004,
} as const;
