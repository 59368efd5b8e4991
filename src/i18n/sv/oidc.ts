/** Inloggning med organisationens egen identitetsleverantör, OpenID Connect (issue 15). */
export const svOidc = {
  oidc: {
    signInWith: "Logga in med {name}",
    providersHeading: "Med din organisations inloggning",
    passwordHeading: "Med e-post och lösenord",
    unreachable:
      "Det gick inte att nå inloggningstjänsten {name} just nu (den svarade inte, eller inte som en OpenID Connect-tjänst). Försök igen om en stund, logga in på annat sätt, eller kontakta din organisations IT-stöd.",
    cancelled: "Inloggningen med {name} avbröts eller nekades hos inloggningstjänsten. Du är inte inloggad.",
    refused: {
      title: "Inloggningen gick inte igenom",
      back: "Tillbaka till inloggningen",
      noSession: "Du är inte inloggad.",
      reasons: {
        state_missing: "Svaret från inloggningstjänsten saknade den kontrollkod Ansluta skickade med. Börja om från inloggningssidan.",
        state_unknown:
          "Svaret från inloggningstjänsten hör inte till en inloggning som påbörjades i den här webbläsaren, eller har redan använts. Börja om från inloggningssidan.",
        state_expired: "Inloggningen tog för lång tid (mer än tio minuter). Börja om från inloggningssidan.",
        provider_unavailable:
          "Inloggningstjänsten är inte längre påslagen i Ansluta. Logga in på annat sätt, eller fråga en administratör.",
        provider_unreachable:
          "Det gick inte att nå inloggningstjänsten just nu (den svarade inte, eller inte som en OpenID Connect-tjänst). Försök igen om en stund.",
        provider_refused: "Inloggningstjänsten avbröt eller nekade inloggningen.",
        token_invalid:
          "Inloggningstjänstens svar kunde inte kontrolleras (signatur, utfärdare, mottagare, giltighetstid eller engångskod stämde inte). Börja om; händer det igen, kontakta en administratör.",
        email_missing:
          "Inloggningstjänsten uppgav ingen e-postadress, och Ansluta behöver en för att skapa ditt konto. Be din organisations IT-stöd att skicka med e-postadressen, eller be en administratör om ett konto.",
        email_unverified:
          "Inloggningstjänsten har inte bekräftat din e-postadress, så Ansluta skapar inget konto för den. Be din organisations IT-stöd eller en administratör om hjälp.",
        email_domain_not_served:
          "Din e-postadress hör inte till de domäner som den här inloggningstjänsten är registrerad för i Ansluta. Logga in på annat sätt, eller fråga en administratör.",
        account_exists:
          "Det finns redan ett konto i Ansluta med din e-postadress, med lösenord. Av säkerhetsskäl kopplas det inte ihop automatiskt. Logga in med lösenordet en gång och koppla inloggningstjänsten under Inställningar, eller be en administratör om hjälp.",
        identity_taken:
          "Din inloggning hos tjänsten är redan kopplad till ett annat konto i Ansluta. Logga in med det kontot, eller be en administratör om hjälp.",
        link_session_lost:
          "Kopplingen påbörjades av ett konto som inte längre är inloggat i den här webbläsaren. Logga in och börja om från Inställningar.",
      },
    },
    settings: {
      heading: "Inloggning via din organisation",
      intro: "Koppla ditt konto till din organisations inloggningstjänst, så kan du logga in med den i stället för med lösenord.",
      linkedTo: "Kopplat till {issuer} sedan {date}",
      none: "Ditt konto är inte kopplat till någon inloggningstjänst.",
      link: "Koppla till {name}",
      linked: "Ditt konto är nu kopplat till {name}. Nästa gång kan du logga in med den.",
    },
    admin: {
      nav: "Inloggningstjänster",
      title: "Inloggningstjänster (OpenID Connect)",
      intro:
        "Organisationernas egna inloggningstjänster, till exempel Microsoft Entra ID, ADFS, Keycloak eller en e-legitimationstjänst. Den som loggar in första gången får ett konto med e-postadressen från tjänsten; ett befintligt konto med lösenord kopplas bara av sin ägare eller en administratör.",
      redirectUri: "Omdirigerings-URI att registrera hos tjänsten",
      redirectUriHint: "Samma adress för alla tjänster.",
      listHeading: "Registrerade tjänster",
      none: "Inga inloggningstjänster är registrerade.",
      name: "Namn",
      issuer: "Utfärdare (issuer)",
      clientId: "Klient-id",
      domains: "E-postdomäner",
      anyDomain: "Alla",
      status: "Status",
      on: "På",
      off: "Avstängd",
      actions: "Åtgärder",
      enable: "Slå på",
      disable: "Stäng av",
      remove: "Ta bort",
      addHeading: "Registrera en inloggningstjänst",
      issuerHint:
        "Tjänstens issuer-adress, till exempel https://login.microsoftonline.com/<tenant>/v2.0. Ansluta hämtar resten från /.well-known/openid-configuration.",
      clientSecret: "Klienthemlighet",
      clientSecretHint: "Sparas krypterad; den visas aldrig igen.",
      displayName: "Namn på inloggningsknappen",
      displayNameHint: "Visas som ”Logga in med …”, till exempel Sundsvalls kommun.",
      emailDomainsHint:
        "Valfritt. Kommaseparerade domäner vars adresser tjänsten går i god för, till exempel sundsvall.se. Tomt: alla adresser med bekräftad e-post.",
      scopes: "Scopes",
      scopesHint: "Valfritt. Standard: openid email profile.",
      submit: "Registrera",
      added: "Inloggningstjänsten {name} är registrerad.",
      enabled: "Inloggningstjänsten {name} är påslagen.",
      disabled: "Inloggningstjänsten {name} är avstängd.",
      removed: "Inloggningstjänsten {name} är borttagen.",
    },
  },
} as const;
