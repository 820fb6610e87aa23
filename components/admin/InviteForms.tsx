import { useState } from 'preact/hooks';
import type { AdminApi } from '@/lib/api/admin';
import { ProblemError } from '@/lib/api/errors';
import type { Role } from '@/lib/contract/common';
import { Notice } from '@/components/Notice';
import { t } from '@/lib/i18n';
import { csvLineErrors } from './csv-errors';
import { Field } from './Field';
import { InviteCodes, type NewCode } from './InviteCodes';
import { ProblemNotice } from './ProblemNotice';
import { useAction } from './use-load';

/** Inviting one person by name, or many from CSV lines; the codes made are shown below the forms. */
export function InviteForms({ api, onInvited }: { api: AdminApi; onInvited: () => void }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('employee');
  const [csv, setCsv] = useState('');
  const [invited, setInvited] = useState<NewCode[]>([]);
  const one = useAction();
  const batch = useAction();

  const inviteOne = async (e: Event) => {
    e.preventDefault();
    const result = await one.run(() => api.invite({ name: name.trim(), role }));
    if (!result) return;
    setInvited([result]);
    setName('');
    onInvited();
  };

  const inviteMany = async (e: Event) => {
    e.preventDefault();
    const result = await batch.run(() => api.inviteBatch(csv));
    if (!result) return;
    setInvited(result.invited);
    setCsv('');
    onInvited();
  };

  const lineErrors = batch.failure instanceof ProblemError ? csvLineErrors(batch.failure.errors) : [];
  return (
    <>
      <div class="two-columns">
        <form onSubmit={inviteOne} aria-label={t('people.inviteOne')}>
          <h3>{t('people.inviteOne')}</h3>
          <Field id="invite-name" label={t('people.name')}>
            <input id="invite-name" dir="auto" required value={name} onInput={(e) => setName(e.currentTarget.value)} />
          </Field>
          <Field id="invite-role" label={t('people.role')}>
            <select id="invite-role" value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
              <option value="employee">{t('people.roleEmployee')}</option>
              <option value="admin">{t('people.roleAdminCurator')}</option>
            </select>
          </Field>
          <Notice role="alert" tone="error">
            {one.error}
          </Notice>
          <button type="submit" class="button" disabled={one.busy}>
            {t('people.invite')}
          </button>
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
            <span id="invite-csv-hint" class="hint">
              {t('people.csvHint')}
            </span>
            <span id="invite-csv-formats" class="hint">
              {t('people.csvFormats')}
            </span>
          </div>
          <ProblemNotice message={batch.error} lines={lineErrors} label={t('people.linesToFix')} />
          <button type="submit" class="button" disabled={batch.busy || !csv.trim()}>
            {t('people.inviteEveryone')}
          </button>
        </form>
      </div>
      {invited.length > 0 && <InviteCodes invited={invited} />}
    </>
  );
}
