import { useState } from 'preact/hooks';
import { ProblemError, type AdminApi } from '@/lib/api/admin';
import type { AdminEmployee, EmployeeInvited } from '@/lib/contract/employees';
import type { Role } from '@/lib/contract/common';
import { Notice } from '@/components/Notice';
import { formatDate, t } from '@/lib/i18n';
import { csvLineErrors } from './csv-errors';
import { useAction, useLoad } from './use-load';

/** As toLocaleString() writes it, in the shown language. */
const DATE_TIME: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' };
/** As toLocaleDateString() writes it, in the shown language. */
const DATE: Intl.DateTimeFormatOptions = {};

/** The person's name ends the label: "Copy the code for …", then "Copied the code for …" (the visible word starts it). */
function CopyButton({ text, name }: { text: string; name: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      class="button secondary"
      aria-label={copied ? t('people.copiedCode', { name }) : t('people.copyCode', { name })}
      onClick={() => void navigator.clipboard.writeText(text).then(() => setCopied(true), () => setCopied(false))}
    >
      {copied ? t('people.copied') : t('people.copy')}
    </button>
  );
}

/** The codes just made: shown this once (the server keeps only their hashes). */
function Codes({ invited }: { invited: Array<EmployeeInvited & { line?: number }> }) {
  return (
    <div class="codes" role="status">
      <p><strong>{t('people.codesLead')}</strong> {t('people.codesOnce')}</p>
      <ul>
        {invited.map((i) => (
          <li key={i.employee.id}>
            <span dir="auto">{i.employee.name}</span> ({t(`people.codeRole.${i.employee.role}`)}): <code>{i.code}</code>{' '}
            <CopyButton text={i.code} name={i.employee.name} />
            <span class="muted small"> {t('people.validUntil', { date: formatDate(i.expiresAt, DATE_TIME) })}</span>
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

  const lineErrors = batch.failure instanceof ProblemError ? csvLineErrors(batch.failure.errors) : [];
  const counts = people.data?.counts;
  return (
    <>
      {counts && (
        <p role="status">
          {t('people.counts', { ...counts })}
        </p>
      )}
      <div class="two-columns">
        <form onSubmit={inviteOne} aria-label={t('people.inviteOne')}>
          <h3>{t('people.inviteOne')}</h3>
          <div class="field">
            <label for="invite-name">{t('people.name')}</label>
            <input id="invite-name" dir="auto" required value={name} onInput={(e) => setName(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="invite-role">{t('people.role')}</label>
            <select id="invite-role" value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
              <option value="employee">{t('people.roleEmployee')}</option>
              <option value="admin">{t('people.roleAdminCurator')}</option>
            </select>
          </div>
          <Notice role="alert" tone="error">{one.error}</Notice>
          <button type="submit" class="button" disabled={one.busy}>{t('people.invite')}</button>
        </form>
        <form onSubmit={inviteMany} aria-label={t('people.inviteMany')}>
          <h3>{t('people.inviteManyTitle')}</h3>
          <div class="field">
            <label for="invite-csv">{t('people.csvLabel')}</label>
            <textarea
              id="invite-csv"
              dir="auto"
              rows={6}
              value={csv}
              aria-describedby="invite-csv-hint invite-csv-formats"
              placeholder={t('people.csvPlaceholder')}
              onInput={(e) => setCsv(e.currentTarget.value)}
            />
            <span id="invite-csv-hint" class="hint">{t('people.csvHint')}</span>
            <span id="invite-csv-formats" class="hint">{t('people.csvFormats')}</span>
          </div>
          <div role="alert">
            {batch.error && (
              <div class="notice error">
                <p>{batch.error}</p>
                {lineErrors.length > 0 && (
                  <ul aria-label={t('people.linesToFix')}>
                    {lineErrors.map((e) => <li key={e.key}>{e.text}</li>)}
                  </ul>
                )}
              </div>
            )}
          </div>
          <button type="submit" class="button" disabled={batch.busy || !csv.trim()}>{t('people.inviteEveryone')}</button>
        </form>
      </div>
      {invited.length > 0 && <Codes invited={invited} />}

      <h3>{t('people.title')}</h3>
      <Notice role="status" tone="success">{news}</Notice>
      <Notice role="alert" tone="error">{people.error ?? change.error}</Notice>
      {people.data && (
        <table class="data">
          <caption class="visually-hidden">{t('people.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('people.name')}</th>
              <th scope="col">{t('people.role')}</th>
              <th scope="col">{t('people.stateColumn')}</th>
              <th scope="col">{t('people.invitedColumn')}</th>
              <th scope="col">{t('people.lastShare')}</th>
              <th scope="col"><span class="visually-hidden">{t('people.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {people.data.employees.map((p) => (
              <tr key={p.id}>
                <th scope="row" dir="auto">{p.id === selfId ? t('people.you', { name: p.name }) : p.name}</th>
                <td>{p.role === 'admin' ? t('people.admin') : t('people.employee')}</td>
                <td>{t(`people.state.${p.state}`)}</td>
                <td>{formatDate(p.invitedAt, DATE)}</td>
                <td>{p.lastSharedAt ? formatDate(p.lastSharedAt, DATE) : '—'}</td>
                <td class="row-actions">
                  <button
                    type="button"
                    class="button secondary"
                    disabled={change.busy}
                    aria-label={p.active ? t('people.deactivateName', { name: p.name }) : t('people.reactivateName', { name: p.name })}
                    onClick={() => void patch(p, { active: !p.active }, t(p.active ? 'people.deactivatedNews' : 'people.reactivatedNews', { name: p.name }))}
                  >
                    {p.active ? t('people.deactivate') : t('people.reactivate')}
                  </button>
                  <button
                    type="button"
                    class="button secondary"
                    disabled={change.busy}
                    aria-label={t(p.role === 'admin' ? 'people.makeEmployeeName' : 'people.makeAdminName', { name: p.name })}
                    onClick={() => {
                      const next: Role = p.role === 'admin' ? 'employee' : 'admin';
                      void patch(p, { role: next }, t(next === 'admin' ? 'people.nowAdmin' : 'people.nowEmployee', { name: p.name }));
                    }}
                  >
                    {p.role === 'admin' ? t('people.makeEmployee') : t('people.makeAdmin')}
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
