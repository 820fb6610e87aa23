import { useEffect, useState } from 'preact/hooks';
import type { WxtStorageItem } from 'wxt/utils/storage';

/**
 * The result of a Dexie query, kept up to date as the background writes (Dexie tells other contexts of
 * the same origin about changes). `undefined` until the first result. Dexie itself is imported here only
 * when a query starts, so a page whose first view needs none (the popup) does not load it before painting.
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[] = []): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    let stopped = false;
    let unsubscribe = () => {};
    void import('dexie').then(({ liveQuery }) => {
      if (stopped) return;
      const subscription = liveQuery(query).subscribe({
        next: (v) => setValue(() => v),
        error: (err: unknown) => console.error('[relay] live query failed', err),
      });
      unsubscribe = () => subscription.unsubscribe();
    });
    return () => {
      stopped = true;
      unsubscribe();
    };
    // Callers list what the query depends on, as with useEffect.
  }, deps);
  return value;
}

/**
 * Storage values a page read in one go before its first render (the popup: everything its first view
 * shows), by item key. useStorageItem starts from these instead of rendering empty and asking again.
 */
const primed = new Map<string, unknown>();

/** Values read with `storage.getItems` (fallbacks applied), for useStorageItem to start from. */
export function primeStorage(values: readonly { key: string; value: unknown }[]): void {
  for (const { key, value } of values) primed.set(key, value);
}

/** Storage values are JSON: equal text, equal value. */
const sameValue = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** The value of a storage item, following changes made anywhere in the extension. `undefined` while loading. */
export function useStorageItem<T>(item: WxtStorageItem<T, Record<string, unknown>>): T | undefined {
  const [value, setValue] = useState<T | undefined>(() =>
    primed.has(item.key) ? (primed.get(item.key) as T) : undefined,
  );
  useEffect(() => {
    let active = true;
    const update = (v: T) => {
      if (primed.has(item.key)) primed.set(item.key, v);
      // An equal value keeps its identity, so a primed read confirmed here re-renders nothing.
      setValue((current) => (current !== undefined && sameValue(current, v) ? current : v));
    };
    const unwatch = item.watch(update);
    // Read even when primed: a change made between that read and this watch would otherwise be missed.
    void item.getValue().then((v) => active && update(v));
    return () => {
      active = false;
      unwatch();
    };
  }, [item]);
  return value;
}

/** navigator.onLine, kept current. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    addEventListener('online', update);
    addEventListener('offline', update);
    return () => {
      removeEventListener('online', update);
      removeEventListener('offline', update);
    };
  }, []);
  return online;
}
