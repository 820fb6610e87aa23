/**
 * `npx tsx tests/store/firefox-package.ts`: lints the Firefox package that `wxt zip -b firefox` wrote
 * (`.output/*firefox*.zip`) with `web-ext lint`, on the zip's own contents rather than the build folder, and
 * checks that the sources archive AMO's reviewers get (`*sources*.zip`) holds what rebuilding needs.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';

/** What a reviewer needs to run `npm ci && npm run zip` from the archive, and what must not be in it. */
export function checkSources(names: readonly string[]): string[] {
  const problems: string[] = [];
  const has = new Set(names);
  for (const file of [
    'package.json',
    'package-lock.json',
    'README.md',
    'PRIVACY.md',
    'wxt.config.ts',
    'tsconfig.json',
  ]) {
    if (!has.has(file)) problems.push(`${file} is missing`);
  }
  for (const locale of ['en', 'ca', 'es', 'it', 'nl', 'ru']) {
    if (!has.has(`locales/${locale}.yml`)) problems.push(`locales/${locale}.yml is missing`);
  }
  for (const folder of ['entrypoints/', 'lib/', 'components/', 'public/icon/', 'modules/privacy-page/']) {
    if (!names.some((n) => n.startsWith(folder))) problems.push(`nothing from ${folder}`);
  }
  for (const name of names) {
    if (/(^|\/)(node_modules|\.output[^/]*|test-results|playwright-report|data|\.git|\.tmp)\//.test(name)) {
      problems.push(`${name} should not be in the sources`);
    }
  }
  return problems;
}

/** The files of a ZIP archive (path → bytes), folders left out. */
export function readZip(bytes: Uint8Array): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const [name, data] of Object.entries(unzipSync(bytes)))
    if (!name.endsWith('/')) files.set(name, Buffer.from(data));
  return files;
}

/** The newest `*<part>*.zip` in `outDir`. */
export function newestZip(outDir: string, part: string): string | null {
  const zips = readdirSync(outDir)
    .filter((f) => f.endsWith('.zip') && f.includes(part))
    .map((f) => join(outDir, f));
  zips.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  return zips[0] ?? null;
}

/** The newest Firefox package and sources archive `npm run zip` wrote; exits with the reason when missing. */
export function firefoxZips(): { firefox: string; sources: string } {
  const outDir = process.env.WXT_OUT_DIR || '.output';
  const [firefox, sources] = [newestZip(outDir, 'firefox'), newestZip(outDir, 'sources')];
  if (!firefox || !sources) {
    console.error(`No ${outDir}/*firefox*.zip and *sources*.zip: run \`npm run zip\` first.`);
    process.exit(1);
  }
  return { firefox, sources };
}

/** Writes every file of the zip `file` under `dir`, emptied first. */
export function unpack(file: string, dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  for (const [name, bytes] of readZip(readFileSync(file))) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), bytes);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { firefox, sources } = firefoxZips();
  const problems = checkSources([...readZip(readFileSync(sources)).keys()]);
  for (const p of problems) console.error(`✗ ${sources}: ${p}`);

  const unpacked = join('.tmp', 'firefox-package');
  unpack(firefox, unpacked);
  console.log(`web-ext lint on the contents of ${firefox}`);
  const lint = spawnSync('npx', ['web-ext', 'lint', '--source-dir', unpacked, '--no-config-discovery'], {
    stdio: 'inherit',
  });
  process.exit(problems.length || lint.status !== 0 ? 1 : 0);
}
