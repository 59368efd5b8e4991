/** Inloggning med organisationens egen identitetsleverantör, OpenID Connect (issue 15). */
export const svOidc = {
  oidc: {
    signInWith: "Logga in med {name}",
    providersHeading: "Med din organisations inloggning",
    passwordHeading: "Med e-post och lösenord",
    unreachable:
      "Det gick inte att nå inloggningstjänsten {name} just nu (den svarade inte, eller inte som en OpenID Connect-tjänst). Försök igen om en stund, logga in på annat sätt, eller kontakta din organisations IT-stöd.",
    cancelled: "Inloggningen med {name} avbröts eller nekades hos inloggningstjänsten. Du är inte inloggad.",
    continue: {
      title: "Du skickas vidare till {name}",
      text: "Om inget händer inom några sekunder, följ länken.",
      link: "Fortsätt till {name}",
    },
    passwordOff: "Din organisation loggar in med {name}, så inloggning med lösenord är avstängd för ditt konto. Logga in med {name} nedan.",
    passwordOptional:
      "Loggar din organisation in med en egen inloggningstjänst? Skriv bara din e-postadress och lämna lösenordet tomt, så skickas du dit.",
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
      backToList: "Alla inloggningstjänster",
      logoutUri: "Adress efter utloggning att registrera hos tjänsten (post_logout_redirect_uri)",
      editHeading: "Uppgifter om tjänsten",
      clientSecretKeep: "Lämna tomt för att behålla den sparade hemligheten. Den visas aldrig.",
      membershipClaim: "Anspråk för medlemskap",
      membershipClaimHint:
        "Valfritt. Namnet på det anspråk i ID-token som anger grupper eller roller, till exempel groups, roles eller realm_access.roles. Tomt: medlemskap hanteras i Ansluta.",
      save: "Spara uppgifterna",
      saved: "Uppgifterna om {name} har sparats.",
      mappingsHeading: "Medlemskap från anspråk",
      mappingsIntro:
        "Vid varje inloggning får personen exakt de medlemskap som värdena i anspråket {claim} ger i organisationerna nedan, och förlorar dem som inga värden längre ger. Medlemskap i andra organisationer hanteras i Ansluta. Saknas anspråket i token ändras ingenting. Varje ändring loggas.",
      mappingsOff: "Ange ett anspråk för medlemskap ovan för att låta tjänsten styra medlemskap. Tills dess hanteras medlemskap i Ansluta.",
      claimValue: "Värde i anspråket",
      claimValueHint: "Exakt som tjänsten skickar det, till exempel gruppens namn eller id.",
      organisation: "Organisation",
      organisationNumber: "Organisationens organisationsnummer",
      organisationNumberHint: "Tio siffror, till exempel 212000-2411.",
      roles: "Roller",
      addMapping: "Lägg till ett värde",
      addMappingSubmit: "Lägg till",
      mappingAdded: "Värdet {value} ger nu medlemskap.",
      mappingRemoved: "Värdet ger inte längre medlemskap. Det påverkar personerna vid deras nästa inloggning.",
      grantsHeading: "Koppla ett befintligt konto",
      grantsIntro:
        "Ett konto med lösenord kopplas inte automatiskt när samma e-postadress loggar in via tjänsten. Ge här tillstånd för ett konto: vid nästa inloggning via tjänsten, inom 14 dagar och med en e-postadress som tjänsten går i god för, kopplas kontot. Personen kan också själv koppla under Inställningar.",
      grantEmail: "Kontots e-postadress",
      grantSubmit: "Ge tillstånd att koppla",
      granted: "{email} kopplas vid nästa inloggning via tjänsten (inom 14 dagar).",
      grantUntil: "{name} ({email}), till {date}",
      revoke: "Återkalla",
      revoked: "Tillståndet är återkallat.",
      identitiesHeading: "Kopplade konton ({n})",
      identitiesCaption: "Konton som är kopplade till tjänsten",
      noIdentities: "Inga konton är kopplade till tjänsten ännu.",
      person: "Person",
      subject: "Id hos tjänsten (sub)",
      linkedSince: "Kopplat",
      lastSignIn: "Senaste inloggning",
      never: "Aldrig",
      unlink: "Koppla bort",
      unlinked: "Kontot för {email} är bortkopplat från tjänsten.",
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
