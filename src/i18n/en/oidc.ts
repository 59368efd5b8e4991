import type { Widen } from "../messages.ts";
import type { svOidc } from "../sv/oidc.ts";

export const enOidc: Widen<typeof svOidc> = {
  oidc: {
    signInWith: "Sign in with {name}",
    providersHeading: "With your organisation's sign-in",
    passwordHeading: "With e-mail and password",
    unreachable:
      "The sign-in service {name} could not be reached just now (it did not answer, or not as an OpenID Connect service). Try again in a while, sign in another way, or contact your organisation's IT support.",
    cancelled: "Signing in with {name} was cancelled or refused at the sign-in service. You are not signed in.",
    continue: {
      title: "Taking you to {name}",
      text: "If nothing happens within a few seconds, follow the link.",
      link: "Continue to {name}",
    },
    passwordOff: "Your organisation signs in with {name}, so password login is turned off for your account. Sign in with {name} below.",
    passwordOptional:
      "Does your organisation sign in with its own identity provider? Give only your e-mail address and leave the password empty, and you will be sent there.",
    refused: {
      title: "Sign-in did not go through",
      back: "Back to sign-in",
      noSession: "You are not signed in.",
      reasons: {
        state_missing: "The sign-in service's answer lacked the check value Ansluta sent along. Start again from the sign-in page.",
        state_unknown:
          "The sign-in service's answer does not belong to a sign-in started in this browser, or has been used already. Start again from the sign-in page.",
        state_expired: "The sign-in took too long (more than ten minutes). Start again from the sign-in page.",
        provider_unavailable: "The sign-in service is no longer turned on in Ansluta. Sign in another way, or ask an administrator.",
        provider_unreachable:
          "The sign-in service could not be reached just now (it did not answer, or not as an OpenID Connect service). Try again in a while.",
        provider_refused: "The sign-in service cancelled or refused the sign-in.",
        token_invalid:
          "The sign-in service's answer could not be verified (signature, issuer, audience, lifetime or one-time value did not match). Start again; if it happens again, contact an administrator.",
        email_missing:
          "The sign-in service gave no e-mail address, and Ansluta needs one to create your account. Ask your organisation's IT support to include it, or ask an administrator for an account.",
        email_unverified:
          "The sign-in service has not confirmed your e-mail address, so Ansluta does not create an account for it. Ask your organisation's IT support or an administrator for help.",
        email_domain_not_served:
          "Your e-mail address is not in the domains this sign-in service is registered for in Ansluta. Sign in another way, or ask an administrator.",
        account_exists:
          "Ansluta already has an account with your e-mail address, with a password. For your security it is not linked automatically. Sign in with the password once and link the sign-in service under Settings, or ask an administrator for help.",
        identity_taken:
          "Your sign-in at the service is already linked to another Ansluta account. Sign in with that account, or ask an administrator for help.",
        link_session_lost:
          "The linking was started by an account no longer signed in in this browser. Sign in and start again from Settings.",
      },
    },
    settings: {
      heading: "Sign-in through your organisation",
      intro: "Link your account to your organisation's sign-in service, and you can sign in with it instead of a password.",
      linkedTo: "Linked to {issuer} since {date}",
      none: "Your account is not linked to any sign-in service.",
      link: "Link to {name}",
      linked: "Your account is now linked to {name}. Next time you can sign in with it.",
    },
    admin: {
      backToList: "All identity providers",
      logoutUri: "Address after logout to register at the provider (post_logout_redirect_uri)",
      editHeading: "Registration",
      clientSecretKeep: "Leave empty to keep the stored secret. It is never shown.",
      membershipClaim: "Membership claim",
      membershipClaimHint:
        "Optional. The name of the ID token claim that lists groups or roles, e.g. groups, roles or realm_access.roles. Empty: memberships are managed in Ansluta.",
      save: "Save the registration",
      saved: "The registration of {name} has been saved.",
      mappingsHeading: "Memberships from claims",
      mappingsIntro:
        "At each sign-in the person gets exactly the memberships the values of the claim {claim} give in the organisations below, and loses those no value gives any more. Memberships in other organisations are managed in Ansluta. A token without the claim changes nothing. Every change is logged.",
      mappingsOff: "Give a membership claim above to let the provider decide memberships. Until then memberships are managed in Ansluta.",
      claimValue: "Claim value",
      claimValueHint: "Exactly as the provider sends it, e.g. the group's name or id.",
      organisation: "Organisation",
      organisationNumber: "The organisation's organisation number",
      organisationNumberHint: "Ten digits, e.g. 212000-2411.",
      roles: "Roles",
      addMapping: "Add a value",
      addMappingSubmit: "Add",
      mappingAdded: "The value {value} now gives a membership.",
      mappingRemoved: "The value no longer gives a membership. It affects people at their next sign-in.",
      grantsHeading: "Link an existing account",
      grantsIntro:
        "An account with a password is not linked automatically when the same e-mail address signs in through the provider. Grant leave for an account here: at its next sign-in through the provider, within 14 days and with an address the provider vouches for, the account is linked. People can also link their own account under Settings.",
      grantEmail: "The account's e-mail address",
      grantSubmit: "Grant leave to link",
      granted: "{email} is linked at the next sign-in through the provider (within 14 days).",
      grantUntil: "{name} ({email}), until {date}",
      revoke: "Revoke",
      revoked: "The leave has been revoked.",
      identitiesHeading: "Linked accounts ({n})",
      identitiesCaption: "Accounts linked to the provider",
      noIdentities: "No accounts are linked to the provider yet.",
      person: "Person",
      subject: "Id at the provider (sub)",
      linkedSince: "Linked",
      lastSignIn: "Last sign-in",
      never: "Never",
      unlink: "Unlink",
      unlinked: "The account of {email} has been unlinked from the provider.",
      nav: "Sign-in services",
      title: "Sign-in services (OpenID Connect)",
      intro:
        "The organisations' own sign-in services, such as Microsoft Entra ID, ADFS, Keycloak or an e-ID service. Whoever signs in for the first time gets an account with the service's e-mail address; an existing password account is linked only by its owner or an administrator.",
      redirectUri: "Redirect URI to register at the service",
      redirectUriHint: "The same address for every service.",
      listHeading: "Registered services",
      none: "No sign-in services are registered.",
      name: "Name",
      issuer: "Issuer",
      clientId: "Client id",
      domains: "E-mail domains",
      anyDomain: "All",
      status: "Status",
      on: "On",
      off: "Off",
      actions: "Actions",
      enable: "Turn on",
      disable: "Turn off",
      remove: "Remove",
      addHeading: "Register a sign-in service",
      issuerHint:
        "The service's issuer address, e.g. https://login.microsoftonline.com/<tenant>/v2.0. Ansluta reads the rest from /.well-known/openid-configuration.",
      clientSecret: "Client secret",
      clientSecretHint: "Kept encrypted; never shown again.",
      displayName: "Name on the sign-in button",
      displayNameHint: "Shown as “Sign in with …”, e.g. Sundsvalls kommun.",
      emailDomainsHint:
        "Optional. Comma-separated domains whose addresses the service vouches for, e.g. sundsvall.se. Empty: any address with a confirmed e-mail.",
      scopes: "Scopes",
      scopesHint: "Optional. Default: openid email profile.",
      submit: "Register",
      added: "The sign-in service {name} is registered.",
      enabled: "The sign-in service {name} is turned on.",
      disabled: "The sign-in service {name} is turned off.",
      removed: "The sign-in service {name} is removed.",
    },
  },
};
