/**
 * `npx tsx tests/store/sources-rebuild.ts`: does what an addons.mozilla.org reviewer does with the sources
 * archive: unpack it, build the Firefox package from it alone, and compare with the package uploaded beside
 * it. Every file must come out byte for byte the same, or the review fails ("cannot reproduce").
 * Installing is the one step skipped: the project's own node_modules (the same package-lock) is linked in.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { firefoxZips, newestZip, readZip, unpack } from './firefox-package';

/** Names of the files that differ between two unpacked packages (missing on either side included). */
export function differences(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])]
    .filter((k) => !a.get(k) || !b.get(k) || !a.get(k)!.equals(b.get(k)!))
    .sort();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { firefox, sources } = firefoxZips();
  const root = resolve('.tmp', 'sources-rebuild');
  unpack(sources, root);
  symlinkSync(resolve('node_modules'), join(root, 'node_modules'));
  const env = { ...process.env, WXT_OUT_DIR: '' };
  for (const args of [
    ['wxt', 'prepare'],
    ['wxt', 'zip', '-b', 'firefox'],
  ]) {
    const step = spawnSync('npx', args, { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
    if (step.status !== 0) {
      console.error(`✗ \`npx ${args.join(' ')}\` failed in the unpacked sources (${root})`);
      process.exit(1);
    }
  }
  const rebuilt = newestZip(join(root, '.output'), 'firefox');
  const diff = rebuilt
    ? differences(readZip(readFileSync(firefox)), readZip(readFileSync(rebuilt)))
    : ['(no package built)'];
  for (const d of diff) console.error(`✗ differs when rebuilt from the sources: ${d}`);
  console.log(diff.length ? `${sources} does not rebuild ${firefox}` : `${sources} rebuilds ${firefox} byte for byte`);
  if (!diff.length) rmSync(root, { recursive: true, force: true });
  process.exit(diff.length ? 1 : 0);
}
