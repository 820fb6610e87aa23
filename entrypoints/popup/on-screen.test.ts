import { afterEach, describe, expect, it, vi } from 'vitest';
import { onScreen } from './on-screen';

type Callback = (list: { getEntriesByName(name: string): unknown[] }) => void;

// Swapped by hand rather than with vi.stubGlobal: unstubbing all globals would also take away the fake
// browser that every later test file of this worker relies on.
const realObserver = globalThis.PerformanceObserver;
const setObserver = (observer: unknown) => {
  globalThis.PerformanceObserver = observer as typeof PerformanceObserver;
};

/** A PerformanceObserver whose 'paint' entries the test hands over, as the browser would. */
function fakeObserver(): { deliver(names: string[]): void; observed: string[]; disconnected: () => boolean } {
  let callback: Callback = () => {};
  const observed: string[] = [];
  let disconnected = false;
  setObserver(
    class {
      constructor(cb: Callback) {
        callback = cb;
      }
      observe(options: { type: string }) {
        observed.push(options.type);
      }
      disconnect() {
        disconnected = true;
      }
    },
  );
  return {
    deliver: (names) => callback({ getEntriesByName: (name) => names.filter((n) => n === name) }),
    observed,
    disconnected: () => disconnected,
  };
}

/** Whether `promise` has settled by now (after pending microtasks ran). */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await Promise.resolve();
  await Promise.resolve();
  return done;
}

describe('onScreen', () => {
  afterEach(() => {
    vi.useRealTimers();
    setObserver(realObserver);
  });

  it('resolves when the first contentful frame is presented, not before', async () => {
    vi.useFakeTimers();
    const paint = fakeObserver();
    const shown = onScreen(300);
    expect(paint.observed).toEqual(['paint']);
    paint.deliver(['first-paint']);
    expect(await settled(shown)).toBe(false);
    paint.deliver(['first-contentful-paint']);
    expect(await settled(shown)).toBe(true);
    expect(paint.disconnected()).toBe(true);
  });

  it('gives up waiting after the fallback when no contentful frame is reported', async () => {
    vi.useFakeTimers();
    fakeObserver();
    const shown = onScreen(300);
    vi.advanceTimersByTime(299);
    expect(await settled(shown)).toBe(false);
    vi.advanceTimersByTime(1);
    expect(await settled(shown)).toBe(true);
  });

  it('falls back to the timer in an engine without Paint Timing', async () => {
    vi.useFakeTimers();
    setObserver(
      class {
        observe() {
          throw new TypeError('paint is not a supported entry type');
        }
        disconnect() {}
      },
    );
    const shown = onScreen(50);
    vi.advanceTimersByTime(50);
    expect(await settled(shown)).toBe(true);
  });
});
