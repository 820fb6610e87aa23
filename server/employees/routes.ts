import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import {
  EmployeeBatch,
  EmployeeCreate,
  EmployeeListQuery,
  EmployeePatch,
  type EmployeeBatchResult,
  type EmployeeInviteCode,
  type EmployeeInvited,
  type EmployeeSignedOut,
} from '../../lib/contract/employees';
import { invitationLink } from '../../lib/contract/invitation';
import { createInvite, createInviteFor, createInvites, type CreatedInvite } from '../auth/invites';
import { endSessionsOf } from '../auth/sessions';
import type { AppEnv } from '../auth/principal';
import type { TokenCache } from '../auth/token-cache';
import { toIso, type Clock } from '../clock';
import type { DB } from '../db/schema';
import { HttpProblem, problems } from '../http/problem';
import { limitBody, readJson, readQuery } from '../http/validate';
import { parseEmployeeCsv } from './csv';
import type { EmployeeDirectory } from './repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const noSuchEmployee = (id: string) => problems.notFound(`There is no employee with id ${id}`);

function employeeId(raw: string): string {
  if (!UUID.test(raw)) throw noSuchEmployee(raw);
  return raw.toLowerCase();
}

interface EmployeeDeps {
  db: Kysely<DB>;
  now: Clock;
  directory: EmployeeDirectory;
  tokens: TokenCache;
  /** The server's public address, for invitation links. */
  publicUrl: () => string;
}

/** /v1/admin/employees (admin guard applied by the app). */
export function adminEmployeeRoutes({ db, now, directory, tokens, publicUrl }: EmployeeDeps) {
  // The link beside every new code, so a curator hands over one thing (server and code) instead of two.
  const inviteCode = (code: string, expiresAt: number): EmployeeInviteCode => ({
    code,
    expiresAt: toIso(expiresAt),
    link: invitationLink(publicUrl(), code),
  });
  const invited = async (invite: CreatedInvite): Promise<EmployeeInvited> => ({
    employee: (await directory.get(invite.employeeId))!,
    ...inviteCode(invite.code, invite.expiresAt),
  });

  return new Hono<AppEnv>()
    .get('/v1/admin/employees', async (c) => c.json(await directory.list(readQuery(c, EmployeeListQuery))))
    .post('/v1/admin/employees', limitBody, async (c) => {
      const { name, role } = await readJson(c, EmployeeCreate);
      const invite = await createInvite(db, now, name, role);
      return c.json(await invited(invite), 201, { Location: `/v1/admin/employees/${invite.employeeId}` });
    })
    .post('/v1/admin/employees/batch', limitBody, async (c) => {
      const { csv } = await readJson(c, EmployeeBatch);
      const { people, errors } = parseEmployeeCsv(csv);
      if (errors.length) {
        const shown = errors
          .slice(0, 3)
          .map((e) => `line ${e.line}: ${e.message}`)
          .join('; ');
        const more = errors.length > 3 ? `; and ${errors.length - 3} more` : '';
        const lines = new Set(errors.map((e) => e.line)).size;
        throw problems.invalidBody(
          errors.map((e) => ({ path: `csv.${e.line}.${e.problem}`, message: e.message })),
          `Nobody was invited: ${lines === 1 ? 'a line is' : `${lines} lines are`} not valid (${shown}${more})`,
        );
      }
      const created = await createInvites(db, now, people);
      const employees = await directory.getMany(created.map((invite) => invite.employeeId));
      const body: EmployeeBatchResult = {
        invited: created.map((invite, i) => ({
          employee: employees.get(invite.employeeId)!,
          ...inviteCode(invite.code, invite.expiresAt),
          line: people[i]!.line,
        })),
      };
      return c.json(body, 201);
    })
    .patch('/v1/admin/employees/:id', limitBody, async (c) => {
      const id = employeeId(c.req.param('id'));
      const changes = await readJson(c, EmployeePatch);
      if (id === c.get('principal').employeeId && (changes.active === false || changes.role === 'employee')) {
        throw new HttpProblem({
          status: 409,
          kind: 'cannot-change-self',
          title: 'You cannot lock yourself out',
          detail: 'An admin cannot deactivate or demote their own account; ask another admin to do it',
        });
      }
      const employee = await directory.change(id, changes);
      if (!employee) throw noSuchEmployee(id);
      // Deactivating ends every session for good: reactivating later must not bring old tokens (a lost laptop's)
      // back to life. After the change, so no sign-in can slip in between (redeeming needs an active person).
      if (changes.active === false) await endSessionsOf(db, tokens, id);
      // Their cached tokens carry the old role and active flag: drop them so the change applies to the next request.
      await tokens.forgetEmployee(id);
      return c.json(employee);
    })
    .post('/v1/admin/employees/:id/invites', async (c) => {
      const id = employeeId(c.req.param('id'));
      const created = await createInviteFor(db, now, id);
      if (created === 'missing') throw noSuchEmployee(id);
      if (created === 'deactivated') {
        throw new HttpProblem({
          status: 409,
          kind: 'employee-deactivated',
          title: 'This person is deactivated',
          detail: 'A deactivated person cannot sign in, so no invite code was made; reactivate them first',
        });
      }
      return c.json(inviteCode(created.code, created.expiresAt), 201);
    })
    .post('/v1/admin/employees/:id/sign-out', async (c) => {
      const id = employeeId(c.req.param('id'));
      if (!(await directory.get(id))) throw noSuchEmployee(id);
      const body: EmployeeSignedOut = { ended: await endSessionsOf(db, tokens, id) };
      return c.json(body);
    });
}
