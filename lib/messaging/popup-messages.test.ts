import { describe, expect, it, vi } from 'vitest';
import { guard, RefusedMessage, type Self } from './handlers';
import { MAX_SHARE_TEXT } from './schemas';

const self: Self = { id: 'relay-extension-id', origin: 'chrome-extension://relay-extension-id/' };
const fromPopup = { id: self.id, url: `${self.origin}popup.html` };
const onX = { id: self.id, tab: { id: 4, url: 'https://x.com/home' }, url: 'https://x.com/home' };
const share = {
  itemId: '0190a000-0000-7000-8000-000000000001',
  captionId: '0190a000-0000-7000-8000-000000000002',
  network: 'x',
  edited: true,
  text: 'Прекрасно 🎉 https://relay.example.com/r/abc',
};

describe('popup-only messages', () => {
  it('recordPopupShare: a valid share from the popup reaches the handler', async () => {
    const handler = vi.fn(async () => ({ ok: true as const, id: 'x' }));
    await guard('recordPopupShare', self, handler)({ data: share, sender: fromPopup });
    expect(handler).toHaveBeenCalledWith(share, fromPopup);
  });

  it('recordPopupShare and suggestPage are refused from a content script, even with a valid payload', async () => {
    const handler = vi.fn();
    await expect(guard('recordPopupShare', self, handler)({ data: share, sender: onX as never })).rejects.toThrow(
      /not accepted/,
    );
    await expect(
      guard('suggestPage', self, handler)({ data: { url: 'https://example.com/' }, sender: onX as never }),
    ).rejects.toBeInstanceOf(RefusedMessage);
    expect(handler).not.toHaveBeenCalled();
  });

  it.each([
    ['an unexpected field', { ...share, sharedAt: '2026-01-01T00:00:00Z' }],
    ['a text over the bound', { ...share, text: 'a'.repeat(MAX_SHARE_TEXT + 1) }],
    ['an empty text', { ...share, text: '' }],
    ['an unknown network', { ...share, network: 'mastodon' }],
    ['an item id that is not an id', { ...share, itemId: '../../etc' }],
    ['edited missing', { itemId: share.itemId, network: 'x', text: 'x' }],
  ])('recordPopupShare refuses %s', async (_name, data) => {
    const handler = vi.fn();
    await expect(guard('recordPopupShare', self, handler)({ data, sender: fromPopup })).rejects.toThrow(
      /invalid payload/,
    );
    expect(handler).not.toHaveBeenCalled();
  });

  it('suggestPage bounds the URL and note, and takes nothing else', async () => {
    const handler = vi.fn(async () => ({ ok: true as const, alreadySuggested: false }));
    const run = guard('suggestPage', self, handler);
    await run({ data: { url: 'https://example.com/', note: 'Worth a look' }, sender: fromPopup });
    expect(handler).toHaveBeenCalledOnce();
    await expect(run({ data: { url: `https://example.com/${'a'.repeat(2048)}` }, sender: fromPopup })).rejects.toThrow(
      /invalid payload at url/,
    );
    await expect(
      run({ data: { url: 'https://example.com/', note: 'n'.repeat(1001) }, sender: fromPopup }),
    ).rejects.toThrow(/at note/);
    await expect(run({ data: { url: 'https://example.com/', token: 't' }, sender: fromPopup })).rejects.toThrow(
      /invalid payload/,
    );
    expect(handler).toHaveBeenCalledOnce();
  });
});
