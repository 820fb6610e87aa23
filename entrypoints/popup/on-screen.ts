/**
 * Resolves once the popup's first contentful frame is presented (first-contentful-paint), or after
 * `fallbackMs` when no such entry comes (a hidden page, no Paint Timing). Work that can wait starts here, not
 * when the main thread has produced the frame: on few cores it would delay the frame's raster and display.
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
