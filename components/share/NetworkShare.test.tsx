// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Caption } from '@/lib/contract';
import type { PolicyRules } from '@/lib/policy';
import { NO_RULES } from '@/lib/policy/in-force';
import { NetworkShare, type ShareRecord } from './NetworkShare';

const link = 'https://go.example.com/r/Ab3dE9';
const policy: PolicyRules = {
  bannedTerms: ['guaranteed', 'скидка'],
  networks: {
    linkedin: { disclosure: '#employee', maxLength: null, bannedTerms: [] },
    x: { disclosure: '#ad', maxLength: null, bannedTerms: [] },
  },
};
const caption = (text: string): Caption => ({ id: crypto.randomUUID(), network: 'x', language: 'en', text });

let root: HTMLElement;
beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  render(null, root);
  root.remove();
});

async function show(text: string, rules: PolicyRules = policy) {
  root = document.createElement('div');
  document.body.append(root);
  const record = vi.fn(async (_share: ShareRecord) => ({ ok: true as const, id: 'h1' }));
  await act(async () => {
    render(
      <NetworkShare
        network="x"
        variants={[caption(text)]}
        touch={{ openingLine: '', signature: '' }}
        link={link}
        policy={rules}
        idBase="card"
        record={record}
      />,
      root,
    );
  });
  // The X counter is loaded after the first paint.
  await act(async () => {
    await import('@/lib/captions/post-length');
    await new Promise((r) => setTimeout(r, 0));
  });
  const editor = root.querySelector<HTMLTextAreaElement>('textarea.editor')!;
  const share = [...root.querySelectorAll('button')].find((b) => b.textContent?.includes('Share on X'))!;
  const copy = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Copy')!;
  return { editor, share, copy, record };
}

async function type(editor: HTMLTextAreaElement, value: string) {
  await act(async () => {
    editor.value = value;
    editor.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const described = (el: Element) =>
  (el.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => root.querySelector(`#${id}`)?.textContent ?? '');

describe('NetworkShare under the curators’ policy', () => {
  it('names the banned term beside the editor, tied to it and to the buttons, and keeps Share and Copy off', async () => {
    const tabs = vi.spyOn(fakeBrowser.tabs, 'create');
    const { editor, share, copy, record } = await show('Guaranteed returns, read why');
    const message = 'Your company’s policy does not allow “guaranteed”. Change the text to share it.';
    expect(root.querySelector('[role="alert"]')).toBeNull();
    expect(editor.getAttribute('aria-invalid')).toBe('true');
    expect(described(editor)).toContain(message);
    for (const button of [share, copy]) {
      expect(button.getAttribute('aria-disabled')).toBe('true');
      expect(described(button)).toEqual([message]);
    }
    await act(async () => share.click());
    await act(async () => copy.click());
    expect(tabs).not.toHaveBeenCalled();
    expect(record).not.toHaveBeenCalled();
  });

  it('lets the person share once the term is edited away, the disclosure added once before the link', async () => {
    const tabs = vi.spyOn(fakeBrowser.tabs, 'create');
    const { editor, share, record } = await show('Guaranteed returns, read why');
    await type(editor, 'Solid returns, read why');
    expect(editor.getAttribute('aria-invalid')).toBe('false');
    expect(share.getAttribute('aria-disabled')).toBeNull();
    expect(root.textContent).not.toContain('does not allow');
    await act(async () => share.click());
    const url = new URL(tabs.mock.calls[0]![0].url!);
    expect(url.searchParams.get('text')).toBe(`Solid returns, read why #ad ${link}`);
    await vi.waitFor(() =>
      expect(record).toHaveBeenCalledWith(
        expect.objectContaining({ edited: true, text: `Solid returns, read why #ad ${link}` }),
      ),
    );
  });

  it('shows the disclosure it will add, and counts it', async () => {
    const { editor } = await show('Read our report');
    expect(described(editor).join(' ')).toContain(
      'Your company asks for “#ad” on X: it is added when you share or copy.',
    );
    const withDisclosure = Number(root.querySelector('.count')!.textContent!.split('/')[0]!.trim());
    expect(withDisclosure).toBe('Read our report #ad '.length + 23);
    await type(editor, 'Read our report #AD');
    expect(root.textContent).not.toContain('it is added when you share');
    expect(Number(root.querySelector('.count')!.textContent!.split('/')[0]!.trim())).toBe(
      'Read our report #AD '.length + 23,
    );
  });

  it('leaves everything as it was when there is no policy', async () => {
    const { editor, share } = await show('Guaranteed returns', NO_RULES);
    expect(editor.getAttribute('aria-invalid')).toBe('false');
    expect(share.getAttribute('aria-disabled')).toBeNull();
    expect(root.querySelector('.policy-note')).toBeNull();
  });
});
