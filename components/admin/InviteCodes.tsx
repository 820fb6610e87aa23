import { useState } from 'preact/hooks';
import type { AdminEmployee, EmployeeInviteCode } from '@/lib/contract/employees';
import { t } from '@/lib/i18n';
import { dateTime } from './date-time';

export type NewCode = EmployeeInviteCode & { employee: Pick<AdminEmployee, 'id' | 'name' | 'role'>; line?: number };

/** The label names what is copied and for whom ("Copy the code for …", then "Copied the code for …"); the visible word is short. */
function CopyButton({ text, label, copiedLabel }: { text: string; label: string; copiedLabel: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      class="button secondary"
      aria-label={copied ? copiedLabel : label}
      onClick={() =>
        void navigator.clipboard.writeText(text).then(
          () => setCopied(true),
          () => setCopied(false),
        )
      }
    >
      {copied ? t('people.copied') : t('people.copy')}
    </button>
  );
}

/**
 * The codes just made, each with its invitation link (server and code as one thing to paste): shown this once,
 * the server keeps only their hashes.
 */
export function InviteCodes({ invited, label }: { invited: NewCode[]; label?: string }) {
  return (
    <div class="codes" role="status" aria-label={label}>
      <p>
        <strong>{t('people.codesLead')}</strong> {t('people.codesOnce')}
      </p>
      <p class="muted small">{t('sessions.linkHint')}</p>
      <ul>
        {invited.map((i) => {
          const name = i.employee.name;
          return (
            <li key={i.employee.id}>
              <span dir="auto">{name}</span> ({t(`people.codeRole.${i.employee.role}`)}): <code>{i.code}</code>{' '}
              <CopyButton
                text={i.code}
                label={t('people.copyCode', { name })}
                copiedLabel={t('people.copiedCode', { name })}
              />
              <span class="muted small"> {t('people.validUntil', { date: dateTime(i.expiresAt) })}</span>
              <br />
              <span class="muted small">{t('sessions.linkLabel')}:</span>{' '}
              <code class="link" dir="ltr">
                {i.link}
              </code>{' '}
              <CopyButton
                text={i.link}
                label={t('sessions.copyLinkName', { name })}
                copiedLabel={t('sessions.copiedLinkName', { name })}
              />
            </li>
          );
        })}
      </ul>
    </div>
  );
}
