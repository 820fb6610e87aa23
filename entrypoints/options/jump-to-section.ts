import { useEffect, useRef } from 'preact/hooks';

/**
 * Opened at a section (a reminder's click leads to #reminders): the sections render after storage loads, so
 * the browser's own jump to the anchor came too early. Once `ready`, scroll there and put focus on it, waiting
 * for sections that appear only after their own data loads.
 */
export function useJumpToSection(ready: boolean): void {
  const jumped = useRef(false);
  useEffect(() => {
    if (!ready || jumped.current || !location.hash) return;
    const id = decodeURIComponent(location.hash.slice(1));
    const jump = (target: HTMLElement) => {
      jumped.current = true;
      target.scrollIntoView();
      target.focus({ preventScroll: true });
    };
    const now = document.getElementById(id);
    if (now) return jump(now);
    const watch = new MutationObserver(() => {
      const target = document.getElementById(id);
      if (!target) return;
      watch.disconnect();
      jump(target);
    });
    watch.observe(document.body, { childList: true, subtree: true });
    return () => watch.disconnect();
  }, [ready]);
}
