import { describe, expect, it } from 'vitest';
import { useLocale } from '@/lib/i18n/test-catalogue';
import { expiresLabel, isNew, sourceDomain } from './when';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const DAY = 86_400_000;

describe('card facts', () => {
  it('says when an item expires', () => {
    expect(expiresLabel(null, NOW)).toBeNull();
    expect(expiresLabel(new Date(NOW + 3 * DAY).toISOString(), NOW)).toBe('expires in 3 days');
    expect(expiresLabel(new Date(NOW + 5 * 3_600_000).toISOString(), NOW)).toBe('expires in 5 hours');
    expect(expiresLabel(new Date(NOW + 20 * 60_000).toISOString(), NOW)).toBe('expires in 20 minutes');
    expect(expiresLabel(new Date(NOW + 1_000).toISOString(), NOW)).toBe('expires in 1 minute');
  });

  it('says it in the language shown, the relative time included', () => {
    useLocale('ru');
    expect(expiresLabel(new Date(NOW + 3 * DAY).toISOString(), NOW)).toBe('истекает через 3 дня');
    useLocale('ca');
    expect(expiresLabel(new Date(NOW + 5 * 3_600_000).toISOString(), NOW)).toBe('caduca d’aquí a 5 hores');
  });

  it('marks items published or changed since the previous open as new', () => {
    const prev = '2026-03-01T10:00:00Z';
    expect(isNew({ publishAt: '2026-03-01T11:00:00Z', updatedAt: '2026-03-01T11:00:00Z' }, prev)).toBe(true);
    expect(isNew({ publishAt: '2026-02-01T11:00:00Z', updatedAt: '2026-03-01T10:30:00Z' }, prev)).toBe(true);
    expect(isNew({ publishAt: '2026-02-01T11:00:00Z', updatedAt: '2026-02-01T11:00:00Z' }, prev)).toBe(false);
    expect(isNew({ publishAt: '2026-02-01T11:00:00Z', updatedAt: '2026-02-01T11:00:00Z' }, null)).toBe(true);
  });

  it('shows the source domain without www', () => {
    expect(sourceDomain('https://www.example.com/a?b=1')).toBe('example.com');
    expect(sourceDomain('https://blog.example.org/')).toBe('blog.example.org');
    expect(sourceDomain('not a url')).toBe('');
  });
});
