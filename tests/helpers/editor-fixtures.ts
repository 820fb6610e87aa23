/**
 * The editor fixture pages (tests/fixtures/editors), bundled from the real editor packages with esbuild
 * once per run into .tmp/fixtures, and served to a browser context on the real hostnames through
 * `context.route`, so the extension's content scripts run with their real match patterns and nothing
 * reaches the internet.
 *
 *   https://x.com/…, https://twitter.com/…   the X fixture (Draft.js + React 18), see x-app.js for routes
 *   https://www.linkedin.com/…               the LinkedIn fixture (Quill 1; `?quill=2` for Quill 2;
 *                                            `?editor=prosemirror` for ProseMirror/TipTap, linkedin-prosemirror.js)
 *   …?relay-bench=feed on any of them        a page that appends post-like elements (the CPU bench)
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Route } from '@playwright/test';
import type { EditorView } from '@tiptap/pm/view';
import { repoRoot } from './server';

export const fixturesSrc = join(repoRoot, 'tests', 'fixtures', 'editors');
export const fixturesOut = join(repoRoot, '.tmp', 'fixtures');

const bundles = ['x.js', 'linkedin-quill1.js', 'linkedin-quill2.js', 'linkedin-prosemirror.js'] as const;

/** Bundle the fixture apps (React + Draft.js, Quill 1, Quill 2, ProseMirror + TipTap) into .tmp/fixtures. */
export async function buildEditorFixtures(): Promise<void> {
  const { build } = await import('esbuild');
  mkdirSync(fixturesOut, { recursive: true });
  await build({
    absWorkingDir: repoRoot,
    entryPoints: {
      x: join(fixturesSrc, 'x-app.js'),
      'linkedin-quill1': join(fixturesSrc, 'linkedin-quill1.js'),
      'linkedin-quill2': join(fixturesSrc, 'linkedin-quill2.js'),
      'linkedin-prosemirror': join(fixturesSrc, 'linkedin-prosemirror.js'),
    },
    outdir: fixturesOut,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    // Draft.js (through fbjs) reads `global` and `process.env.NODE_ENV`.
    define: { global: 'globalThis', 'process.env.NODE_ENV': '"production"' },
    loader: { '.css': 'text' },
    minify: true,
    sourcemap: false,
    logLevel: 'warning',
  });
}

/** Build unless a previous step of this run already did (the bench and a lone spec call this). */
export async function ensureEditorFixtures(): Promise<void> {
  if (bundles.every((b) => existsSync(join(fixturesOut, b))) && process.env.RELAY_FIXTURES_BUILT === '1') return;
  await buildEditorFixtures();
  process.env.RELAY_FIXTURES_BUILT = '1';
}

const SCRIPT_PREFIX = '/__relay_fixtures__/';

const shell = (title: string, body: string, script: string) => `<!doctype html>
<html lang="en" dir="ltr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title></head>
<body>${body}<script src="${SCRIPT_PREFIX}${script}"></script></body></html>`;

/** A feed page for the CPU bench: `runFeed(total, batch)` appends post-like elements, one batch per task. */
export function feedPage(site: 'x' | 'linkedin'): string {
  const x = site === 'x';
  const post = x
    ? `'<article data-testid="tweet" role="article" tabindex="0"><div data-testid="User-Name"><a href="/user' + i + '">@user' + i +
       '</a></div><div data-testid="tweetText" lang="en">Post number ' + i + ', with a little text and a #tag.</div>' +
       '<div role="group" aria-label="actions"><button data-testid="reply">Reply</button><button data-testid="retweet">Repost</button>' +
       '<button data-testid="like">Like</button></div></article>'`
    : `'<div class="feed-shared-update-v2" role="article" data-urn="urn:li:activity:' + i + '"><div class="update-components-actor">' +
       '<span class="update-components-actor__title">Person ' + i + '</span></div><div class="feed-shared-update-v2__description">' +
       '<span dir="ltr">Update number ' + i + ', with a little text and a #tag.</span></div><div class="feed-shared-social-action-bar">' +
       '<button>Like</button><button>Comment</button><button>Repost</button></div></div>'`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Feed</title>
<style>body{font:14px system-ui;margin:0} article,.feed-shared-update-v2{padding:8px;border-bottom:1px solid #ddd}</style></head>
<body><main role="main" id="feed"></main><script>
window.runFeed = (total, batch) => new Promise((resolve) => {
  const feed = document.getElementById('feed');
  let i = 0;
  const step = () => {
    const end = Math.min(total, i + batch);
    const box = document.createElement('div');
    let html = '';
    for (; i < end; i++) html += ${post};
    box.innerHTML = html;
    feed.append(...box.children);
    feed.offsetHeight; // layout, as a real feed does before the next batch
    if (i < total) setTimeout(step, 0); else resolve(feed.children.length);
  };
  step();
});
</script></body></html>`;
}

function pageFor(url: URL): string | null {
  if (url.searchParams.get('relay-bench') === 'feed')
    return feedPage(url.hostname === 'www.linkedin.com' ? 'linkedin' : 'x');
  if (url.hostname === 'www.linkedin.com') {
    const script =
      url.searchParams.get('editor') === 'prosemirror'
        ? 'linkedin-prosemirror.js'
        : url.searchParams.get('quill') === '2'
          ? 'linkedin-quill2.js'
          : 'linkedin-quill1.js';
    return shell('Feed | LinkedIn', '', script);
  }
  return shell('Home / X', '<div id="react-root"></div>', 'x.js');
}

export const siteHosts = /^https:\/\/(x\.com|twitter\.com|www\.linkedin\.com)\//;

/**
 * Serve the fixtures on https://x.com/, https://twitter.com/ and https://www.linkedin.com/ in `context`.
 * Anything else those hosts are asked for (favicons, …) gets a 404, never the network.
 */
export async function serveEditorFixtures(context: BrowserContext): Promise<void> {
  await ensureEditorFixtures();
  const cache = new Map<string, Buffer>();
  await context.route(siteHosts, async (route: Route) => {
    const url = new URL(route.request().url());
    if (url.pathname.startsWith(SCRIPT_PREFIX)) {
      const name = url.pathname.slice(SCRIPT_PREFIX.length);
      if (!(bundles as readonly string[]).includes(name)) return route.fulfill({ status: 404, body: '' });
      let body = cache.get(name);
      if (!body) cache.set(name, (body = readFileSync(join(fixturesOut, name))));
      return route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body });
    }
    if (route.request().resourceType() !== 'document') return route.fulfill({ status: 404, body: '' });
    const html = pageFor(url);
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html ?? '' });
  });
}

/** What the fixture pages expose to tests (and to the bench). */
declare global {
  interface Window {
    /** X: the Draft.js (or textarea) state's plain text; default the newest post composer. */
    getPlainText(name?: string): string;
    /** LinkedIn: `quill.getText()` of the share editor (or `name`: 'comment'). */
    getQuillText(name?: string): string;
    /** LinkedIn with ?editor=prosemirror: the EditorState's text, one line per block (or `name`: 'comment'). */
    getDocText(name?: string): string;
    /** LinkedIn with ?editor=prosemirror: the ProseMirror views, 'share' (while open) and 'comment'. */
    pmViews: Record<string, EditorView | undefined>;
    /** Submit clicks the person (the test) made: Post, Reply, Comment, Send. */
    __posted: { name: string; kind?: string; text: string }[];
    /** When each composer entered the page (performance.now()). */
    __composerAttached: { name: string; kind: string; at: number }[];
    /** With ?measure=1: when Relay's panel appeared (performance.now()). */
    __panelSeen?: { at: number; how: string }[];
  }
}
