import { batch, useSignal } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import type { AdminApi } from '@/lib/api/admin';
import type { AdminEmployee } from '@/lib/contract/employees';
import type { Role } from '@/lib/contract/common';
import { Notice } from '@/components/Notice';
import { formatDate, plural, t } from '@/lib/i18n';
import { DataTable } from './DataTable';
import { Field } from './Field';
import { InviteCodes, type NewCode } from './InviteCodes';
import { InviteForms } from './InviteForms';
import { useAction, useLoad } from './use-load';

/** As toLocaleDateString() writes it, in the shown language. */
const DATE: Intl.DateTimeFormatOptions = {};

/** People per page: a page of a few thousand would be slow to render and to read. */
export const PEOPLE_PAGE = 100;
/** Typing pauses this long before the list is asked for again. */
export const SEARCH_DEBOUNCE_MS = 300;

export function PeopleSection({ api, selfId }: { api: AdminApi; selfId: string }) {
  const [query, setQuery] = useState('');
  const search = useSignal('');
  const offset = useSignal(0);
  useEffect(() => {
    const timer = setTimeout(() => {
      const next = query.trim();
      if (next === search.value) return;
      batch(() => {
        search.value = next;
        offset.value = 0;
      });
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query]);
  const people = useLoad(
    () => api.employees({ ...(search.value ? { q: search.value } : {}), limit: PEOPLE_PAGE, offset: offset.value }),
    [api],
  );
  const [rowCodes, setRowCodes] = useState<NewCode[]>([]);
  const change = useAction();
  const [news, setNews] = useState<string | null>(null);

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
      setNews(
        ended === 0
          ? t('sessions.signedOutNone', { name: p.name })
          : plural('sessions.signedOutNews', ended, { name: p.name }),
      );
    });
  };

  const page = people.data;
  const counts = page?.counts;
  const from = offset.value;
  return (
    <>
      {counts && <p role="status">{t('people.counts', { ...counts })}</p>}
      <InviteForms api={api} onInvited={people.reload} />

      <h3>{t('people.title')}</h3>
      <Field id="people-search" label={t('sessions.searchLabel')} hint={t('sessions.searchHint')} class="people-search">
        <input
          id="people-search"
          type="search"
          dir="auto"
          value={query}
          aria-describedby="people-search-hint"
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
      </Field>
      <Notice role="status" tone="success">
        {news}
      </Notice>
      <Notice role="alert" tone="error">
        {people.error ?? change.error}
      </Notice>
      {rowCodes.length > 0 && <InviteCodes invited={rowCodes} label={t('sessions.newCode')} />}
      {page && (
        <nav class="pager" aria-label={t('sessions.pagesLabel')}>
          <button
            type="button"
            class="button secondary"
            disabled={from === 0 || people.loading}
            onClick={() => (offset.value = Math.max(0, from - PEOPLE_PAGE))}
          >
            {t('sessions.previous')}
          </button>
          <span role="status">
            {page.total === 0
              ? search.value
                ? t('sessions.noMatch', { query: search.value })
                : ''
              : t('sessions.range', { from: from + 1, to: from + page.employees.length, total: page.total })}
          </span>
          <button
            type="button"
            class="button secondary"
            disabled={from + PEOPLE_PAGE >= page.total || people.loading}
            onClick={() => (offset.value = from + PEOPLE_PAGE)}
          >
            {t('sessions.next')}
          </button>
        </nav>
      )}
      {page && page.employees.length > 0 && (
        <DataTable
          caption={t('people.tableCaption')}
          columns={[
            t('people.name'),
            t('sessions.emailColumn'),
            t('people.role'),
            t('people.stateColumn'),
            t('people.invitedColumn'),
            t('people.lastShare'),
            { label: t('people.actions'), hidden: true },
          ]}
        >
          {page.employees.map((p) => (
            <tr key={p.id}>
              <th scope="row" dir="auto">
                {p.id === selfId ? t('people.you', { name: p.name }) : p.name}
              </th>
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
                  aria-label={
                    p.active
                      ? t('people.deactivateName', { name: p.name })
                      : t('people.reactivateName', { name: p.name })
                  }
                  onClick={() =>
                    void patch(
                      p,
                      { active: !p.active },
                      p.active
                        ? t('people.deactivatedNews', { name: p.name })
                        : t('sessions.reactivatedNews', { name: p.name }),
                    )
                  }
                >
                  {p.active ? t('people.deactivate') : t('people.reactivate')}
                </button>
                <button
                  type="button"
                  class="button secondary"
                  disabled={change.busy}
                  aria-label={t(p.role === 'admin' ? 'people.makeEmployeeName' : 'people.makeAdminName', {
                    name: p.name,
                  })}
                  onClick={() => {
                    const next: Role = p.role === 'admin' ? 'employee' : 'admin';
                    void patch(
                      p,
                      { role: next },
                      t(next === 'admin' ? 'people.nowAdmin' : 'people.nowEmployee', { name: p.name }),
                    );
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
        </DataTable>
      )}
    </>
  );
}
