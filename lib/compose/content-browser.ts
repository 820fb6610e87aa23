/*
 * The extension API for content scripts, without webextension-polyfill (about 3 KB gzipped, a big share of the
 * content-script budget). In content scripts the native API is enough on both targets: Firefox has the
 * promise-based `browser`, and Chromium's MV3 `chrome` returns promises for the calls content scripts make
 * (runtime.getURL, runtime.sendMessage, storage.local.get). wxt.config.ts points `wxt/browser` here for the
 * content-script builds only; everything else keeps the polyfill.
 */
type Browser = typeof import('webextension-polyfill');

const g = globalThis as unknown as { browser?: Browser; chrome?: Browser };

export const browser: Browser = (g.browser?.runtime?.id ? g.browser : g.chrome) as Browser;
export default browser;
