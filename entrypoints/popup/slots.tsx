/* Where the reach card and the history view plug into the popup: the only place the shell names them. */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export { ReachCard as ReachSlot } from '@/components/reach/ReachCard';

let History: ComponentType | null = null;

/**
 * The History tab's content, loaded when the tab is first opened: the queue, which everyone sees first,
 * does not wait for code only some people use.
 */
export function HistorySlot() {
  const [View, setView] = useState<ComponentType | null>(() => History);
  useEffect(() => {
    if (View) return;
    void import('@/components/history/HistoryView').then((m) => {
      History = m.HistoryView;
      setView(() => m.HistoryView);
    });
  }, []);
  return View ? <View /> : <p class="empty" aria-busy="true" />;
}
