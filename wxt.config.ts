import { defineConfig } from 'wxt';

// The sites whose composers Relay helps with. Nothing else: the backend is reached through CORS
// (it answers the extension's own origin), so connecting to any server needs no host permission.
const hostPermissions = ['https://www.linkedin.com/*', 'https://x.com/*', 'https://twitter.com/*'];

export default defineConfig({
  // One promise-based `browser` (wxt/browser) on Chrome and Firefox, as the architecture chose.
  modules: ['@wxt-dev/webextension-polyfill'],
  // Vite 8 transforms TS/JSX with Oxc: point the automatic JSX runtime at Preact (no babel preset needed).
  vite: () => ({
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  }),
  manifest: ({ browser }) => ({
    name: 'Relay',
    description:
      'Share your company’s curated content on LinkedIn and X in your own words, and see the reach you earn.',
    permissions: ['storage', 'alarms'],
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
