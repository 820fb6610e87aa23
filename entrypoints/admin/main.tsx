import { render } from 'preact';
import '@/components/base.css';
import '@/components/admin/admin.css';
import { App } from './App';

render(<App />, document.getElementById('app')!);
