/**
 * Byte budget of the popup (sizes may be asserted; timings may not): what popup.html loads before it can
 * show anything — the page itself with its inlined styles, its module script, any chunk it preloads or
 * style sheet it links — is at most 60 KB gzipped. Chunks loaded later (X's weighted counter, the History
 * tab, Dexie) are listed beside it. And it is one file besides the page: in Chromium every file an
 * extension page loads is a round trip through the browser process, which the popup's first paint cannot
 * afford (wxt.config.ts builds the popup on its own for this).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { extensionDir } from '../helpers/browser';
import { kb } from '../helpers/bundle-size';

export const POPUP_BUDGET = 60 * 1024;

const gz = (file: string) => gzipSync(readFileSync(join(extensionDir, file)), { level: 9 }).length;

/** Files popup.html itself references (script, modulepreload, stylesheet), relative to the build. */
function referencedFiles(): string[] {
  const html = readFileSync(join(extensionDir, 'popup.html'), 'utf8');
  return [...html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
}

/** Chunks reachable from `files` only through dynamic import(), with the CSS Vite attaches to them. */
function lazyFiles(files: string[]): string[] {
  const seen = new Set(files);
  const lazy: string[] = [];
  const queue = files.filter((f) => f.endsWith('.js'));
  while (queue.length > 0) {
    const file = queue.shift()!;
    const code = readFileSync(join(extensionDir, file), 'utf8');
    const found = [
      ...[...code.matchAll(/import\([`'"]\.\/([^`'"]+\.js)[`'"]\)/g)].map((m) => `chunks/${m[1]}`),
      ...[...code.matchAll(/[`'"]((?:chunks|assets)\/[^`'"]+\.(?:js|css))[`'"]/g)].map((m) => m[1]!),
    ];
    for (const f of found) {
      if (seen.has(f) || !existsSync(join(extensionDir, f))) continue;
      seen.add(f);
      lazy.push(f);
      if (f.endsWith('.js')) queue.push(f);
    }
  }
  return lazy;
}

test('the popup loads at most 60 KB gzipped before its first paint', () => {
  const referenced = referencedFiles();
  expect(
    referenced.some((f) => /^chunks\/popup-.*\.js$/.test(f)),
    `popup.html loads its chunk (${referenced.join(', ')})`,
  ).toBe(true);
  const files = ['popup.html', ...referenced];
  const initial = files.reduce((sum, f) => sum + gz(f), 0);
  const later = lazyFiles(referenced);
  const lazy = later.reduce((sum, f) => sum + gz(f), 0);
  test.info().annotations.push(
    {
      type: 'popup initial',
      description: `${kb(initial)} gzipped: ${files.map((f) => `${f} ${kb(gz(f))}`).join(', ')}`,
    },
    {
      type: 'popup loaded later',
      description: `${kb(lazy)} gzipped: ${later.map((f) => `${f} ${kb(gz(f))}`).join(', ')}`,
    },
  );
  console.log(`popup: ${kb(initial)} initial + ${kb(lazy)} later (gzipped)`);
  expect(initial, `popup.html's files: ${files.join(' + ')} = ${kb(initial)} gzipped`).toBeLessThanOrEqual(
    POPUP_BUDGET,
  );
});

test('the popup page loads one script and nothing else before its first paint', () => {
  const html = readFileSync(join(extensionDir, 'popup.html'), 'utf8');
  expect(referencedFiles(), 'files popup.html references').toEqual([
    expect.stringMatching(/^chunks\/popup-[\w-]+\.js$/),
  ]);
  expect(html, 'its styles are inlined').toMatch(/<style>[^<]*\.queue/);
});
