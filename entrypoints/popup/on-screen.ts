/**
 * Resolves once the popup's first contentful frame is on screen (the browser's first-contentful-paint
 * entry, which carries the time the frame was presented), or after `fallbackMs` when no such entry comes
 * (a hidden page, an engine without Paint Timing).
 *
 * Work that can wait (loading Dexie and the whole list, waking the background worker) starts here rather
 * than right after the main thread produced the frame: between those two moments the frame is still being
 * rastered and presented, on a machine with few cores that extra work delays the very frame it waits for.
 */
export function onScreen(fallbackMs = 300): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, fallbackMs);
    let observer: PerformanceObserver | undefined;
    function done() {
      clearTimeout(timer);
      observer?.disconnect();
      resolve();
    }
    try {
      observer = new PerformanceObserver((list) => {
        if (list.getEntriesByName('first-contentful-paint').length > 0) done();
      });
      observer.observe({ type: 'paint', buffered: true });
    } catch {
      // No Paint Timing: the timer decides.
    }
  });
}

/** The popup's own first frame on screen, awaited by everything deferred past it. */
export const firstFrameOnScreen: Promise<void> = onScreen();
