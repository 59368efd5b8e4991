import { describe, expect, it } from "vitest";
import { inspectHtml } from "./html-rules.ts";

const problems = (html: string) => {
  const r = inspectHtml(html);
  return {
    wellFormed: r.wellFormed.map((f) => f.message),
    external: r.externalResources.map((f) => `${f.level}: ${f.message}`),
    scripts: r.scripts.map((f) => f.message),
  };
};

describe("HTML rules for a message body", () => {
  it("accepts a closed document with void elements, a doctype, comments and an embedded image", () => {
    const html =
      '<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>Beslut</title><style>p { color: #333; }</style></head>' +
      '<body><!-- kommentar --><p>Rad ett<br>rad två</p><img src="data:image/png;base64,iVBORw0KGgo=" alt=""><a href="https://www.sundsvall.se">Läs mer</a></body></html>';
    expect(problems(html)).toEqual({ wellFormed: [], external: [], scripts: [] });
  });

  it("requires every element to be closed with a named end tag", () => {
    expect(problems("<body><p>öppen</body>").wellFormed).toEqual(["<p> is not closed before </body>"]);
    expect(problems("<body></>").wellFormed).toContain('"</>" is not a named end tag');
    expect(problems("<div><span></div></span>").wellFormed).toEqual([
      "<span> is not closed before </div>",
      "</span> has no matching start tag",
    ]);
    expect(problems("<p/>").wellFormed).toEqual(["<p/> does not close an HTML element: write <p></p>"]);
    expect(problems("<p>a < b</p>").wellFormed).toEqual(["a bare < in text: write &lt;"]);
    expect(problems("<ul><li>ett").wellFormed).toEqual(["<li> is never closed", "<ul> is never closed"]);
  });

  it("finds what would be fetched from elsewhere", () => {
    expect(problems('<img src="https://tracker.example/p.gif">').external).toEqual([
      'fail: <img src="https://tracker.example/p.gif"> is fetched from elsewhere; embed it as a data: URI',
    ]);
    expect(problems('<img src="//cdn.example/x.png">').external).toHaveLength(1);
    expect(problems('<link rel="stylesheet" href="https://cdn.example/a.css">').external).toHaveLength(1);
    expect(problems('<p style="background: url(https://x.example/b.png)">x</p>').external).toHaveLength(1);
    expect(problems("<style>@import 'https://x.example/a.css';</style>").external).toEqual(["fail: <style> uses @import"]);
    expect(problems('<iframe src="data:text/html,x"></iframe>').external).toEqual(["fail: <iframe> embeds other content"]);
    expect(problems('<form action="/x"><input name="a"></form>').external).toEqual([
      "warn: <form>: forms do not work in a mailbox",
      "fail: <form action> sends data elsewhere",
    ]);
  });

  it("finds anything that runs", () => {
    expect(problems("<script>alert(1)</script>").scripts).toEqual(["<script> element"]);
    expect(problems('<SCRIPT src="x.js"></SCRIPT>').scripts).toEqual(["<script> element"]);
    expect(problems('<body onload="x()"></body>').scripts).toEqual(["<body onload> event handler"]);
    expect(problems('<a href=" JavaScript:alert(1)">x</a>').scripts).toEqual(['<a href="JavaScript:alert(1)"> script URL']);
  });

  it("does not read tags inside a script as markup", () => {
    expect(problems("<script>if (a < b) document.write('<p>')</script>").wellFormed).toEqual([]);
  });
});
