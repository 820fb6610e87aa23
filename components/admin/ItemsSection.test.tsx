// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import type { AdminApi } from '@/lib/api/admin';
import type { AdminItem } from '@/lib/contract/items';
import { plural } from '@/lib/i18n';
import { useLocale } from '@/lib/i18n/test-catalogue';
import { settle, testHost } from '../test-host';
import { ItemsSection } from './ItemsSection';

const host = testHost();

const item: AdminItem = {
  id: '0190a000-0000-7000-8000-0000000000a1',
  url: 'https://example.org/report',
  title: 'Our annual report',
  summary: null,
  imageUrl: null,
  topics: ['finance'],
  contentType: 'curated',
  campaign: null,
  pinned: true,
  publishAt: '2026-01-10T09:30:00.000Z',
  expiresAt: null,
  captions: [{ id: '0190a000-0000-7000-8000-0000000000c1', network: 'x', language: 'en', text: 'Our year in numbers' }],
  createdAt: '2026-01-10T09:30:00.000Z',
  updatedAt: '2026-01-10T09:30:00.000Z',
};

// Only what the Items screen asks for on its first render.
const api = {
  listItems: async () => [item],
  policy: async () => ({ bannedTerms: [], networks: {} }),
  taxonomy: async () => ({ topics: ['finance'], campaigns: [] }),
} as unknown as AdminApi;

/** Rendered with its items: on a busy machine the list can take longer than one settle to arrive. */
async function show() {
  render(<ItemsSection api={api} />, host);
  await vi.waitFor(async () => {
    await settle();
    if (!host.querySelector('tbody tr')) throw new Error('the items have not arrived yet');
  });
}

const text = (selector: string) => host.querySelector(selector)!.textContent;
const headers = () => [...host.querySelectorAll('thead th')].map((th) => th.textContent);

describe('ItemsSection', () => {
  it('speaks English in an English browser', async () => {
    await show();
    expect(text('.mix')).toBe(
      'Content mix of the live queue: 10 curated · 0 owned · 0 promotional — on target (the 6-3-1 rule: 6 curated · 3 owned · 1 promotional in every 10)',
    );
    expect(headers()).toEqual(['Title', 'State', 'Type', 'Publish', 'Expires', 'Captions', 'Actions']);
    const row = host.querySelector('tbody tr')!;
    expect(row.querySelector('.tag')!.textContent).toBe('Pinned');
    expect([...row.querySelectorAll('td')].map((td) => td.textContent).slice(0, 3)).toEqual([
      'Live',
      'curated',
      new Date(item.publishAt).toLocaleString('en'),
    ]);
    expect([...row.querySelectorAll('button')].map((b) => b.getAttribute('aria-label'))).toEqual([
      'Edit “Our annual report”',
      'Unpin “Our annual report”',
      'Remove from queue: “Our annual report”',
    ]);
  });

  it('speaks Russian in a Russian browser, numbers agreeing and dates in Russian', async () => {
    useLocale('ru');
    await show();
    expect(text('.mix')).toBe(
      'Состав текущей очереди: 10 сторонних · 0 собственных · 0 рекламных — баланс соблюдён (правило 6-3-1: 6 сторонних · 3 собственных · 1 рекламный на каждые 10)',
    );
    expect(headers()).toEqual([
      'Заголовок',
      'Состояние',
      'Тип',
      'Начало показа',
      'Конец показа',
      'Подписи',
      'Действия',
    ]);
    const cells = [...host.querySelectorAll('tbody td')].map((td) => td.textContent);
    expect(cells.slice(0, 3)).toEqual(['В очереди', 'сторонний', new Date(item.publishAt).toLocaleString('ru')]);
    expect(host.querySelector('label[for="new-item-url"]')!.textContent).toBe('Новый материал по адресу страницы');
    expect(host.querySelector('tbody button')!.getAttribute('aria-label')).toBe('Изменить «Our annual report»');
  });

  it('has the Russian forms for 1, 2, 5 and 21', () => {
    useLocale('ru');
    expect([1, 2, 5, 21].map((n) => plural('admin.taxonomy.campaignCount', n))).toEqual([
      '1 кампания',
      '2 кампании',
      '5 кампаний',
      '21 кампания',
    ]);
    expect([1, 2, 5, 21].map((n) => plural('admin.mix.promotional', n))).toEqual([
      '1 рекламный',
      '2 рекламных',
      '5 рекламных',
      '21 рекламный',
    ]);
  });
});
