import { describe, expect, it } from 'vitest';
import { createApi } from './client';
import { ApiError, InvalidResponseError, UnreachableError } from './errors';
import { fakeFetch, json, makeItem, problem, queueBody } from '../test-support';

const serverUrl = 'http://127.0.0.1:8787';
const employee = { id: crypto.randomUUID(), name: 'Núria Puig', role: 'employee' as const };

describe('createApi().redeem', () => {
  it('posts the code and returns the validated token and employee', async () => {
    const fetch = fakeFetch(json({ token: 'tok', employee }));
    const result = await createApi({ serverUrl, fetch }).redeem('ABC-123');
    expect(result).toEqual({ token: 'tok', employee });
    const [req] = fetch.requests;
    expect(req!.url).toBe(`${serverUrl}/v1/auth/redeem`);
    expect(req!.method).toBe('POST');
    expect(JSON.parse(req!.body!)).toEqual({ code: 'ABC-123' });
    expect(req!.headers.get('Authorization')).toBeNull();
  });

  it('turns problem+json into an ApiError with the server’s own words', async () => {
    const fetch = fakeFetch(problem(404, 'Invite not found', 'This invite code is unknown or was already used.'));
    const err = await createApi({ serverUrl, fetch })
      .redeem('nope')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({
      status: 404,
      title: 'Invite not found',
      detail: 'This invite code is unknown or was already used.',
    });
    expect((err as Error).message).toBe('This invite code is unknown or was already used.');
  });

  it('explains an error page that is not problem+json (probably not a Relay server)', async () => {
    const fetch = fakeFetch(
      new Response('<h1>Not here</h1>', {
        status: 404,
        statusText: 'Not Found',
        headers: { 'Content-Type': 'text/html' },
      }),
    );
    const err = (await createApi({ serverUrl, fetch })
      .redeem('x')
      .catch((e: unknown) => e)) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(404);
    expect(err.message).toContain('answered 404 Not Found');
    expect(err.message).toContain('Relay server');
  });

  it('maps a network failure to UnreachableError with a clear message', async () => {
    const fetch = fakeFetch(new TypeError('Failed to fetch'));
    const err = await createApi({ serverUrl, fetch })
      .redeem('x')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnreachableError);
    expect((err as Error).message).toBe(
      "Can't reach the server at http://127.0.0.1:8787. Check the address and that the server is running.",
    );
  });

  it('maps a timeout to UnreachableError and passes an abort signal to fetch', async () => {
    let signal: AbortSignal | undefined;
    const fetch = async (_url: string, init: RequestInit) => {
      signal = init.signal ?? undefined;
      return new Promise<Response>((_resolve, reject) => {
        init.signal?.addEventListener('abort', () => reject(init.signal!.reason));
      });
    };
    const err = await createApi({ serverUrl, fetch, timeoutMs: 20 })
      .redeem('x')
      .catch((e: unknown) => e);
    expect(signal).toBeInstanceOf(AbortSignal);
    expect(err).toBeInstanceOf(UnreachableError);
    expect((err as Error).message).toContain('did not answer within');
  });

  it('refuses a 200 whose body does not match the contract', async () => {
    const fetch = fakeFetch(json({ token: 42 }));
    const err = await createApi({ serverUrl, fetch })
      .redeem('x')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidResponseError);
    expect((err as Error).message).toContain('token');
  });

  it('refuses a 200 that is not JSON', async () => {
    const fetch = fakeFetch(new Response('<html>captive portal</html>', { status: 200 }));
    await expect(createApi({ serverUrl, fetch }).redeem('x')).rejects.toBeInstanceOf(InvalidResponseError);
  });
});

describe('createApi().queue', () => {
  it('sends the token, the ETag and the cursor, and returns the data with the new ETag', async () => {
    const body = queueBody([makeItem()], { cursor: 'next' });
    const fetch = fakeFetch(json(body, { headers: { ETag: '"v2"' } }));
    const api = createApi({ serverUrl: `${serverUrl}/`, token: 'tok', fetch });
    const result = await api.queue({ etag: '"v1"', since: 'a b&c' });
    expect(result).toEqual({ status: 'ok', data: body, etag: '"v2"' });
    const [req] = fetch.requests;
    expect(req!.url).toBe(`${serverUrl}/v1/queue?since=a%20b%26c`);
    expect(req!.headers.get('Authorization')).toBe('Bearer tok');
    expect(req!.headers.get('If-None-Match')).toBe('"v1"');
  });

  it('sends neither header nor query on a first sync', async () => {
    const fetch = fakeFetch(json(queueBody([])));
    await createApi({ serverUrl, token: 'tok', fetch }).queue();
    expect(fetch.requests[0]!.url).toBe(`${serverUrl}/v1/queue`);
    expect(fetch.requests[0]!.headers.has('If-None-Match')).toBe(false);
  });

  it('reports 304 as not-modified', async () => {
    const fetch = fakeFetch(new Response(null, { status: 304 }));
    expect(await createApi({ serverUrl, token: 'tok', fetch }).queue({ etag: '"v1"' })).toEqual({
      status: 'not-modified',
    });
  });

  it('refuses an item that breaks the contract', async () => {
    const broken = { ...makeItem(), captions: [{ network: 'myspace', text: 'hi' }] };
    const fetch = fakeFetch(json(queueBody([broken as never])));
    const err = await createApi({ serverUrl, token: 'tok', fetch })
      .queue()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidResponseError);
    expect((err as Error).message).toMatch(/items\.0\.captions\.0/);
  });

  it('surfaces 401 and 5xx as ApiError with their status', async () => {
    const api = (res: Response) => createApi({ serverUrl, token: 'tok', fetch: fakeFetch(res) });
    await expect(api(problem(401, 'Unauthorized', 'The token is not valid.')).queue()).rejects.toMatchObject({
      status: 401,
    });
    await expect(api(new Response('oops', { status: 502, statusText: 'Bad Gateway' })).queue()).rejects.toMatchObject({
      status: 502,
    });
  });
});

const suggestion = {
  id: crypto.randomUUID(),
  url: 'https://example.org/a',
  note: 'Molt bo',
  status: 'open',
  suggestedBy: { id: employee.id, name: employee.name },
  createdAt: '2026-11-18T12:00:00.000Z',
  decidedAt: null,
  itemId: null,
};

describe('createApi().suggest', () => {
  it('posts url and note with the token and returns the validated suggestion', async () => {
    const fetch = fakeFetch(json(suggestion, { status: 201 }));
    const result = await createApi({ serverUrl, token: 'tok', fetch }).suggest({
      url: 'https://example.org/a',
      note: 'Molt bo',
    });
    expect(result).toEqual({ suggestion, alreadySuggested: false });
    const [req] = fetch.requests;
    expect(req!.url).toBe(`${serverUrl}/v1/suggestions`);
    expect(req!.method).toBe('POST');
    expect(req!.headers.get('Authorization')).toBe('Bearer tok');
    expect(req!.headers.get('Content-Type')).toBe('application/json');
    expect(JSON.parse(req!.body!)).toEqual({ url: 'https://example.org/a', note: 'Molt bo' });
  });

  it('sends no note key when there is none, and reports a 200 as already suggested', async () => {
    const fetch = fakeFetch(json(suggestion, { status: 200 }));
    const result = await createApi({ serverUrl, token: 'tok', fetch }).suggest({ url: 'https://example.org/a' });
    expect(result.alreadySuggested).toBe(true);
    expect(JSON.parse(fetch.requests[0]!.body!)).toEqual({ url: 'https://example.org/a' });
  });

  it('surfaces a 422 as an ApiError and refuses an answer that is not a suggestion', async () => {
    const bad = createApi({
      serverUrl,
      token: 'tok',
      fetch: fakeFetch(problem(422, 'The request body is not valid', 'url: Invalid URL')),
    });
    await expect(bad.suggest({ url: 'nope' })).rejects.toMatchObject({ status: 422, detail: 'url: Invalid URL' });
    const odd = createApi({
      serverUrl,
      token: 'tok',
      fetch: fakeFetch(json({ ...suggestion, status: 'maybe' }, { status: 201 })),
    });
    await expect(odd.suggest({ url: 'https://example.org/a' })).rejects.toBeInstanceOf(InvalidResponseError);
  });
});

const zero = { reach: 0, clicks: 0, shares: 0 };
const reachBody = {
  ...zero,
  from: '2026-11-01T00:00:00.000Z',
  to: '2026-12-01T00:00:00.000Z',
  byNetwork: { linkedin: zero, x: zero },
  rank: null,
  participants: 0,
  streakWeeks: 0,
  weeks: Array.from({ length: 12 }, (_, i) => ({
    start: new Date(Date.UTC(2026, 7, 31) + i * 7 * 86_400_000).toISOString(),
    ...zero,
  })),
  lifetime: zero,
  badges: [{ id: 'first-share', label: 'First share', earned: false, progress: { current: 0, target: 1 } }],
};

describe('createApi().reach', () => {
  it('asks for this month by default and for a period when given one', async () => {
    const fetch = fakeFetch(json(reachBody));
    const api = createApi({ serverUrl, token: 'tok', fetch });
    expect(await api.reach()).toEqual(reachBody);
    await api.reach({ from: '2026-10-01T00:00:00Z', to: '2026-11-01T00:00:00Z' });
    expect(fetch.requests.map((r) => r.url)).toEqual([
      `${serverUrl}/v1/me/reach`,
      `${serverUrl}/v1/me/reach?from=2026-10-01T00%3A00%3A00Z&to=2026-11-01T00%3A00%3A00Z`,
    ]);
  });

  it('refuses a card without its 12 weeks', async () => {
    const fetch = fakeFetch(json({ ...reachBody, weeks: reachBody.weeks.slice(1) }));
    await expect(createApi({ serverUrl, token: 'tok', fetch }).reach()).rejects.toBeInstanceOf(InvalidResponseError);
  });
});

describe('createApi().exportMyData', () => {
  const exported = {
    exportedAt: '2026-11-18T12:00:00.000Z',
    profile: {
      id: employee.id,
      name: employee.name,
      role: 'employee',
      active: true,
      invitedAt: '2026-11-01T00:00:00.000Z',
      activatedAt: null,
      audience: { linkedin: null, x: 900 },
      effectiveAudience: { linkedin: 459, x: 900 },
    },
    invites: [{ createdAt: '2026-11-01T00:00:00.000Z', expiresAt: '2026-11-15T00:00:00.000Z', redeemedAt: null }],
    signIns: [],
    totals: zero,
    shares: [],
    links: [],
    clicks: [{ code: 'Abcdefgh1', day: '2026-11-18', clicks: 2 }],
    suggestions: [suggestion],
  };

  it('fetches the export with the token and validates it', async () => {
    const fetch = fakeFetch(json(exported, { headers: { 'Content-Disposition': 'attachment; filename="x.json"' } }));
    expect(await createApi({ serverUrl, token: 'tok', fetch }).exportMyData()).toEqual(exported);
    expect(fetch.requests[0]!.url).toBe(`${serverUrl}/v1/me/export`);
    expect(fetch.requests[0]!.headers.get('Authorization')).toBe('Bearer tok');
  });

  it('refuses an export of the wrong shape', async () => {
    const fetch = fakeFetch(json({ ...exported, clicks: [{ code: 'a', day: 'yesterday', clicks: 1 }] }));
    await expect(createApi({ serverUrl, token: 'tok', fetch }).exportMyData()).rejects.toBeInstanceOf(
      InvalidResponseError,
    );
  });
});

describe('createApi().policy', () => {
  const policy = {
    bannedTerms: ['garantía'],
    version: 3,
    updatedAt: '2026-11-18T12:00:00.000Z',
    networks: {
      linkedin: { disclosure: '#employee', maxLength: null, bannedTerms: [] },
      x: { disclosure: '#ad', maxLength: 240, bannedTerms: ['thread'] },
    },
  };

  it('sends If-None-Match and returns the validated policy with its ETag', async () => {
    const fetch = fakeFetch(json(policy, { headers: { ETag: '"policy-3"' } }));
    const result = await createApi({ serverUrl, token: 'tok', fetch }).policy({ etag: '"policy-2"' });
    expect(result).toEqual({ status: 'ok', policy, etag: '"policy-3"' });
    expect(fetch.requests[0]!.url).toBe(`${serverUrl}/v1/policy`);
    expect(fetch.requests[0]!.headers.get('If-None-Match')).toBe('"policy-2"');
  });

  it('reports 304 as not-modified and refuses a malformed policy', async () => {
    const same = createApi({ serverUrl, token: 'tok', fetch: fakeFetch(new Response(null, { status: 304 })) });
    expect(await same.policy({ etag: '"policy-3"' })).toEqual({ status: 'not-modified' });
    const odd = createApi({ serverUrl, token: 'tok', fetch: fakeFetch(json({ ...policy, bannedTerms: 'all' })) });
    await expect(odd.policy()).rejects.toBeInstanceOf(InvalidResponseError);
  });
});

describe('createApi().signOut', () => {
  it('posts to /v1/auth/sign-out with the token and accepts a 204', async () => {
    const fetch = fakeFetch(new Response(null, { status: 204 }));
    await createApi({ serverUrl, token: 'tok', fetch }).signOut();
    expect(fetch.requests).toHaveLength(1);
    expect(fetch.requests[0]).toMatchObject({ url: `${serverUrl}/v1/auth/sign-out`, method: 'POST', body: undefined });
    expect(fetch.requests[0]!.headers.get('Authorization')).toBe('Bearer tok');
  });

  it('surfaces a refused token as an ApiError', async () => {
    const fetch = fakeFetch(problem(401, 'Unauthorized', 'The token is not valid'));
    await expect(createApi({ serverUrl, token: 'tok', fetch }).signOut()).rejects.toMatchObject({ status: 401 });
  });
});
