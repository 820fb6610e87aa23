// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Suggestion, SuggestionsResult } from '@/lib/messaging/protocol';
import { PANEL_SHORTCUT } from './keys';
import { useLocale } from '@/lib/i18n/test-catalogue';
import { copiedFallback, Panel, withheldNote, type PanelComposer, type PanelProps } from './Panel';

const suggestion = (over: Partial<Suggestion> = {}): Suggestion => ({
  itemId: 'i1',
  captionId: 'c1',
  network: 'x',
  title: 'Annual report',
  text: 'Our year in numbers\nThree charts',
  link: 'https://relay.example/r/abc',
  language: 'en',
  pinned: false,
  shared: false,
  ...over,
});

let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

async function show(
  result: SuggestionsResult,
  composer: Partial<PanelComposer> = {},
  withLength = true,
  openRelay = vi.fn(),
  extra: Partial<PanelProps> = {},
) {
  root = document.createElement('div');
  document.body.append(root);
  const full: PanelComposer = {
    network: 'x',
    preview: (s) => ({ text: `${s.text} ${s.link}`, after: `${s.text} ${s.link}` }),
    insert: vi.fn(async () => ({ ok: true as const })),
    ...composer,
  };
  const onHide = vi.fn();
  await act(async () => {
    render(
      <Panel
        composer={full}
        load={async () => result}
        copy={async () => true}
        onHide={onHide}
        length={withLength ? { remaining: (t) => 280 - t.length, max: 280 } : undefined}
        openRelay={openRelay}
        {...extra}
      />,
      root,
    );
  });
  await act(async () => {});
  return { composer: full, onHide };
}

const buttonNamed = (name: string) =>
  [...root.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent) === name);

describe('Panel', () => {
  it('is a region named "Suggested captions" with Insert buttons named after each caption’s first line', async () => {
    await show({ connected: true, suggestions: [suggestion(), suggestion({ captionId: 'c2', text: 'Другой текст' })] });
    const region = root.querySelector('[role="region"]')!;
    expect(region.getAttribute('aria-label')).toBe('Suggested captions');
    expect(buttonNamed('Insert: Our year in numbers')).toBeDefined();
    expect(buttonNamed('Insert: Другой текст')).toBeDefined();
    expect(root.textContent).toMatch(/characters left after inserting/);
  });

  it('only lists captions for its own network', async () => {
    await show({
      connected: true,
      suggestions: [suggestion({ network: 'linkedin', text: 'For LinkedIn' }), suggestion()],
    });
    expect(buttonNamed('Insert: For LinkedIn')).toBeUndefined();
  });

  it('inserts, then announces it in the status region; announces the clipboard fallback', async () => {
    const insert = vi.fn(async () => ({ ok: true as const }));
    await show({ connected: true, suggestions: [suggestion()] }, { insert });
    await act(async () => buttonNamed('Insert: Our year in numbers')!.click());
    await act(() => new Promise((r) => setTimeout(r, 80)));
    expect(insert).toHaveBeenCalledTimes(1);
    expect(root.querySelector('[role="status"]')!.textContent).toMatch(/^Inserted/);

    render(null, root);
    const refused = vi.fn(async () => ({ ok: false as const, reason: 'not-accepted' as const, copied: true }));
    await show({ connected: true, suggestions: [suggestion()] }, { insert: refused });
    await act(async () => buttonNamed('Insert: Our year in numbers')!.click());
    await act(() => new Promise((r) => setTimeout(r, 80)));
    expect(root.querySelector('[role="status"]')!.textContent).toBe(copiedFallback());
  });

  it('refuses to insert a caption that would go over X’s limit, and says so', async () => {
    const insert = vi.fn(async () => ({ ok: true as const }));
    await show({ connected: true, suggestions: [suggestion({ text: 'x'.repeat(300) })] }, { insert });
    const button = [...root.querySelectorAll('button')].find((b) =>
      b.getAttribute('aria-label')?.startsWith('Insert:'),
    )!;
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(root.textContent).toMatch(/characters over X’s 280 limit/);
    await act(async () => button.click());
    await act(() => new Promise((r) => setTimeout(r, 80)));
    expect(insert).not.toHaveBeenCalled();
    expect(root.querySelector('[role="status"]')!.textContent).toMatch(/Too long for X/);
  });

  it('collapses, and hides on request', async () => {
    const { onHide } = await show({ connected: true, suggestions: [suggestion()] });
    const toggle = root.querySelector<HTMLButtonElement>('button[aria-expanded]')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await act(async () => toggle.click());
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(root.querySelector<HTMLElement>(`#${CSS.escape(toggle.getAttribute('aria-controls')!)}`)!.hidden).toBe(true);
    buttonNamed('Hide suggestions')!.click();
    expect(onHide).toHaveBeenCalled();
  });

  it('says when Relay is not connected or has nothing cached, with an Open Relay button instead of a list', async () => {
    const openRelay = vi.fn();
    await show({ connected: false, suggestions: [] }, {}, true, openRelay);
    expect(root.textContent).toMatch(/isn’t connected.*Open Relay from the browser toolbar/);
    expect(root.querySelector('ul')).toBeNull();
    buttonNamed('Open Relay')!.click();
    expect(openRelay).toHaveBeenCalledTimes(1);
    render(null, root);
    const again = vi.fn();
    await show({ connected: true, suggestions: [suggestion({ network: 'linkedin' })] }, {}, false, again);
    expect(root.textContent).toMatch(/No captions for X are cached yet/);
    expect(root.querySelector('ul')).toBeNull();
    buttonNamed('Open Relay')!.click();
    expect(again).toHaveBeenCalledTimes(1);
  });

  it('says when the policy held captions back: instead of "nothing cached", and under a list', async () => {
    await show({ connected: true, suggestions: [], withheld: 2 });
    expect(root.textContent).toContain(
      '2 captions have a term your company’s policy does not allow, so Relay doesn’t offer them on X.',
    );
    expect(root.textContent).not.toMatch(/cached yet/);
    expect(buttonNamed('Open Relay')).toBeDefined();
    render(null, root);
    await show({ connected: true, suggestions: [suggestion()], withheld: 1 });
    expect(buttonNamed('Insert: Our year in numbers')).toBeDefined();
    expect(root.querySelector('ul + .note')!.textContent).toBe(withheldNote(1, 'x'));
    expect(withheldNote(1, 'linkedin')).toBe(
      '1 caption has a term your company’s policy does not allow, so Relay doesn’t offer it on LinkedIn. Open Relay to change the words.',
    );
  });

  it('speaks the language shown: its labels, the Insert buttons’ names and Russian plurals', async () => {
    useLocale('ru');
    await show({ connected: true, suggestions: [suggestion()], withheld: 1 });
    expect(root.querySelector('section')!.getAttribute('aria-label')).toBe('Готовые подписи');
    expect(buttonNamed('Вставить: Our year in numbers')).toBeDefined();
    expect([1, 2, 5, 21].map((n) => withheldNote(n, 'x').split(' есть')[0])).toEqual([
      'В 1 подписи',
      'В 2 подписях',
      'В 5 подписях',
      'В 21 подписи',
    ]);
  });

  it('Escape anywhere in the panel goes back to the editor; other keys do not', async () => {
    const backToEditor = vi.fn();
    await show({ connected: true, suggestions: [suggestion()] }, {}, true, vi.fn(), { backToEditor });
    const insert = buttonNamed('Insert: Our year in numbers')!;
    insert.focus();
    const press = (target: Element, key: string) => {
      const e = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
      target.dispatchEvent(e);
      return e;
    };
    expect(press(insert, 'Enter').defaultPrevented).toBe(false);
    expect(backToEditor).not.toHaveBeenCalled();
    // Handled: the browser and the site do nothing else with it (a LinkedIn dialog would close on Escape).
    expect(press(insert, 'Escape').defaultPrevented).toBe(true);
    expect(backToEditor).toHaveBeenCalledTimes(1);
    press(root.querySelector('.toggle')!, 'Escape');
    expect(backToEditor).toHaveBeenCalledTimes(2);
  });

  it('tells keyboard users how to get here and back: the first control carries the shortcut, a hint says both keys', async () => {
    await show({ connected: true, suggestions: [suggestion()] });
    const first = root.querySelector('button')!;
    expect(first.getAttribute('aria-keyshortcuts')).toBe(PANEL_SHORTCUT);
    expect(first.textContent).toContain('Relay captions');
    const hint = root.querySelector('.keys')!;
    expect(hint.textContent).toMatch(/Alt \+ Shift \+ R.*Escape goes back to your text/);
    // Inside the region, so a screen reader reading the panel meets it first.
    expect(root.querySelector('[role="region"]')!.firstElementChild).toBe(hint);
  });
});
