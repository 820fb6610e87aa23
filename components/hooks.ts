import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import type { WxtStorageItem } from 'wxt/utils/storage';

/**
 * The result of a Dexie query, kept up to date as the background writes (Dexie tells other contexts of
 * the same origin about changes). `undefined` until the first result.
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[] = []): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (v) => setValue(() => v),
      error: (err: unknown) => console.error('[relay] live query failed', err),
    });
    return () => subscription.unsubscribe();
    // Callers list what the query depends on, as with useEffect.
  }, deps);
  return value;
}

/** The value of a storage item, following changes made anywhere in the extension. `undefined` while loading. */
export function useStorageItem<T>(item: WxtStorageItem<T, Record<string, unknown>>): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    let active = true;
    void item.getValue().then((v) => active && setValue(() => v));
    const unwatch = item.watch((v) => setValue(() => v));
    return () => {
      active = false;
      unwatch();
    };
  }, [item]);
  return value;
}

/** "5 minutes ago", in the browser's language. */
export function timeAgo(iso: string, now = Date.now()): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 45) return rtf.format(0, 'second');
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(seconds / 3600), 'hour');
  return rtf.format(Math.round(seconds / 86400), 'day');
}
