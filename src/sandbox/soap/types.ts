/**
 * The sender-facing messages as data. Property names follow the contract's element names,
 * misspellings included (`serviceAdress`), so the mapping to XML stays obvious.
 */

/** rcp:RecipientId: 16+orgnr, or a 12-digit personnummer or samordningsnummer. */
export const RECIPIENT_ID_PATTERN =
  /^(?:(16\d{10})|((18|19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{4})|((18|19|20)\d{2}(0[1-9]|1[0-2])(\d{2})\d{4}))$/;
/** snd:OrganizationNumber: exactly 12 characters, 16 + ten digits. */
export const ORGANIZATION_NUMBER_PATTERN = /^16\d{10}$/;

export type AccountType = "Secure" | "Anonymous" | "Not";

export type ServiceSupplier = {
  /** snd:OrganizationNumber of the mailbox operator */
  id: string;
  name: string;
  logo?: string;
  /** (sic) where the sender calls deliverSecure */
  serviceAdress: string;
  uiAdress?: string;
  /** Required by the schema; empty in every recorded response. */
  internalServiceAdress: string;
};

export type AccountStatus = {
  recipientId: string;
  type: AccountType;
  pending: boolean;
  serviceSupplier?: ServiceSupplier;
  /** xs:dateTime */
  lastRegistration?: string;
};

export type ReachabilityStatus = {
  accountStatus: AccountStatus;
  senderAccepted: boolean;
  lastSenderAcceptChange?: string;
};

export type DeliveryStatus = { recipientId: string; delivered: boolean };
/** svc:DeliveryResult: at least one status. */
export type DeliveryResult = { transId: string; statuses: [DeliveryStatus, ...DeliveryStatus[]] };

export type SenderInfo = { id: string; name: string; attention?: string };

/** cmn3:ExceptionInformation: ErrorCode 1..9998, CallId 20..50 characters. */
export type ApplicationFault = { errorCode: number; description: string; callId: string };

/** The fault the WSDL declares: applicationFault (Recipient v3, Service v3) or the Authority WSDL's getSendersFault (v1). */
export type FaultDetail = { element: "applicationFault" | "getSendersFault"; fault: ApplicationFault };

/** A SOAP 1.1 fault (§4.4.1 names the four faultcodes, all in the envelope's namespace). */
export type SoapFault =
  | { faultcode: "soap:Client" | "soap:Server"; faultstring: string; detail?: FaultDetail }
  /**
   * About the envelope's version or a header block, never the Body, so without detail: §4.4 keeps
   * detail for errors of the Body, and the contract declares no fault for these.
   */
  | { faultcode: "soap:VersionMismatch" | "soap:MustUnderstand"; faultstring: string; detail?: never };
