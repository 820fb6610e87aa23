import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * For component tests: one element in the document to render into, attached before each test (with the
 * extension's storage reset) and emptied and detached after it.
 */
export function testHost(): HTMLElement {
  const host = document.createElement('div');
  beforeEach(() => {
    fakeBrowser.reset();
    document.body.append(host);
  });
  afterEach(() => {
    render(null, host);
    host.remove();
  });
  return host;
}

/** Lets effects, storage reads and timers of `ms` run, inside act() so Preact renders what they set. */
export const settle = (ms = 20) => act(async () => new Promise((r) => setTimeout(r, ms)));
