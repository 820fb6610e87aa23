/**
 * The extension's `local` storage, read and written from one of its own contexts (the service worker or an
 * extension page). Keys are the names in lib/settings/keys.ts, passed into the browser as arguments.
 */
import type { Page, Worker } from '@playwright/test';
import { LOCAL_KEYS } from '../../lib/settings/keys';

export { LOCAL_KEYS };
export type LocalKey = (typeof LOCAL_KEYS)[keyof typeof LOCAL_KEYS];

/** The part of the extension API these helpers use, as the browser-side functions see it. */
interface Chrome {
  chrome: {
    storage: {
      local: {
        get(key: string): Promise<Record<string, unknown>>;
        set(values: Record<string, unknown>): Promise<void>;
        remove(key: string): Promise<void>;
      };
    };
  };
}

/** Page and Worker both evaluate a function with one argument; their overloads do not unite as a union. */
type Context = Pick<Worker, 'evaluate'>;
const on = (where: Page | Worker) => where as Context;

/** The value stored under `key` (undefined when there is none). */
export const readStored = <T = unknown>(where: Page | Worker, key: LocalKey): Promise<T | undefined> =>
  on(where).evaluate(
    async (k: string) => (await (globalThis as unknown as Chrome).chrome.storage.local.get(k))[k],
    key,
  ) as Promise<T | undefined>;

/** Store `values`, each under a key from LOCAL_KEYS. */
export const writeStored = (where: Page | Worker, values: Partial<Record<LocalKey, unknown>>): Promise<void> =>
  on(where).evaluate(
    (v: Record<string, unknown>) => (globalThis as unknown as Chrome).chrome.storage.local.set(v),
    values,
  );

/** Remove what is stored under `key`. */
export const removeStored = (where: Page | Worker, key: LocalKey): Promise<void> =>
  on(where).evaluate((k: string) => (globalThis as unknown as Chrome).chrome.storage.local.remove(k), key);
