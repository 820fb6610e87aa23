import { defineContentScript } from 'wxt/utils/define-content-script';
import { startForNetwork } from '@/components/panel/start';
import { X_MAX, xRemaining } from '@/lib/captions/x-length';

// X's post composers (home timeline, "Create post" dialog, mobile layout). The logic is in lib/compose.
export default defineContentScript({
  matches: ['https://x.com/*', 'https://twitter.com/*'],
  runAt: 'document_idle',
  // X counts length with its own weights (URLs 23, most CJK and emoji 2): the panel shows what remains.
  main: (ctx) => startForNetwork(ctx, 'x', { length: { remaining: xRemaining, max: X_MAX } }),
});
