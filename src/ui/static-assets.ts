import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fromProjectRoot } from "../project-root.ts";
import { faviconIco, faviconSvg } from "./favicon.ts";

/**
 * Every file the pages load, read once at start and named by its content: the layout links
 * `/assets/<hash>/<name>`, which a browser may keep for a year, and a changed file gets a new URL.
 */
export type StaticAsset = { readonly body: Buffer; readonly type: string; readonly hash: string };

const require = createRequire(import.meta.url);
const here = fromProjectRoot("src", "ui");
const designsystemet = path.dirname(require.resolve("@digdir/designsystemet-css"));
const inter = path.dirname(require.resolve("@fontsource/inter/package.json"));

// Designsystemet's regular, medium and semibold, and the bold of <strong> and <b>.
export const FONT_WEIGHTS = [400, 500, 600, 700] as const;
// Swedish and the Sami and other Nordic languages' letters; the fallback stack covers the rest.
const FONT_SUBSETS = ["latin", "latin-ext"] as const;

const assets = new Map<string, StaticAsset>();

function add(name: string, type: string, body: Buffer): void {
  assets.set(name, { body, type, hash: createHash("sha256").update(body).digest("hex").slice(0, 12) });
}

const css = "text/css; charset=utf-8";
add("designsystemet/theme.css", css, readFileSync(path.resolve(designsystemet, "../theme/designsystemet.css")));
add("designsystemet/index.css", css, readFileSync(path.join(designsystemet, "index.css")));
add("ansluta.css", css, readFileSync(path.join(here, "assets/ansluta.css")));
add("ansluta.js", "text/javascript; charset=utf-8", readFileSync(path.join(here, "assets/ansluta.js")));
add("favicon.svg", "image/svg+xml", Buffer.from(faviconSvg));
add("favicon.ico", "image/x-icon", faviconIco());

// @fontsource/inter's own @font-face rules (font-display: swap, unicode-range per subset), for
// the weights and subsets above, pointing at the woff2 files under their hashed names.
const fontFaces: string[] = [];
for (const weight of FONT_WEIGHTS) {
  for (const subset of FONT_SUBSETS) {
    const file = `inter-${subset}-${weight}-normal.woff2`;
    add(`fonts/${file}`, "font/woff2", readFileSync(path.join(inter, "files", file)));
    const rules = readFileSync(path.join(inter, `${weight}.css`), "utf8");
    const rule = rules.split("@font-face").find((r) => r.includes(`/files/${file}`));
    const unicodeRange = rule && /unicode-range:\s*([^;]+);/.exec(rule)?.[1];
    if (!unicodeRange) throw new Error(`@fontsource/inter: no unicode-range for ${file} in ${weight}.css`);
    fontFaces.push(
      `@font-face{font-family:Inter;font-style:normal;font-display:swap;font-weight:${weight};src:url(${assetUrl(`fonts/${file}`)}) format("woff2");unicode-range:${unicodeRange}}`,
    );
  }
}
add("fonts/inter.css", css, Buffer.from(`${fontFaces.join("\n")}\n`));

/** The asset under `name` (e.g. `designsystemet/index.css`), or undefined. */
export function findAsset(name: string): StaticAsset | undefined {
  return assets.get(name);
}

/** The immutable URL of a known asset. */
export function assetUrl(name: string): string {
  const asset = assets.get(name);
  if (!asset) throw new Error(`unknown asset ${name}`);
  return `/assets/${asset.hash}/${name}`;
}
