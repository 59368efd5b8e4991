import type { Widen } from "../messages.ts";
import type { svCommunications } from "../sv/communications.ts";

export const enCommunications: Widen<typeof svCommunications> = {
  partners: {
    title: "Partners of {initiative}",
    lead: "The partners receive the message to partners after every milestone decision: an organisation in Ansluta in its inbox, an external party by e-mail. They see the message, not the initiative.",
    link: "Partners",
    caption: "Partners",
    name: "Name",
    reachedBy: "Receives the message",
    inbox: "Its inbox in Ansluta (organisation number {number})",
    emailTo: "E-mail to {email}",
    remove: "Remove {name}",
    removeHeading: "Remove",
    none: "The initiative has no partners. The message to partners then goes to nobody, and the decision shows “no partners”.",
    addOrganisationHeading: "Add an organisation in Ansluta",
    organisationLabel: "Organisation",
    organisationHint: "The organisation reads the message in its inbox in Ansluta.",
    chooseOrganisation: "Choose an organisation",
    noOtherOrganisations: "There are no other organisations in Ansluta. Add the partner as an external party with an e-mail address.",
    addOrganisation: "Add the organisation",
    addExternalHeading: "Add an external party",
    externalName: "Name of the party",
    externalNameHint: "For example a company, an intermediary or a contact person.",
    externalEmail: "E-mail address",
    externalEmailHint: "The message is e-mailed here.",
    addExternal: "Add the external party",
    added: "{name} has been added as a partner.",
    removed: "The partner has been removed.",
    readOnly: "The initiative's project manager, participants and business owner can change the partners.",
    fieldErrors: {
      partner_duplicate: "The party is already a partner of the initiative.",
      partner_own_organisation: "Your own organisation is not a partner; it receives the message to your own organisation.",
      partner_unknown_organisation:
        "No organisation with this organisation number uses Ansluta. Add it as an external party with an e-mail address.",
    },
  },
  recipients: {
    heading: "Recipients",
    noPartners: "no partners",
    sent: "Sent, unread",
    read: "Read {date}",
    emailed: "E-mailed to {email}",
    message: "The message",
    to: "To",
    toRecipient: "To {name}",
  },
};
