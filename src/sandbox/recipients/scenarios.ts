import type { AccountType, ReachabilityStatus } from "../soap/types.ts";
import { makePersonalIdentityNumber, makeSyntheticOrganisationNumber, organisationRecipientId } from "./identity-numbers.ts";

/**
 * The fixed synthetic recipients every emulator has: one situation each, the isReachable answer
 * it produces, what the operator does if a delivery arrives anyway, and what a conformant sender
 * does. The sender's decision follows the order the reference client applies its rules
 * (technical.md §5.1): SenderAccepted, then Pending, then a ServiceSupplier, then age ≥ 18.
 */

export type OperatorKey = "kivra" | "minmyndighetspost" | "billo" | "fortnox";

export type Operator = {
  key: OperatorKey;
  /** Shown as ServiceSupplier/Name; configurable per installation later. */
  name: string;
  /** Synthetic organisationsnummer (ten digits); ServiceSupplier/Id is 16 + this. */
  organisationNumber: string;
  uiAdress: string;
};

export const DEFAULT_OPERATORS: readonly Operator[] = [
  { key: "kivra", name: "Kivra", organisationNumber: makeSyntheticOrganisationNumber(101), uiAdress: "https://www.kivra.com" },
  {
    key: "minmyndighetspost",
    name: "Min myndighetspost",
    organisationNumber: makeSyntheticOrganisationNumber(102),
    uiAdress: "https://minmyndighetspost.se",
  },
  { key: "billo", name: "Billo", organisationNumber: makeSyntheticOrganisationNumber(103), uiAdress: "https://www.billo.se" },
  { key: "fortnox", name: "Fortnox", organisationNumber: makeSyntheticOrganisationNumber(104), uiAdress: "https://www.fortnox.se" },
];

/** What the operator's deliverSecure does with a delivery to this recipient. */
export type OperatorBehaviour = "delivered" | "not-delivered" | "fault" | "timeout";

export type SenderDecision =
  | { deliver: true }
  | { deliver: false; reason: "sender-not-accepted" | "mailbox-pending" | "no-mailbox" | "minor" };

export type ScenarioId =
  | "reachable-kivra"
  | "reachable-minmyndighetspost"
  | "reachable-billo"
  | "reachable-fortnox"
  | "reachable-samordningsnummer"
  | "reachable-organisation"
  | "sender-not-accepted"
  | "mailbox-pending"
  | "no-mailbox"
  | "minor"
  | "operator-not-delivered"
  | "operator-fault"
  | "operator-timeout";

/** An organisation's own synthetic recipient, by its row id (own-recipient.ts). */
export type OwnScenarioId = `own:${string}`;

export type Scenario = {
  id: ScenarioId | OwnScenarioId;
  recipientId: string;
  recipientKind: "personnummer" | "samordningsnummer" | "organisation";
  account: { type: AccountType; pending: boolean; operator: OperatorKey | null; senderAccepted: boolean };
  operatorBehaviour: OperatorBehaviour;
  expected: SenderDecision;
  /** English, for reports and the API; the UI has its own Swedish texts keyed by id. */
  description: string;
};

const person = (birthDate: string, birthNumber: number) => makePersonalIdentityNumber(birthDate, birthNumber);
const secureAt = (operator: OperatorKey, senderAccepted = true) => ({ type: "Secure" as const, pending: false, operator, senderAccepted });

export const SCENARIOS: readonly Scenario[] = [
  {
    id: "reachable-kivra",
    recipientId: person("1837-01-01", 239),
    recipientKind: "personnummer",
    account: secureAt("kivra"),
    operatorBehaviour: "delivered",
    expected: { deliver: true },
    description: "Adult with a mailbox at Kivra who accepts the sender; the delivery succeeds",
  },
  {
    id: "reachable-minmyndighetspost",
    recipientId: person("1836-02-14", 242),
    recipientKind: "personnummer",
    account: secureAt("minmyndighetspost"),
    operatorBehaviour: "delivered",
    expected: { deliver: true },
    description: "Adult with a mailbox at Min myndighetspost; tests routing by ServiceAdress",
  },
  {
    id: "reachable-billo",
    recipientId: person("1835-03-21", 257),
    recipientKind: "personnummer",
    account: secureAt("billo"),
    operatorBehaviour: "delivered",
    expected: { deliver: true },
    description: "Adult with a mailbox at Billo",
  },
  {
    id: "reachable-fortnox",
    recipientId: person("1834-04-30", 262),
    recipientKind: "personnummer",
    account: secureAt("fortnox"),
    operatorBehaviour: "delivered",
    expected: { deliver: true },
    description: "Adult with a mailbox at Fortnox",
  },
  {
    id: "reachable-samordningsnummer",
    recipientId: makePersonalIdentityNumber("1833-05-12", 275, "samordningsnummer"),
    recipientKind: "samordningsnummer",
    account: secureAt("kivra"),
    operatorBehaviour: "delivered",
    expected: { deliver: true },
    description: "Adult identified by a samordningsnummer (day + 60), mailbox at Kivra",
  },
  {
    id: "reachable-organisation",
    recipientId: organisationRecipientId(makeSyntheticOrganisationNumber(201)),
    recipientKind: "organisation",
    account: secureAt("kivra"),
    operatorBehaviour: "delivered",
    expected: { deliver: true },
    description: "Organisation (16 + organisationsnummer) with a mailbox at Kivra",
  },
  {
    id: "sender-not-accepted",
    recipientId: person("1832-06-06", 288),
    recipientKind: "personnummer",
    account: secureAt("kivra", false),
    operatorBehaviour: "delivered",
    expected: { deliver: false, reason: "sender-not-accepted" },
    description: "Mailbox at Kivra, but the recipient does not accept this sender (SenderAccepted=false): send on paper",
  },
  {
    id: "mailbox-pending",
    recipientId: person("1831-07-17", 293),
    recipientKind: "personnummer",
    account: { type: "Secure", pending: true, operator: "kivra", senderAccepted: true },
    operatorBehaviour: "delivered",
    expected: { deliver: false, reason: "mailbox-pending" },
    description: "Mailbox at Kivra not yet activated (Pending=true): do not deliver",
  },
  {
    id: "no-mailbox",
    recipientId: person("1830-08-28", 306),
    recipientKind: "personnummer",
    account: { type: "Not", pending: false, operator: null, senderAccepted: false },
    operatorBehaviour: "delivered",
    expected: { deliver: false, reason: "no-mailbox" },
    description: "No digital mailbox (Type=Not, no ServiceSupplier): send on paper",
  },
  {
    id: "minor",
    recipientId: person("2093-09-09", 311),
    recipientKind: "personnummer",
    account: secureAt("kivra"),
    operatorBehaviour: "delivered",
    expected: { deliver: false, reason: "minor" },
    description: "Reachable at Kivra, but under 18 (synthetic: born in the future): do not deliver",
  },
  {
    id: "operator-not-delivered",
    recipientId: person("1829-10-03", 324),
    recipientKind: "personnummer",
    account: secureAt("fortnox"),
    operatorBehaviour: "not-delivered",
    expected: { deliver: true },
    description: "Reachable at Fortnox, whose deliverSecure answers Delivered=false: treat as not delivered",
  },
  {
    id: "operator-fault",
    recipientId: person("1828-11-19", 337),
    recipientKind: "personnummer",
    account: secureAt("minmyndighetspost"),
    operatorBehaviour: "fault",
    expected: { deliver: true },
    description: "Reachable at Min myndighetspost, whose deliverSecure answers with an applicationFault: log CallId, retry or fall back",
  },
  {
    id: "operator-timeout",
    recipientId: person("1827-12-24", 340),
    recipientKind: "personnummer",
    account: secureAt("billo"),
    operatorBehaviour: "timeout",
    expected: { deliver: true },
    description: "Reachable at Billo, whose deliverSecure never answers: the sender's timeout and retry policy must apply",
  },
];

export const scenarioById = (id: ScenarioId): Scenario => {
  const s = SCENARIOS.find((x) => x.id === id);
  if (!s) throw new Error(`unknown scenario ${id}`);
  return s;
};
export const scenarioForRecipient = (recipientId: string): Scenario | undefined => SCENARIOS.find((s) => s.recipientId === recipientId);

export type ReachabilityContext = {
  operators?: readonly Operator[];
  /** Where the emulator serves an operator's deliverSecure: the ServiceAdress isReachable hands out. */
  serviceAdressFor: (operator: Operator) => string;
};

const LAST_REGISTRATION = "2024-01-15T09:30:00.000+01:00";

/** The rcp:ReachabilityStatus isReachable returns for a scenario's recipient. */
export function reachabilityFor(scenario: Scenario, context: ReachabilityContext): ReachabilityStatus {
  const operators = context.operators ?? DEFAULT_OPERATORS;
  const operator = scenario.account.operator ? operators.find((o) => o.key === scenario.account.operator) : undefined;
  if (scenario.account.operator && !operator) throw new Error(`no operator ${scenario.account.operator} configured`);
  return {
    accountStatus: {
      recipientId: scenario.recipientId,
      type: scenario.account.type,
      pending: scenario.account.pending,
      ...(operator
        ? {
            serviceSupplier: {
              id: organisationRecipientId(operator.organisationNumber),
              name: operator.name,
              serviceAdress: context.serviceAdressFor(operator),
              uiAdress: operator.uiAdress,
              internalServiceAdress: "",
            },
            lastRegistration: LAST_REGISTRATION,
          }
        : {}),
    },
    senderAccepted: scenario.account.senderAccepted,
  };
}
