import { describe, expect, it } from 'vitest';
import { visitorNamer } from './visitor-name';

const AGENT = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
const seed = (n: number) => Buffer.from([n, 1, 2, 3, 4, 5, 6, 7]);

describe('visitorNamer', () => {
  it('names the same visitor of the same link alike, as a safe integer', () => {
    const name = visitorNamer(seed(1));
    const n = name('Abc123xyz', '203.0.113.7', AGENT);
    expect(name('Abc123xyz', '203.0.113.7', AGENT)).toBe(n);
    expect(Number.isSafeInteger(n)).toBe(true);
    expect(n).toBeGreaterThanOrEqual(0);
  });

  it('tells apart links, addresses, agents, and where one part ends and the next begins', () => {
    const name = visitorNamer(seed(1));
    const names = new Set([
      name('Abc123xyz', '203.0.113.7', AGENT),
      name('Abc123xyZ', '203.0.113.7', AGENT),
      name('Abc123xyz', '203.0.113.8', AGENT),
      name('Abc123xyz', '203.0.113.7', `${AGENT} Edg/126.0`),
      name('Abc123xy', 'z203.0.113.7', AGENT),
      name('Abc123xyz203.0.113.7', '', AGENT),
    ]);
    expect(names.size).toBe(6);
  });

  it('gives each process its own names (a random seed)', () => {
    expect(visitorNamer(seed(1))('Abc123xyz', '203.0.113.7', AGENT)).not.toBe(
      visitorNamer(seed(2))('Abc123xyz', '203.0.113.7', AGENT),
    );
    expect(visitorNamer()('Abc123xyz', '203.0.113.7', AGENT)).not.toBe(
      visitorNamer()('Abc123xyz', '203.0.113.7', AGENT),
    );
  });

  it('keeps 200,000 readers of one link behind nearby addresses apart', () => {
    const name = visitorNamer();
    const names = new Set<number>();
    for (let i = 0; i < 200_000; i++) names.add(name('Abc123xyz', `10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`, AGENT));
    expect(names.size).toBe(200_000);
  });
});
