/**
 * `npm test`: every check Relay has, in the order a failure is cheapest to find, with one closing line
 * `N passed, M failed` that counts each unit and end-to-end test plus each whole-project check
 * (typecheck, lint, formatting, a production install, builds, store packages, web-ext lint). Later steps still run after a failure so one run shows everything,
 * except the end-to-end tests, which need the Chromium build.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const tmp = join(process.cwd(), '.tmp');
mkdirSync(tmp, { recursive: true });
const vitestReport = join(tmp, 'vitest.json');
const playwrightReport = join(tmp, 'playwright.json');

const started = performance.now();
/** How long each step took, printed at the end: where a slow run spends its minutes. */
const timings: { name: string; seconds: number }[] = [];
const took = (since: number) => Math.round((performance.now() - since) / 100) / 10;
const minutes = (seconds: number) => `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;

let passed = 0;
let failed = 0;
let skipped = 0;
const failures: string[] = [];

function run(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
  const since = performance.now();
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  timings.push({ name, seconds: took(since) });
  return result.status === 0;
}

function count(name: string, ok: boolean): boolean {
  if (ok) passed++;
  else {
    failed++;
    failures.push(name);
  }
  return ok;
}

function check(name: string, cmd: string, args: string[]): boolean {
  return count(name, run(name, cmd, args));
}

/**
 * A check that runs beside others (each is mostly one core: tsc, eslint, an npm install compiling one addon):
 * its output is held and printed in one piece when it ends, so parallel checks never interleave lines.
 */
function checkBeside(name: string, cmd: string, args: string[]): Promise<boolean> {
  return new Promise((resolve) => {
    const since = performance.now();
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const output: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    child.on('close', (code) => {
      console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
      process.stdout.write(Buffer.concat(output));
      timings.push({ name: `${name} (beside others)`, seconds: took(since) });
      resolve(count(name, code === 0));
    });
  });
}

/** A test runner counts its own tests; if it died before writing a report, the whole step is one failure. */
function suite(
  name: string,
  ok: boolean,
  report: string,
  count: (json: unknown) => { p: number; f: number; s: number },
) {
  try {
    const { p, f, s } = count(JSON.parse(readFileSync(report, 'utf8')));
    passed += p;
    failed += f;
    skipped += s;
    if (f > 0 || !ok) failures.push(name);
    if (f === 0 && !ok) failed++;
  } catch {
    failed++;
    failures.push(`${name} (no report)`);
  }
}

// A fresh clone installed as a server is (`npm ci --omit=dev`, no development tools) must start and answer.
// It waits mostly on the registry and one compiler, so it runs beside the typecheck and lint, then the unit tests.
const productionInstall = checkBeside('production install on a fresh clone', 'npx', [
  'tsx',
  'tests/production-install.ts',
]);
await Promise.all([
  checkBeside('typecheck', 'npx', ['tsc', '--noEmit']),
  checkBeside('lint', 'npx', ['eslint', '.']),
  checkBeside('formatting (npm run format fixes it)', 'npx', ['prettier', '--check', '--log-level=warn', '.']),
]);

rmSync(vitestReport, { force: true });
const unitOk = run('unit and backend tests', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestReport}`,
]);
suite('unit and backend tests', unitOk, vitestReport, (j) => {
  const r = j as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  return { p: r.numPassedTests, f: r.numFailedTests, s: r.numPendingTests + r.numTodoTests };
});

await productionInstall;

// The store packages come from the same builds (`wxt zip` builds, then zips in a second or two), so checking
// them costs little: the Chrome zip against the Web Store's rules (web-ext lint only knows Firefox's; see
// tests/store/chrome-package.ts), the Firefox zip with web-ext lint, and its sources by rebuilding from them.
const built = check('Chromium build and package', 'npx', ['wxt', 'zip']);
if (built) check('Chrome package fit for the Web Store', 'npx', ['tsx', 'tests/store/chrome-package.ts']);
const firefoxPackage = check('Firefox build, package, sources and web-ext lint', 'npm', [
  'run',
  '--silent',
  'lint:firefox',
]);
if (firefoxPackage) check('Firefox package rebuilt from its sources', 'npx', ['tsx', 'tests/store/sources-rebuild.ts']);

// Firefox runs one end-to-end spec (tests/e2e/firefox-*.spec.ts, the Firefox build above in Debian's Firefox ESR);
// it is part of the Playwright run below, so its result counts there. Missing Firefox fails that spec, not the run.
check('Firefox present', 'bash', ['tests/ensure-firefox.sh']);
const browser = built && check('Chromium present', 'bash', ['tests/ensure-chromium.sh']);
if (browser) {
  rmSync(playwrightReport, { force: true });
  const e2eOk = run(
    'end-to-end tests (Chromium, and Firefox for one spec)',
    'npx',
    ['playwright', 'test', '--reporter=list,json'],
    {
      PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport,
    },
  );
  suite('end-to-end tests', e2eOk, playwrightReport, (j) => {
    const s = (j as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } }).stats;
    return { p: s.expected + s.flaky, f: s.unexpected, s: s.skipped };
  });
} else {
  failed++;
  failures.push('end-to-end tests (not run: no build or no browser)');
}

console.log('');
for (const t of timings) console.log(`${String(t.seconds.toFixed(1)).padStart(7)} s  ${t.name}`);
console.log(`npm test took ${minutes(took(started))}`);
if (failures.length) console.log(`Failed: ${failures.join('; ')}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
