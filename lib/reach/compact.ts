const UNITS: ReadonlyArray<readonly [size: number, unit: string]> = [
  [1_000_000_000, 'B'],
  [1_000_000, 'M'],
  [1_000, 'k'],
];

/**
 * The toolbar badge's number: short enough for the four or so characters a badge shows.
 * Below 1000 the number itself; above, one decimal ROUNDED DOWN (the badge must never claim reach not yet
 * earned: 999,999 is "999.9k", not "1M") with the unit ("k", "M") and no trailing ".0".
 */
export function compactCount(n: number): string {
  if (!Number.isFinite(n) || n <= 0) return '0';
  const whole = Math.floor(n);
  for (const [size, unit] of UNITS) {
    if (whole < size) continue;
    // Integer tenths, so no float rounding can push 999,999 up to 1000.0k.
    const tenths = Math.floor(whole / (size / 10));
    const dec = tenths % 10;
    return `${Math.floor(tenths / 10)}${dec === 0 ? '' : `.${dec}`}${unit}`;
  }
  return String(whole);
}
