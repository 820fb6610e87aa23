import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { Network } from '@/lib/contract';
import type { PostLength } from '@/lib/captions/post-length';

type Counter = (network: Network, text: string) => PostLength;

/*
 * X's weighted counter carries the list of top-level domains (~6 KB gzipped): loaded just after the first
 * paint instead of before it, once for every card. Until it arrives the count is simply not shown.
 */
const counter = signal<Counter | null>(null);
let loading: Promise<void> | null = null;

/** The counter (X weighted, LinkedIn code points), or null while it loads. */
export function usePostCounter(): Counter | null {
  useEffect(() => {
    loading ??= import('@/lib/captions/post-length').then((m) => void (counter.value = m.postLength));
  }, []);
  return counter.value;
}
