import { describe, expect, it } from 'vitest';
import { compactCount } from './compact';

describe('compactCount', () => {
  it.each([
    [0, '0'],
    [7, '7'],
    [999, '999'],
    [1000, '1k'],
    [1049, '1k'],
    [1099, '1k'],
    [1100, '1.1k'],
    [1231, '1.2k'],
    [1299, '1.2k'],
    [12_345, '12.3k'],
    [999_999, '999.9k'],
    [1_000_000, '1M'],
    [1_250_000, '1.2M'],
    [1_999_999, '1.9M'],
    [999_999_999, '999.9M'],
    [2_500_000_000, '2.5B'],
  ])('%d → %s', (n, text) => {
    expect(compactCount(n)).toBe(text);
  });

  it('never rounds up, never shows a negative or fractional count', () => {
    expect(compactCount(999.9)).toBe('999');
    expect(compactCount(-5)).toBe('0');
    expect(compactCount(Number.NaN)).toBe('0');
  });
});
