import { describe, expect, it } from 'vitest';
import { defaultDelimiter } from './csv-download';

describe('defaultDelimiter', () => {
  it('offers ";" for CSV where the decimal separator is a comma, "," elsewhere', () => {
    expect(['ca', 'es', 'it', 'nl', 'ru'].map((l) => defaultDelimiter(l))).toEqual([';', ';', ';', ';', ';']);
    expect(defaultDelimiter('en')).toBe(',');
  });
});
