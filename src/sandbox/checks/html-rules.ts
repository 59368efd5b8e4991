/**
 * The HTML rules for a message body (technical.md §5.4): every element closed with a named end tag
 * (`<body></body>`, not `<body></>` and not an unclosed `<p>`), nothing fetched from elsewhere
 * (images only as data: URIs), and nothing that runs. A small tokenizer is enough for these rules
 * and stricter than an HTML5 parser, which would silently repair what the mailboxes may not.
 */

export type HtmlFinding = { level: "fail" | "warn"; message: string };
export type HtmlInspection = { wellFormed: HtmlFinding[]; externalResources: HtmlFinding[]; scripts: HtmlFinding[] };

const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param"]);
const RAW_TEXT = new Set(["script", "style"]);
const EMBEDDING = new Set(["iframe", "frame", "frameset", "object", "embed", "applet", "portal"]);
/** Attributes whose value the mailbox would fetch when showing the message. */
const RESOURCE_ATTRIBUTES = new Set(["src", "srcset", "background", "poster", "data", "lowsrc", "dynsrc", "xlink:href"]);
const SCRIPT_SCHEMES = /^\s*(?:javascript|vbscript|livescript):/i;

const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function attributesOf(source: string): { name: string; value: string }[] {
  const out: { name: string; value: string }[] = [];
  for (const m of source.matchAll(ATTRIBUTE)) out.push({ name: (m[1] ?? "").toLowerCase(), value: m[2] ?? m[3] ?? m[4] ?? "" });
  return out;
}

/** A URL the mailbox would have to fetch: anything but an embedded data: URI or a same-document fragment. */
const isExternal = (url: string) => {
  const u = url.trim().toLowerCase();
  return u !== "" && !u.startsWith("data:") && !u.startsWith("#");
};

function cssFindings(css: string, where: string, into: HtmlFinding[]) {
  for (const m of css.matchAll(/url\(\s*(['"]?)([^'")]*)\1\s*\)/gi)) {
    if (isExternal(m[2] ?? "")) into.push({ level: "fail", message: `${where} loads ${m[2]} with url()` });
  }
  if (/@import/i.test(css)) into.push({ level: "fail", message: `${where} uses @import` });
  if (/expression\s*\(/i.test(css)) into.push({ level: "fail", message: `${where} uses a CSS expression()` });
}

export function inspectHtml(html: string): HtmlInspection {
  const wellFormed: HtmlFinding[] = [];
  const externalResources: HtmlFinding[] = [];
  const scripts: HtmlFinding[] = [];
  const open: string[] = [];
  const fail = (into: HtmlFinding[], message: string) => into.push({ level: "fail", message });

  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf("<", i);
    if (lt < 0) break;
    const rest = html.slice(lt, lt + 10);
    if (rest.startsWith("<!--")) {
      const end = html.indexOf("-->", lt + 4);
      if (end < 0) {
        fail(wellFormed, "a comment is never closed with -->");
        break;
      }
      i = end + 3;
      continue;
    }
    if (rest.startsWith("<!") || rest.startsWith("<?")) {
      const end = html.indexOf(">", lt);
      i = end < 0 ? html.length : end + 1;
      continue;
    }
    if (html.startsWith("</", lt)) {
      const endTag = /^<\/([a-zA-Z][a-zA-Z0-9:-]*)\s*>/.exec(html.slice(lt, lt + 200));
      if (!endTag) {
        fail(wellFormed, `${JSON.stringify(html.slice(lt, lt + 12))} is not a named end tag`);
        i = lt + 2;
        continue;
      }
      const name = (endTag[1] ?? "").toLowerCase();
      if (VOID.has(name)) fail(wellFormed, `</${name}> closes an element that has no end tag`);
      else if (open.at(-1) === name) open.pop();
      else if (open.includes(name)) {
        while (open.length && open.at(-1) !== name) fail(wellFormed, `<${open.pop()}> is not closed before </${name}>`);
        open.pop();
      } else fail(wellFormed, `</${name}> has no matching start tag`);
      i = lt + endTag[0].length;
      continue;
    }
    const start = /^<([a-zA-Z][a-zA-Z0-9:-]*)/.exec(html.slice(lt, lt + 100));
    if (!start) {
      fail(wellFormed, "a bare < in text: write &lt;");
      i = lt + 1;
      continue;
    }
    // The tag runs to the first ">" outside quotes.
    let j = lt + 1;
    let quote = "";
    for (; j < html.length; j++) {
      const c = html[j];
      if (quote) {
        if (c === quote) quote = "";
      } else if (c === '"' || c === "'") quote = c;
      else if (c === ">") break;
    }
    if (j >= html.length) {
      fail(wellFormed, `<${start[1]}> is cut off`);
      break;
    }
    const name = (start[1] ?? "").toLowerCase();
    const inside = html.slice(lt + 1 + name.length, j);
    const selfClosing = inside.trimEnd().endsWith("/");
    const attributes = attributesOf(selfClosing ? inside.trimEnd().slice(0, -1) : inside);

    if (name === "script") fail(scripts, "<script> element");
    if (EMBEDDING.has(name)) fail(externalResources, `<${name}> embeds other content`);
    if (name === "base") fail(externalResources, "<base> changes where links lead");
    if (name === "form") externalResources.push({ level: "warn", message: "<form>: forms do not work in a mailbox" });
    for (const a of attributes) {
      if (a.name.startsWith("on")) fail(scripts, `<${name} ${a.name}> event handler`);
      if (SCRIPT_SCHEMES.test(a.value)) fail(scripts, `<${name} ${a.name}="${a.value.trim().slice(0, 30)}"> script URL`);
      if (RESOURCE_ATTRIBUTES.has(a.name) && isExternal(a.value)) {
        fail(externalResources, `<${name} ${a.name}="${a.value.slice(0, 80)}"> is fetched from elsewhere; embed it as a data: URI`);
      }
      if (name === "link" && a.name === "href" && isExternal(a.value))
        fail(externalResources, `<link href="${a.value.slice(0, 80)}"> loads a resource`);
      if ((a.name === "action" || a.name === "formaction") && isExternal(a.value))
        fail(externalResources, `<${name} ${a.name}> sends data elsewhere`);
      if (name === "meta" && a.name === "http-equiv" && a.value.toLowerCase() === "refresh")
        fail(externalResources, "<meta http-equiv=refresh> redirects");
      if (a.name === "style") cssFindings(a.value, `<${name} style>`, externalResources);
    }

    i = j + 1;
    if (VOID.has(name)) continue;
    if (selfClosing) {
      fail(wellFormed, `<${name}/> does not close an HTML element: write <${name}></${name}>`);
      continue;
    }
    if (RAW_TEXT.has(name)) {
      const close = html.toLowerCase().indexOf(`</${name}`, i);
      if (close < 0) {
        fail(wellFormed, `<${name}> is never closed`);
        break;
      }
      if (name === "style") cssFindings(html.slice(i, close), "<style>", externalResources);
      i = close;
    }
    open.push(name);
  }
  for (const name of open.reverse()) fail(wellFormed, `<${name}> is never closed`);
  return { wellFormed, externalResources, scripts };
}
