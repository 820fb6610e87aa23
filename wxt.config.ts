import { defineConfig } from 'wxt';

export default defineConfig({
  manifest: {
    name: 'Relay',
    permissions: ['storage', 'alarms'],
    host_permissions: ['https://www.linkedin.com/*', 'https://x.com/*', 'https://twitter.com/*'],
  },
});
