import { useEffect, useState } from 'preact/hooks';
import { ProblemError, type AdminApi } from '@/lib/api/admin';
import type { AdminEmployee, EmployeeInviteCode } from '@/lib/contract/employees';
import type { Role } from '@/lib/contract/common';
import { Notice } from '@/components/Notice';
import { formatDate, plural, t } from '@/lib/i18n';
import { csvLineErrors } from './csv-errors';
import { useAction, useLoad } from './use-load';

/** As toLocaleString() writes it, in the shown language. */
const DATE_TIME: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' };
/** As toLocaleDateString() writes it, in the shown language. */
const DATE: Intl.DateTimeFormatOptions = {};

/** The label names what is copied and for whom ("Copy the code for …", then "Copied the code for …"); the visible word is short. */
function CopyButton({ text, label, copiedLabel }: { text: string; label: string; copiedLabel: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      class="button secondary"
      aria-label={copied ? copiedLabel : label}
      onClick={() => void navigator.clipboard.writeText(text).then(() => setCopied(true), () => setCopied(false))}
    >
      {copied ? t('people.copied') : t('people.copy')}
    </button>
  );
}

type NewCode = EmployeeInviteCode & { employee: Pick<AdminEmployee, 'id' | 'name' | 'role'>; line?: number };

/**
 * The codes just made, each with its invitation link (server and code as one thing to paste): shown this once,
 * the server keeps only their hashes.
 */
function Codes({ invited, label }: { invited: NewCode[]; label?: string }) {
  return (
    <div class="codes" role="status" aria-label={label}>
      <p><strong>{t('people.codesLead')}</strong> {t('people.codesOnce')}</p>
      <p class="muted small">{t('sessions.linkHint')}</p>
      <ul>
        {invited.map((i) => {
          const name = i.employee.name;
          return (
            <li key={i.employee.id}>
              <span dir="auto">{name}</span> ({t(`people.codeRole.${i.employee.role}`)}): <code>{i.code}</code>{' '}
              <CopyButton text={i.code} label={t('people.copyCode', { name })} copiedLabel={t('people.copiedCode', { name })} />
              <span class="muted small"> {t('people.validUntil', { date: formatDate(i.expiresAt, DATE_TIME) })}</span>
              <br />
              <span class="muted small">{t('sessions.linkLabel')}:</span> <code class="link" dir="ltr">{i.link}</code>{' '}
              <CopyButton text={i.link} label={t('sessions.copyLinkName', { name })} copiedLabel={t('sessions.copiedLinkName', { name })} />
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** People per page: a page of a few thousand would be slow to render and to read. */
export const PEOPLE_PAGE = 100;
/** Typing pauses this long before the list is asked for again. */
export const SEARCH_DEBOUNCE_MS = 300;

export function PeopleSection({ api, selfId }: { api: AdminApi; selfId: string }) {
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  useEffect(() => {
    const timer = setTimeout(() => {
      const next = query.trim();
      if (next === search) return;
      setSearch(next);
      setOffset(0);
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query]);
  const people = useLoad(() => api.employees({ ...(search ? { q: search } : {}), limit: PEOPLE_PAGE, offset }), [api, search, offset]);
  const [rowCodes, setRowCodes] = useState<NewCode[]>([]);
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('employee');
  const [csv, setCsv] = useState('');
  const [invited, setInvited] = useState<NewCode[]>([]);
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

  const newCode = (p: AdminEmployee) =>
    change.run(async () => {
      const created = await api.newInviteCode(p.id);
      setNews(null);
      setRowCodes([{ ...created, employee: p }]);
    });

  const signOutEverywhere = (p: AdminEmployee) => {
    if (!confirm(t('sessions.confirmSignOut', { name: p.name }))) return;
    return change.run(async () => {
      const ended = await api.signOutEverywhere(p.id);
      setNews(ended === 0 ? t('sessions.signedOutNone', { name: p.name }) : plural('sessions.signedOutNews', ended, { name: p.name }));
    });
  };

  const lineErrors = batch.failure instanceof ProblemError ? csvLineErrors(batch.failure.errors) : [];
  const page = people.data;
  const counts = page?.counts;
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
      <div class="field people-search">
        <label for="people-search">{t('sessions.searchLabel')}</label>
        <input
          id="people-search"
          type="search"
          dir="auto"
          value={query}
          aria-describedby="people-search-hint"
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
        <span id="people-search-hint" class="hint">{t('sessions.searchHint')}</span>
      </div>
      <Notice role="status" tone="success">{news}</Notice>
      <Notice role="alert" tone="error">{people.error ?? change.error}</Notice>
      {rowCodes.length > 0 && <Codes invited={rowCodes} label={t('sessions.newCode')} />}
      {page && (
        <nav class="pager" aria-label={t('sessions.pagesLabel')}>
          <button type="button" class="button secondary" disabled={offset === 0 || people.loading} onClick={() => setOffset(Math.max(0, offset - PEOPLE_PAGE))}>
            {t('sessions.previous')}
          </button>
          <span role="status">
            {page.total === 0
              ? (search ? t('sessions.noMatch', { query: search }) : '')
              : t('sessions.range', { from: offset + 1, to: offset + page.employees.length, total: page.total })}
          </span>
          <button
            type="button"
            class="button secondary"
            disabled={offset + PEOPLE_PAGE >= page.total || people.loading}
            onClick={() => setOffset(offset + PEOPLE_PAGE)}
          >
            {t('sessions.next')}
          </button>
        </nav>
      )}
      {page && page.employees.length > 0 && (
        <table class="data">
          <caption class="visually-hidden">{t('people.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('people.name')}</th>
              <th scope="col">{t('sessions.emailColumn')}</th>
              <th scope="col">{t('people.role')}</th>
              <th scope="col">{t('people.stateColumn')}</th>
              <th scope="col">{t('people.invitedColumn')}</th>
              <th scope="col">{t('people.lastShare')}</th>
              <th scope="col"><span class="visually-hidden">{t('people.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {page.employees.map((p) => (
              <tr key={p.id}>
                <th scope="row" dir="auto">{p.id === selfId ? t('people.you', { name: p.name }) : p.name}</th>
                <td dir="ltr">{p.email ?? '—'}</td>
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
                    onClick={() => void patch(p, { active: !p.active }, p.active ? t('people.deactivatedNews', { name: p.name }) : t('sessions.reactivatedNews', { name: p.name }))}
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
                  <button
                    type="button"
                    class="button secondary"
                    disabled={change.busy || !p.active}
                    aria-label={t('sessions.newCodeName', { name: p.name })}
                    onClick={() => void newCode(p)}
                  >
                    {t('sessions.newCode')}
                  </button>
                  <button
                    type="button"
                    class="button secondary"
                    disabled={change.busy}
                    aria-label={t('sessions.signOutName', { name: p.name })}
                    onClick={() => void signOutEverywhere(p)}
                  >
                    {t('sessions.signOut')}
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
