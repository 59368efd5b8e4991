import { DOMParser, type Document } from "@xmldom/xmldom";

/**
 * Parses XML from senders we do not trust. Before the parser sees a byte, a linear scan refuses
 * what could hurt us: bodies over the size cap, any `<!DOCTYPE`/`<!ENTITY` (no DTD means no entity
 * expansion and no external entities, so "billion laughs" and XXE cannot start), nesting deeper
 * than the cap (deep documents are a stack and memory attack), more elements than the cap (xmldom
 * builds its tree at a few microseconds per element, so 5 MB of `<e/>` would cost seconds of CPU),
 * and characters XML forbids. The parser itself (xmldom 0.9) never fetches anything; everything it
 * complains about is refused. Even so, parsing is work an untrusted sender chooses the size of:
 * callers run it on a validation worker (checks/validation-pool.ts), never on a server's event loop.
 */

export type XmlLimits = { maxBytes: number; maxDepth: number; maxElements: number };

/**
 * 5 MB leaves room for a 2 MB delivery (the contract's limit, checked separately) in any envelope.
 * A delivery has about a hundred elements and an isReachable at most 1,000 recipients, so 10,000
 * elements refuse no real request, and parsing that many takes tens of milliseconds.
 */
export const DEFAULT_XML_LIMITS: XmlLimits = { maxBytes: 5 * 1024 * 1024, maxDepth: 64, maxElements: 10_000 };

export type XmlRefusalCode = "too-large" | "dtd" | "too-deep" | "too-many-elements" | "malformed";
export type XmlRefusal = { code: XmlRefusalCode; message: string };

export type SafeXmlResult = { ok: true; document: Document; bytes: number } | { ok: false; refusal: XmlRefusal; bytes: number };

// Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]; lone surrogates are not characters.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters XML 1.0 forbids.
const CONTROL_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function scan(text: string, { maxDepth, maxElements }: XmlLimits): XmlRefusal | null {
  const forbidden = CONTROL_CHAR.exec(text) ?? LONE_SURROGATE.exec(text);
  if (forbidden) {
    const code = forbidden[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
    return { code: "malformed", message: `character U+${code} at offset ${forbidden.index} is not allowed in XML` };
  }
  const skipTo = (from: number, terminator: string, what: string): number | XmlRefusal => {
    const end = text.indexOf(terminator, from);
    return end < 0 ? { code: "malformed", message: `unterminated ${what}` } : end + terminator.length;
  };
  let depth = 0;
  let elements = 0;
  let i = text.indexOf("<");
  while (i !== -1) {
    let next: number | XmlRefusal;
    if (text.startsWith("<!--", i)) next = skipTo(i + 4, "-->", "comment");
    else if (text.startsWith("<![CDATA[", i)) next = skipTo(i + 9, "]]>", "CDATA section");
    else if (text.startsWith("<?", i)) next = skipTo(i + 2, "?>", "processing instruction");
    else if (text.startsWith("<!", i)) {
      const declaration = /^<!([A-Za-z]+)/.exec(text.slice(i, i + 12))?.[1] ?? "";
      return { code: "dtd", message: `<!${declaration}> is refused: DTDs and entity declarations are not allowed` };
    } else if (text.startsWith("</", i)) {
      depth--;
      next = skipTo(i + 2, ">", "end tag");
    } else {
      // A start tag ends at the first ">" outside a quoted attribute value.
      let j = i + 1;
      let quote = 0;
      for (; j < text.length; j++) {
        const c = text.charCodeAt(j);
        if (quote) {
          if (c === quote) quote = 0;
        } else if (c === 34 || c === 39) quote = c;
        else if (c === 62) break;
      }
      if (j >= text.length) return { code: "malformed", message: "unterminated start tag" };
      elements++;
      if (elements > maxElements) return { code: "too-many-elements", message: `more than ${maxElements} elements` };
      if (text.charCodeAt(j - 1) !== 47) {
        depth++;
        if (depth > maxDepth) return { code: "too-deep", message: `elements nest deeper than ${maxDepth} levels` };
      }
      next = j + 1;
    }
    if (typeof next !== "number") return next;
    i = text.indexOf("<", next);
  }
  return null;
}

/** The refusal of a document over the size cap; a server that stops reading such a body gives the same. */
export const tooLarge = (bytes: number, { maxBytes }: XmlLimits): XmlRefusal => ({
  code: "too-large",
  message: `${bytes} bytes is more than the limit of ${maxBytes}`,
});

/**
 * A UTF-8 byte-order mark decodes to U+FEFF before the first `<`. XML 1.0 §4.3.3 allows it (and .NET's
 * XmlWriter writes one by default), but it is no character of the document, and xmldom would call it
 * content outside the root element.
 */
const BYTE_ORDER_MARK = "\uFEFF";

export function parseXmlSafely(received: string, limits: XmlLimits = DEFAULT_XML_LIMITS): SafeXmlResult {
  const bytes = Buffer.byteLength(received, "utf8");
  if (bytes > limits.maxBytes) return { ok: false, bytes, refusal: tooLarge(bytes, limits) };
  const text = received.startsWith(BYTE_ORDER_MARK) ? received.slice(BYTE_ORDER_MARK.length) : received;
  const refusal = scan(text, limits);
  if (refusal) return { ok: false, bytes, refusal };
  const problems: string[] = [];
  const parser = new DOMParser({
    onError: (_level, message) => {
      problems.push(message.split("\n")[0]?.replace(/^\[xmldom [a-zA-Z]+\]\s*/, "") ?? message);
    },
  });
  let document: Document;
  try {
    document = parser.parseFromString(text, "text/xml");
  } catch (e) {
    const message = problems[0] ?? (e instanceof Error ? e.message.split("\n")[0] : String(e));
    return { ok: false, bytes, refusal: { code: "malformed", message: message ?? "not well-formed" } };
  }
  if (problems.length || !document.documentElement) {
    return { ok: false, bytes, refusal: { code: "malformed", message: problems[0] ?? "no root element" } };
  }
  return { ok: true, document, bytes };
}
