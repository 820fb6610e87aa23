// IndexedDB for Dexie in Node: unit tests of lib/db and lib/sync run against a real IndexedDB implementation.
import 'fake-indexeddb/auto';

// The browser's catalogue lookup (the fake browser has none): English, as in an English browser.
import { beforeEach } from 'vitest';
import { useLocale } from '@/lib/i18n/test-catalogue';

useLocale('en');
beforeEach(() => useLocale('en'));
