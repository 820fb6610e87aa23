import { useCallback, useEffect, useState } from 'preact/hooks';
import { describeError } from '@/lib/api/errors';

export interface Loaded<T> {
  data: T | undefined;
  /** A sentence for the person when the last load failed. */
  error: string | null;
  loading: boolean;
  reload: () => void;
}

/** Runs `load` now and whenever `deps` change or `reload()` is called; the newest answer wins. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    setLoading(true);
    load().then(
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
    // Callers list what the load depends on, as with useEffect.
  }, [...deps, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { data, error, loading, reload };
}

/** Runs one action at a time and keeps its error as a sentence; `run` resolves to undefined on failure. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** The last failure itself, for callers that show the fields a problem named. */
  const [failure, setFailure] = useState<unknown>(null);
  const run = useCallback(async <T,>(action: () => Promise<T>): Promise<T | undefined> => {
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
  return { busy, error, failure, setError, run };
}
