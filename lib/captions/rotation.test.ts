import { describe, expect, it } from 'vitest';
import type { Caption } from '../contract/items';
import { rotateCaptions } from './rotation';

const cap = (id: string, text: string, language = 'en', network: 'x' | 'linkedin' = 'x'): Caption => ({
  id,
  network,
  text,
  language,
});
const item = {
  id: '0190a000-0000-7000-8000-000000000001',
  captions: [cap('a', 'A'), cap('b', 'B'), cap('c', 'C'), cap('d', 'D'), cap('l', 'L', 'en', 'linkedin')],
};

describe('rotateCaptions', () => {
  it('is deterministic for one employee and item', () => {
    const one = rotateCaptions(item, 'x', { employeeId: 'emp-1' });
    const again = rotateCaptions({ ...item, captions: [...item.captions].reverse() }, 'x', { employeeId: 'emp-1' });
    expect(again.preselected).toEqual(one.preselected);
    expect(one.variants.map((c) => c.id).sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('spreads colleagues over the variants', () => {
    const picks = new Map<string, number>();
    for (let i = 0; i < 200; i++) {
      const id = rotateCaptions(item, 'x', { employeeId: `employee-${i}` }).preselected!.id;
      picks.set(id, (picks.get(id) ?? 0) + 1);
    }
    expect([...picks.keys()].sort()).toEqual(['a', 'b', 'c', 'd']);
    // No variant takes more than half the colleagues (an even spread is 50 each).
    for (const n of picks.values()) expect(n).toBeLessThan(100);
  });

  it('a different item gives the same employee a different start somewhere', () => {
    const starts = new Set(
      Array.from(
        { length: 20 },
        (_, i) => rotateCaptions({ ...item, id: `item-${i}` }, 'x', { employeeId: 'emp-1' }).preselected!.id,
      ),
    );
    expect(starts.size).toBeGreaterThan(1);
  });

  it('prefers the employee’s language, rotating among those captions only', () => {
    const mixed = {
      id: 'i',
      captions: [cap('a', 'A'), cap('b', 'B', 'ca'), cap('c', 'C', 'ca-ES'), cap('d', 'D', 'ru')],
    };
    for (let i = 0; i < 30; i++) {
      const r = rotateCaptions(mixed, 'x', { employeeId: `e${i}`, language: 'ca' });
      expect(['b', 'c']).toContain(r.preselected!.id);
      expect(r.variants).toHaveLength(4);
    }
  });

  it('only the network’s own captions; none at all gives null', () => {
    expect(rotateCaptions(item, 'linkedin', { employeeId: 'x' }).variants.map((c) => c.id)).toEqual(['l']);
    expect(rotateCaptions({ id: 'i', captions: [] }, 'x', { employeeId: 'x' }).preselected).toBeNull();
  });
});
