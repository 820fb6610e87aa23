import { render } from 'preact';
import '@/components/base.css';
import './options.css';
import { t, uiLocale } from '@/lib/i18n';
import { App } from './App';

// The page speaks the language its words are in (screen readers pick their voice from it).
document.documentElement.lang = uiLocale();
document.title = t('options.title');

render(<App />, document.getElementById('app')!);
