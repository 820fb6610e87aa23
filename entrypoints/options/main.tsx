import '@/lib/zod-setup'; // before lib/settings/managed creates its schema
import { render } from 'preact';
import '@/components/base.css';
import './options.css';
import { ensureCatalogue, t, uiLocale } from '@/lib/i18n';
import { App } from './App';

async function start() {
  // This is the page Relay opens on install, when Chromium's own lookup may answer nothing (lib/i18n).
  await ensureCatalogue();
  // The page speaks the language its words are in (options.html says English until now).
  document.documentElement.lang = uiLocale();
  document.title = t('options.title');
  render(<App />, document.getElementById('app')!);
}
void start();
