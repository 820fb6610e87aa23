import { describe, expect, it } from 'vitest';
import { formatNumber, t, uiLocale } from './index';
import { useLocale } from './test-catalogue';

describe('lib/i18n', () => {
  it('reads the catalogue of the browser’s language, and formats numbers in that language', () => {
    expect(uiLocale()).toBe('en');
    expect(t('extName')).toBe('Relay');
    expect(formatNumber(12345.5)).toBe('12,345.5');
    useLocale('ru');
    expect(uiLocale()).toBe('ru');
    expect(formatNumber(12345.5)).toBe('12\u00a0345,5');
    useLocale('ca');
    expect(formatNumber(12345.5)).toBe('12.345,5');
  });
});
