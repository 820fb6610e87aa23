import { render } from 'preact';
import '@/components/base.css';
import './popup.css';
import { App } from './App';
import { sendMessage } from '@/lib/messaging';

// Fresh content when the popup opens; the list shows the cache at once and updates when the sync lands.
sendMessage('syncNow').catch(() => undefined);

render(<App />, document.getElementById('app')!);
