import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SharesResult as SharesResultBody } from '../../lib/contract/shares';
import { DAY, HOUR, expectProblem, harness, type Harness } from '../test-support';
import { countRows } from '../test-rows';

let h: Harness;
let ana: { token: string; id: string };
let itemId: string;
beforeEach(async () => {
  h = await harness();
  ana = await h.employee('Ana');
  itemId = (await h.createItem()).id;
});
afterEach(() => h.close());

const share = (fields: Record<string, unknown> = {}) => ({
  id: uuidv7(), itemId, network: 'linkedin', sharedAt: new Date(h.clock.now).toISOString(), ...fields,
});
const post = (shares: unknown[], token = ana.token) => h.as(token, '/v1/shares', { method: 'POST', json: { shares } });
const countShares = () => countRows(h.database.db, 'shares');

describe('POST /v1/shares', () => {
  it('records a batch and reports every id as accepted', async () => {
    const batch = [share(), share({ network: 'x', edited: true, captionId: uuidv7() })];
    const res = await post(batch);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ accepted: batch.map((s) => s.id), duplicates: [] });
    const rows = await h.database.db
      .selectFrom('shares').select(['id', 'employee_id', 'item_id', 'network', 'edited', 'shared_at']).orderBy('network').execute();
    expect(rows).toEqual([
      { id: batch[0]!.id, employee_id: ana.id, item_id: itemId, network: 'linkedin', edited: 0, shared_at: h.clock.now },
      { id: batch[1]!.id, employee_id: ana.id, item_id: itemId, network: 'x', edited: 1, shared_at: h.clock.now },
    ]);
  });

  it('is idempotent: a replayed batch writes nothing and lists the ids as duplicates', async () => {
    const batch = [share(), share()];
    await post(batch);
    const fresh = share();
    const res = await post([...batch, fresh]);
    expect(await res.json()).toEqual({ accepted: [fresh.id], duplicates: batch.map((s) => s.id) });
    expect(await countShares()).toBe(3);
    expect(await (await post(batch)).json()).toEqual({ accepted: [], duplicates: batch.map((s) => s.id) });
    expect(await countShares()).toBe(3);
  });

  it('records a batch sent twice at once (two deliveries racing) once, accepting each share in one answer only', async () => {
    const batch = [share(), share({ network: 'x' })];
    const answers = (await Promise.all([post(batch), post(batch)]).then((all) => Promise.all(all.map((r) => r.json())))) as SharesResultBody[];
    expect(await countShares()).toBe(2);
    for (const s of batch) {
      expect(answers.filter((a) => a.accepted.includes(s.id))).toHaveLength(1);
      expect(answers.filter((a) => a.duplicates.includes(s.id))).toHaveLength(1);
    }
  });

  it('counts a repeated id inside one batch once', async () => {
    const one = share();
    expect(await (await post([one, one])).json()).toEqual({ accepted: [one.id], duplicates: [one.id] });
  });

  it('stores the audience at the time of sharing: the default, then the employee\'s own figure', async () => {
    await post([share({ network: 'linkedin' }), share({ network: 'x' })]);
    await h.as(ana.token, '/v1/me', { method: 'PATCH', json: { audience: { linkedin: 1200 } } });
    await post([share({ network: 'linkedin' }), share({ network: 'x' })]);
    // Share ids are UUIDv7, made in order: sorting by them lists the shares as they were made.
    const audiences = await h.database.db.selectFrom('shares').select(['network', 'audience']).orderBy('id').execute();
    expect(audiences).toEqual([
      { network: 'linkedin', audience: 459 },
      { network: 'x', audience: 772 },
      { network: 'linkedin', audience: 1200 },
      { network: 'x', audience: 772 },
    ]);
  });

  it('rejects the whole batch with 422 listing items that never existed', async () => {
    const ghost = uuidv7();
    const res = await post([share(), share({ itemId: ghost })]);
    const body = await expectProblem(res, 422);
    expect(body.detail).toContain(ghost);
    expect(body.errors).toEqual([{ path: 'shares.1.itemId', message: `no item has id ${ghost}` }]);
    expect(await countShares()).toBe(0);
  });

  it('accepts shares of a soft-deleted item', async () => {
    await h.admin(`/v1/admin/items/${itemId}`, { method: 'DELETE' });
    const res = await post([share()]);
    expect(res.status).toBe(200);
    expect(await countShares()).toBe(1);
  });

  it('accepts a client clock a little ahead, but not more than a day', async () => {
    expect((await post([share({ sharedAt: new Date(h.clock.now + HOUR).toISOString() })])).status).toBe(200);
    const res = await post([share({ sharedAt: new Date(h.clock.now + DAY + 1000).toISOString() })]);
    const body = await expectProblem(res, 422);
    expect(body.errors?.[0]?.path).toBe('shares.0.sharedAt');
    expect(await countShares()).toBe(1);
  });

  it('takes up to 500 shares and refuses 501', async () => {
    const many = Array.from({ length: 500 }, () => share());
    const res = await post(many);
    expect(((await res.json()) as { accepted: string[] }).accepted).toHaveLength(500);
    const body = await expectProblem(await post(Array.from({ length: 501 }, () => share())), 422);
    expect(body.errors?.[0]?.path).toBe('shares');
  });

  it('refuses the bootstrap admin token (it is nobody\'s share)', async () => {
    await expectProblem(await h.admin('/v1/shares', { method: 'POST', json: { shares: [share()] } }), 403);
  });
});
