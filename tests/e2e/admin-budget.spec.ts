/**
 * Byte budget of the curators' console (sizes may be asserted; timings may not): what admin.html loads
 * up front is at most 110 KB gzipped, and uPlot is not part of it — it comes with the Analytics section.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { extensionDir } from '../helpers/browser';
import { kb } from '../helpers/bundle-size';

const ADMIN_BUDGET = 110 * 1024;

const read = (file: string) => readFileSync(join(extensionDir, file));
const gz = (file: string) => gzipSync(read(file), { level: 9 }).length;

/** Files admin.html itself references (script, modulepreload, stylesheet), relative to the build. */
function initialFiles(): string[] {
  const html = read('admin.html').toString('utf8');
  return [...html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
}

// A class name uPlot's code writes into the page: present wherever uPlot is bundled.
const UPLOT_MARK = 'u-legend';

test('the console loads at most 110 KB gzipped up front, without uPlot', () => {
  const files = initialFiles();
  expect(
    files.some((f) => /^chunks\/admin-.*\.js$/.test(f)),
    `admin.html loads its chunk (${files.join(', ')})`,
  ).toBe(true);
  const initial = files.reduce((sum, f) => sum + gz(f), 0);
  const analytics = readdirSync(join(extensionDir, 'chunks'))
    .filter((f) => f.startsWith('AnalyticsSection-'))
    .map((f) => `chunks/${f}`);
  expect(analytics, 'the Analytics section is its own chunk').toHaveLength(1);
  console.log(
    `admin.html up front: ${kb(initial)} gzipped (${files.length} files); Analytics chunk: ${kb(gz(analytics[0]!))}`,
  );
  expect(initial).toBeLessThanOrEqual(ADMIN_BUDGET);
  for (const f of files.filter((x) => x.endsWith('.js'))) {
    expect(read(f).toString('utf8').includes(UPLOT_MARK), `${f} must not carry uPlot`).toBe(false);
  }
  expect(read(analytics[0]!).toString('utf8').includes(UPLOT_MARK), 'uPlot comes with the Analytics chunk').toBe(true);
});
