// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { NO_RULES } from '@/lib/policy/in-force';
import { EMPTY_TOUCHES } from '@/lib/settings';
import { makeItem } from '@/lib/test-support';
import { ItemCard, type CardContext } from './ItemCard';
import { settle, testHost } from './test-host';

const host = testHost();
const record = vi.fn<CardContext['record']>(async () => ({ ok: true, state: 'pending' }) as never);
const ctx: CardContext = {
  employeeId: '0190a000-0000-7000-8000-0000000000be',
  language: 'en',
  touches: EMPTY_TOUCHES,
  now: Date.parse('2026-03-01T00:00:00Z'),
  policy: NO_RULES,
  record,
};
const item = makeItem({
  title: 'Our annual report',
  summary: 'Numbers and stories from our year.',
  topics: ['finance', 'hiring'],
  captions: [
    { id: crypto.randomUUID(), network: 'linkedin', language: 'en', text: 'Proud of this year' },
    { id: crypto.randomUUID(), network: 'linkedin', language: 'en', text: 'A year to remember' },
    { id: crypto.randomUUID(), network: 'x', language: 'en', text: 'Our year in numbers' },
  ],
});

const buttons = () => [...host.querySelectorAll('button')];
const button = (name: string) => buttons().find((b) => b.textContent === name);
const previews = () =>
  [...host.querySelectorAll('.caption-preview')].map(
    (p) => `${p.getAttribute('aria-label')}: ${p.querySelector('.caption-text')!.textContent}`,
  );

async function show() {
  render(<ItemCard item={item} isNew={false} ctx={ctx} />, host);
  await settle();
}

describe('ItemCard', () => {
  it('folded: title, source, topics, the preselected caption per network and the three buttons, no editor', async () => {
    await show();
    expect(host.querySelector('h3')!.textContent).toBe('Our annual report');
    expect(host.querySelector('.domain')!.textContent).toBe('example.com');
    expect([...host.querySelectorAll('.chips li')].map((li) => li.textContent)).toEqual(['finance', 'hiring']);
    const linkedinFirst = previews()[0]!;
    expect(['LinkedIn: Proud of this year', 'LinkedIn: A year to remember']).toContain(linkedinFirst);
    expect(previews()[1]).toBe('X: Our year in numbers');
    expect(host.querySelectorAll('.item-body .share-actions button').length).toBe(3);
    expect(['Share on LinkedIn', 'Share on X', 'Copy'].every((name) => button(name))).toBe(true);
    expect(host.querySelector('textarea')).toBeNull();
    expect(host.querySelector('input[type="radio"]')).toBeNull();
    // The summary waits with the editors: the folded card keeps to a few lines.
    expect(host.textContent).not.toContain('Numbers and stories');
    expect(button('Personalise')!.getAttribute('aria-expanded')).toBe('false');
  });

  it('unfolds every variant and an editor per network in place, and keeps the words when folded again', async () => {
    await show();
    const toggle = button('Personalise')!;
    await act(() => toggle.click());
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(
      host.querySelector(`#${toggle.getAttribute('aria-controls')}`)!.contains(host.querySelector('textarea')),
    ).toBe(true);
    expect(host.querySelectorAll('input[type="radio"]').length).toBe(3);
    expect(host.textContent).toContain('Numbers and stories');
    const x = host.querySelectorAll('textarea')[1]!;
    expect(x.value).toBe('Our year in numbers');
    await act(() => {
      x.value = 'My own words about our year';
      x.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(() => toggle.click());
    expect(previews()[1]).toBe('X: My own words about our year');
    await act(() => toggle.click());
    expect(host.querySelectorAll('textarea')[1]!.value).toBe('My own words about our year');
  });

  it('shares the words shown from the folded card, and says so', async () => {
    fakeBrowser.tabs.create = vi.fn(async () => ({}) as never);
    await show();
    await act(() => button('Share on X')!.click());
    await settle();
    expect(fakeBrowser.tabs.create).toHaveBeenCalledWith({ url: expect.stringContaining('Our%20year%20in%20numbers') });
    expect(record).toHaveBeenCalledWith(
      item,
      'x',
      expect.objectContaining({ edited: false, text: expect.stringContaining('Our year in numbers') }),
    );
    expect(host.querySelector('[role="status"]')!.textContent).toContain('Opened X in a new tab.');
  });

  it('copies the first network’s caption and link from the folded card', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await show();
    const copy = button('Copy')!;
    expect(copy.title).toBe('Copy the LinkedIn caption and link');
    await act(() => copy.click());
    await settle();
    expect(writeText).toHaveBeenCalledWith(expect.stringContaining(item.links.linkedin));
    expect(host.querySelector('[role="status"]')!.textContent).toContain('Copied the LinkedIn caption and link');
  });
});
