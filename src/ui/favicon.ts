/**
 * Ansluta's icon: a white "A" on Designsystemet's accent blue. Browsers that read SVG icons take
 * the SVG; `/favicon.ico`, which browsers and crawlers ask for on their own, gets the same shape
 * rasterised here into a 32×32 ICO, so no binary file or image tool is needed.
 */
const SIZE = 32;
const CORNER = 6;
const STROKE = 4;
const ACCENT = { r: 0x00, g: 0x62, b: 0xba };
// The "A" as round-capped strokes: the two legs meeting at the top, and the crossbar.
const STROKES: readonly (readonly [number, number, number, number])[] = [
  [8, 26, 16, 6],
  [16, 6, 24, 26],
  [11.5, 19, 20.5, 19],
];

export const faviconSvg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${SIZE} ${SIZE}"><rect width="${SIZE}" height="${SIZE}" rx="${CORNER}" fill="#0062ba"/><path d="M8 26 16 6 24 26M11.5 19h9" fill="none" stroke="#fff" stroke-width="${STROKE}" stroke-linecap="round" stroke-linejoin="round"/></svg>\n`;

function distanceToSegment(x: number, y: number, [x1, y1, x2, y2]: readonly [number, number, number, number]): number {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const t = Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy));
}

function insideRoundedSquare(x: number, y: number): boolean {
  const cx = Math.min(Math.max(x, CORNER), SIZE - CORNER);
  const cy = Math.min(Math.max(y, CORNER), SIZE - CORNER);
  return Math.hypot(x - cx, y - cy) <= CORNER;
}

/** One pixel's colour, averaged over 4×4 samples so that the edges are smooth. */
function pixel(px: number, py: number): { r: number; g: number; b: number; a: number } {
  let cover = 0;
  let white = 0;
  for (let i = 0; i < 4; i++) {
    for (let j = 0; j < 4; j++) {
      const x = px + (i + 0.5) / 4;
      const y = py + (j + 0.5) / 4;
      if (!insideRoundedSquare(x, y)) continue;
      cover++;
      if (STROKES.some((s) => distanceToSegment(x, y, s) <= STROKE / 2)) white++;
    }
  }
  const w = cover === 0 ? 0 : white / cover;
  const mix = (c: number) => Math.round(c + (255 - c) * w);
  return { r: mix(ACCENT.r), g: mix(ACCENT.g), b: mix(ACCENT.b), a: Math.round((cover / 16) * 255) };
}

/** A 32×32, 32-bit ICO: header, one directory entry, and a BMP (rows bottom-up, BGRA, then an all-clear AND mask). */
export function faviconIco(): Buffer {
  const pixels = SIZE * SIZE * 4;
  const mask = SIZE * (SIZE / 8);
  const bmp = Buffer.alloc(40 + pixels + mask);
  bmp.writeUInt32LE(40, 0);
  bmp.writeInt32LE(SIZE, 4);
  bmp.writeInt32LE(SIZE * 2, 8); // the colour rows and the mask rows together
  bmp.writeUInt16LE(1, 12);
  bmp.writeUInt16LE(32, 14);
  bmp.writeUInt32LE(pixels + mask, 20);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const { r, g, b, a } = pixel(x, SIZE - 1 - y);
      const at = 40 + (y * SIZE + x) * 4;
      bmp[at] = b;
      bmp[at + 1] = g;
      bmp[at + 2] = r;
      bmp[at + 3] = a;
    }
  }
  const header = Buffer.alloc(6 + 16);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image
  header[6] = SIZE;
  header[7] = SIZE;
  header.writeUInt16LE(1, 10);
  header.writeUInt16LE(32, 12);
  header.writeUInt32LE(bmp.length, 14);
  header.writeUInt32LE(header.length, 18);
  return Buffer.concat([header, bmp]);
}
