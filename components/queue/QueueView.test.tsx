// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import type { CardContext } from '../ItemCard';
import type { QueueItem } from '@/lib/contract';
import { NO_RULES } from '@/lib/policy/in-force';
import { EMPTY_TOUCHES } from '@/lib/settings';
import { makeItem } from '@/lib/test-support';
import { FIRST_FRAME_CARDS, PAGE_SIZE, QueueView } from './QueueView';
import { settle as settleFor, testHost } from '@/components/test-host';
import { useLocale } from '@/lib/i18n/test-catalogue';

const ctx: CardContext = {
  employeeId: '0190a000-0000-7000-8000-0000000000be',
  language: null,
  touches: EMPTY_TOUCHES,
  now: Date.parse('2026-03-01T00:00:00Z'),
  policy: NO_RULES,
  record: () => Promise.resolve({ ok: true, state: 'pending' } as never),
};

const host = testHost();

const show = (items: QueueItem[], complete: boolean, chosenTopics: string[] = [], headTopics: string[] = []) =>
  render(
    <QueueView
      items={items}
      complete={complete}
      headTopics={headTopics}
      chosenTopics={chosenTopics}
      previousOpen={null}
      ctx={ctx}
    />,
    host,
  );
const chips = () => [...host.querySelectorAll('button.topic-chip')].map((b) => b.textContent);
const cards = () => [...host.querySelectorAll('ul.queue > li > article')];
const titles = () => cards().map((a) => a.querySelector('h3')!.textContent);
const settle = () => settleFor(30);

describe('QueueView', () => {
  const all = Array.from({ length: 40 }, (_, i) =>
    makeItem({ title: `Item ${i}${i % 5 ? '' : ' alpha'}`, topics: [i % 2 ? 'odd' : 'even'] }),
  );

  it('builds the first frame with a few cards, then the rest of the first step', async () => {
    // Outside act(), which would run every effect at once: what the first frame holds.
    show(all.slice(0, PAGE_SIZE), false, [], ['even', 'odd']);
    expect(cards()).toHaveLength(FIRST_FRAME_CARDS);
    // The tools are there from the first frame (the chips from the snapshot's topics), so nothing moves later.
    expect(host.querySelector('input[type="search"]')).not.toBeNull();
    expect(chips()).toEqual(['even', 'odd']);
    await vi.waitFor(async () => {
      await settle();
      expect(cards()).toHaveLength(PAGE_SIZE);
    });
    expect(titles()).toEqual(all.slice(0, PAGE_SIZE).map((i) => i.title));
    expect(host.querySelector('[role="status"]')!.textContent).toBe('Loading all items…');
  });

  it('keeps the cards painted first when the whole list arrives as new objects', async () => {
    act(() => show(all.slice(0, PAGE_SIZE), false, [], ['even', 'odd']));
    await vi.waitFor(async () => {
      await settle();
      expect(cards()).toHaveLength(PAGE_SIZE);
    });
    const first = cards()[0];
    const share = first!.querySelector('.share-actions button')!;
    const search = host.querySelector('input[type="search"]');
    act(() => show(structuredClone(all), true, [], ['even', 'odd']));
    await settle();
    expect(cards()[0]).toBe(first);
    expect(cards()[0]!.querySelector('.share-actions button')).toBe(share);
    expect(host.querySelector('input[type="search"]')).toBe(search);
    expect(chips()).toEqual(['even', 'odd']);
    expect(cards()).toHaveLength(PAGE_SIZE);
    expect(host.querySelector('[role="status"]')!.textContent).toBe('40 items');
    expect(host.querySelector('.queue-more button')!.textContent).toBe('Show more (25 left)');
  });

  it('shows a row whose content changed, even under the same id', async () => {
    act(() => show(all, true));
    await settle();
    const changed = all.map((item, i) =>
      i === 0 ? { ...item, title: 'Retitled by the curators' } : structuredClone(item),
    );
    act(() => show(changed, true));
    await settle();
    expect(titles()[0]).toBe('Retitled by the curators');
  });

  it('preselects the chosen topics once the whole list is in, and a new filter starts short again', async () => {
    act(() => show(all.filter((i) => i.topics.includes('odd')).slice(0, PAGE_SIZE), false, ['ODD']));
    await settle();
    act(() => show(all, true, ['ODD']));
    await vi.waitFor(async () => {
      await settle();
      expect(cards()).toHaveLength(PAGE_SIZE);
    });
    expect(host.querySelector('button.topic-chip[aria-pressed="true"]')!.textContent).toBe('odd');
    expect(titles().every((t) => Number(t!.split(' ')[1]) % 2 === 1)).toBe(true);
    expect(host.querySelector('[role="status"]')!.textContent).toBe('20 of 40 items');

    const search = host.querySelector<HTMLInputElement>('input[type="search"]')!;
    search.value = 'ALPHA';
    search.dispatchEvent(new Event('input', { bubbles: true }));
    // Preact renders the new list in a microtask and builds on in the frames after.
    await Promise.resolve();
    await Promise.resolve();
    // Items 5, 15, 25 and 35 among the odd ones: the first frame of the new list, then the rest.
    expect(titles()).toEqual(['Item 5 alpha', 'Item 15 alpha', 'Item 25 alpha'].slice(0, FIRST_FRAME_CARDS));
    await vi.waitFor(async () => {
      await settle();
      expect(titles()).toEqual(['Item 5 alpha', 'Item 15 alpha', 'Item 25 alpha', 'Item 35 alpha']);
    });
  });

  it('counts the queue in the language shown, with Russian plurals for 1, 2, 5 and 21', async () => {
    useLocale('ru');
    const counts: string[] = [];
    for (const n of [1, 2, 5, 21]) {
      act(() => show(all.slice(0, n), true));
      await settle();
      counts.push(host.querySelector('[role="status"]')!.textContent!);
    }
    expect(counts).toEqual(['1 материал', '2 материала', '5 материалов', '21 материал']);
    expect(host.querySelector('input[type="search"]')!.getAttribute('placeholder')).toBe(
      'Поиск по заголовкам, подписям, темам',
    );
  });
});
