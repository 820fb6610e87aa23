import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AdminEmployee,
  EmployeeBatchResult,
  EmployeeInviteCode,
  EmployeeInvited,
  EmployeeList,
  EmployeeSignedOut,
} from '../../lib/contract/employees';
import { invitationLink, parseInvitation } from '../../lib/contract/invitation';
import { normaliseInviteCode, sha256 } from '../auth/secrets';
import { DAY, PUBLIC_URL, expectProblem, harness, type Harness } from '../test-support';
import { countRows } from '../test-rows';

let h: Harness;
beforeEach(async () => (h = await harness()));
afterEach(() => h.close());

const redeem = (code: string) =>
  h.request('/v1/auth/redeem', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code }),
  });

const list = async (query = '') => {
  const res = await h.admin(`/v1/admin/employees${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return EmployeeList.parse(await res.json());
};

const tokenCount = (employeeId: string) => countRows(h.database.db, 'tokens', { employee_id: employeeId });

const newCode = async (id: string) => {
  const res = await h.admin(`/v1/admin/employees/${id}/invites`, { method: 'POST' });
  expect(res.status, await res.clone().text()).toBe(201);
  return EmployeeInviteCode.parse(await res.json());
};

const redeemedToken = async (code: string) => {
  const res = await redeem(code);
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()) as { token: string }).token;
};

const patch = (id: string, json: unknown, token?: string) =>
  token
    ? h.as(token, `/v1/admin/employees/${id}`, { method: 'PATCH', json })
    : h.admin(`/v1/admin/employees/${id}`, { method: 'PATCH', json });

describe('POST /v1/admin/employees', () => {
  it('invites one person and shows the code once, stored only hashed', async () => {
    const res = await h.admin('/v1/admin/employees', { method: 'POST', json: { name: ' Núria ', role: 'admin' } });
    expect(res.status).toBe(201);
    const body = EmployeeInvited.parse(await res.json());
    expect(body.employee).toMatchObject({
      name: 'Núria',
      role: 'admin',
      active: true,
      state: 'invited',
      activatedAt: null,
      lastSharedAt: null,
    });
    expect(Date.parse(body.expiresAt) - h.clock.now).toBe(14 * DAY);
    expect(body.link).toBe(invitationLink(PUBLIC_URL, body.code));
    expect(parseInvitation(body.link)).toEqual({ serverUrl: PUBLIC_URL, code: body.code });
    const hashes = await h.database.db
      .selectFrom('invites')
      .select('code_hash')
      .where('employee_id', '=', body.employee.id)
      .execute();
    expect(hashes).toEqual([{ code_hash: sha256(normaliseInviteCode(body.code)) }]);
    expect((await redeem(body.code)).status).toBe(200);
  });

  it('rejects a bad role or an empty name with 422', async () => {
    const body = await expectProblem(
      await h.admin('/v1/admin/employees', { method: 'POST', json: { name: '', role: 'boss' } }),
      422,
    );
    expect(body.errors?.map((e) => e.path).sort()).toEqual(['name', 'role']);
  });
});

describe('POST /v1/admin/employees/batch', () => {
  it('invites every line, in order, with working codes', async () => {
    const res = await h.admin('/v1/admin/employees/batch', {
      method: 'POST',
      json: { csv: 'name,role\nNúria Puig,admin\n\n"Petrov, Oleg",employee\n王芳' },
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const { invited } = EmployeeBatchResult.parse(await res.json());
    expect(invited.map((i) => [i.line, i.employee.name, i.employee.role])).toEqual([
      [2, 'Núria Puig', 'admin'],
      [4, 'Petrov, Oleg', 'employee'],
      [5, '王芳', 'employee'],
    ]);
    expect(new Set(invited.map((i) => i.code)).size).toBe(3);
    expect(invited.map((i) => i.link)).toEqual(invited.map((i) => `${PUBLIC_URL}/join#invite=${i.code}`));
    for (const i of invited) expect((await redeem(i.code)).status).toBe(200);
  });

  it('creates nobody when any line is bad, and names each bad line', async () => {
    const before = await countRows(h.database.db, 'employees');
    const body = await expectProblem(
      await h.admin('/v1/admin/employees/batch', {
        method: 'POST',
        json: { csv: 'Ana,employee\nBea,boss\nCai,admin\n,admin' },
      }),
      422,
    );
    expect(body.errors).toEqual([
      { path: 'csv.2.role', message: 'role must be "employee" or "admin" (got "boss")' },
      { path: 'csv.4.name', message: 'name must not be empty' },
    ]);
    expect(body.detail).toContain('line 2');
    expect(body.detail).toContain('Nobody was invited');
    expect(await countRows(h.database.db, 'employees')).toBe(before);
    expect(await countRows(h.database.db, 'invites')).toBe(0);
  });

  it('reads what Excel writes in a decimal-comma locale: BOM, ";", CRLF, quotes', async () => {
    const csv = '\uFEFFnombre;rol\r\n"Puig; Núria";admin\r\nОлег Петров;employee\r\n';
    const res = await h.admin('/v1/admin/employees/batch', { method: 'POST', json: { csv } });
    expect(res.status).toBe(201);
    const body = (await res.json()) as EmployeeBatchResult;
    expect(body.invited.map((i) => [i.line, i.employee.name, i.employee.role])).toEqual([
      [2, 'Puig; Núria', 'admin'],
      [3, 'Олег Петров', 'employee'],
    ]);
  });

  it('names a bad line of a ";" file in a 422 problem, not a person called "Ana;boss"', async () => {
    const res = await h.admin('/v1/admin/employees/batch', {
      method: 'POST',
      json: { csv: 'Joan;employee\nAna;boss;x' },
    });
    const body = await expectProblem(res, 422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(body.errors).toEqual([
      { path: 'csv.2.fields', message: expect.stringContaining('found 3 fields separated by ";"') },
    ]);
    expect(body.detail).toMatch(/^Nobody was invited: a line is not valid \(line 2: /);
  });

  it('rejects a body without csv text with 422', async () => {
    const body = await expectProblem(
      await h.admin('/v1/admin/employees/batch', { method: 'POST', json: { csv: '' } }),
      422,
    );
    expect(body.errors?.[0]?.path).toBe('csv');
  });
});

describe('GET /v1/admin/employees', () => {
  it("shows each person's state: invited, activated, active (shared in 7 days), deactivated", async () => {
    await h.admin('/v1/admin/employees', { method: 'POST', json: { name: 'Ivy', role: 'employee' } });
    const ana = await h.employee('Ana'); // activated, never shared
    const bea = await h.employee('Bea'); // shares now: active
    const cai = await h.employee('Cai'); // shared 8 days ago: activated
    const dan = await h.employee('Dan'); // deactivated
    const item = await h.createItem({ publishAt: new Date(h.clock.now - 10 * DAY).toISOString() });
    const share = (token: string, at: number) =>
      h.as(token, '/v1/shares', {
        method: 'POST',
        json: { shares: [{ id: uuidv7(), itemId: item.id, network: 'x', sharedAt: new Date(at).toISOString() }] },
      });
    await share(bea.token, h.clock.now - 6 * DAY);
    await share(cai.token, h.clock.now - 8 * DAY);
    await patch(dan.id, { active: false });

    const all = await list();
    expect(all.employees.map((e) => [e.name, e.state])).toEqual([
      ['Ana', 'activated'],
      ['Bea', 'active'],
      ['Cai', 'activated'],
      ['Dan', 'deactivated'],
      ['Ivy', 'invited'],
    ]);
    expect(all.counts).toEqual({ invited: 1, activated: 2, active: 1, deactivated: 1 });
    expect(all.total).toBe(5);
    expect(all.employees.find((e) => e.id === bea.id)!.lastSharedAt).toBe(
      new Date(h.clock.now - 6 * DAY).toISOString(),
    );
    expect(all.employees.find((e) => e.id === ana.id)!.activatedAt).toBe(new Date(h.clock.now).toISOString());

    const activated = await list('?state=activated');
    expect(activated.employees.map((e) => e.id)).toEqual([ana.id, cai.id]);
    expect(activated.total).toBe(2);
    expect(activated.counts).toEqual(all.counts);

    h.clock.now += 2 * DAY; // Bea's share is now 8 days old
    expect((await list('?state=active')).employees).toEqual([]);
  });

  it('pages by name', async () => {
    for (const name of ['Cai', 'ana', 'Bea'])
      await h.admin('/v1/admin/employees', { method: 'POST', json: { name, role: 'employee' } });
    expect((await list('?limit=2')).employees.map((e) => e.name)).toEqual(['ana', 'Bea']);
    const rest = await list('?limit=2&offset=2');
    expect(rest.employees.map((e) => e.name)).toEqual(['Cai']);
    expect(rest.total).toBe(3);
  });

  it('answers 400 for a bad query', async () => {
    const body = await expectProblem(await h.admin('/v1/admin/employees?state=sleepy'), 400);
    expect(body.errors?.[0]?.path).toBe('state');
    const long = await expectProblem(await h.admin(`/v1/admin/employees?q=${'a'.repeat(201)}`), 400);
    expect(long.errors?.[0]?.path).toBe('q');
  });

  it('searches names and e-mail addresses in any case and script, with total and counts', async () => {
    for (const name of ['Анна Петрова', 'Ёлка Иванова', 'Núria Puig', 'NÚRIA Vidal', 'Bob 100%', 'Bob_1', 'Oleg']) {
      await h.admin('/v1/admin/employees', { method: 'POST', json: { name, role: 'employee' } });
    }
    const oleg = (await list('?q=oleg')).employees[0]!;
    expect(oleg.email).toBeNull();
    await h.database.db
      .updateTable('employees')
      .set({ email: 'O.Sidorov@Example.COM' })
      .where('id', '=', oleg.id)
      .execute();
    const names = async (q: string) => (await list(`?q=${encodeURIComponent(q)}`)).employees.map((e) => e.name);

    expect(await names('анна')).toEqual(['Анна Петрова']);
    expect(await names('АННА')).toEqual(['Анна Петрова']);
    expect(await names('ёЛКА')).toEqual(['Ёлка Иванова']);
    expect(await names('нурия')).toEqual([]);
    expect((await names('núria')).sort()).toEqual(['NÚRIA Vidal', 'Núria Puig']);
    expect(await names('  vidal ')).toEqual(['NÚRIA Vidal']);
    expect(await names('sidorov@example')).toEqual(['Oleg']);
    // LIKE's wildcards are taken literally.
    expect(await names('100%')).toEqual(['Bob 100%']);
    expect(await names('b_')).toEqual(['Bob_1']);
    expect(await names('%')).toEqual(['Bob 100%']);
    expect((await names('')).length).toBe(7);

    const found = await list('?q=n%C3%BAria&limit=1&offset=1');
    expect(found.employees).toHaveLength(1);
    expect(found.total).toBe(2);
    expect(found.counts.invited).toBe(7);
    expect((await list('?q=oleg')).employees[0]!.email).toBe('O.Sidorov@Example.COM');
    expect((await list('?q=n%C3%BAria&state=deactivated')).total).toBe(0);
  });

  it('pages past 1,000 people', async () => {
    const people = Array.from({ length: 1205 }, (_, i) => `Person ${String(i).padStart(4, '0')},employee`).join('\n');
    expect((await h.admin('/v1/admin/employees/batch', { method: 'POST', json: { csv: people } })).status).toBe(201);
    const page = await list('?limit=100&offset=1200');
    expect(page.total).toBe(1205);
    expect(page.employees.map((e) => e.name)).toEqual([
      'Person 1200',
      'Person 1201',
      'Person 1202',
      'Person 1203',
      'Person 1204',
    ]);
    const searched = await list('?q=PERSON%201&limit=100&offset=200');
    expect(searched.total).toBe(205); // Person 1000 to Person 1204
    expect(searched.employees.map((e) => e.name)).toEqual([
      'Person 1200',
      'Person 1201',
      'Person 1202',
      'Person 1203',
      'Person 1204',
    ]);
  });
});

describe('PATCH /v1/admin/employees/:id', () => {
  it('deactivation locks the person out at once and deletes every token; reactivation does not revive them', async () => {
    const ana = await h.employee('Ana');
    const laptop = await newCode(ana.id);
    const second = await redeemedToken(laptop.code);
    expect((await h.as(ana.token, '/v1/me')).status).toBe(200); // now cached
    const res = await patch(ana.id, { active: false });
    expect(res.status).toBe(200);
    expect(AdminEmployee.parse(await res.json())).toMatchObject({ active: false, state: 'deactivated' });
    await expectProblem(await h.as(ana.token, '/v1/me'), 401);
    await expectProblem(await h.as(second, '/v1/queue'), 401);
    expect(await tokenCount(ana.id)).toBe(0);
    expect((await patch(ana.id, { active: true })).status).toBe(200);
    await expectProblem(await h.as(ana.token, '/v1/me'), 401);
    await expectProblem(await h.as(second, '/v1/me'), 401);
    // Back in with a new code.
    const again = await redeemedToken((await newCode(ana.id)).code);
    expect((await h.as(again, '/v1/me')).status).toBe(200);
  });

  it('a role change keeps the person signed in', async () => {
    const ana = await h.employee('Ana');
    await patch(ana.id, { role: 'admin' });
    expect(await tokenCount(ana.id)).toBe(1);
    expect((await h.as(ana.token, '/v1/me')).status).toBe(200);
  });

  it('a deactivated person cannot redeem a pending invite either', async () => {
    const invite = EmployeeInvited.parse(
      await (await h.admin('/v1/admin/employees', { method: 'POST', json: { name: 'Eva', role: 'employee' } })).json(),
    );
    await patch(invite.employee.id, { active: false });
    await expectProblem(await redeem(invite.code), 400);
  });

  it('a role change applies at once', async () => {
    const ana = await h.employee('Ana');
    await expectProblem(await h.as(ana.token, '/v1/admin/employees'), 403);
    expect(AdminEmployee.parse(await (await patch(ana.id, { role: 'admin' })).json()).role).toBe('admin');
    expect((await h.as(ana.token, '/v1/admin/employees')).status).toBe(200);
    await patch(ana.id, { role: 'employee' });
    await expectProblem(await h.as(ana.token, '/v1/admin/employees'), 403);
  });

  it('an admin cannot deactivate or demote themselves (409), but may change other admins', async () => {
    const boss = await h.employee('Boss', 'admin');
    const other = await h.employee('Other', 'admin');
    await expectProblem(await patch(boss.id, { active: false }, boss.token), 409);
    await expectProblem(await patch(boss.id, { role: 'employee' }, boss.token), 409);
    expect((await patch(boss.id, { role: 'admin', active: true }, boss.token)).status).toBe(200);
    expect((await patch(other.id, { role: 'employee' }, boss.token)).status).toBe(200);
    expect((await h.as(boss.token, '/v1/me')).status).toBe(200);
  });

  it('validates: empty patch 422, unknown or malformed id 404', async () => {
    const ana = await h.employee('Ana');
    await expectProblem(await patch(ana.id, {}), 422);
    await expectProblem(await patch(ana.id, { role: 'boss' }), 422);
    await expectProblem(await patch('01a20000-0000-7000-8000-000000000000', { active: false }), 404);
    await expectProblem(await patch('nope', { active: false }), 404);
  });
});

describe('POST /v1/admin/employees/:id/invites', () => {
  it('gives someone already invited another working code and link, without a second person', async () => {
    const ana = await h.employee('Ana');
    const before = (await list()).total;
    const fresh = await newCode(ana.id);
    expect(fresh.link).toBe(invitationLink(PUBLIC_URL, fresh.code));
    expect(Date.parse(fresh.expiresAt) - h.clock.now).toBe(14 * DAY);
    expect(await countRows(h.database.db, 'invites', { code_hash: sha256(normaliseInviteCode(fresh.code)) })).toBe(1);
    const res = await redeem(fresh.code);
    expect(((await res.json()) as { employee: { id: string } }).employee.id).toBe(ana.id);
    // Both browsers signed in, one person.
    expect(await tokenCount(ana.id)).toBe(2);
    expect((await list()).total).toBe(before);
    expect((await h.as(ana.token, '/v1/me')).status).toBe(200);
  });

  it('refuses a deactivated person with 409, an unknown id with 404', async () => {
    const ana = await h.employee('Ana');
    await patch(ana.id, { active: false });
    const body = await expectProblem(await h.admin(`/v1/admin/employees/${ana.id}/invites`, { method: 'POST' }), 409);
    expect(body.type).toBe('urn:relay:problem:employee-deactivated');
    expect(body.detail).toMatch(/reactivate/);
    expect(await countRows(h.database.db, 'invites', { employee_id: ana.id })).toBe(1);
    await expectProblem(
      await h.admin('/v1/admin/employees/01a20000-0000-7000-8000-000000000000/invites', { method: 'POST' }),
      404,
    );
    await expectProblem(await h.admin('/v1/admin/employees/nope/invites', { method: 'POST' }), 404);
  });
});

describe('POST /v1/admin/employees/:id/sign-out', () => {
  it('ends every session of the person at once (cached ones too), says how many, and leaves others alone', async () => {
    const ana = await h.employee('Ana');
    const second = await redeemedToken((await newCode(ana.id)).code);
    const bea = await h.employee('Bea');
    expect((await h.as(ana.token, '/v1/me')).status).toBe(200); // cached
    expect((await h.as(second, '/v1/me')).status).toBe(200);
    const res = await h.admin(`/v1/admin/employees/${ana.id}/sign-out`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(EmployeeSignedOut.parse(await res.json())).toEqual({ ended: 2 });
    await expectProblem(await h.as(ana.token, '/v1/me'), 401);
    await expectProblem(await h.as(second, '/v1/me'), 401);
    expect((await h.as(bea.token, '/v1/me')).status).toBe(200);
    // Still active: a new code signs them in again.
    expect((await list()).employees.find((p) => p.id === ana.id)).toMatchObject({ active: true });
    expect(
      EmployeeSignedOut.parse(
        await (await h.admin(`/v1/admin/employees/${ana.id}/sign-out`, { method: 'POST' })).json(),
      ),
    ).toEqual({ ended: 0 });
  });

  it('answers 404 problems for unknown and malformed ids', async () => {
    await expectProblem(
      await h.admin('/v1/admin/employees/01a20000-0000-7000-8000-000000000000/sign-out', { method: 'POST' }),
      404,
    );
    await expectProblem(await h.admin('/v1/admin/employees/nope/sign-out', { method: 'POST' }), 404);
  });
});

describe('authorization', () => {
  it('gives an employee token 403 on every employee endpoint', async () => {
    const ana = await h.employee('Ana');
    await expectProblem(await h.as(ana.token, '/v1/admin/employees'), 403);
    await expectProblem(
      await h.as(ana.token, '/v1/admin/employees', { method: 'POST', json: { name: 'X', role: 'admin' } }),
      403,
    );
    await expectProblem(
      await h.as(ana.token, '/v1/admin/employees/batch', { method: 'POST', json: { csv: 'X,admin' } }),
      403,
    );
    await expectProblem(await patch(ana.id, { role: 'admin' }, ana.token), 403);
    await expectProblem(await h.as(ana.token, `/v1/admin/employees/${ana.id}/invites`, { method: 'POST' }), 403);
    await expectProblem(await h.as(ana.token, `/v1/admin/employees/${ana.id}/sign-out`, { method: 'POST' }), 403);
    expect(await countRows(h.database.db, 'employees')).toBe(1);
  });
});
