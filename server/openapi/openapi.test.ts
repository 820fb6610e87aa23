import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { routes } from '../../lib/contract/routes';
import { harness, type Harness } from '../test-support';

let h: Harness;
beforeEach(async () => (h = await harness()));
afterEach(() => h.close());

interface Doc {
  openapi: string;
  paths: Record<
    string,
    Record<
      string,
      {
        security: unknown[];
        requestBody?: {
          content: Record<string, { schema: { properties?: Record<string, unknown>; required?: string[] } }>;
        };
        responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
        parameters?: { name: string; in: string }[];
      }
    >
  >;
}

const load = async () => {
  const res = await h.request('/v1/openapi.json'); // no token: it is public
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  return (await res.json()) as Doc;
};

describe('GET /v1/openapi.json', () => {
  it('is OpenAPI 3.1 and lists every route of lib/contract/routes.ts', async () => {
    const doc = await load();
    expect(doc.openapi).toMatch(/^3\.1\./);
    const listed = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
    expect(listed.sort()).toEqual(routes.map((r) => `${r.method} ${r.path}`).sort());
  });

  it('describes request bodies as clients send them (defaults optional) and errors as problems', async () => {
    const doc = await load();
    const create = doc.paths['/v1/admin/items']!.post!;
    const body = create.requestBody!.content['application/json']!.schema;
    expect(body.required).toEqual(expect.arrayContaining(['url', 'title', 'captions']));
    expect(body.required).not.toContain('pinned');
    expect(create.responses['422']!.content!['application/problem+json']).toBeDefined();
    expect(create.responses['201']!.content!['application/json']).toBeDefined();
    expect(create.security).toEqual([{ bearer: [] }]);
    expect(doc.paths['/v1/auth/redeem']!.post!.security).toEqual([]);
  });

  it('names path and query parameters', async () => {
    const doc = await load();
    expect(doc.paths['/v1/admin/items/{id}']!.patch!.parameters).toContainEqual(
      expect.objectContaining({ name: 'id', in: 'path' }),
    );
    expect(doc.paths['/v1/queue']!.get!.parameters).toContainEqual(
      expect.objectContaining({ name: 'since', in: 'query' }),
    );
    expect(doc.paths['/v1/me/reach']!.get!.parameters?.map((p) => p.name)).toEqual(
      expect.arrayContaining(['from', 'to']),
    );
  });

  it('matches the routes the app really serves (none answers 404 or 405)', async () => {
    const { token } = await h.employee('Ana', 'admin');
    for (const r of routes) {
      const path = r.path.replace('{id}', '01a20000-0000-7000-8000-000000000000').replace('{code}', 'Abcdefgh1');
      const res = await h.request(path, {
        method: r.method.toUpperCase(),
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: r.body ? '{}' : undefined,
      });
      // Unknown ids answer 404 problems of their own; a missing route would say "There is no … endpoint".
      const text = await res.text();
      expect(res.status, `${r.method} ${r.path}`).not.toBe(405);
      expect(text, `${r.method} ${r.path}`).not.toMatch(/endpoint/);
    }
  });
});
