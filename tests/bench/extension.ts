/**
 * The extension's budgets, measured in Debian Chromium with the built extension:
 *
 * - content scripts with their CSS, gzipped: ≤ 25 KB each;
 * - main-thread CPU on a page that appends 5,000 post-like elements in batches: within one profiled run
 *   with Relay (CDP Profiler), all busy time ÷ busy time outside Relay's content-script functions ≤ 1.05;
 *   and CDP ThreadTime with Relay vs a browser without any extension, alternating runs, ≤ 1.25
 *   (BENCH_CPU_RUNS ≥ 5 runs of each, medians);
 * - panel visible: median time from a composer being attached to Relay's panel being in the DOM, measured
 *   in the page (performance.now() on both sides, a MutationObserver over the document and open shadow
 *   roots: tests/fixtures/editors/panel-watch.js), ≤ 50 ms.
 *
 * Pages are the editor fixtures served on the real hostnames by `context.route`; the backend is the real
 * one on 127.0.0.1, so Relay is connected and has captions cached, as in use.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath, launchWithExtension, type ExtensionBrowser } from '../helpers/browser';
import { CONTENT_SCRIPT_BUDGET, contentScriptSizes, kb } from '../helpers/bundle-size';
import { serveEditorFixtures } from '../helpers/editor-fixtures';
import { Backend } from '../helpers/server';
import { envNumber, median, type Row } from './common';
import { cpuRows } from './feed-cpu';

const LATENCY_RUNS = Math.max(5, Math.round(envNumber('BENCH_LATENCY_RUNS', 11)));
const LATENCY_BUDGET_MS = 50;

// ---- sizes ----------------------------------------------------------------------------------------------

export function sizeRows(): Row[] {
  const sizes = contentScriptSizes();
  if (sizes.length === 0) {
    return [
      {
        name: 'content scripts (js + css, gzip)',
        figure: 'none built (npx wxt build)',
        budget: `≤ ${kb(CONTENT_SCRIPT_BUDGET)} each`,
        pass: false,
      },
    ];
  }
  return sizes.map((s) => ({
    name: `content script ${s.name} (js + css, gzip)`,
    figure: `${kb(s.gzip)} (${kb(s.raw)} raw; ${s.files.length} file${s.files.length > 1 ? 's' : ''})`,
    budget: `≤ ${kb(CONTENT_SCRIPT_BUDGET)}`,
    pass: s.gzip <= CONTENT_SCRIPT_BUDGET,
  }));
}

// ---- browsers -------------------------------------------------------------------------------------------

/** The same Chromium and flags as the extension's browser, with no extension at all. */
async function launchBare(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profileDir = mkdtempSync(join(tmpdir(), 'relay-bench-bare-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    headless: true,
    ignoreHTTPSErrors: true,
    args: [...CHROMIUM_ARGS, '--disable-extensions'],
  });
  return {
    context,
    async close() {
      await context.close().catch(() => {});
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

async function connect(ext: ExtensionBrowser, backend: Backend): Promise<void> {
  const code = await backend.createInvite('Bench Reader');
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await options.getByLabel('Server URL').fill(backend.url);
  await options.getByLabel('Invite code').fill(code);
  await options.getByRole('button', { name: 'Connect' }).click();
  await options.getByText(/Connected as/).waitFor({ timeout: 15_000 });
  // The queue is in the extension's cache once the popup shows it.
  const popup = await ext.context.newPage();
  await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  await popup.getByText('Bench item', { exact: true }).first().waitFor({ timeout: 15_000 });
  await popup.close();
  await options.close();
}

// ---- panel latency --------------------------------------------------------------------------------------

interface PageTimes {
  attached: { name: string; kind: string; at: number }[];
  seen: { at: number }[];
}

async function latencyRun(context: BrowserContext, site: 'x' | 'linkedin'): Promise<number | string> {
  const page = await context.newPage();
  try {
    if (site === 'x') {
      // The dialog mounts 400 ms after load, when the content script is long running.
      await page.goto('https://x.com/compose/post?measure=1&delay=400', { waitUntil: 'load' });
    } else {
      await page.goto('https://www.linkedin.com/feed/?measure=1', { waitUntil: 'load' });
      await page.waitForTimeout(400);
      await page.getByRole('button', { name: 'Start a post' }).click();
    }
    const read = () =>
      page.evaluate(() => ({ attached: window.__composerAttached, seen: window.__panelSeen ?? [] }) as PageTimes);
    const deadline = Date.now() + 5_000;
    let t = await read();
    while ((t.seen.length === 0 || t.attached.length === 0) && Date.now() < deadline) {
      await page.waitForTimeout(50);
      t = await read();
    }
    const attached = t.attached.find((a) => a.kind === 'post');
    if (!attached) return 'no composer attached';
    const seen = t.seen.find((s) => s.at >= attached.at);
    if (!seen) return 'no panel within 5 s';
    return seen.at - attached.at;
  } finally {
    await page.close();
  }
}

async function latencyRows(ext: ExtensionBrowser): Promise<Row[]> {
  const rows: Row[] = [];
  for (const site of ['x', 'linkedin'] as const) {
    const times: number[] = [];
    const problems: string[] = [];
    for (let i = 0; i < LATENCY_RUNS; i++) {
      process.stdout.write('.');
      const r = await latencyRun(ext.context, site);
      if (typeof r === 'number') times.push(r);
      else problems.push(r);
    }
    const name = `panel in DOM after composer attached, ${site === 'x' ? 'X dialog' : 'LinkedIn share box'}`;
    if (times.length === 0) {
      rows.push({
        name,
        figure: `not measured: ${problems[0]}`,
        budget: `median ≤ ${LATENCY_BUDGET_MS} ms`,
        pass: false,
      });
      continue;
    }
    const m = median(times);
    rows.push({
      name,
      figure:
        `median ${m.toFixed(1)} ms, ${Math.min(...times).toFixed(1)}–${Math.max(...times).toFixed(1)} over ${times.length}` +
        (problems.length ? `; ${problems.length} without panel (${problems[0]})` : ''),
      budget: `median ≤ ${LATENCY_BUDGET_MS} ms`,
      pass: m <= LATENCY_BUDGET_MS && problems.length === 0,
    });
  }
  return rows;
}

// ---- all of it ------------------------------------------------------------------------------------------

/** Every extension row; browser rows become one FAIL row each when the browser or the build is missing. */
export async function extensionBench(): Promise<Row[]> {
  const rows = sizeRows();
  let backend: Backend | undefined;
  let ext: ExtensionBrowser | undefined;
  let bare: Awaited<ReturnType<typeof launchBare>> | undefined;
  try {
    backend = await Backend.start();
    await backend.createItem({
      url: 'https://example.com/news/relay-bench-composer',
      title: 'Bench item',
      topics: ['bench'],
      captions: [
        { network: 'linkedin', text: 'Worth a read: our annual report', language: 'en' },
        { network: 'x', text: 'Worth a read 📈', language: 'en' },
      ],
    });
    ext = await launchWithExtension();
    bare = await launchBare();
    await serveEditorFixtures(ext.context);
    await serveEditorFixtures(bare.context);
    await connect(ext, backend);
    process.stdout.write(' cpu');
    rows.push(...(await cpuRows(ext, bare.context)));
    process.stdout.write(' panel');
    rows.push(...(await latencyRows(ext)));
  } catch (err) {
    rows.push({
      name: 'extension in Chromium (CPU, panel latency)',
      figure: `not measured: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}`,
      budget: 'measured',
      pass: false,
    });
  } finally {
    await ext?.close();
    await bare?.close();
    await backend?.dispose();
  }
  return rows;
}
