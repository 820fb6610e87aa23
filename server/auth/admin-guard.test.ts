import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { routes } from '../../lib/contract/routes';
import { expectProblem, harness, type Harness } from '../test-support';
import { countRows } from '../test-rows';

let h: Harness;
beforeEach(async () => (h = await harness()));
afterEach(() => h.close());

const adminRoutes = routes.filter((r) => r.auth === 'admin');

const written = async () =>
  (await countRows(h.database.db, 'employees')) +
  (await countRows(h.database.db, 'items')) +
  (await countRows(h.database.db, 'policies'));

const concrete = (path: string) =>
  path.replace('{id}', '01a20000-0000-7000-8000-000000000000').replace('{network}', 'linkedin');

describe('admin endpoints', () => {
  it('are all behind the admin path prefix, so the guard covers them', () => {
    expect(adminRoutes.length).toBeGreaterThan(10);
    for (const r of adminRoutes) expect(r.path, `${r.method} ${r.path}`).toMatch(/^\/v1\/admin\//);
  });

  it.each(adminRoutes.map((r) => [`${r.method.toUpperCase()} ${r.path}`, r] as const))(
    '%s answers 403 to an employee token and writes nothing',
    async (_, r) => {
      const ana = await h.employee('Ana');
      const before = await written();
      const res = await h.as(ana.token, concrete(r.path), {
        method: r.method.toUpperCase(),
        ...(r.body
          ? {
              json: {
                name: 'X',
                role: 'admin',
                csv: 'X,admin',
                title: 't',
                url: 'https://e.org/',
                captions: [{ network: 'x', text: 'y' }],
              },
            }
          : {}),
      });
      const body = await expectProblem(res, 403);
      expect(body.detail).toMatch(/admin/);
      const after = await written();
      expect(after).toBe(before);
    },
  );
});
