import { describe, expect, it, vi } from 'vitest';
import { guard, RefusedMessage, type Self } from './handlers';

const self: Self = { id: 'relay-extension-id', origin: 'chrome-extension://relay-extension-id/' };
const fromPage = { id: self.id, url: `${self.origin}options.html` };
const fromPopup = { id: self.id, url: `${self.origin}popup.html` };
// The options page opens in a tab of its own (open_in_tab), so its messages carry a tab.
const fromOptionsTab = {
  id: self.id,
  tab: { id: 9, url: `${self.origin}options.html` },
  url: `${self.origin}options.html`,
};
const onLinkedIn = {
  id: self.id,
  tab: { id: 3, url: 'https://www.linkedin.com/feed/' },
  url: 'https://www.linkedin.com/feed/',
};
const onX = { id: self.id, tab: { id: 4 }, url: 'https://x.com/home' };
const onTwitter = { id: self.id, tab: { id: 5 }, url: 'https://twitter.com/compose/post' };
const onOtherSite = { id: self.id, tab: { id: 6 }, url: 'https://evil.example/x.com' };
const foreign = { id: 'someone-else', tab: { id: 7 }, url: 'https://x.com/home' };

const share = {
  itemId: '0190a000-0000-7000-8000-000000000001',
  captionId: '0190a000-0000-7000-8000-000000000002',
  network: 'x',
  edited: false,
  sharedAt: '2026-01-01T10:00:00.000Z',
};

describe('guard (background message validation)', () => {
  it('passes a valid payload from this extension to the handler', async () => {
    const handler = vi.fn(async () => ({ ok: false as const, message: 'nope' }));
    const result = await guard(
      'connect',
      self,
      handler,
    )({ data: { serverUrl: 'localhost:8787', code: 'abc' }, sender: fromPage });
    expect(result).toEqual({ ok: false, message: 'nope' });
    expect(handler).toHaveBeenCalledWith({ serverUrl: 'localhost:8787', code: 'abc' }, fromPage);
  });

  it('takes connect from the options page opened in a tab', async () => {
    const handler = vi.fn(async () => ({ ok: false as const, message: 'nope' }));
    await guard(
      'connect',
      self,
      handler,
    )({ data: { serverUrl: 'localhost:8787', code: 'abc' }, sender: fromOptionsTab as never });
    expect(handler).toHaveBeenCalledOnce();
  });

  it('refuses a message from another extension or with no sender id', async () => {
    const handler = vi.fn();
    const run = guard('getStatus', self, handler);
    await expect(
      run({ data: undefined, sender: { id: 'someone-else', url: 'chrome-extension://someone-else/popup.html' } }),
    ).rejects.toBeInstanceOf(RefusedMessage);
    await expect(run({ data: undefined, sender: {} })).rejects.toBeInstanceOf(RefusedMessage);
    await expect(run({ data: undefined })).rejects.toBeInstanceOf(RefusedMessage);
    await expect(
      guard('getSuggestions', self, handler)({ data: { network: 'x' }, sender: foreign as never }),
    ).rejects.toThrow(/did not come from Relay/);
    expect(handler).not.toHaveBeenCalled();
  });

  it('takes connect and disconnect only from the extension’s own pages, never from a content script', async () => {
    const handler = vi.fn(async () => ({ ok: true as const }));
    await expect(guard('disconnect', self, handler)({ data: undefined, sender: fromPopup })).resolves.toEqual({
      ok: true,
    });
    for (const sender of [onLinkedIn, onX, onTwitter]) {
      await expect(guard('disconnect', self, handler)({ data: undefined, sender: sender as never })).rejects.toThrow(
        /not accepted/,
      );
      await expect(
        guard('connect', self, vi.fn())({ data: { serverUrl: 'evil.example', code: 'x' }, sender: sender as never }),
      ).rejects.toBeInstanceOf(RefusedMessage);
    }
    // Same id but no URL, or a URL outside the extension: not a page of ours.
    await expect(
      guard('disconnect', self, handler)({ data: undefined, sender: { id: self.id } }),
    ).rejects.toBeInstanceOf(RefusedMessage);
    await expect(
      guard('disconnect', self, handler)({ data: undefined, sender: { id: self.id, url: 'https://x.com/' } }),
    ).rejects.toBeInstanceOf(RefusedMessage);
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('takes getSuggestions and recordShare only from content scripts on LinkedIn, X and twitter.com', async () => {
    const handler = vi.fn(async () => ({ connected: true, suggestions: [] }));
    const run = guard('getSuggestions', self, handler);
    for (const sender of [onLinkedIn, onX, onTwitter]) await run({ data: { network: 'x' }, sender: sender as never });
    expect(handler).toHaveBeenCalledTimes(3);
    // The tab's URL counts when the frame's is not given.
    await run({ data: { network: 'x' }, sender: { id: self.id, tab: { id: 1, url: 'https://x.com/home' } } as never });
    expect(handler).toHaveBeenCalledTimes(4);

    for (const sender of [
      fromPage,
      fromPopup,
      onOtherSite,
      { id: self.id, url: 'https://x.com/home' },
      { id: self.id, tab: { id: 1 } },
    ]) {
      await expect(
        run({ data: { network: 'x' }, sender: sender as never }),
        JSON.stringify(sender),
      ).rejects.toBeInstanceOf(RefusedMessage);
      await expect(
        guard('recordShare', self, vi.fn())({ data: share, sender: sender as never }),
      ).rejects.toBeInstanceOf(RefusedMessage);
    }
    await expect(
      run({ data: { network: 'x' }, sender: { id: self.id, tab: { id: 1 }, url: 'http://x.com/' } as never }),
    ).rejects.toBeInstanceOf(RefusedMessage);
    expect(handler).toHaveBeenCalledTimes(4);
  });

  it('takes syncNow and getStatus from pages and content scripts alike', async () => {
    const handler = vi.fn();
    for (const sender of [fromPage, onX])
      await guard('getStatus', self, handler)({ data: undefined, sender: sender as never });
    await expect(
      guard('getStatus', self, handler)({ data: undefined, sender: onOtherSite as never }),
    ).rejects.toBeInstanceOf(RefusedMessage);
    expect(handler).toHaveBeenCalledTimes(2);
  });

  it('refuses a bad payload before the handler sees it', async () => {
    const handler = vi.fn();
    const run = guard('connect', self, handler);
    const bad: unknown[] = [
      undefined,
      'localhost:8787',
      { serverUrl: 'localhost:8787' },
      { serverUrl: 42, code: 'abc' },
      { serverUrl: 'localhost:8787', code: 'abc', token: 'smuggled' },
      { serverUrl: 'x'.repeat(3000), code: 'abc' },
    ];
    for (const data of bad) {
      await expect(run({ data, sender: fromPage }), JSON.stringify(data)?.slice(0, 60)).rejects.toThrow(
        /invalid payload/,
      );
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses bad getSuggestions and recordShare payloads', async () => {
    const handler = vi.fn();
    const suggestions = guard('getSuggestions', self, handler);
    for (const data of [undefined, {}, { network: 'facebook' }, { network: 'x', extra: 1 }, 'x']) {
      await expect(suggestions({ data, sender: onX as never }), JSON.stringify(data)).rejects.toThrow(
        /invalid payload/,
      );
    }
    const record = guard('recordShare', self, handler);
    const bad: unknown[] = [
      undefined,
      { ...share, itemId: 'not-a-uuid' },
      { ...share, itemId: undefined },
      { ...share, captionId: 'caption-1' },
      { ...share, network: 'facebook' },
      { ...share, edited: 'yes' },
      { ...share, edited: undefined },
      { ...share, sharedAt: 'yesterday' },
      { ...share, sharedAt: '2026-01-01T10:00:00' }, // no offset: ambiguous
      { ...share, sharedAt: 1767261600000 },
      { ...share, id: '0190a000-0000-7000-8000-000000000009' }, // the id is the background's to make
      { ...share, text: 'x'.repeat(100_000) },
    ];
    for (const data of bad) {
      await expect(record({ data, sender: onX as never }), JSON.stringify(data)?.slice(0, 80)).rejects.toThrow(
        /invalid payload/,
      );
    }
    expect(handler).not.toHaveBeenCalled();
    await record({ data: share, sender: onX as never });
    const { captionId: _omit, ...withoutCaption } = share;
    await record({ data: withoutCaption, sender: onLinkedIn as never });
    expect(handler).toHaveBeenCalledTimes(2);
  });

  it('refuses data on messages that take none', async () => {
    const handler = vi.fn();
    await expect(guard('syncNow', self, handler)({ data: { force: true }, sender: fromPage })).rejects.toBeInstanceOf(
      RefusedMessage,
    );
    await guard('syncNow', self, handler)({ data: null, sender: fromPage });
    expect(handler).toHaveBeenCalledTimes(1);
  });
});
