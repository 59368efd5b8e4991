import { Alert, Button, Heading, Label, Link, Select, SkipLink } from "@digdir/designsystemet-react";
import type { ReactNode } from "react";
import { can } from "../../domain/access/policy.ts";
import { format } from "../../i18n/index.ts";
import type { PageContext } from "../page-context.ts";
import { assetUrl } from "../static-assets.ts";

type NavItem = { href: string; label: string };

function navItems(ctx: PageContext): NavItem[] {
  const { m, actor } = ctx;
  // The method guide is public, so it is the one link anonymous visitors see.
  const method: NavItem = { href: "/method", label: m.nav.method };
  if (!actor) return [method];
  const items: NavItem[] = [
    { href: "/", label: m.nav.start },
    { href: "/initiatives", label: m.nav.initiatives },
    { href: "/organisations", label: m.nav.organisations },
    method,
    { href: "/inbox", label: m.nav.inbox },
    { href: "/sandbox/validate", label: m.nav.sandbox },
    { href: "/settings", label: m.nav.settings },
  ];
  if (can(actor, { action: "portfolio:read" })) items.splice(1, 0, { href: "/portfolio", label: m.portfolio.navLink });
  if (can(actor, { action: "reporting:manage" })) items.push({ href: "/reporting-rounds", label: m.reporting.nav });
  if (can(actor, { action: "audit:read" })) items.push({ href: "/admin/audit", label: m.nav.audit });
  if (can(actor, { action: "outbox:read" })) items.push({ href: "/admin/outbox", label: m.nav.outbox });
  if (can(actor, { action: "identity-providers:manage" })) items.push({ href: "/admin/identity-providers", label: m.oidc.admin.nav });
  return items;
}

const isCurrent = (current: string, href: string) => (href === "/" ? current === "/" : current.startsWith(href));

function OrganisationSwitcher({ ctx }: { ctx: PageContext }) {
  if (!ctx.actor || ctx.organisations.length === 0) return null;
  if (ctx.organisations.length === 1) {
    return <p className="header-organisation">{ctx.organisations[0]?.name}</p>;
  }
  return (
    <form method="post" action="/session/organisation" className="org-switcher">
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      <input type="hidden" name="returnTo" value={ctx.returnTo} />
      <Label htmlFor="org-switcher" data-size="sm">
        {ctx.m.layout.organisation}
      </Label>
      <Select id="org-switcher" name="organisationId" defaultValue={ctx.activeOrganisationId ?? undefined} data-size="sm">
        {ctx.organisations.map((o) => (
          <Select.Option key={o.id} value={o.id}>
            {o.name}
          </Select.Option>
        ))}
      </Select>
      <Button type="submit" variant="secondary" data-size="sm">
        {ctx.m.layout.switchOrganisation}
      </Button>
    </form>
  );
}

function LanguageSwitch({ ctx }: { ctx: PageContext }) {
  const other = ctx.locale === "sv" ? "en" : "sv";
  return (
    <form method="post" action="/language" className="inline-form">
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      <input type="hidden" name="locale" value={other} />
      <input type="hidden" name="returnTo" value={ctx.returnTo} />
      <Button type="submit" variant="tertiary" data-size="sm" lang={other}>
        {other === "en" ? ctx.m.layout.switchToEnglish : ctx.m.layout.switchToSwedish}
      </Button>
    </form>
  );
}

export function Layout({
  ctx,
  title,
  children,
  redirectTo,
}: {
  ctx: PageContext;
  title: string;
  children: ReactNode;
  /**
   * Sends the browser on at once (WCAG technique H76, an instant meta refresh): for a form whose
   * answer leads to another site, which the policy `form-action 'self'` forbids a redirect to.
   */
  redirectTo?: string;
}) {
  const items = navItems(ctx);
  return (
    <html lang={ctx.locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {redirectTo ? <meta httpEquiv="refresh" content={`0;url=${redirectTo}`} /> : null}
        <title>{`${ctx.formRejected ? ctx.m.layout.errorTitlePrefix : ""}${title} – ${ctx.m.app.name}`}</title>
        <link rel="icon" href={assetUrl("favicon.svg")} type="image/svg+xml" />
        <link rel="preload" href={assetUrl("fonts/inter-latin-400-normal.woff2")} as="font" type="font/woff2" crossOrigin="" />
        <link rel="stylesheet" href={assetUrl("fonts/inter.css")} />
        <link rel="stylesheet" href={assetUrl("designsystemet/theme.css")} />
        <link rel="stylesheet" href={assetUrl("designsystemet/index.css")} />
        <link rel="stylesheet" href={assetUrl("ansluta.css")} />
        <script src={assetUrl("ansluta.js")} defer />
      </head>
      <body>
        <SkipLink href="#main">{ctx.m.layout.skipToContent}</SkipLink>
        <header className="site-header">
          {/* On a narrow screen the tools and the menu fold behind one "Meny" button; <details> needs no
              script. On a wide screen the stylesheet shows the folded content and hides the button. */}
          <div className="site-header__inner">
            <a href="/" className="brand">
              <span className="brand__name">{ctx.m.app.name}</span>
              <span className="brand__tagline">{ctx.m.app.tagline}</span>
            </a>
            <details className="site-menu">
              <summary className="site-menu__button">{ctx.m.layout.menu}</summary>
              <div className="site-header__tools">
                <OrganisationSwitcher ctx={ctx} />
                <LanguageSwitch ctx={ctx} />
                {ctx.actor ? (
                  <form method="post" action="/logout" className="inline-form">
                    <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                    <span className="user-name">{format(ctx.m.layout.loggedInAs, { name: ctx.actor.name })}</span>{" "}
                    <Button type="submit" variant="tertiary" data-size="sm">
                      {ctx.m.layout.logout}
                    </Button>
                  </form>
                ) : null}
              </div>
              {items.length ? (
                <nav aria-label={ctx.m.layout.mainNav} className="site-nav">
                  <ul>
                    {items.map((i) => (
                      <li key={i.href}>
                        <a href={i.href} aria-current={isCurrent(ctx.currentPath, i.href) ? "page" : undefined}>
                          {i.label}
                        </a>
                      </li>
                    ))}
                  </ul>
                </nav>
              ) : null}
            </details>
          </div>
        </header>
        <main id="main" tabIndex={-1} className="site-main">
          {ctx.notice && ctx.notice.at === null ? (
            <Alert data-color="success" role="status" className="notice">
              {ctx.notice.text}
            </Alert>
          ) : null}
          {children}
        </main>
        <footer className="site-footer">
          <Link href="/accessibility">{ctx.m.layout.footerAccessibility}</Link>
          <Link href="/api/openapi.json">{ctx.m.layout.footerApi}</Link>
        </footer>
      </body>
    </html>
  );
}

/** The notice the redirect placed beside the element `at` (see `redirectBeside`), where that element is drawn. */
export function NoticeBeside({ ctx, at, className }: { ctx: PageContext; at: string; className?: string }) {
  if (ctx.notice?.at !== at) return null;
  return (
    <Alert data-color="success" data-size="sm" role="status" className={className}>
      {ctx.notice.text}
    </Alert>
  );
}

export function PageHeading({ children, lead }: { children: ReactNode; lead?: ReactNode }) {
  return (
    <div className="page-heading">
      <Heading level={1} data-size="lg">
        {children}
      </Heading>
      {lead ? <p className="lead">{lead}</p> : null}
    </div>
  );
}
