import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SharesResult as SharesResultBody } from '../../lib/contract/shares';
import { Reach } from '../../lib/contract/reach';
import { DAY, HOUR, expectProblem, harness, type Harness } from '../test-support';
import { countRows } from '../test-rows';
import { MAX_SHARES_PER_DAY } from './share-rules';

const MINUTE = 60_000;

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
  id: uuidv7(),
  itemId,
  network: 'linkedin',
  sharedAt: new Date(h.clock.now).toISOString(),
  ...fields,
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
      .selectFrom('shares')
      .select(['id', 'employee_id', 'item_id', 'network', 'edited', 'shared_at'])
      .orderBy('network')
      .execute();
    expect(rows).toEqual([
      {
        id: batch[0]!.id,
        employee_id: ana.id,
        item_id: itemId,
        network: 'linkedin',
        edited: 0,
        shared_at: h.clock.now,
      },
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
    const answers = (await Promise.all([post(batch), post(batch)]).then((all) =>
      Promise.all(all.map((r) => r.json())),
    )) as SharesResultBody[];
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

  it("stores the audience at the time of sharing: the default, then the employee's own figure", async () => {
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

  it('accepts a client clock a few minutes ahead, refuses a share dated later', async () => {
    expect((await post([share({ sharedAt: new Date(h.clock.now + 4 * MINUTE).toISOString() })])).status).toBe(200);
    const res = await post([share(), share({ sharedAt: new Date(h.clock.now + HOUR).toISOString() })]);
    const body = await expectProblem(res, 422);
    expect(body.type).toBe('urn:relay:problem:share-refused');
    expect(body.errors).toEqual([{ path: 'shares.1.sharedAt', message: 'is in the future' }]);
    expect(await countShares()).toBe(1);
  });
  it('takes up to 500 shares and refuses 501', async () => {
    const many = Array.from({ length: 500 }, () => share());
    const res = await post(many);
    const body = await expectProblem(res, 422); // 500 in a day is past the daily cap: see below
    expect(body.errors).toHaveLength(500 - MAX_SHARES_PER_DAY);
    const over = await expectProblem(await post(Array.from({ length: 501 }, () => share())), 422);
    expect(over.errors?.[0]?.path).toBe('shares');
  });
  it("refuses the bootstrap admin token (it is nobody's share)", async () => {
    await expectProblem(await h.admin('/v1/shares', { method: 'POST', json: { shares: [share()] } }), 403);
  });
});

describe('reach cannot be faked', () => {
  it('500 back-dated shares in one request do not make a two-year streak and rank 1', async () => {
    const bea = await h.employee('Bea');
    await post([share()], bea.token);
    const oldItem = (await h.createItem({ publishAt: new Date(h.clock.now - 800 * DAY).toISOString() })).id;
    const forged = Array.from({ length: 500 }, (_, i) =>
      share({ itemId: oldItem, sharedAt: new Date(h.clock.now - (i % 104) * 7 * DAY).toISOString() }),
    );
    const body = await expectProblem(await post(forged), 422);
    expect(body.errors!.length).toBeGreaterThan(400);
    expect(await countShares()).toBe(1);
    const reach = Reach.parse(await (await h.as(ana.token, '/v1/me/reach')).json());
    expect(reach.streakWeeks).toBe(0);
    expect(reach.rank).toBeNull();
  });

  it('refuses shares more than 30 days old, and takes one made offline 29 days ago', async () => {
    const oldItem = (await h.createItem({ publishAt: new Date(h.clock.now - 60 * DAY).toISOString() })).id;
    const late = share({ itemId: oldItem, sharedAt: new Date(h.clock.now - 29 * DAY).toISOString() });
    const tooOld = share({ itemId: oldItem, sharedAt: new Date(h.clock.now - 31 * DAY).toISOString() });
    const body = await expectProblem(await post([late, tooOld]), 422);
    expect(body.errors).toEqual([{ path: 'shares.1.sharedAt', message: 'is more than 30 days ago' }]);
    expect(await countShares()).toBe(0);
    expect((await post([late])).status).toBe(200);
  });

  it('refuses a share dated before its item was published (beyond the clock skew)', async () => {
    const res = await post([share({ sharedAt: new Date(h.clock.now - HOUR).toISOString() })]);
    expect((await expectProblem(res, 422)).errors).toEqual([
      { path: 'shares.0.sharedAt', message: 'is before the item was published' },
    ]);
    expect((await post([share({ sharedAt: new Date(h.clock.now - 4 * MINUTE).toISOString() })])).status).toBe(200);
  });

  it('refuses shares of an item scheduled for later', async () => {
    const scheduled = (await h.createItem({ publishAt: new Date(h.clock.now + DAY).toISOString() })).id;
    const body = await expectProblem(await post([share({ itemId: scheduled })]), 422);
    expect(body.errors).toEqual([{ path: 'shares.0.itemId', message: 'the item is not published yet' }]);
  });

  it('refuses a share of a deleted item dated after the deletion', async () => {
    h.clock.now += HOUR;
    await h.admin(`/v1/admin/items/${itemId}`, { method: 'DELETE' });
    h.clock.now += HOUR;
    const body = await expectProblem(await post([share()]), 422);
    expect(body.errors).toEqual([{ path: 'shares.0.itemId', message: 'the item was deleted before this share' }]);
    // Made before the deletion, delivered after it: counts.
    expect((await post([share({ sharedAt: new Date(h.clock.now - 90 * MINUTE).toISOString() })])).status).toBe(200);
  });

  it(`caps a person at ${MAX_SHARES_PER_DAY} shares a day, counting what is already recorded`, async () => {
    const first = Array.from({ length: MAX_SHARES_PER_DAY - 2 }, () => share());
    expect((await post(first)).status).toBe(200);
    const body = await expectProblem(await post([share(), share(), share()]), 422);
    expect(body.errors).toEqual([
      { path: 'shares.2.sharedAt', message: `is past the ${MAX_SHARES_PER_DAY} shares a person can make in one day` },
    ]);
    expect((await post([share(), share()])).status).toBe(200);
    h.clock.now += DAY;
    expect((await post([share()])).status).toBe(200);
    // Someone else's day is their own.
    const bea = await h.employee('Bea');
    expect((await post([share()], bea.token)).status).toBe(200);
  });

  it('does not judge a replayed batch again: it was counted when it came', async () => {
    const batch = [share()];
    await post(batch);
    h.clock.now += 40 * DAY;
    expect(await (await post(batch)).json()).toEqual({ accepted: [], duplicates: batch.map((s) => s.id) });
  });
});
