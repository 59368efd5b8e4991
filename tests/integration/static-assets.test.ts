import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestWorld } from "../support/test-world.ts";

const IMMUTABLE = "public, max-age=31536000, immutable";
const hashed = (name: string) => new RegExp(`/assets/[0-9a-f]{12}/${name.replace(/\./g, "\\.")}`);

describe("static assets: the font, the icon, compression and caching", () => {
  let page: string;
  const get = (url: string, headers: Record<string, string> = {}) => world.app.inject({ method: "GET", url, headers });

  const world = useTestWorld({ empty: true });
  beforeAll(async () => {
    page = (await get("/login")).body;
  });

  const linked = (name: string) => {
    const url = page.match(hashed(name))?.[0];
    if (!url) throw new Error(`the layout does not link ${name} by its hashed name`);
    return url;
  };

  it("links every stylesheet, the script and the icon by content-hashed names the browser may keep for a year", async () => {
    for (const name of [
      "fonts/inter.css",
      "designsystemet/theme.css",
      "designsystemet/index.css",
      "ansluta.css",
      "ansluta.js",
      "favicon.svg",
    ]) {
      const res = await get(linked(name));
      expect(res.statusCode, name).toBe(200);
      expect(res.headers["cache-control"], name).toBe(IMMUTABLE);
    }
    expect(page).toMatch(/<link rel="icon" href="\/assets\/[0-9a-f]{12}\/favicon\.svg" type="image\/svg\+xml"\/>/);
    expect(page).not.toMatch(/href="\/assets\/(designsystemet\/)?[a-z-]+\.css"/);
  });

  it("keeps the plain names working with a short cache, and never marks an unknown hash immutable", async () => {
    for (const url of ["/assets/ansluta.css", "/assets/designsystemet/index.css", "/assets/000000000000/ansluta.css"]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers["content-type"], url).toBe("text/css; charset=utf-8");
      expect(res.headers["cache-control"], url).toBe("public, max-age=3600");
    }
    expect((await get("/assets/nothing.css")).statusCode).toBe(404);
    expect((await get("/assets/000000000000/nothing.css")).statusCode).toBe(404);
    expect((await get("/assets/../package.json")).statusCode).toBe(404);
  });

  it("serves Inter as woff2 in Designsystemet's weights, swapped in when loaded, with a sans-serif fallback", async () => {
    const css = await get(linked("fonts/inter.css"));
    expect(css.headers["content-type"]).toBe("text/css; charset=utf-8");
    const faces = css.body.match(/@font-face\{[^}]+\}/g) ?? [];
    for (const weight of [400, 500, 600, 700]) {
      expect(faces.some((f) => f.includes(`font-weight:${weight};`))).toBe(true);
    }
    for (const face of faces) {
      expect(face).toContain("font-family:Inter;");
      expect(face).toContain("font-display:swap;");
      expect(face).toContain("unicode-range:");
      const url = face.match(/url\(([^)]+)\)/)?.[1] ?? "";
      expect(url).toMatch(hashed("fonts/inter-latin(-ext)?-[4-7]00-normal.woff2"));
      const font = await get(url);
      expect(font.statusCode, url).toBe(200);
      expect(font.headers["content-type"], url).toBe("font/woff2");
      expect(font.headers["cache-control"], url).toBe(IMMUTABLE);
      expect(font.rawPayload.subarray(0, 4).toString("latin1"), url).toBe("wOF2");
    }
    // Å, Ä and Ö are in the latin subset that the layout preloads.
    expect(page).toMatch(
      /<link rel="preload" href="\/assets\/[0-9a-f]{12}\/fonts\/inter-latin-400-normal\.woff2" as="font" type="font\/woff2" crossorigin=""\/>/,
    );
    const ours = (await get(linked("ansluta.css"))).body;
    expect(ours).toContain('--ds-font-family: Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;');
  });

  it("answers /favicon.ico with a real 32×32 icon", async () => {
    const res = await get("/favicon.ico");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("image/x-icon");
    const ico = res.rawPayload;
    expect([...ico.subarray(0, 6)]).toEqual([0, 0, 1, 0, 1, 0]); // reserved, type icon, one image
    expect([ico[6], ico[7]]).toEqual([32, 32]);
    expect(ico.readUInt32LE(14) + ico.readUInt32LE(18)).toBe(ico.length);
  });

  it("compresses pages, CSS, JSON and SVG for clients that accept it, and leaves woff2 alone", async () => {
    const html = await get("/login", { "accept-encoding": "br" });
    expect(html.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(html.rawPayload).toString()).toContain("<html");
    expect(html.headers["content-security-policy"]).toContain("default-src 'self'");

    const url = linked("designsystemet/index.css");
    const plain = await get(url);
    const css = await get(url, { "accept-encoding": "gzip" });
    expect(css.headers["content-encoding"]).toBe("gzip");
    expect(css.headers["cache-control"]).toBe(IMMUTABLE);
    expect(gunzipSync(css.rawPayload).equals(plain.rawPayload)).toBe(true);
    expect(css.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4);

    const json = await get("/api/openapi.json", { "accept-encoding": "gzip, deflate, br" });
    expect(json.headers["content-encoding"]).toBe("br");
    const svg = await get(linked("favicon.svg"), { "accept-encoding": "gzip" });
    expect(svg.headers["content-type"]).toBe("image/svg+xml");

    const font = await get("/assets/fonts/inter-latin-400-normal.woff2", { "accept-encoding": "gzip, br" });
    expect(font.headers["content-encoding"]).toBeUndefined();
    expect((await get("/login")).headers["content-encoding"]).toBeUndefined();
  });
});
