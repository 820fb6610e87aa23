// IndexedDB for Dexie in Node: unit tests of lib/db and lib/sync run against a real IndexedDB implementation.
import 'fake-indexeddb/auto';

// The browser's catalogue lookup (the fake browser has none): English, as in an English browser.
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useLocale } from '@/lib/i18n/test-catalogue';

useLocale('en');
// Unit test files share a worker's modules (isolate: false): each test starts from an empty fake browser
// (storage, alarms, tabs) and English words, whatever the file before it left.
beforeEach(() => {
  fakeBrowser.reset();
  useLocale('en');
});
