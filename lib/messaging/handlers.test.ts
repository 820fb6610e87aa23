import { describe, expect, it, vi } from 'vitest';
import { guard, RefusedMessage } from './handlers';

const ourId = 'relay-extension-id';
const fromUs = { id: ourId, url: `chrome-extension://${ourId}/options.html` };

describe('guard (background message validation)', () => {
  it('passes a valid payload from this extension to the handler', async () => {
    const handler = vi.fn(async () => ({ ok: false as const, message: 'nope' }));
    const result = await guard('connect', ourId, handler)({ data: { serverUrl: 'localhost:8787', code: 'abc' }, sender: fromUs });
    expect(result).toEqual({ ok: false, message: 'nope' });
    expect(handler).toHaveBeenCalledWith({ serverUrl: 'localhost:8787', code: 'abc' }, fromUs);
  });

  it('accepts messages from our own content scripts (same extension id, in a tab)', async () => {
    const handler = vi.fn(async () => ({ ok: true as const }));
    const sender = { id: ourId, tab: { id: 3 }, url: 'https://www.linkedin.com/feed/' };
    await expect(guard('disconnect', ourId, handler)({ data: undefined, sender: sender as never })).resolves.toEqual({ ok: true });
  });

  it('refuses a message from another extension or with no sender id', async () => {
    const handler = vi.fn();
    const run = guard('getStatus', ourId, handler);
    await expect(run({ data: undefined, sender: { id: 'someone-else' } })).rejects.toBeInstanceOf(RefusedMessage);
    await expect(run({ data: undefined, sender: {} })).rejects.toBeInstanceOf(RefusedMessage);
    await expect(run({ data: undefined })).rejects.toBeInstanceOf(RefusedMessage);
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses a bad payload before the handler sees it', async () => {
    const handler = vi.fn();
    const run = guard('connect', ourId, handler);
    const bad: unknown[] = [
      undefined,
      'localhost:8787',
      { serverUrl: 'localhost:8787' },
      { serverUrl: 42, code: 'abc' },
      { serverUrl: 'localhost:8787', code: 'abc', token: 'smuggled' },
      { serverUrl: 'x'.repeat(3000), code: 'abc' },
    ];
    for (const data of bad) {
      await expect(run({ data, sender: fromUs }), JSON.stringify(data)?.slice(0, 60)).rejects.toThrow(/invalid payload/);
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses data on messages that take none', async () => {
    const handler = vi.fn();
    await expect(guard('syncNow', ourId, handler)({ data: { force: true }, sender: fromUs })).rejects.toBeInstanceOf(RefusedMessage);
    await guard('syncNow', ourId, handler)({ data: null, sender: fromUs });
    expect(handler).toHaveBeenCalledTimes(1);
  });
});
