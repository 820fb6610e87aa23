// IndexedDB for Dexie in Node: unit tests of lib/db and lib/sync run against a real IndexedDB implementation.
import 'fake-indexeddb/auto';
