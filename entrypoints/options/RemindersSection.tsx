import { browser } from 'wxt/browser';
import { useRef, useState } from 'preact/hooks';
import { useStorageItem } from '@/components/hooks';
import { reminderPrefsItem, type ReminderPrefs } from '@/lib/settings';

type Kind = 'newItems' | 'weeklyNudge';
const NOTIFICATIONS = { permissions: ['notifications' as const] };
const LABELS: Record<Kind, { label: string; hint: string; on: string; off: string }> = {
  newItems: {
    label: 'Tell me when new items arrive',
    hint: 'A notification at most once a day, only when there is something new since you last opened Relay.',
    on: 'New-item reminders are on.',
    off: 'New-item reminders are off.',
  },
  weeklyNudge: {
    label: 'Remind me when I have not shared for a week',
    hint: 'At most one reminder a week, only after 7 days without a share.',
    on: 'Weekly reminders are on.',
    off: 'Weekly reminders are off.',
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
        setRefused(
          'Your browser did not allow Relay to show notifications, so this reminder stays off. ' +
            'Turn it on again and choose Allow, or allow notifications for Relay in your browser’s extension settings.',
        );
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
      setStatus(on ? LABELS[kind].on : LABELS[kind].off);
    })().catch((err: unknown) => {
      input.checked = !on;
      setStatus(`Not saved: ${err instanceof Error ? err.message : String(err)}`);
    });
  }

  return (
    // The section is there from the first render, its boxes once the preferences are read: a reminder's
    // click opens this page at #reminders, and the settings page moves focus here only if it finds the
    // section when the page has loaded.
    <section id="reminders" aria-labelledby="reminders-heading" class="panel" tabIndex={-1}>
      <h2 id="reminders-heading">Reminders</h2>
      {prefs && (
        <fieldset class="fieldset" aria-describedby={refused ? 'reminders-refused' : undefined}>
          <legend>Notifications from Relay (both off unless you turn them on)</legend>
          {(Object.keys(LABELS) as Kind[]).map((kind) => (
            <div class="check" key={kind}>
              <input
                type="checkbox"
                id={`reminder-${kind}`}
                checked={prefs[kind]}
                aria-describedby={`reminder-${kind}-hint`}
                onChange={(e) => toggle(kind, e.currentTarget)}
              />
              <label for={`reminder-${kind}`}>{LABELS[kind].label}</label>
              <span id={`reminder-${kind}-hint`} class="hint">
                {LABELS[kind].hint}
              </span>
            </div>
          ))}
          <p class="hint">Every reminder has a “Turn off these reminders” button, or opens this page when clicked.</p>
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
