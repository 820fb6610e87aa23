import { useEffect, useState } from 'preact/hooks';
import type { Network } from '@/lib/contract';
import type { PostLength } from '@/lib/captions/post-length';

type Counter = (network: Network, text: string) => PostLength;

/*
 * X's weighted counter carries the list of top-level domains (~6 KB gzipped): loaded just after the first
 * paint instead of before it, once for every card. Until it arrives the count is simply not shown.
 */
let counter: Counter | null = null;
let loading: Promise<Counter> | null = null;

function loadCounter(): Promise<Counter> {
  return (loading ??= import('@/lib/captions/post-length').then((m) => (counter = m.postLength)));
}

/** The counter (X weighted, LinkedIn code points), or null while it loads. */
export function usePostCounter(): Counter | null {
  const [count, setCount] = useState<Counter | null>(() => counter);
  useEffect(() => {
    if (!count) void loadCounter().then((c) => setCount(() => c));
  }, []);
  return count;
}
