import { resolve } from 'node:path';
import { defineConfig } from 'wxt';

// The sites whose composers Relay helps with. Nothing else: the backend is reached through CORS
// (it answers the extension's own origin), so connecting to any server needs no host permission.
const hostPermissions = ['https://www.linkedin.com/*', 'https://x.com/*', 'https://twitter.com/*'];

export default defineConfig({
  // Several builds side by side (e.g. parallel work on one machine): WXT_OUT_DIR=.output-a npx wxt build,
  // then RELAY_EXTENSION_DIR=.output-a/chrome-mv3 for the end-to-end tests.
  outDir: process.env.WXT_OUT_DIR || '.output',
  // One promise-based `browser` (wxt/browser) on Chrome and Firefox, as the architecture chose.
  modules: ['@wxt-dev/webextension-polyfill'],
  // Vite 8 transforms TS/JSX with Oxc: point the automatic JSX runtime at Preact (no babel preset needed).
  vite: () => ({
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  }),
  hooks: {
    // Content scripts have a 25 KB (gzipped) budget: they use the native extension API instead of
    // webextension-polyfill (see lib/compose/content-browser.ts). Only builds made of content scripts alone.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((e) => e.type === 'content-script')) return;
      const current = config.resolve?.alias ?? [];
      const list = Array.isArray(current)
        ? current
        : Object.entries(current).map(([find, replacement]) => ({ find, replacement: String(replacement) }));
      config.resolve = {
        ...config.resolve,
        alias: [{ find: /^wxt\/browser$/, replacement: resolve('lib/compose/content-browser.ts') }, ...list],
      };
    },
  },
  manifest: ({ browser }) => ({
    name: 'Relay',
    description:
      'Share your company’s curated content on LinkedIn and X in your own words, and see the reach you earn.',
    // activeTab: "Share this page" reads the current tab's URL and title only when the person clicks Relay.
    permissions: ['storage', 'alarms', 'activeTab'],
    // Reminders are opt-in: the options page asks for this when the person turns one on.
    optional_permissions: ['notifications'],
    host_permissions: hostPermissions,
    action: { default_title: 'Relay' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'relay@relay-advocacy.org',
              strict_min_version: '140.0',
              // Relay sends the invite code/token and the shares a person makes to their company's own server.
              data_collection_permissions: { required: ['authenticationInfo', 'websiteActivity'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
