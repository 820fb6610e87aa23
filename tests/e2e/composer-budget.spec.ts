/**
 * Byte budget (sizes may be asserted; timings may not): every content script with its CSS is at most
 * 25 KB gzipped, and there are content scripts for LinkedIn and X at all.
 */
import { expect, test } from '@playwright/test';
import { CONTENT_SCRIPT_BUDGET, contentScriptSizes, kb } from '../helpers/bundle-size';

test('content scripts with their CSS are ≤ 25 KB gzipped each', () => {
  const sizes = contentScriptSizes();
  const matches = sizes.flatMap((s) => s.matches).join(' ');
  expect(matches, 'a content script for www.linkedin.com').toContain('https://www.linkedin.com/');
  expect(matches, 'a content script for x.com').toContain('https://x.com/');
  expect(matches, 'a content script for twitter.com').toContain('https://twitter.com/');
  for (const s of sizes) {
    expect(s.gzip, `${s.name} (${s.files.join(' + ')}): ${kb(s.gzip)} gzipped`).toBeLessThanOrEqual(
      CONTENT_SCRIPT_BUDGET,
    );
  }
});
