import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Taxonomy } from '../../lib/contract/taxonomy';
import { expectProblem, harness, type Harness } from '../test-support';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(() => h.close());

const put = (json: unknown) => h.admin('/v1/admin/taxonomy', { method: 'PUT', json });

describe('/v1/admin/taxonomy', () => {
  it('starts empty, then answers the lists it was given, normalised and sorted', async () => {
    const empty = await h.admin('/v1/admin/taxonomy');
    expect(empty.status).toBe(200);
    expect(Taxonomy.parse(await empty.json())).toEqual({ topics: [], campaigns: [] });

    const res = await put({
      topics: ['Hiring', ' engineering ', 'sostenibilitat'],
      campaigns: ['q4-launch', 'Annual_Report'],
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const expected = { topics: ['engineering', 'hiring', 'sostenibilitat'], campaigns: ['annual_report', 'q4-launch'] };
    expect(await res.json()).toEqual(expected);
    expect(await (await h.admin('/v1/admin/taxonomy')).json()).toEqual(expected);

    // PUT replaces both lists.
    await put({ topics: ['hiring'], campaigns: [] });
    expect(await (await h.admin('/v1/admin/taxonomy')).json()).toEqual({ topics: ['hiring'], campaigns: [] });
  });

  it('names what is wrong in a 422 and keeps the lists unchanged', async () => {
    await put({ topics: ['hiring'], campaigns: ['launch'] });
    const body = await expectProblem(await put({ topics: ['news', 'News'], campaigns: ['not a slug'] }), 422);
    expect(body.errors?.map((e) => e.path).sort()).toEqual(['campaigns.0', 'topics']);
    expect(await expectProblem(await put({ topics: [] }), 422)).toMatchObject({ errors: [{ path: 'campaigns' }] });
    expect(await (await h.admin('/v1/admin/taxonomy')).json()).toEqual({ topics: ['hiring'], campaigns: ['launch'] });
  });

  it('is for admins only: an employee gets 403 on both methods', async () => {
    const ana = await h.employee('Ana');
    await expectProblem(await h.as(ana.token, '/v1/admin/taxonomy'), 403);
    await expectProblem(
      await h.as(ana.token, '/v1/admin/taxonomy', { method: 'PUT', json: { topics: [], campaigns: [] } }),
      403,
    );
  });
});
