// @vitest-environment happy-dom
/**
 * The reminders on the settings page, where the browser's answer matters: a permission refused (or a request
 * the browser throws on, as Firefox does outside a click) leaves the reminder off and says why; two boxes
 * switched on while the browser is still answering both stay on. The accepted path runs in Chromium in
 * tests/e2e/reminders.spec.ts.
 */
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { REMINDERS_OFF, reminderPrefsItem } from '@/lib/settings';
import { RemindersSection } from './RemindersSection';
import { settle, testHost } from '@/components/test-host';

const host = testHost();

const box = (kind: 'newItems' | 'weeklyNudge') => host.querySelector<HTMLInputElement>(`#reminder-${kind}`)!;
const labelOf = (input: HTMLInputElement) => host.querySelector(`label[for="${input.id}"]`)?.textContent;
const descriptionOf = (el: Element) =>
  (el.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => host.querySelector(`#${id}`)?.textContent ?? '')
    .join(' ');
const alertText = () => host.querySelector('[role="alert"]')!.textContent;
const statusText = () => host.querySelector('[role="status"]')!.textContent;

/** Renders the section and waits for it to read the preferences. */
async function mount() {
  render(h(RemindersSection, {}), host);
  await vi.waitFor(async () => {
    await settle();
    expect(host.querySelector('#reminder-newItems')).not.toBeNull();
  });
}

async function click(input: HTMLInputElement) {
  await act(async () => input.click());
  await settle();
}

describe('RemindersSection', () => {
  it('shows both reminders off by default, each a labelled checkbox with its promise as description', async () => {
    await mount();
    expect(box('newItems').checked).toBe(false);
    expect(box('weeklyNudge').checked).toBe(false);
    expect(labelOf(box('newItems'))).toBe('Tell me when new items arrive');
    expect(labelOf(box('weeklyNudge'))).toBe('Remind me when I have not shared for a week');
    expect(descriptionOf(box('newItems'))).toMatch(/at most once a day/);
    expect(descriptionOf(box('weeklyNudge'))).toMatch(/only after 7 days without a share/);
  });

  it.each([
    ['refuses', () => Promise.resolve(false)],
    [
      'throws (Firefox outside a click)',
      () => Promise.reject(new Error('permissions.request may only be called from a user input handler')),
    ],
  ])('keeps the reminder off when the browser %s, and says why next to the boxes', async (_, answer) => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(answer);
    await mount();
    await click(box('newItems'));
    await vi.waitFor(() =>
      expect(alertText()).toMatch(/did not allow Relay to show notifications, so this reminder stays off/),
    );
    expect(box('newItems').checked).toBe(false);
    expect(descriptionOf(host.querySelector('fieldset')!)).toBe(alertText());
    expect(statusText()).toBe('');
    expect(await reminderPrefsItem.getValue()).toEqual(REMINDERS_OFF);
  });

  it('keeps both on when the second is switched on before the browser answered the first', async () => {
    const answers: ((granted: boolean) => void)[] = [];
    vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(
      () => new Promise<boolean>((resolve) => answers.push(resolve)),
    );
    await mount();
    await click(box('newItems'));
    await click(box('weeklyNudge'));
    expect(answers).toHaveLength(2);
    for (const answer of answers) answer(true);
    await vi.waitFor(async () => {
      await settle();
      expect(box('newItems').checked).toBe(true);
      expect(box('weeklyNudge').checked).toBe(true);
    });
    const prefs = await reminderPrefsItem.getValue();
    expect(prefs).toMatchObject({ newItems: true, weeklyNudge: true });
    expect(prefs.weeklyNudgeSince).not.toBeNull();
  });

  it('asks only when switching on, and gives the permission back when the last one goes off', async () => {
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(() => Promise.resolve(true));
    const remove = vi.spyOn(fakeBrowser.permissions, 'remove').mockImplementation(() => Promise.resolve(true));
    await mount();
    await click(box('newItems'));
    await click(box('weeklyNudge'));
    expect(request).toHaveBeenCalledTimes(2);
    await vi.waitFor(() => expect(statusText()).toBe('Weekly reminders are on.'));

    await click(box('weeklyNudge'));
    await vi.waitFor(() => expect(statusText()).toBe('Weekly reminders are off.'));
    expect(remove).not.toHaveBeenCalled();
    expect(await reminderPrefsItem.getValue()).toEqual({ newItems: true, weeklyNudge: false, weeklyNudgeSince: null });
    await click(box('newItems'));
    await vi.waitFor(() => expect(statusText()).toBe('New-item reminders are off.'));
    expect(request).toHaveBeenCalledTimes(2);
    expect(remove).toHaveBeenCalledWith({ permissions: ['notifications'] });
    expect(await reminderPrefsItem.getValue()).toEqual(REMINDERS_OFF);
  });
});
