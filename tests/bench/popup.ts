/**
 * The popup's speed budgets, measured in Debian Chromium with the built extension:
 *
 * - queue shown: from the popup's navigation start to the first card painted, BENCH_POPUP_OPENS (≥ 5) fresh
 *   opens, each paired with a fresh open of a blank page of the same extension (its text painted), alternating.
 *   The budget (≤ 100 ms, with 1,000 cached items; 10,000 reported) is on the median of what the popup takes
 *   beyond the blank page: on these shared 2-core machines Chromium alone takes 100–190 ms to create an
 *   extension page and paint one line of text, before any of Relay's code runs, so an absolute 100 ms would
 *   measure the machine. The absolute figures are printed beside it. "Painted" is the
 *   browser's own word for it: the Element Timing entry of the first card's title (`elementtiming` in
 *   ItemCard), the time its frame was presented. The page's `relay:queue-shown` mark (set once the main
 *   thread has produced the frame with the first cards, which reach the screen a little later) is reported
 *   beside it;
 * - whole list: when the list for search and chips is in (`relay:queue-loaded`), and the longest main-thread
 *   task from the first card to then (reported: 10,000 items must not freeze the popup while they load);
 * - search with 10,000 items: per keystroke, from the input event to the next frame after the list
 *   re-rendered, typed one character at a time, median (≤ 100 ms).
 *
 * The cache is filled by the extension itself, from a first sync against a stub queue server (seed()), so
 * that IndexedDB and the popup's snapshot of the queue's head are what a person's would be. The stub is
 * then closed: each open's own sync fails at once and leaves the cache as it is; this is also the offline
 * popup people see.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { extensionDir, launchWithExtension, type ExtensionBrowser } from '../helpers/browser';
import { DB_NAME } from '../../lib/db/names';
import { freePort } from '../helpers/server';
import { LOCAL_KEYS, writeStored } from '../helpers/storage';
import { envNumber, median, type Row } from './common';

/**
 * The floor: an extension page with nothing of Relay's, same head, one line of text. Written into a copy of
 * the build for the bench only (it is never shipped), so that both pages load from the same extension.
 */
const BLANK_PAGE = 'bench-blank.html';
const BLANK_HTML =
  '<!doctype html><html lang="en"><head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />' +
  '<title>Relay</title></head><body><p elementtiming="blank-page">Relay</p></body></html>';

const OPENS = Math.max(5, Math.round(envNumber('BENCH_POPUP_OPENS', 21)));
const SHOWN_BUDGET_MS = 100;
const KEYSTROKE_BUDGET_MS = 100;
const QUERY = 'informe 4217';

const ms = (n: number) => `${n.toFixed(1)} ms`;

const TOPICS = ['company', 'engineering', 'hiring', 'finance', 'open-source', 'events', 'product', 'culture'];

/** Demo-like queue rows: several topics, both networks, captions in Catalan, Russian and English. */
export function queueRows(count: number, serverUrl: string) {
  const base = Date.parse('2026-01-01T00:00:00Z');
  return Array.from({ length: count }, (_, i) => {
    const publishMs = base + i * 60_000;
    const id = `0190a000-0000-7000-8000-${i.toString(16).padStart(12, '0')}`;
    const cap = (n: number, network: 'linkedin' | 'x', text: string, language: string) => ({
      id: `0190a000-0000-7000-9000-${(i * 4 + n).toString(16).padStart(12, '0')}`,
      network,
      text,
      language,
    });
    const pinned = i % 500 === 0;
    return {
      id,
      url: `https://example.com/articles/${i}`,
      title: `Article ${i}: ${i % 3 === 0 ? "L'informe anual" : i % 3 === 1 ? 'Почему мы открываем код' : 'We are hiring'}`,
      summary: i % 2 ? `Summary of article ${i}, with a few words about the team.` : null,
      imageUrl: null,
      topics: [TOPICS[i % TOPICS.length]!, TOPICS[(i * 7) % TOPICS.length]!].filter((t, k, a) => a.indexOf(t) === k),
      contentType: 'owned',
      campaign: null,
      pinned,
      publishAt: new Date(publishMs).toISOString(),
      expiresAt: null,
      captions: [
        cap(0, 'linkedin', `Proud of what our team achieved — article ${i} 🚀`, 'en'),
        cap(1, 'linkedin', `L'informe és aquí: col·laboració i creixement (${i}) 🎉`, 'ca'),
        cap(2, 'x', `Our year in numbers 📈 #${i}`, 'en'),
        cap(3, 'x', `Код открыт для всех — ${i}`, 'ru'),
      ],
      links: { linkedin: `${serverUrl}/r/l${i}`, x: `${serverUrl}/r/x${i}` },
      updatedAt: new Date(publishMs).toISOString(),
      pinnedRank: pinned ? 1 : 0,
      publishMs,
    };
  });
}

/**
 * Fills the extension's cache the way a person's gets filled: the background syncs `count` items from a
 * queue server (a stub on `port` answering GET /v1/queue in full, as the real one does on a first sync),
 * stores them in IndexedDB and writes the popup's snapshot of the head. The stub is closed afterwards, so
 * every later sync fails at once and leaves the cache as it is: the popup is measured offline, with
 * nothing from the network in its way.
 */
export async function seed(ext: ExtensionBrowser, count: number, port: number): Promise<void> {
  const serverUrl = `http://127.0.0.1:${port}`;
  const rows = queueRows(count, serverUrl);
  // What the popup shows first: pinned first, then newest.
  const first = rows.reduce((a, b) => ((b.pinnedRank - a.pinnedRank || b.publishMs - a.publishMs) > 0 ? b : a)).id;
  const items = rows.map(({ pinnedRank: _rank, publishMs: _ms, ...item }) => item);
  const body = JSON.stringify({ full: true, items, removed: [], cursor: `bench-${count}` });
  const server = createServer((req, res) => {
    // The extension's own origin asks (CORS), as it does the real backend.
    res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
    if (req.method === 'OPTIONS') {
      res
        .writeHead(204, {
          'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? '',
          'Access-Control-Allow-Methods': 'GET',
        })
        .end();
      return;
    }
    if (req.url?.startsWith('/v1/queue')) {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(body);
      return;
    }
    res
      .writeHead(404, { 'Content-Type': 'application/problem+json' })
      .end(JSON.stringify({ title: 'Not found', status: 404 }));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const page = await ext.context.newPage();
  try {
    // Opening the popup asks the background to sync.
    await page.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    const deadline = Date.now() + 120_000;
    while (!(await page.evaluate(seeded, { count, first, headKey: LOCAL_KEYS.queueHead, dbName: DB_NAME }))) {
      if (Date.now() > deadline)
        throw new Error(`the extension did not sync ${count} items from the stub within 120 s`);
      await page.waitForTimeout(250);
    }
  } finally {
    await page.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/**
 * In an extension page: whether the cache holds `count` items and the popup's head snapshot starts with `first`.
 * It runs in the browser, so the storage key and database name come in as arguments.
 */
async function seeded({
  count,
  first,
  headKey,
  dbName,
}: {
  count: number;
  first: string;
  headKey: string;
  dbName: string;
}): Promise<boolean> {
  const chromeApi = (
    globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }
  ).chrome;
  const queueHead = (await chromeApi.storage.local.get(headKey))[headKey] as { rows: { id: string }[] } | undefined;
  if (queueHead?.rows[0]?.id !== first) return false;
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(dbName);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  try {
    const stored = await new Promise<number>((resolve, reject) => {
      const req = db.transaction('queue').objectStore('queue').count();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    return stored === count;
  } finally {
    db.close();
  }
}

/** ms from navigation start to the page's performance mark `name` (waits for it, 30 s at most). */
export function markTime(page: Page, name: string): Promise<number> {
  return page.evaluate(
    (mark) =>
      new Promise<number>((resolve, reject) => {
        const find = () => performance.getEntriesByName(mark)[0];
        const hit = find();
        if (hit) return resolve(hit.startTime);
        const observer = new PerformanceObserver(() => {
          const entry = find();
          if (entry) {
            observer.disconnect();
            resolve(entry.startTime);
          }
        });
        observer.observe({ type: 'mark', buffered: true });
        setTimeout(() => reject(new Error(`no "${mark}" mark within 30 s`)), 30_000);
      }),
    name,
  );
}

/** ms from navigation start to the paint of the element marked `elementtiming=identifier`, 30 s at most. */
function painted(page: Page, identifier: string): Promise<number> {
  return page.evaluate(
    (id) =>
      new Promise<number>((resolve, reject) => {
        const observer = new PerformanceObserver((list) => {
          const entry = list
            .getEntries()
            .find((e) => (e as PerformanceEntry & { identifier?: string }).identifier === id) as
            | (PerformanceEntry & { renderTime: number; loadTime: number })
            | undefined;
          if (!entry) return;
          observer.disconnect();
          resolve(entry.renderTime || entry.loadTime);
        });
        observer.observe({ type: 'element', buffered: true });
        setTimeout(() => reject(new Error(`no Element Timing entry for "${id}" within 30 s`)), 30_000);
      }),
    identifier,
  );
}

/** One fresh open of the blank extension page: ms from navigation start to its text painted. */
async function blankOnce(ext: ExtensionBrowser): Promise<number> {
  const page = await ext.context.newPage();
  try {
    await page.goto(`chrome-extension://${ext.extensionId}/${BLANK_PAGE}`);
    return await painted(page, 'blank-page');
  } finally {
    await page.close();
  }
}

/** The popup's performance marks on the way to its first card (entrypoints/popup/boot.ts, main.tsx), in order. */
const STEPS = ['boot', 'settings-read', 'head-read', 'rendered'] as const;

interface Open {
  /** First card painted (Element Timing). */
  shown: number;
  /** The page's relay:queue-shown mark. */
  mark: number;
  /** The whole list in (relay:queue-loaded). */
  loaded: number;
  /** The document's DOMContentLoaded end. */
  ready: number;
  /** Where the time before the first card goes: the popup's own marks (ms from navigation start). */
  steps: Record<(typeof STEPS)[number], number>;
  /** The longest main-thread task between the first card painted and the whole list in (0: none over 50 ms). */
  longestTask: number;
  page: Page;
  close(): Promise<void>;
}

/** One fresh popup open: when the first card was painted, when the whole list was in, and how busy that was. */
async function openOnce(ext: ExtensionBrowser): Promise<Open> {
  const page = await ext.context.newPage();
  // Long tasks are not buffered: watch for them before the page's own scripts run.
  await page.addInitScript({
    content: `globalThis.__relayLongTasks = []; new PerformanceObserver((l) => globalThis.__relayLongTasks.push(...l.getEntries().map((e) => ({ start: e.startTime, duration: e.duration })))).observe({ type: 'longtask' });`,
  });
  await page.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  const mark = await markTime(page, 'relay:queue-shown');
  const shown = await painted(page, 'queue-card');
  // The whole list (search and chips work on it) follows the first screenful.
  const loaded = await markTime(page, 'relay:queue-loaded');
  // When the document itself was ready (HTML parsed, module scripts run): what the queue adds comes after.
  const { ready, longestTask, steps } = await page.evaluate(
    ({ from, to, names }) => {
      const tasks = (globalThis as unknown as { __relayLongTasks: { start: number; duration: number }[] })
        .__relayLongTasks;
      const during = tasks.filter((t) => t.start + t.duration > from && t.start < to);
      return {
        ready: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd,
        longestTask: Math.max(0, ...during.map((t) => t.duration)),
        steps: Object.fromEntries(
          names.map((n) => [n, performance.getEntriesByName(`relay:${n}`)[0]?.startTime ?? NaN]),
        ),
      };
    },
    { from: shown, to: loaded, names: [...STEPS] },
  );
  return { shown, mark, loaded, ready, longestTask, steps: steps as Open['steps'], page, close: () => page.close() };
}

/** Popup opens alternating with blank-page opens, so both see the same machine. */
async function shownMedian(ext: ExtensionBrowser): Promise<{ opens: Open[]; blanks: number[] }> {
  // One warm-up open of each (the first open of a profile compiles and caches the bundle), not counted.
  await (await openOnce(ext)).close();
  await blankOnce(ext);
  const opens: Open[] = [];
  const blanks: number[] = [];
  for (let i = 0; i < OPENS; i++) {
    blanks.push(await blankOnce(ext));
    const open = await openOnce(ext);
    opens.push(open);
    await open.close();
  }
  return { opens, blanks };
}

/** Types QUERY one character at a time; ms per keystroke until the frame after the list re-rendered. */
async function typingTimes(ext: ExtensionBrowser): Promise<{ times: number[]; matches: string }> {
  const open = await openOnce(ext);
  try {
    const search = open.page.getByRole('searchbox', { name: 'Search the queue' });
    await search.waitFor();
    return await search.evaluate(async (input: HTMLInputElement, query: string) => {
      const times: number[] = [];
      const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      for (let i = 1; i <= query.length; i++) {
        const t0 = performance.now();
        input.value = query.slice(0, i);
        input.dispatchEvent(new InputEvent('input', { bubbles: true, data: query[i - 1] }));
        await nextFrame();
        times.push(performance.now() - t0);
      }
      return { times, matches: document.querySelector('.queue-count')?.textContent ?? '' };
    }, QUERY);
  } finally {
    await open.close();
  }
}

export async function popupBench(): Promise<Row[]> {
  const copy = mkdtempSync(join(tmpdir(), 'relay-popup-bench-'));
  cpSync(extensionDir, copy, { recursive: true });
  writeFileSync(join(copy, BLANK_PAGE), BLANK_HTML);
  const ext = await launchWithExtension({ dir: copy });
  const rows: Row[] = [];
  try {
    // tsx (esbuild, keepNames) wraps named functions in the callbacks below with __name(), which the page
    // does not have: give it a no-op.
    await ext.context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    const port = await freePort();
    const serverUrl = `http://127.0.0.1:${port}`;
    const setup = await ext.context.newPage();
    await setup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    await writeStored(setup, {
      [LOCAL_KEYS.serverUrl]: serverUrl,
      [LOCAL_KEYS.token]: 'bench-token',
      [LOCAL_KEYS.employee]: { id: '0190a000-0000-7000-8000-0000000000be', name: 'Bench Reader', role: 'employee' },
      [LOCAL_KEYS.popupOpenedAt]: '2026-01-01T00:00:00.000Z',
    });
    await setup.close();

    for (const count of [1_000, 10_000]) {
      await seed(ext, count, port);
      const { opens, blanks } = await shownMedian(ext);
      const times = opens.map((o) => o.shown);
      const m = median(times);
      // What Relay adds to opening any extension page: each popup open against the blank open before it.
      const added = median(times.map((t, i) => t - blanks[i]!));
      const budgeted = count === 1_000;
      rows.push({
        name: `popup: queue shown with ${count.toLocaleString('en')} cached items, beyond a blank extension page (median of ${times.length} pairs)`,
        figure: `${ms(added)} (first card painted at ${ms(m)}, min ${ms(Math.min(...times))}, max ${ms(Math.max(...times))}; blank page painted at ${ms(median(blanks))}; ${STEPS.map((n) => `${n} ${ms(median(opens.map((o) => o.steps[n])))}`).join(', ')}, document ready ${ms(median(opens.map((o) => o.ready)))}, main thread done ${ms(median(opens.map((o) => o.mark)))})`,
        budget: budgeted ? `≤ ${SHOWN_BUDGET_MS} ms` : 'reported',
        pass: budgeted ? added <= SHOWN_BUDGET_MS : true,
        ...(budgeted ? { ratio: added / SHOWN_BUDGET_MS } : {}),
      });
      rows.push({
        name: `popup: whole list loaded for search and chips, ${count.toLocaleString('en')} items (median of ${opens.length} opens)`,
        figure: `${ms(median(opens.map((o) => o.loaded)))} (longest task meanwhile: median ${ms(median(opens.map((o) => o.longestTask)))}, max ${ms(Math.max(...opens.map((o) => o.longestTask)))})`,
        budget: 'reported',
        pass: true,
      });
      if (count === 10_000) {
        const { times: keys, matches } = await typingTimes(ext);
        const k = median(keys);
        rows.push({
          name: `popup: search keystroke with 10,000 items (median of ${keys.length}, "${QUERY}" → ${matches.trim()})`,
          figure: `${ms(k)} (max ${ms(Math.max(...keys))})`,
          budget: `≤ ${KEYSTROKE_BUDGET_MS} ms`,
          pass: k <= KEYSTROKE_BUDGET_MS,
          ratio: k / KEYSTROKE_BUDGET_MS,
        });
      }
    }
  } finally {
    await ext.close();
    rmSync(copy, { recursive: true, force: true });
  }
  return rows;
}

// `npx tsx tests/bench/popup.ts` prints the rows on their own (tests/bench/run.ts is where the lead wires them).
if (import.meta.url === `file://${process.argv[1]}`) {
  popupBench()
    .then((rows) => {
      for (const r of rows) console.log(`${r.pass ? 'PASS' : 'FAIL'}  ${r.name}: ${r.figure} (budget ${r.budget})`);
    })
    .catch((err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    });
}
