import { render } from 'preact';
import '@/components/base.css';
import '@/components/admin/admin.css';
import { ensureCatalogue, t, uiLocale } from '@/lib/i18n';
import { App } from './App';

async function start() {
  await ensureCatalogue();
  // The page says which language it is in (index.html keeps "en" for before this runs), and its tab is named in it.
  document.documentElement.lang = uiLocale();
  document.title = t('admin.pageTitle');
  render(<App />, document.getElementById('app')!);
}
void start();
