import { describe, expect, it } from 'vitest';
import { endpoints } from '../contract/routes';
import { ApiError, InvalidResponseError } from './errors';
import { createHttp } from './http';
import { fakeFetch, json } from '../test-support';

const serverUrl = 'http://127.0.0.1:8787/relay/';
const http = (fetch: ReturnType<typeof fakeFetch>) =>
  createHttp({
    serverUrl,
    fetch,
    timeoutMs: 1000,
    timeoutMessage: 'errors.timeout',
    refusal: (res, problem) => new ApiError(res.status, problem?.title ?? 'refused', problem?.detail ?? 'refused'),
  });

describe('createHttp', () => {
  it('fills the path from the route table, encodes each parameter and leaves empty query values out', () => {
    const { url } = http(fakeFetch(json({})));
    expect(url(endpoints.patchEmployee, { params: { id: 'a/b c' } })).toBe(
      'http://127.0.0.1:8787/relay/v1/admin/employees/a%2Fb%20c',
    );
    expect(
      url(endpoints.employees, { query: { q: 'Anna Puig', state: undefined, before: null, limit: 10, offset: '' } }),
    ).toBe('http://127.0.0.1:8787/relay/v1/admin/employees?q=Anna%20Puig&limit=10');
  });

  it('sends the route’s method in capitals with a JSON body', async () => {
    const fetch = fakeFetch(new Response(null, { status: 204 }));
    await http(fetch).send(endpoints.updateMe, { body: { audience: { linkedin: 10 } } });
    expect(fetch.requests[0]).toMatchObject({ method: 'PATCH', body: '{"audience":{"linkedin":10}}' });
    expect(fetch.requests[0]!.headers.get('Content-Type')).toBe('application/json');
  });

  it('passes a 304 only where the route lists one', async () => {
    const notModified = () => fakeFetch(new Response(null, { status: 304 }));
    expect((await http(notModified()).send(endpoints.queue)).status).toBe(304);
    await expect(http(notModified()).send(endpoints.me)).rejects.toMatchObject({ status: 304 });
  });

  it('checks an answer against the route’s schema for its success status', async () => {
    const fetch = fakeFetch(json({ ended: 2 }), json({ ended: 'two' }));
    expect(await http(fetch).call(endpoints.signOutEverywhere, { params: { id: 'x' } })).toEqual({ ended: 2 });
    await expect(http(fetch).call(endpoints.signOutEverywhere, { params: { id: 'x' } })).rejects.toBeInstanceOf(
      InvalidResponseError,
    );
  });
});
