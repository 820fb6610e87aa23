import { useState } from 'preact/hooks';
import { ProblemError, type AdminApi } from '@/lib/api/admin';
import type { AdminEmployee, EmployeeInvited, EmployeeState } from '@/lib/contract/employees';
import type { Role } from '@/lib/contract/common';
import { Notice } from '@/components/Notice';
import { useAction, useLoad } from './use-load';

const STATE_LABELS: Record<EmployeeState, string> = {
  invited: 'Invited',
  activated: 'Activated',
  active: 'Active in the last 7 days',
  deactivated: 'Deactivated',
};

/** `what` completes the name: "Copy the code for …", then "Copied the code for …" (the visible word starts the name). */
function CopyButton({ text, what }: { text: string; what: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      class="button secondary"
      aria-label={`${copied ? 'Copied' : 'Copy'} ${what}`}
      onClick={() => void navigator.clipboard.writeText(text).then(() => setCopied(true), () => setCopied(false))}
    >
      {copied ? 'Copied' : 'Copy'}
    </button>
  );
}

/** The codes just made: shown this once (the server keeps only their hashes). */
function Codes({ invited }: { invited: Array<EmployeeInvited & { line?: number }> }) {
  return (
    <div class="codes" role="status">
      <p><strong>Give each person their invite code.</strong> The codes are shown only now.</p>
      <ul>
        {invited.map((i) => (
          <li key={i.employee.id}>
            <span dir="auto">{i.employee.name}</span> ({i.employee.role}): <code>{i.code}</code>{' '}
            <CopyButton text={i.code} what={`the code for ${i.employee.name}`} />
            <span class="muted small"> valid until {new Date(i.expiresAt).toLocaleString()}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function PeopleSection({ api, selfId }: { api: AdminApi; selfId: string }) {
  const people = useLoad(() => api.employees({ limit: 1000 }), [api]);
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('employee');
  const [csv, setCsv] = useState('');
  const [invited, setInvited] = useState<Array<EmployeeInvited & { line?: number }>>([]);
  const one = useAction();
  const batch = useAction();
  const change = useAction();
  const [news, setNews] = useState<string | null>(null);

  const inviteOne = async (e: Event) => {
    e.preventDefault();
    const result = await one.run(() => api.invite({ name: name.trim(), role }));
    if (!result) return;
    setInvited([result]);
    setName('');
    people.reload();
  };

  const inviteMany = async (e: Event) => {
    e.preventDefault();
    const result = await batch.run(() => api.inviteBatch(csv));
    if (!result) return;
    setInvited(result.invited);
    setCsv('');
    people.reload();
  };

  const patch = (p: AdminEmployee, body: { active?: boolean; role?: Role }, message: string) =>
    change.run(async () => {
      await api.patchEmployee(p.id, body);
      setNews(message);
      people.reload();
    });

  const lineErrors = batch.failure instanceof ProblemError ? batch.failure.errors : [];
  const counts = people.data?.counts;
  return (
    <>
      {counts && (
        <p role="status">
          {counts.invited} invited · {counts.activated} activated · {counts.active} active in the last 7 days · {counts.deactivated} deactivated
        </p>
      )}
      <div class="two-columns">
        <form onSubmit={inviteOne} aria-label="Invite one person">
          <h3>Invite one person</h3>
          <div class="field">
            <label for="invite-name">Name</label>
            <input id="invite-name" dir="auto" required value={name} onInput={(e) => setName(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="invite-role">Role</label>
            <select id="invite-role" value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
              <option value="employee">Employee</option>
              <option value="admin">Admin (curator)</option>
            </select>
          </div>
          <Notice role="alert" tone="error">{one.error}</Notice>
          <button type="submit" class="button" disabled={one.busy}>Invite</button>
        </form>
        <form onSubmit={inviteMany} aria-label="Invite many people">
          <h3>Invite many (CSV)</h3>
          <div class="field">
            <label for="invite-csv">One person a line: name,role</label>
            <textarea
              id="invite-csv"
              dir="auto"
              rows={6}
              value={csv}
              aria-describedby="invite-csv-hint"
              placeholder={'Núria Puig,employee\nJoan Vidal,admin'}
              onInput={(e) => setCsv(e.currentTarget.value)}
            />
            <span id="invite-csv-hint" class="hint">
              Role is employee or admin (employee when left out). A name with a comma goes in double quotes. All lines are invited, or none.
            </span>
          </div>
          <div role="alert">
            {batch.error && (
              <div class="notice error">
                <p>{batch.error}</p>
                {lineErrors.length > 0 && (
                  <ul aria-label="Lines to fix">
                    {lineErrors.map((e) => (
                      <li key={e.path}>{e.path.startsWith('csv.') ? `Line ${e.path.slice(4)}` : e.path}: {e.message}</li>
                    ))}
                  </ul>
                )}
              </div>
            )}
          </div>
          <button type="submit" class="button" disabled={batch.busy || !csv.trim()}>Invite everyone</button>
        </form>
      </div>
      {invited.length > 0 && <Codes invited={invited} />}

      <h3>People</h3>
      <Notice role="status" tone="success">{news}</Notice>
      <Notice role="alert" tone="error">{people.error ?? change.error}</Notice>
      {people.data && (
        <table class="data">
          <caption class="visually-hidden">People and their state</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">State</th>
              <th scope="col">Invited</th>
              <th scope="col">Last share</th>
              <th scope="col"><span class="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {people.data.employees.map((p) => (
              <tr key={p.id}>
                <th scope="row" dir="auto">{p.name}{p.id === selfId ? ' (you)' : ''}</th>
                <td>{p.role === 'admin' ? 'Admin' : 'Employee'}</td>
                <td>{STATE_LABELS[p.state]}</td>
                <td>{new Date(p.invitedAt).toLocaleDateString()}</td>
                <td>{p.lastSharedAt ? new Date(p.lastSharedAt).toLocaleDateString() : '—'}</td>
                <td class="row-actions">
                  <button
                    type="button"
                    class="button secondary"
                    disabled={change.busy}
                    aria-label={`${p.active ? 'Deactivate' : 'Reactivate'} ${p.name}`}
                    onClick={() => void patch(p, { active: !p.active }, p.active ? `${p.name} is deactivated: their Relay is signed out.` : `${p.name} can use Relay again.`)}
                  >
                    {p.active ? 'Deactivate' : 'Reactivate'}
                  </button>
                  <button
                    type="button"
                    class="button secondary"
                    disabled={change.busy}
                    aria-label={`${p.role === 'admin' ? 'Make employee' : 'Make admin'}: ${p.name}`}
                    onClick={() => {
                      const next: Role = p.role === 'admin' ? 'employee' : 'admin';
                      void patch(p, { role: next }, `${p.name} is now ${next === 'admin' ? 'an admin' : 'an employee'}.`);
                    }}
                  >
                    {p.role === 'admin' ? 'Make employee' : 'Make admin'}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
