/**
 * `npx tsx tests/store/icons.ts`: writes public/icon/128.png from the artwork beside this file.
 *
 * The Chrome Web Store wants the 128×128 icon to hold 96×96 of artwork with 16 px of transparent padding on
 * each side (the store and the extensions page draw their own frame around it); drawn edge to edge it looks
 * bigger than every other extension's and is cut by the store's rounded tiles. The toolbar sizes (16, 32,
 * 48) stay edge to edge: there the browser adds no frame, and every pixel counts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';

export const STORE_ICON = { size: 128, artwork: 96, padding: 16 } as const;

export interface Image {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel, row after row, not premultiplied (what pngjs reads and writes). */
  data: Uint8Array;
}

export const readPng = (bytes: Uint8Array): Image => PNG.sync.read(Buffer.from(bytes));

export function writePng({ width, height, data }: Image): Buffer {
  const png = new PNG({ width, height });
  png.data = Buffer.from(data);
  return PNG.sync.write(png, { colorType: 6 });
}

/**
 * Area-average resampling: each output pixel is the mean of the source area it covers, weighted by how much
 * of each source pixel lies inside. Colours are averaged premultiplied by alpha, so the transparent corners
 * of the rounded square do not darken its edge.
 */
export function resize(src: Image, size: number): Image {
  const scale = src.width / size;
  const data = new Uint8Array(size * size * 4);
  const span = (o: number, s: number) => Math.max(0, Math.min(o + 1, (s + 1) / scale) - Math.max(o, s / scale));
  for (let oy = 0; oy < size; oy++) {
    for (let ox = 0; ox < size; ox++) {
      let [r, g, b, a, w] = [0, 0, 0, 0, 0];
      for (let sy = Math.floor(oy * scale); sy < Math.min(src.height, Math.ceil((oy + 1) * scale)); sy++) {
        const wy = span(oy, sy);
        for (let sx = Math.floor(ox * scale); sx < Math.min(src.width, Math.ceil((ox + 1) * scale)); sx++) {
          const weight = wy * span(ox, sx);
          const i = (sy * src.width + sx) * 4;
          const alpha = src.data[i + 3]! / 255;
          r += src.data[i]! * alpha * weight;
          g += src.data[i + 1]! * alpha * weight;
          b += src.data[i + 2]! * alpha * weight;
          a += alpha * weight;
          w += weight;
        }
      }
      const o = (oy * size + ox) * 4;
      if (a > 0) data.set([Math.round(r / a), Math.round(g / a), Math.round(b / a)], o);
      data[o + 3] = Math.round((a / w) * 255);
    }
  }
  return { width: size, height: size, data };
}

/** The artwork shrunk to `artwork` px and centred on a transparent square of `size` px. */
export function padded(art: Image, { size, artwork, padding }: typeof STORE_ICON): Image {
  const inner = resize(art, artwork);
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < artwork; y++) {
    data.set(inner.data.subarray(y * artwork * 4, (y + 1) * artwork * 4), ((y + padding) * size + padding) * 4);
  }
  return { width: size, height: size, data };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = join(import.meta.dirname, '..', '..');
  const art = readPng(readFileSync(join(import.meta.dirname, 'icon-artwork-128.png')));
  writeFileSync(join(root, 'public', 'icon', '128.png'), writePng(padded(art, STORE_ICON)));
  console.log('wrote public/icon/128.png');
}
