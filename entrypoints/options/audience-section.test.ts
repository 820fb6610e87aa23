// @vitest-environment happy-dom
/**
 * The audience form: a figure refused is said next to its field and the status says nothing was saved, until
 * the next edit; a figure saved is shown as it was sent.
 */
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { settle, testHost } from '@/components/test-host';
import { t } from '@/lib/i18n';
import { messenger } from '@/lib/messaging';
import { AudienceSection } from './AudienceSection';

const host = testHost();
const linkedin = () => host.querySelector<HTMLInputElement>('#audience-linkedin')!;
const status = () => host.querySelector('[role="status"]')!;

async function type(input: HTMLInputElement, text: string) {
  await act(() => {
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Renders the section and waits for it to read the saved figures. */
async function mount() {
  render(h(AudienceSection, {}), host);
  await vi.waitFor(async () => {
    await settle();
    expect(host.querySelector('#audience-linkedin')).not.toBeNull();
  });
}

async function save() {
  await act(() => host.querySelector<HTMLButtonElement>('button[type="submit"]')!.click());
  await settle();
}

describe('AudienceSection', () => {
  it('refuses a figure next to its field; the next edit takes the status away, the field keeps its error', async () => {
    await mount();
    await type(linkedin(), '-5');
    await save();
    expect(linkedin().getAttribute('aria-invalid')).toBe('true');
    await vi.waitFor(() => expect(document.activeElement).toBe(linkedin()));
    expect(status().textContent).toBe(t('options.notSaved'));
    expect(status().classList.contains('error-text')).toBe(true);

    await type(linkedin(), '12');
    expect(status().textContent).toBe('');
    expect(linkedin().getAttribute('aria-invalid')).toBe('true');
  });

  it('sends the figures and shows them as sent', async () => {
    const sent: unknown[] = [];
    const stop = messenger.onMessage('updateAudience', ({ data }) => {
      sent.push(data);
      return { ok: true, sent: true };
    });
    await mount();
    await type(linkedin(), '1,200');
    await save();
    await vi.waitFor(async () => {
      await settle();
      expect(status().textContent).toBe(t('options.audience.saved'));
    });
    expect(sent).toEqual([{ linkedin: 1200, x: null }]);
    expect(linkedin().value).toBe('1200');
    expect(status().classList.contains('error-text')).toBe(false);
    stop();
  });
});
