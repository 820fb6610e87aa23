/* Where the reach card and the history view plug into the popup: the only place the shell names them. */
import { signal } from '@preact/signals';
import type { ComponentType } from 'preact';
import { useEffect } from 'preact/hooks';

export { ReachCard as ReachSlot } from '@/components/reach/ReachCard';

const History = signal<ComponentType | null>(null);

/**
 * The History tab's content, loaded when the tab is first opened: the queue, which everyone sees first,
 * does not wait for code only some people use.
 */
export function HistorySlot() {
  useEffect(() => {
    if (!History.value)
      void import('@/components/history/HistoryView').then((m) => void (History.value = m.HistoryView));
  }, []);
  const View = History.value;
  return View ? <View /> : <p class="empty" aria-busy="true" />;
}
