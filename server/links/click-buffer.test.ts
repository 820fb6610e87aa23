import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import { countRows } from '../test-rows';
import { testDatabase } from '../test-support';
import { ClickBuffer, type ClickCandidate } from './click-buffer';
import { DEDUPE_WINDOW_MS } from './write-clicks';
import { visitorHashFrom } from './visitor-hash';

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 11, 4, 12);

let database: Database;
let a: ClickBuffer;
let b: ClickBuffer;
beforeEach(async () => {
  database = await testDatabase();
  const hash = await visitorHashFrom(database.db);
  // Two instances' buffers on one database; no timers, written by hand.
  a = new ClickBuffer(database.db, hash, { flushEveryMs: 0, maxBatch: 1000 });
  b = new ClickBuffer(database.db, hash, { flushEveryMs: 0, maxBatch: 1000 });
});
afterEach(() => database.close());

const click = (clickedAt: number): ClickCandidate => ({
  code: 'Abc123xyz',
  employeeId: 'e1',
  itemId: 'i1',
  network: 'x',
  clickedAt,
  ip: '203.0.113.7',
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0 Safari/537.36',
});

describe('ClickBuffer on two instances', () => {
  it('remembers a visitor the other instance counted, until that hour is over', async () => {
    a.add(click(T0));
    expect(await a.flush()).toBe(1);

    // B has never seen the visitor: the database refuses the click, and B learns when A counted it.
    b.add(click(T0 + 1 * MINUTE));
    expect(await b.flush()).toBe(0);
    b.add(click(T0 + 2 * MINUTE));
    expect(b.size).toBe(0);
    b.add(click(T0 + DEDUPE_WINDOW_MS - MINUTE));
    expect(b.size).toBe(0);

    // An hour after A counted it (not an hour after B first saw it), the visitor counts again.
    b.add(click(T0 + DEDUPE_WINDOW_MS + MINUTE));
    expect(b.size).toBe(1);
    expect(await b.flush()).toBe(1);
    expect(await countRows(database.db, 'clicks')).toBe(2);
  });

  it('knows from memory who it counted within the hour, per link, address and agent', async () => {
    const agent = click(T0).userAgent;
    a.add(click(T0));
    expect(a.countedLately('Abc123xyz', '203.0.113.7', agent, T0 + MINUTE)).toBe(false);
    await a.flush();
    expect(a.countedLately('Abc123xyz', '203.0.113.7', agent, T0 + MINUTE)).toBe(true);
    expect(a.countedLately('Abc123xyz', '203.0.113.7', agent, T0 + DEDUPE_WINDOW_MS)).toBe(false);
    expect(a.countedLately('Abc123xyZ', '203.0.113.7', agent, T0 + MINUTE)).toBe(false);
    expect(a.countedLately('Abc123xyz', '203.0.113.8', agent, T0 + MINUTE)).toBe(false);
    expect(a.countedLately('Abc123xyz', '203.0.113.7', `${agent} Edg/126.0`, T0 + MINUTE)).toBe(false);
    // The other instance has not met this visitor: its database decides.
    expect(b.countedLately('Abc123xyz', '203.0.113.7', agent, T0 + MINUTE)).toBe(false);
  });
});
