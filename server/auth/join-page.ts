import { Hono } from 'hono';
import { JOIN_PATH } from '../../lib/contract/invitation';
import type { AppEnv } from './principal';

/*
 * What an invitation link (lib/contract/invitation.ts) opens when someone clicks it instead of pasting it. The
 * invite code sits in the fragment, which browsers never send, so the server cannot see it and the page takes
 * nothing from the request: one constant document, no scripts, nothing reflected.
 */
const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Your invitation to Relay</title>
<style>
  body { font: 1rem/1.5 system-ui, sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem; color: #1b1b1f; background: #fff; }
  h1 { font-size: 1.6rem; }
  li { margin-block: .4rem; }
  .note { color: #4a4a55; }
  @media (prefers-color-scheme: dark) { body { color: #ececf1; background: #17171c; } .note { color: #b9b9c6; } }
</style>
</head>
<body>
<main>
<h1>This is an invitation to Relay</h1>
<p>Relay is your company's browser extension for sharing curated news on LinkedIn and X in your own words.</p>
<h2>How to accept it</h2>
<ol>
  <li>Install the Relay extension in this browser, if it is not there yet (ask your programme admin where to get it).</li>
  <li>Open Relay's settings.</li>
  <li>Copy this page's whole address from the address bar, the part after <strong>#</strong> included, and paste it into the <strong>Invite code</strong> field.</li>
</ol>
<p class="note">The invite code is in the part of the address after <strong>#</strong>. Your browser does not send that part to the server, so this page cannot see it and does nothing with it. Each code works once: if it has been used or has expired, ask your programme admin for a new one.</p>
</main>
</body>
</html>
`;

const HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy':
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'public, max-age=3600',
};

/** GET /join: public, before any auth or CORS. */
export function joinPageRoutes() {
  return new Hono<AppEnv>().get(JOIN_PATH, (c) => c.body(PAGE, 200, HEADERS));
}
