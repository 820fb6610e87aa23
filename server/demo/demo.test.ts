import { describe, expect, it } from 'vitest';
import { xWeightedLength } from '../../lib/captions/x-length';
import { ItemCreate } from '../../lib/contract/items';
import { systemClock } from '../clock';
import { openDatabase } from '../db/database';
import { countRows } from '../test-rows';
import { demoItems } from './content';
import { demoItemAt, seedDemo } from './seed';

const RESERVED_HOST = /(^|\.)example\.(com|org|net)$|\.example$/;

describe('demo content', () => {
  it('has about a dozen valid items', () => {
    expect(demoItems.length).toBeGreaterThanOrEqual(10);
    expect(demoItems.length).toBeLessThanOrEqual(14);
    for (const item of demoItems) {
      const parsed = ItemCreate.safeParse(demoItemAt(item, Date.now()));
      expect(parsed.success, `${item.title}: ${parsed.error?.message}`).toBe(true);
    }
  });

  it('uses only reserved example domains, two with their own query string', () => {
    for (const item of demoItems) expect(new URL(item.url).hostname).toMatch(RESERVED_HOST);
    expect(demoItems.filter((i) => new URL(i.url).search).length).toBeGreaterThanOrEqual(2);
  });

  it('roughly follows the 6-3-1 mix', () => {
    const count = (t: string) => demoItems.filter((i) => (i.contentType ?? 'curated') === t).length;
    expect(count('curated')).toBeGreaterThan(count('owned'));
    expect(count('owned')).toBeGreaterThan(count('promotional'));
    expect(count('promotional')).toBeGreaterThanOrEqual(1);
  });

  it('spans the topics, pins a couple, schedules one and has none expired', () => {
    const topics = new Set(demoItems.flatMap((i) => i.topics ?? []));
    for (const t of ['engineering', 'hiring', 'product', 'sustainability', 'events', 'culture'])
      expect(topics).toContain(t);
    expect(demoItems.filter((i) => i.pinned).length).toBe(2);
    expect(demoItems.filter((i) => i.publishIn > 0)).toHaveLength(1);
    for (const i of demoItems) if (i.expiresIn !== undefined) expect(i.expiresIn).toBeGreaterThan(0);
  });

  it('has captions for both networks on every item, X ones within 280 weighted characters', () => {
    for (const item of demoItems) {
      const networks = new Set(item.captions.map((c) => c.network));
      expect(networks, item.title).toEqual(new Set(['linkedin', 'x']));
      for (const c of item.captions.filter((c) => c.network === 'x'))
        expect(xWeightedLength(c.text), c.text).toBeLessThanOrEqual(280);
    }
    expect(demoItems.some((i) => i.captions.filter((c) => c.network === 'linkedin').length > 1)).toBe(true);
  });

  it('is mostly English with Catalan, Spanish, Italian, Dutch and Russian', () => {
    const langs = demoItems.flatMap((i) => i.captions.map((c) => c.language ?? 'en'));
    for (const l of ['ca', 'es', 'it', 'nl', 'ru']) expect(langs).toContain(l);
    expect(langs.filter((l) => l === 'en').length).toBeGreaterThan(langs.length / 2);
  });
});

describe('seedDemo', () => {
  it('seeds an empty database once, then leaves it alone unless forced', async () => {
    const database = await openDatabase(':memory:');
    try {
      expect(await seedDemo(database.db, systemClock)).toBe(demoItems.length);
      expect(await seedDemo(database.db, systemClock)).toBe(0);
      expect(await countRows(database.db, 'items')).toBe(demoItems.length);
      expect(await seedDemo(database.db, systemClock, { force: true })).toBe(demoItems.length);
      expect(await countRows(database.db, 'items')).toBe(2 * demoItems.length);
    } finally {
      await database.close();
    }
  });
});
