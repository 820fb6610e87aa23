import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';

/**
 * Writes the stylesheets a page links at load into the page itself (a <style> element; the extension's
 * content security policy restricts scripts, not styles), so that opening it fetches one file fewer per
 * sheet. Styles of lazily loaded chunks stay files of their own.
 */
function inlineEntryStyles(): Plugin {
  return {
    name: 'relay:inline-entry-styles',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const page of Object.values(bundle)) {
        if (page.type !== 'asset' || !page.fileName.endsWith('.html')) continue;
        let html = String(page.source);
        html = html.replace(/<link rel="stylesheet"[^>]*href="\/([^"]+)"[^>]*>/g, (tag, fileName: string) => {
          const sheet = bundle[fileName];
          if (sheet?.type !== 'asset') return tag;
          delete bundle[fileName];
          return `<style>${String(sheet.source).replaceAll('</style', '<\\/style')}</style>`;
        });
        page.source = html;
      }
    },
  };
}

// The sites whose composers Relay helps with. Nothing else: the backend is reached through CORS
// (it answers the extension's own origin), so connecting to any server needs no host permission.
const hostPermissions = ['https://www.linkedin.com/*', 'https://x.com/*', 'https://twitter.com/*'];

export default defineConfig({
  // Several builds side by side (e.g. parallel work on one machine): WXT_OUT_DIR=.output-a npx wxt build,
  // then RELAY_EXTENSION_DIR=.output-a/chrome-mv3 for the end-to-end tests.
  outDir: process.env.WXT_OUT_DIR || '.output',
  // `npm run zip`: the store packages, and for Firefox the sources a reviewer rebuilds them from (README,
  // "Store packages"). Tests (tests/store's package checks included), local data and reports are no part of
  // the build, so the build imports nothing from tests/: what it needs at build time lives in modules/. The
  // server is kept because lib/contract's types and package.json's scripts refer to it.
  zip: {
    excludeSources: ['data/**', 'test-results/**', 'playwright-report/**', 'tests/**', 'stats.html'],
  },
  // One promise-based `browser` (wxt/browser) on Chrome and Firefox, as the architecture chose.
  // The browser's catalogues built from locales/*.yml (@wxt-dev/i18n); lib/i18n reads them.
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  // Vite 8 transforms TS/JSX with Oxc: point the automatic JSX runtime at Preact (no babel preset needed).
  vite: () => ({
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  }),
  hooks: {
    // The popup is built on its own, so that its first screen is one script and no shared chunks: in
    // Chromium each file an extension page loads is a round trip through the browser process, and the
    // popup's budget (first card ≤ 100 ms after open) is spent mostly before its code runs.
    'entrypoints:grouped': (_wxt, groups) => {
      for (const group of groups) {
        if (!Array.isArray(group)) continue;
        const at = group.findIndex((e) => e.type === 'popup');
        if (at < 0 || group.length === 1) continue;
        groups.push(group.splice(at, 1));
        return;
      }
    },
    // Content scripts have a 25 KB (gzipped) budget: they use the native extension API instead of
    // webextension-polyfill (see lib/compose/content-browser.ts). Only builds made of content scripts alone.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.length === 1 && entrypoints[0]!.type === 'popup') {
        config.plugins = [...(config.plugins ?? []), inlineEntryStyles()];
        return;
      }
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
    default_locale: 'en',
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    // activeTab: "Share this page" reads the current tab's URL and title only when the person clicks Relay.
    // identity: single sign-on through the browser's own web-auth window (launchWebAuthFlow); no install warning.
    permissions: ['storage', 'alarms', 'activeTab', 'identity'],
    // Reminders are opt-in: the options page asks for this when the person turns one on.
    optional_permissions: ['notifications'],
    host_permissions: hostPermissions,
    action: { default_title: '__MSG_extName__' },
    // What a company may preset by enterprise policy (lib/settings/managed.ts reads it). Chromium applies a
    // policy only to keys its schema declares; Firefox takes managed storage from policies.json, no schema.
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed-schema.json' } }),
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
      : {
          // 111: the bundle's JavaScript and CSS are compiled for Vite 8's default target (baseline widely
          // available = Chrome 111), the highest floor of anything Relay uses. The APIs are older: MV3 action,
          // alarms, permissions and promise-returning calls (Chrome 88–99), structuredClone (98),
          // AbortSignal.timeout (103). Newer ones are used only where present: setBadgeTextColor (110) and
          // action.openPopup from a content script's message (127; falls back to a tab).
          minimum_chrome_version: '111',
        }),
  }),
});
