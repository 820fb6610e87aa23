/**
 * `wxt prepare` writes the extension's generated types (.wxt/). wxt is a development dependency: a
 * production install of the server (`npm ci --omit=dev`) needs no types and lacks what wxt's configuration
 * imports, so it skips. (wxt itself can still be there, as a peer of the
 * extension's runtime packages.)
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

// npm sets NODE_ENV=production for install scripts whenever development dependencies are omitted.
if (process.env.NODE_ENV === 'production') {
  console.log('postinstall: a production install (no development dependencies), nothing to prepare');
  process.exit(0);
}
const require = createRequire(import.meta.url);
try {
  require.resolve('wxt');
} catch {
  console.log('postinstall: wxt is not installed (a production install), nothing to prepare');
  process.exit(0);
}
const result = spawnSync('wxt', ['prepare'], { stdio: 'inherit', shell: process.platform === 'win32' });
process.exit(result.status ?? 1);
