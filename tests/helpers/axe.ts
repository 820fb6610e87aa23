/**
 * axe-core run straight in a page: the script is put in once per document and each audit is one `axe.run`.
 * (@axe-core/playwright's analyze injects the script again and finishes every run in a new blank page: 1.2–1.8 s
 * an audit here, against 0.1–0.2 s for the run itself.)
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import type { AxeResults, ElementContext, RunOptions } from 'axe-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.0/2.1 A and AA plus axe's best practices: what every audit of Relay's pages holds them to. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

export interface AxeAudit {
  /** Only these parts of the page (CSS selectors); the whole document when unset. */
  include?: string[];
  /** These rules only, instead of every rule of WCAG_TAGS. */
  rules?: string[];
}

/** One line per node of each serious or critical violation in `page`: rule, impact, where, and how to fix it. */
export async function seriousViolations(page: Page, audit: AxeAudit = {}): Promise<string[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const runOnly: RunOptions['runOnly'] = audit.rules
    ? { type: 'rule', values: audit.rules }
    : { type: 'tag', values: WCAG_TAGS };
  const violations = await page.evaluate(
    async ({ include, runOnly }) => {
      const { axe } = window as unknown as { axe: { run(c: ElementContext, o: RunOptions): Promise<AxeResults> } };
      const context: ElementContext = include ? { include: include.map((s) => [s]) } : document;
      const results = await axe.run(context, { runOnly, resultTypes: ['violations'] });
      return results.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: JSON.stringify(n.target), summary: n.failureSummary ?? '' })),
      }));
    },
    { include: audit.include, runOnly },
  );
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map((n) => `${v.id} (${v.impact}) at ${n.target}: ${v.help}\n    ${n.summary.replace(/\n/g, '\n    ')}`),
    );
}
