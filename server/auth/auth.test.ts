import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, DAY, expectProblem, harness, type Harness } from '../test-support';
import { normaliseInviteCode, sha256 } from './secrets';

let h: Harness;
beforeEach(async () => (h = await harness()));
afterEach(() => h.close());

const redeem = (code: unknown) =>
  h.request('/v1/auth/redeem', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code }),
  });

async function invite(name = 'Ana', role = 'employee') {
  const res = await h.admin('/v1/admin/invites', { method: 'POST', json: { name, role } });
  expect(res.status).toBe(201);
  return (await res.json()) as { code: string; employeeId: string; expiresAt: string };
}

describe('invites', () => {
  it('creates an invited employee and a typeable 80-bit code that expires in 14 days', async () => {
    const created = await invite('Núria', 'admin');
    expect(created.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(Date.parse(created.expiresAt) - h.clock.now).toBe(14 * DAY);
    const row = await h.database.db
      .selectFrom('employees')
      .select(['name', 'role', 'activated_at', 'active'])
      .where('id', '=', created.employeeId)
      .executeTakeFirst();
    expect(row).toEqual({ name: 'Núria', role: 'admin', activated_at: null, active: 1 });
  });

  it('stores only the SHA-256 of the normalised code', async () => {
    const { code } = await invite();
    const rows = await h.database.db.selectFrom('invites').select('code_hash').execute();
    expect(rows).toEqual([{ code_hash: sha256(normaliseInviteCode(code)) }]);
    const dump = JSON.stringify(await h.database.db.selectFrom('invites').selectAll().execute());
    expect(dump).not.toContain(code);
    expect(dump).not.toContain(code.replace(/-/g, ''));
  });

  it('rejects a bad role or an empty name with 422 naming the field', async () => {
    const res = await h.admin('/v1/admin/invites', { method: 'POST', json: { name: ' ', role: 'boss' } });
    const body = await expectProblem(res, 422);
    expect(body.errors?.map((e) => e.path).sort()).toEqual(['name', 'role']);
  });
});

describe('redeem', () => {
  it('exchanges a code for a prefixed token and activates the employee', async () => {
    const { code, employeeId } = await invite('Ana');
    const res = await redeem(code);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { token: string; employee: { id: string; name: string; role: string } };
    expect(body.employee).toEqual({ id: employeeId, name: 'Ana', role: 'employee' });
    expect(body.token).toMatch(/^rly_[A-Za-z0-9_-]{43}$/);
    const activated = await h.database.db
      .selectFrom('employees')
      .select('activated_at')
      .where('id', '=', employeeId)
      .executeTakeFirst();
    expect(activated).toEqual({ activated_at: h.clock.now });
  });

  it('stores the token hashed, never in clear', async () => {
    const { code } = await invite();
    const { token } = (await (await redeem(code)).json()) as { token: string };
    const hashes = await h.database.db.selectFrom('tokens').select('token_hash').execute();
    expect(hashes).toEqual([{ token_hash: sha256(token) }]);
    expect(JSON.stringify(await h.database.db.selectFrom('tokens').selectAll().execute())).not.toContain(
      token.slice(4),
    );
  });

  it('accepts the code typed loosely: lower case, spaces instead of dashes, O for 0 and I/L for 1', async () => {
    const { code } = await invite();
    const loose = code.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
    expect((await redeem(` ${loose} `)).status).toBe(200);
  });

  it('is single use, with the same answer as for an unknown code', async () => {
    const { code } = await invite();
    expect((await redeem(code)).status).toBe(200);
    const again = await expectProblem(await redeem(code), 400);
    const unknown = await expectProblem(await redeem('AAAA-BBBB-CCCC-DDDD'), 400);
    expect(again.detail).toMatch(/not valid or was already used/);
    expect(again).toEqual(unknown);
  });

  it('expires after 14 days', async () => {
    const { code } = await invite();
    h.clock.now += 14 * DAY;
    const body = await expectProblem(await redeem(code), 400);
    expect(body.detail).toMatch(/not valid or was already used/);
  });

  it('still works just before expiry', async () => {
    const { code } = await invite();
    h.clock.now += 14 * DAY - 1;
    expect((await redeem(code)).status).toBe(200);
  });

  it('validates the body (empty code → 422, missing body → 415)', async () => {
    await expectProblem(await redeem(''), 422);
    await expectProblem(await h.request('/v1/auth/redeem', { method: 'POST' }), 415);
  });
});

describe('bearer authentication', () => {
  it('answers 401 with WWW-Authenticate when the token is missing', async () => {
    const res = await h.request('/v1/queue');
    await expectProblem(res, 401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it.each([
    ['an unknown token', 'Bearer rly_unknown'],
    ['another scheme', 'Basic YWxhZGRpbjpvcGVuc2VzYW1l'],
    ['an empty bearer', 'Bearer '],
  ])('answers 401 for %s', async (_, header) => {
    const res = await h.request('/v1/me', { headers: { Authorization: header } });
    await expectProblem(res, 401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('forbids employees the admin endpoints (403) but lets admins in', async () => {
    const employee = await h.employee('Ana', 'employee');
    const admin = await h.employee('Bea', 'admin');
    await expectProblem(await h.as(employee.token, '/v1/admin/items'), 403);
    await expectProblem(
      await h.as(employee.token, '/v1/admin/invites', { method: 'POST', json: { name: 'X', role: 'admin' } }),
      403,
    );
    expect((await h.as(admin.token, '/v1/admin/items')).status).toBe(200);
  });

  it('lets the bootstrap token administer but not act as an employee', async () => {
    expect((await h.admin('/v1/admin/items')).status).toBe(200);
    const body = await expectProblem(await h.admin('/v1/queue'), 403);
    expect(body.detail).toMatch(/bootstrap admin token/);
  });

  it('has no bootstrap token unless configured', async () => {
    const bare = await harness({ adminToken: undefined });
    try {
      await expectProblem(
        await bare.request('/v1/admin/items', { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } }),
        401,
      );
    } finally {
      await bare.close();
    }
  });

  it('refuses a deactivated employee once the cache entry is dropped', async () => {
    const { token, id } = await h.employee();
    expect((await h.as(token, '/v1/me')).status).toBe(200);
    await h.database.db.updateTable('employees').set({ active: 0 }).where('id', '=', id).execute();
    // Still served from the short-lived cache until invalidated…
    expect((await h.as(token, '/v1/me')).status).toBe(200);
    h.tokens.forgetEmployee(id);
    await expectProblem(await h.as(token, '/v1/me'), 401);
  });

  it('notices a deactivation made elsewhere once the cache entry ages out', async () => {
    const { token, id } = await h.employee();
    expect((await h.as(token, '/v1/me')).status).toBe(200);
    await h.database.db.updateTable('employees').set({ active: 0 }).where('id', '=', id).execute();
    h.clock.now += 60_000;
    await expectProblem(await h.as(token, '/v1/me'), 401);
  });

  it('serves repeated requests from the cache without reading the tokens table', async () => {
    const { token } = await h.employee();
    expect((await h.as(token, '/v1/me')).status).toBe(200);
    // Were the token looked up again, it would now be unknown.
    await h.database.db.deleteFrom('tokens').execute();
    expect((await h.as(token, '/v1/me')).status).toBe(200);
  });
});
