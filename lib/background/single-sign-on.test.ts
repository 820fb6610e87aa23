import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { toQueueRow, type RelayDb } from '../db';
import { employeeItem, getConnection, saveConnection, tokenItem } from '../settings';
import { fakeFetch, freshDb, json, makeItem } from '../test-support';
import { createRelayService } from './service';
import type { WebAuthFlow } from './single-sign-on';

const SERVER = 'https://relay.example.com';
const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
const daria = { id: crypto.randomUUID(), name: 'Дарья Соколова', role: 'employee' as const };

let db: RelayDb;
beforeEach(() => {
  fakeBrowser.reset();
  db = freshDb();
});

/** A web-auth window that ends at `answer` (given the start URL), or is closed by the person. */
function flow(answer: ((start: URL) => string) | 'closed') {
  const launched: URL[] = [];
  const fake: WebAuthFlow & { launched: URL[] } = {
    launched,
    redirectUrl: () => REDIRECT,
    async launch(url) {
      launched.push(new URL(url));
      if (answer === 'closed') throw new Error('The user did not approve access.');
      return answer(new URL(url));
    },
  };
  return fake;
}

const offered = () => json({ inviteCode: true, singleSignOn: true });
const s256 = async (verifier: string) =>
  btoa(
    String.fromCharCode(...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)))),
  )
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

describe('signInWithSso', () => {
  it('opens the server’s start page with the redirect URL and a challenge, and redeems the code with its verifier', async () => {
    const fetch = fakeFetch(offered(), json({ token: 'tok-sso', employee: daria }), new TypeError('offline'));
    const web = flow(() => `${REDIRECT}?code=hand-off-1`);
    const result = await createRelayService({ db: () => db, fetch, webAuthFlow: web }).signInWithSso({
      serverUrl: 'relay.example.com/',
    });

    expect(result).toMatchObject({ ok: true, employee: daria });
    const start = web.launched[0]!;
    expect(start.origin + start.pathname).toBe(`${SERVER}/v1/auth/oidc/start`);
    expect(start.searchParams.get('return_to')).toBe(REDIRECT);
    const challenge = start.searchParams.get('challenge')!;
    expect(challenge).toMatch(/^[\w-]{43}$/);

    expect(fetch.requests[0]!.url).toBe(`${SERVER}/v1/auth/methods`);
    expect(fetch.requests[1]!.url).toBe(`${SERVER}/v1/auth/oidc/redeem`);
    const sent = JSON.parse(fetch.requests[1]!.body!) as { code: string; verifier: string };
    expect(sent.code).toBe('hand-off-1');
    expect(await s256(sent.verifier)).toBe(challenge);
    expect(await getConnection()).toEqual({ serverUrl: SERVER, token: 'tok-sso' });
    expect(await employeeItem.getValue()).toEqual(daria);
  });

  it('keeps the cached queue when the same person signs in again, and starts afresh for someone else', async () => {
    await saveConnection({ serverUrl: SERVER, token: 'old', employee: daria });
    await db.queue.put(toQueueRow(makeItem()));
    const again = fakeFetch(offered(), json({ token: 'tok-2', employee: daria }), new TypeError('offline'));
    await createRelayService({
      db: () => db,
      fetch: again,
      webAuthFlow: flow(() => `${REDIRECT}?code=c`),
    }).signInWithSso({ serverUrl: SERVER });
    expect(await db.queue.count()).toBe(1);

    const other = { id: crypto.randomUUID(), name: 'Pieter de Vries', role: 'employee' as const };
    const someoneElse = fakeFetch(offered(), json({ token: 'tok-3', employee: other }), new TypeError('offline'));
    await createRelayService({
      db: () => db,
      fetch: someoneElse,
      webAuthFlow: flow(() => `${REDIRECT}?code=c`),
    }).signInWithSso({ serverUrl: SERVER });
    expect(await db.queue.count()).toBe(0);
    expect(await employeeItem.getValue()).toEqual(other);
  });

  it('says a deactivated person was refused, and stores nothing', async () => {
    const fetch = fakeFetch(offered());
    const result = await createRelayService({
      db: () => db,
      fetch,
      webAuthFlow: flow(() => `${REDIRECT}?error=deactivated`),
    }).signInWithSso({ serverUrl: SERVER });
    expect(result).toEqual({ ok: false, message: expect.stringContaining('Your Relay account has been deactivated') });
    expect(await tokenItem.getValue()).toBeNull();
    expect(fetch.requests).toHaveLength(1);
  });

  it('says when the person closed the sign-in window', async () => {
    const result = await createRelayService({
      db: () => db,
      fetch: fakeFetch(offered()),
      webAuthFlow: flow('closed'),
    }).signInWithSso({ serverUrl: SERVER });
    expect(result).toEqual({ ok: false, message: expect.stringContaining('the sign-in window was closed') });
  });

  it('does not open a window for a server without single sign-on', async () => {
    const web = flow(() => `${REDIRECT}?code=c`);
    const result = await createRelayService({
      db: () => db,
      fetch: fakeFetch(json({ inviteCode: true, singleSignOn: false })),
      webAuthFlow: web,
    }).signInWithSso({ serverUrl: SERVER });
    expect(result).toEqual({ ok: false, message: expect.stringContaining('does not offer single sign-on') });
    expect(web.launched).toEqual([]);
  });

  it('ignores a flow that ended anywhere but the extension’s redirect URL', async () => {
    const fetch = fakeFetch(offered());
    const result = await createRelayService({
      db: () => db,
      fetch,
      webAuthFlow: flow(() => 'https://evil.example/?code=c'),
    }).signInWithSso({ serverUrl: SERVER });
    expect(result).toEqual({ ok: false, message: 'Single sign-on did not finish. Try again.' });
    expect(fetch.requests).toHaveLength(1);
  });
});
