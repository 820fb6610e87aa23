import { effect, useSignal } from '@preact/signals';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { describeError } from '@/lib/api/errors';

export interface Loaded<T> {
  data: T | undefined;
  /** A sentence for the person when the last load failed. */
  error: string | null;
  loading: boolean;
  reload: () => void;
}

/**
 * Runs `load` now, and again when `deps` change (the props it uses), when a signal it reads before its first
 * `await` changes, or on `reload()`; the newest answer wins. Filters kept in signals thus need no list of their own.
 */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const round = useSignal(0);
  const latest = useRef(load);
  latest.current = load;
  useEffect(
    () =>
      effect(() => {
        void round.value;
        let current = true;
        setLoading(true);
        latest.current().then(
          (value) => {
            if (!current) return;
            setData(() => value);
            setError(null);
            setLoading(false);
          },
          (err: unknown) => {
            if (!current) return;
            setError(describeError(err));
            setLoading(false);
          },
        );
        return () => {
          current = false;
        };
      }),
    deps,
  );
  const reload = useCallback(() => void round.value++, []);
  return { data, error, loading, reload };
}

/** Runs one action at a time and keeps its error as a sentence; `run` resolves to undefined on failure. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** The last failure itself, for callers that show the fields a problem named. */
  const [failure, setFailure] = useState<unknown>(null);
  const run = useCallback(async <T>(action: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    setFailure(null);
    try {
      return await action();
    } catch (err) {
      setError(describeError(err));
      setFailure(err);
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, failure, run };
}
