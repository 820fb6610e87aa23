import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { padded, readPng, STORE_ICON } from './icons';

const icon = (size: number) => readFileSync(join(import.meta.dirname, '..', '..', 'public', 'icon', `${size}.png`));
const alphaAt = (img: { width: number; data: Uint8Array }, x: number, y: number) =>
  img.data[(y * img.width + x) * 4 + 3]!;

describe('the store icon (public/icon/128.png)', () => {
  const img = readPng(icon(128));
  const { size, padding } = STORE_ICON;

  it('is 128×128 with 16 px of fully transparent padding on every side', () => {
    expect([img.width, img.height]).toEqual([size, size]);
    const opaqueInBorder: string[] = [];
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const inside = x >= padding && x < size - padding && y >= padding && y < size - padding;
        if (!inside && alphaAt(img, x, y) !== 0) opaqueInBorder.push(`${x},${y}`);
      }
    }
    expect(opaqueInBorder).toEqual([]);
  });

  it('fills the 96×96 inside: the artwork reaches each of its four edges', () => {
    const last = size - padding - 1;
    const mid = size / 2;
    for (const [x, y] of [
      [padding, mid],
      [last, mid],
      [mid, padding],
      [mid, last],
    ] as const) {
      expect(alphaAt(img, x, y), `alpha at ${x},${y}`).toBeGreaterThan(200);
    }
  });

  it('is what tests/store/icons.ts makes from the artwork (regenerate it after changing the artwork)', () => {
    const art = readPng(readFileSync(join(import.meta.dirname, 'icon-artwork-128.png')));
    expect(Buffer.from(img.data).equals(Buffer.from(padded(art, STORE_ICON).data))).toBe(true);
  });
});

describe('the toolbar icons', () => {
  it.each([16, 32, 48])('%i.png is a PNG of that size', (s) => {
    const { width, height } = readPng(icon(s));
    expect({ width, height }).toEqual({ width: s, height: s });
  });
});
