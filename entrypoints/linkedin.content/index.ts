import { defineContentScript } from 'wxt/utils/define-content-script';
import { startForNetwork } from '@/components/panel/start';

// LinkedIn's share dialog (also inside the open shadow root of #interop-outlet). The logic is in lib/compose.
export default defineContentScript({
  matches: ['https://www.linkedin.com/*'],
  runAt: 'document_idle',
  main: (ctx) => startForNetwork(ctx, 'linkedin'),
});
