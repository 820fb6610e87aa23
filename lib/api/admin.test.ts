import { describe, expect, it } from 'vitest';
import { createAdminApi } from './admin';
import { ProblemError } from './errors';
import { ApiError, InvalidResponseError, UnreachableError, describeError } from './errors';
import { fakeFetch, json, problem } from '../test-support';

const serverUrl = 'http://127.0.0.1:8787';
const api = (fetch: ReturnType<typeof fakeFetch>) => createAdminApi({ serverUrl, token: 'admin-tok', fetch });

const item = {
  id: crypto.randomUUID(),
  url: 'https://example.org/a',
  title: 'A',
  summary: null,
  imageUrl: null,
  topics: ['news'],
  contentType: 'curated',
  campaign: null,
  pinned: false,
  publishAt: '2026-11-20T10:00:00.000Z',
  expiresAt: null,
  captions: [{ id: crypto.randomUUID(), network: 'x', text: 'Hola', language: 'es' }],
  createdAt: '2026-11-20T10:00:00.000Z',
  updatedAt: '2026-11-20T10:00:00.000Z',
};

describe('createAdminApi', () => {
  it('lists items with the bearer token and validates them', async () => {
    const fetch = fakeFetch(json({ items: [item] }));
    expect(await api(fetch).listItems()).toEqual([item]);
    expect(fetch.requests[0]!.url).toBe(`${serverUrl}/v1/admin/items`);
    expect(fetch.requests[0]!.headers.get('Authorization')).toBe('Bearer admin-tok');
  });

  it('shows the unfurl refusal in the server’s words', async () => {
    const fetch = fakeFetch(
      problem(422, 'This address cannot be fetched', 'the address is not allowed: a loopback address'),
    );
    const err = await api(fetch)
      .unfurl('http://127.0.0.1/')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(describeError(err)).toBe('the address is not allowed: a loopback address');
    expect(JSON.parse(fetch.requests[0]!.body!)).toEqual({ url: 'http://127.0.0.1/' });
  });

  it('keeps the fields a 422 names (per CSV line)', async () => {
    const body = {
      type: 'about:blank',
      title: 'The request body is not valid',
      status: 422,
      detail: '2 lines are not valid',
      errors: [
        { path: 'csv.2', message: 'role must be employee or admin' },
        { path: 'csv.5', message: 'name is empty' },
      ],
    };
    const fetch = fakeFetch(json(body, { status: 422 }));
    const err = (await api(fetch)
      .inviteBatch('a,b')
      .catch((e: unknown) => e)) as ProblemError;
    expect(err).toBeInstanceOf(ProblemError);
    expect(err.status).toBe(422);
    expect(err.errors).toEqual(body.errors);
    expect(err.message).toBe('2 lines are not valid');
  });

  it('explains a 403 that is not problem+json, and network failures', async () => {
    const forbidden = await api(fakeFetch(new Response('no', { status: 403 })))
      .policy()
      .catch((e: unknown) => e);
    expect(describeError(forbidden)).toBe('This needs an admin account.');
    const down = await api(fakeFetch(new TypeError('Failed to fetch')))
      .policy()
      .catch((e: unknown) => e);
    expect(down).toBeInstanceOf(UnreachableError);
  });

  it('refuses an answer that breaks the contract', async () => {
    const fetch = fakeFetch(json({ items: [{ ...item, contentType: 'advert' }] }));
    await expect(api(fetch).listItems()).rejects.toBeInstanceOf(InvalidResponseError);
  });

  it('archives with DELETE and sends employee patches as JSON', async () => {
    const fetch = fakeFetch(
      new Response(null, { status: 204 }),
      problem(409, 'Conflict', 'You cannot change your own role.'),
    );
    await api(fetch).archiveItem(item.id);
    expect(fetch.requests[0]!.method).toBe('DELETE');
    expect(fetch.requests[0]!.url).toBe(`${serverUrl}/v1/admin/items/${item.id}`);
    await expect(api(fetch).patchEmployee(item.id, { role: 'employee' })).rejects.toMatchObject({
      status: 409,
      detail: 'You cannot change your own role.',
    });
  });

  it('asks analytics for the period and the CSV form of the same report', async () => {
    const adoption = {
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
      activeSince: '2026-11-24T00:00:00.000Z',
      invited: 10,
      activated: 5,
      active: 2,
      activationRate: 0.5,
      activeRate: 0.4,
    };
    const fetch = fakeFetch(
      json(adoption),
      new Response('\uFEFFinvited;activated\r\n10;5\r\n', { headers: { 'Content-Type': 'text/csv' } }),
    );
    const period = { from: adoption.from, to: adoption.to };
    expect(await api(fetch).analytics('adoption', period)).toEqual(adoption);
    const file = await api(fetch).analyticsCsv('contributors', { ...period, anonymise: true, delimiter: ';' });
    // The byte-order mark stays in the file, for Excel.
    expect([...new Uint8Array(await file.arrayBuffer()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(await file.text()).toContain('invited;activated');
    expect(fetch.requests[1]!.url).toContain('delimiter=%3B');
    expect(fetch.requests[0]!.url).toBe(
      `${serverUrl}/v1/admin/analytics/adoption?from=2026-11-01T00%3A00%3A00.000Z&to=2026-12-01T00%3A00%3A00.000Z`,
    );
    expect(fetch.requests[1]!.url).toContain('/v1/admin/analytics/contributors?');
    expect(fetch.requests[1]!.url).toContain('anonymise=true');
    expect(fetch.requests[1]!.url).toContain('format=csv');
  });
});

describe('createAdminApi: people', () => {
  const id = '0190a0b0-0000-7000-8000-000000000001';

  it('searches and pages people, leaving a blank search out', async () => {
    const fetch = fakeFetch(
      json({ employees: [], total: 0, counts: { invited: 0, activated: 0, active: 0, deactivated: 0 } }),
    );
    await api(fetch).employees({ q: 'Анна', limit: 100, offset: 200 });
    await api(fetch).employees({ q: '', limit: 100, offset: 0 });
    expect(fetch.requests.map((r) => r.url)).toEqual([
      `${serverUrl}/v1/admin/employees?q=%D0%90%D0%BD%D0%BD%D0%B0&limit=100&offset=200`,
      `${serverUrl}/v1/admin/employees?limit=100&offset=0`,
    ]);
  });

  it('asks for a new invite code and validates the code, expiry and link', async () => {
    const answer = {
      code: 'ABCD-EFGH-JKMN-PQRS',
      expiresAt: '2026-12-18T12:00:00.000Z',
      link: 'https://relay.example.com/join#invite=ABCD-EFGH-JKMN-PQRS',
    };
    const fetch = fakeFetch(json(answer, { status: 201 }));
    expect(await api(fetch).newInviteCode(id)).toEqual(answer);
    expect(fetch.requests[0]).toMatchObject({
      url: `${serverUrl}/v1/admin/employees/${id}/invites`,
      method: 'POST',
      body: undefined,
    });
    await expect(api(fakeFetch(json({ code: 'x' }, { status: 201 }))).newInviteCode(id)).rejects.toBeInstanceOf(
      InvalidResponseError,
    );
  });

  it('signs a person out everywhere and answers how many sessions ended', async () => {
    const fetch = fakeFetch(json({ ended: 3 }));
    expect(await api(fetch).signOutEverywhere(id)).toBe(3);
    expect(fetch.requests[0]).toMatchObject({ url: `${serverUrl}/v1/admin/employees/${id}/sign-out`, method: 'POST' });
  });
});
