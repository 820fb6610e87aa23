// @vitest-environment happy-dom
/**
 * The sign-in form: an invitation link typed or pasted into either field fills both; while a request runs the
 * button waits, and afterwards it has its focus back and the answer is said.
 */
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { invitationLink } from '@/lib/contract/invitation';
import { settle, testHost } from '@/components/test-host';
import { t } from '@/lib/i18n';
import { messenger } from '@/lib/messaging';
import { ConnectForm } from './ConnectForm';

const host = testHost();
const field = (id: string) => host.querySelector<HTMLInputElement>(`#${id}`)!;

async function type(input: HTMLInputElement, text: string) {
  await act(() => {
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function mount(managedServerUrl: string | null = null) {
  render(h(ConnectForm, { initialServerUrl: '', managedServerUrl, allowInviteCodes: true, again: false }), host);
}

describe('ConnectForm', () => {
  it('fills the server and the code from an invitation link typed into the server field', async () => {
    mount();
    await type(field('server-url'), invitationLink('https://relay.example.com', 'ABCD-1234'));
    expect(field('server-url').value).toBe('https://relay.example.com');
    expect(field('invite-code').value).toBe('ABCD-1234');
    expect(host.querySelector('.invitation-read')!.textContent).toBe(
      'Invitation link read: the server and the invite code are filled in.',
    );
  });

  it('explains an invitation for another server than the company’s, and fills in nothing', async () => {
    mount('https://relay.company.example');
    await type(field('invite-code'), invitationLink('https://relay.other.example', 'NOPE-0000'));
    expect(field('invite-code').value).toBe('');
    expect(host.querySelector('[role="alert"]')!.textContent).toMatch(
      /This invitation is for https:\/\/relay.other.example/,
    );
  });

  it('sends what was typed, shows the refusal, and gives the button back its focus', async () => {
    let answer = (_: { ok: false; message: string }) => {};
    const sent: unknown[] = [];
    const stop = messenger.onMessage('connect', ({ data }) => {
      sent.push(data);
      return new Promise((resolve) => (answer = resolve));
    });
    mount();
    await type(field('server-url'), 'https://relay.example.com');
    await type(field('invite-code'), 'ABCD-1234');
    const button = host.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    // A browser takes focus from a button that becomes disabled, so nothing has focus while it waits.
    await act(() => button.click());
    expect(document.activeElement).toBe(document.body);
    await vi.waitFor(() => expect(sent).toEqual([{ serverUrl: 'https://relay.example.com', code: 'ABCD-1234' }]));
    expect(button.disabled).toBe(true);
    expect(button.textContent).toBe('Connecting…');
    await act(() => answer({ ok: false, message: 'This invite code has already been used.' }));
    await vi.waitFor(async () => {
      await settle();
      expect(host.querySelector('[role="alert"]')!.textContent).toBe('This invite code has already been used.');
    });
    expect(button.disabled).toBe(false);
    expect(document.activeElement).toBe(button);
    stop();
  });

  it('says so when the background does not answer', async () => {
    mount();
    await act(() => host.querySelector<HTMLButtonElement>('button[type="submit"]')!.click());
    await vi.waitFor(async () => {
      await settle();
      expect(host.querySelector('[role="alert"]')!.textContent).toBe(t('options.noBackground'));
    });
  });
});
