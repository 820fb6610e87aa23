import { describe, expect, it } from 'vitest';
import { hash32, orderCaptions, rankCaptions, rankItems } from './rank';
import { makeItem } from '../test-support';
import type { Caption } from '../contract/items';

const me = '0190a000-0000-7000-8000-000000000001';
const caption = (network: 'linkedin' | 'x', text: string, language = 'en', id = crypto.randomUUID()): Caption => ({
  id,
  network,
  text,
  language,
});

describe('rankItems', () => {
  it('keeps only items with a caption for the network', () => {
    const li = makeItem({ captions: [caption('linkedin', 'li only')] });
    const x = makeItem({ captions: [caption('x', 'x only')] });
    expect(rankItems([li, x], 'x', { employeeId: me })).toEqual([x]);
  });

  it('orders: not shared before shared, pinned, topics, newest, id', () => {
    const old = makeItem({ title: 'old', publishAt: '2026-01-01T00:00:00Z', topics: ['sales'] });
    const fresh = makeItem({ title: 'fresh', publishAt: '2026-01-05T00:00:00Z', topics: ['sales'] });
    const mine = makeItem({ title: 'my topic', publishAt: '2025-12-01T00:00:00Z', topics: ['HR'] });
    const pinned = makeItem({ title: 'pinned', pinned: true, publishAt: '2025-06-01T00:00:00Z', topics: ['sales'] });
    const shared = makeItem({ title: 'shared', pinned: true, publishAt: '2026-02-01T00:00:00Z', topics: ['hr'] });
    const prefs = {
      employeeId: me,
      topics: ['hr'],
      shared: new Set([shared.id]),
      now: Date.parse('2026-03-01T00:00:00Z'),
    };
    expect(rankItems([old, shared, fresh, mine, pinned], 'linkedin', prefs).map((i) => i.title)).toEqual([
      'pinned',
      'my topic',
      'fresh',
      'old',
      'shared',
    ]);
    // Without topics chosen, publish time decides after pinning.
    expect(rankItems([old, fresh, mine, pinned], 'linkedin', { employeeId: me }).map((i) => i.title)).toEqual([
      'pinned',
      'fresh',
      'old',
      'my topic',
    ]);
  });

  it('compares publish times as instants, not strings', () => {
    const a = makeItem({ title: 'a', publishAt: '2026-01-03T00:00:00+02:00' }); // 2026-01-02T22:00Z
    const b = makeItem({ title: 'b', publishAt: '2026-01-02T23:00:00Z' });
    expect(rankItems([a, b], 'x', { employeeId: me }).map((i) => i.title)).toEqual(['b', 'a']);
  });

  it('leaves expired items out', () => {
    const gone = makeItem({ expiresAt: '2026-01-02T00:00:00Z' });
    const live = makeItem({ expiresAt: '2026-02-02T00:00:00Z' });
    expect(rankItems([gone, live], 'x', { employeeId: me, now: Date.parse('2026-01-10T00:00:00Z') })).toEqual([live]);
  });

  it('is deterministic whatever the input order', () => {
    const same = '2026-01-01T00:00:00Z';
    const items = Array.from({ length: 8 }, () => makeItem({ publishAt: same }));
    const once = rankItems(items, 'x', { employeeId: me }).map((i) => i.id);
    expect(rankItems([...items].reverse(), 'x', { employeeId: me }).map((i) => i.id)).toEqual(once);
    expect(once).toEqual([...once].sort());
  });
});

describe('orderCaptions', () => {
  const variants = Array.from({ length: 4 }, (_, n) =>
    caption('x', `variant ${n}`, 'en', `0190a000-0000-7000-8000-00000000000${n}`),
  );
  const item = makeItem({ captions: [...variants, caption('linkedin', 'li')] });

  it('returns only the network’s captions, each once, the same order every time for one person', () => {
    const order = orderCaptions(item, 'x', { employeeId: me });
    expect(order.map((c) => c.text).sort()).toEqual(['variant 0', 'variant 1', 'variant 2', 'variant 3']);
    expect(orderCaptions({ ...item, captions: [...item.captions].reverse() }, 'x', { employeeId: me })).toEqual(order);
  });

  it('rotates the first caption across colleagues', () => {
    const firsts = new Map<string, number>();
    for (let n = 0; n < 200; n++) {
      const colleague = `0190a000-0000-7000-8000-${String(n).padStart(12, '0')}`;
      const first = orderCaptions(item, 'x', { employeeId: colleague })[0]!.text;
      firsts.set(first, (firsts.get(first) ?? 0) + 1);
    }
    expect(firsts.size).toBe(4);
    for (const count of firsts.values()) expect(count).toBeGreaterThan(20);
  });

  it('puts the preferred language first and keeps the others', () => {
    const multi = makeItem({
      captions: [
        caption('x', 'English'),
        caption('x', 'Català', 'ca'),
        caption('x', 'Español', 'es-ES'),
        caption('x', 'Català 2', 'ca'),
      ],
    });
    const order = orderCaptions(multi, 'x', { employeeId: me, language: 'ca' }).map((c) => c.text);
    expect(order.slice(0, 2).sort()).toEqual(['Català', 'Català 2']);
    expect(order.slice(2).sort()).toEqual(['English', 'Español']);
    expect(orderCaptions(multi, 'x', { employeeId: me, language: 'es' })[0]!.text).toBe('Español');
  });
});

describe('rankCaptions', () => {
  it('offers each item’s best caption before any second variant, shared items last', () => {
    const a = makeItem({
      title: 'A',
      publishAt: '2026-01-03T00:00:00Z',
      captions: [caption('x', 'a1'), caption('x', 'a2')],
    });
    const b = makeItem({ title: 'B', publishAt: '2026-01-02T00:00:00Z', captions: [caption('x', 'b1')] });
    const s = makeItem({
      title: 'S',
      publishAt: '2026-01-04T00:00:00Z',
      captions: [caption('x', 's1'), caption('x', 's2')],
    });
    const ranked = rankCaptions([b, s, a], 'x', { employeeId: me, shared: new Set([s.id]) });
    expect(ranked.map((r) => [r.item.title, r.variant, r.shared])).toEqual([
      ['A', 0, false],
      ['B', 0, false],
      ['A', 1, false],
      ['S', 0, true],
      ['S', 1, true],
    ]);
    const ids = ranked.map((r) => r.caption.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('hash32', () => {
  it('is stable (FNV-1a)', () => {
    expect(hash32('')).toBe(0x811c9dc5);
    expect(hash32('a')).toBe(0xe40c292c);
  });
});
