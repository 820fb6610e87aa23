import { browser } from 'wxt/browser';
import { useRef, useState } from 'preact/hooks';
import { useStorageItem } from '@/components/hooks';
import { t, type MessageKey } from '@/lib/i18n';
import { reminderPrefsItem, type ReminderPrefs } from '@/lib/settings';

type Kind = 'newItems' | 'weeklyNudge';
const NOTIFICATIONS = { permissions: ['notifications' as const] };
/** Each reminder's words: its label, hint, and what the status says once it is switched on or off. */
const WORDS: Record<Kind, Record<'label' | 'hint' | 'on' | 'off', MessageKey>> = {
  newItems: {
    label: 'options.reminders.newItems',
    hint: 'options.reminders.newItemsHint',
    on: 'options.reminders.newItemsOn',
    off: 'options.reminders.newItemsOff',
  },
  weeklyNudge: {
    label: 'options.reminders.weeklyNudge',
    hint: 'options.reminders.weeklyNudgeHint',
    on: 'options.reminders.weeklyNudgeOn',
    off: 'options.reminders.weeklyNudgeOff',
  },
};

/**
 * Opt-in reminders. Notifications are an optional permission: asked for on the click that turns a reminder
 * on (browsers only allow the request during a click), and given back when both are off.
 */
export function RemindersSection() {
  const prefs = useStorageItem(reminderPrefsItem);
  const [status, setStatus] = useState('');
  const [refused, setRefused] = useState('');

  // One write at a time, in click order: a box switched on while the browser is still answering for the
  // other must not be written from a copy that misses the other's change.
  const writes = useRef<Promise<void>>(Promise.resolve());

  function toggle(kind: Kind, input: HTMLInputElement) {
    const on = input.checked;
    setRefused('');
    // The request must start before any await, while the click still counts as the person's gesture.
    const allowed = (on ? browser.permissions.request(NOTIFICATIONS) : Promise.resolve(true)).catch(() => false);
    const previous = writes.current;
    writes.current = (async () => {
      const granted = await allowed;
      await previous;
      if (!granted) {
        // The stored preference never changed, so nothing re-renders the box: put it back by hand.
        input.checked = false;
        setStatus('');
        setRefused(t('options.reminders.refused'));
        return;
      }
      const current = await reminderPrefsItem.getValue();
      const next: ReminderPrefs = {
        ...current,
        [kind]: on,
        ...(kind === 'weeklyNudge' ? { weeklyNudgeSince: on ? new Date().toISOString() : null } : {}),
      };
      await reminderPrefsItem.setValue(next);
      // Least privilege: nothing to notify about, so the permission goes back.
      if (!next.newItems && !next.weeklyNudge) await browser.permissions.remove(NOTIFICATIONS).catch(() => false);
      setStatus(t(WORDS[kind][on ? 'on' : 'off']));
    })().catch((err: unknown) => {
      input.checked = !on;
      setStatus(t('options.reminders.notSaved', { error: err instanceof Error ? err.message : String(err) }));
    });
  }

  return (
    // The section is there from the first render, its boxes once the preferences are read: a reminder's
    // click opens this page at #reminders, and the settings page moves focus here only if it finds the
    // section when the page has loaded.
    <section id="reminders" aria-labelledby="reminders-heading" class="panel" tabIndex={-1}>
      <h2 id="reminders-heading">{t('options.reminders.heading')}</h2>
      {prefs && (
        <fieldset class="fieldset" aria-describedby={refused ? 'reminders-refused' : undefined}>
          <legend>{t('options.reminders.legend')}</legend>
          {(Object.keys(WORDS) as Kind[]).map((kind) => (
            <div class="check" key={kind}>
              <input
                type="checkbox"
                id={`reminder-${kind}`}
                checked={prefs[kind]}
                aria-describedby={`reminder-${kind}-hint`}
                onChange={(e) => toggle(kind, e.currentTarget)}
              />
              <label for={`reminder-${kind}`}>{t(WORDS[kind].label)}</label>
              <span id={`reminder-${kind}-hint`} class="hint">
                {t(WORDS[kind].hint)}
              </span>
            </div>
          ))}
          <p class="hint">{t('options.reminders.howToStop', { button: t('notify.turnOff') })}</p>
        </fieldset>
      )}
      <p id="reminders-refused" role="alert" class="field-error">
        {refused}
      </p>
      <p role="status" class="save-status">
        {status}
      </p>
    </section>
  );
}
