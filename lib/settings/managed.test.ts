import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { NOT_MANAGED, chooseServer, parseManaged, readInvitation, readManaged, watchManaged } from './managed';

beforeEach(() => fakeBrowser.reset());

describe('parseManaged', () => {
  it('reads the keys a policy sets, the server normalised like a typed one', () => {
    expect(parseManaged({ serverUrl: 'relay.example.com/', singleSignOnOnly: true })).toEqual({
      serverUrl: 'https://relay.example.com',
      singleSignOnOnly: true,
      defaultTopics: [],
    });
  });

  it('gives the defaults for no policy', () => {
    expect(parseManaged({})).toEqual(NOT_MANAGED);
    expect(parseManaged(undefined)).toEqual(NOT_MANAGED);
  });

  it('ignores a malformed key, with a warning, and keeps the others', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(parseManaged({ serverUrl: 42, singleSignOnOnly: true })).toEqual({ ...NOT_MANAGED, singleSignOnOnly: true });
    expect(parseManaged({ serverUrl: 'ftp://relay.example.com', singleSignOnOnly: 'yes' })).toEqual(NOT_MANAGED);
    expect(warn).toHaveBeenCalledTimes(3);
  });

  it('reads default topics as items carry them: trimmed, lower case, once each; a bad list is ignored', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(parseManaged({ defaultTopics: [' Climate ', 'hiring', 'CLIMATE'] }).defaultTopics).toEqual([
      'climate',
      'hiring',
    ]);
    expect(parseManaged({ defaultTopics: 'climate' }).defaultTopics).toEqual([]);
    expect(parseManaged({ defaultTopics: [''] }).defaultTopics).toEqual([]);
    expect(parseManaged({ defaultTopics: Array.from({ length: 31 }, (_, i) => `t${i}`) }).defaultTopics).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(3);
  });
});

describe('readManaged', () => {
  it('reads storage.managed', async () => {
    await fakeBrowser.storage.managed.set({ serverUrl: 'https://relay.example.com' });
    expect(await readManaged()).toEqual({ ...NOT_MANAGED, serverUrl: 'https://relay.example.com' });
  });

  it('takes a rejected read (Firefox without a policy) as no policy, quietly', async () => {
    const error = vi.spyOn(console, 'error');
    const warn = vi.spyOn(console, 'warn');
    const area = { get: () => Promise.reject(new Error('Managed storage manifest not found')) };
    expect(await readManaged(area)).toEqual(NOT_MANAGED);
    expect(await readManaged(undefined)).toEqual(NOT_MANAGED);
    expect(error).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('watchManaged', () => {
  it('calls back with the new settings when the policy changes, and stops when asked', async () => {
    const seen = vi.fn();
    const stop = watchManaged(seen);
    await fakeBrowser.storage.managed.set({ serverUrl: 'https://relay.example.com' });
    await vi.waitFor(() =>
      expect(seen).toHaveBeenLastCalledWith({ ...NOT_MANAGED, serverUrl: 'https://relay.example.com' }),
    );
    // Changes to the person's own storage are not policy changes.
    const calls = seen.mock.calls.length;
    await fakeBrowser.storage.local.set({ token: 't' });
    stop();
    await fakeBrowser.storage.managed.set({ serverUrl: 'https://other.example.com' });
    await new Promise((r) => setTimeout(r, 10));
    expect(seen).toHaveBeenCalledTimes(calls);
  });
});

describe('chooseServer', () => {
  const managed = { ...NOT_MANAGED, serverUrl: 'https://relay.example.com' };
  it('uses what the person typed when no policy names a server', () => {
    expect(chooseServer(NOT_MANAGED, 'localhost:8787')).toEqual({ ok: true, url: 'http://localhost:8787' });
    expect(chooseServer(NOT_MANAGED, '')).toMatchObject({ ok: false });
  });
  it('uses the company’s server, and refuses another', () => {
    expect(chooseServer(managed, '')).toEqual({ ok: true, url: 'https://relay.example.com' });
    expect(chooseServer(managed, 'https://relay.example.com/')).toEqual({ ok: true, url: 'https://relay.example.com' });
    expect(chooseServer(managed, 'https://evil.example.com')).toEqual({
      ok: false,
      message:
        'This invitation is for https://evil.example.com, but your company’s Relay server is https://relay.example.com. Ask your programme admin for an invitation to https://relay.example.com.',
    });
  });
});

describe('readInvitation', () => {
  const link = 'https://relay.example.com/join#invite=ABCD-1234';
  it('gives the server and code of a link, and null for anything else', () => {
    expect(readInvitation(` ${link} `, null)).toEqual({
      ok: true,
      serverUrl: 'https://relay.example.com',
      code: 'ABCD-1234',
    });
    expect(readInvitation('ABCD-1234', null)).toBeNull();
    expect(readInvitation('https://relay.example.com', null)).toBeNull();
  });
  it('takes a link to the company’s server, and explains a link to another', () => {
    expect(readInvitation(link, 'https://relay.example.com')).toEqual({
      ok: true,
      serverUrl: 'https://relay.example.com',
      code: 'ABCD-1234',
    });
    expect(readInvitation('https://other.example.com/join#invite=X', 'https://relay.example.com')).toEqual({
      ok: false,
      message:
        'This invitation is for https://other.example.com, but your company’s Relay server is https://relay.example.com. Ask your programme admin for an invitation to https://relay.example.com.',
    });
  });
});
