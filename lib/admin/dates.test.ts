import { describe, expect, it } from 'vitest';
import { isoToLocalInput, lastDays, localInputToIso, rangeToQuery } from './dates';

describe('schedule dates', () => {
  it('round-trips a local date-time through ISO UTC', () => {
    const iso = localInputToIso('2026-11-23T09:30');
    expect(iso).toBe(new Date(2026, 10, 23, 9, 30).toISOString());
    expect(isoToLocalInput(iso)).toBe('2026-11-23T09:30');
  });

  it('gives null for empty or malformed input and "" for no date', () => {
    expect(localInputToIso('')).toBeNull();
    expect(localInputToIso('tomorrow')).toBeNull();
    expect(isoToLocalInput(null)).toBe('');
  });
});

describe('rangeToQuery', () => {
  it('turns inclusive UTC days into a half-open period', () => {
    expect(rangeToQuery({ from: '2026-11-01', to: '2026-11-30' })).toEqual({
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
    });
    expect(rangeToQuery({ from: '2026-11-05', to: '2026-11-05' })).toEqual({
      from: '2026-11-05T00:00:00.000Z',
      to: '2026-11-06T00:00:00.000Z',
    });
  });

  it('refuses missing dates and an end before the start', () => {
    expect(() => rangeToQuery({ from: '', to: '2026-11-05' })).toThrow('Pick a start date.');
    expect(() => rangeToQuery({ from: '2026-11-05', to: 'x' })).toThrow('Pick an end date.');
    expect(() => rangeToQuery({ from: '2026-11-05', to: '2026-11-04' })).toThrow(/must not be before/);
  });

  it('lastDays ends with today (UTC) and includes it', () => {
    expect(lastDays(30, Date.parse('2026-11-23T23:59:00Z'))).toEqual({ from: '2026-10-25', to: '2026-11-23' });
    expect(lastDays(1, Date.parse('2026-11-23T00:00:00Z'))).toEqual({ from: '2026-11-23', to: '2026-11-23' });
  });
});
