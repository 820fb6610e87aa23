import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv';

describe('csvField', () => {
  it('leaves plain text and numbers alone', () => {
    expect(csvField('Ana')).toBe('Ana');
    expect(csvField(42)).toBe('42');
    expect(csvField(0.4286)).toBe('0.4286');
    expect(csvField(true)).toBe('true');
  });

  it('writes nothing for null, undefined and non-finite numbers', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
  });

  it('quotes commas, quotes and line breaks, doubling inner quotes', () => {
    expect(csvField('Smith, Ana')).toBe('"Smith, Ana"');
    expect(csvField('The "best" post')).toBe('"The ""best"" post"');
    expect(csvField('line 1\nline 2')).toBe('"line 1\nline 2"');
    expect(csvField('a\r\nb')).toBe('"a\r\nb"');
  });

  it('defuses text a spreadsheet would run as a formula, but not negative numbers', () => {
    expect(csvField('=HYPERLINK("http://evil","x")')).toBe('"\'=HYPERLINK(""http://evil"",""x"")"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(-2)).toBe('-2');
  });
});

describe('toCsv', () => {
  it('writes a BOM, a header row and one CRLF-ended line per row, in column order', () => {
    const csv = toCsv(
      [
        { header: 'name', value: (r: { name: string; shares: number }) => r.name },
        { header: 'shares', value: (r) => r.shares },
      ],
      [
        { name: 'Núria Puig', shares: 3 },
        { name: 'Lee, "Sam"', shares: 0 },
      ],
    );
    expect(csv).toBe('\uFEFFname,shares\r\nNúria Puig,3\r\n"Lee, ""Sam""",0\r\n');
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('writes only the header for no rows', () => {
    expect(toCsv([{ header: 'day', value: () => 1 }], [])).toBe('\uFEFFday\r\n');
  });

  it('writes ";" as delimiter on request, quoting ";" (not ",") and with a decimal comma, after a BOM', () => {
    const csv = toCsv(
      [
        { header: 'name', value: (r: { name: string; rate: number; shares: number }) => r.name },
        { header: 'rate', value: (r) => r.rate },
        { header: 'shares', value: (r) => r.shares },
      ],
      [
        { name: 'Puig, Núria', rate: 0.4286, shares: 1200 },
        { name: 'Lee; "Sam"', rate: 1, shares: 0 },
        { name: '=1+1', rate: 0, shares: 2 },
      ],
      ';',
    );
    expect(csv).toBe('\uFEFFname;rate;shares\r\nPuig, Núria;0,4286;1200\r\n"Lee; ""Sam""";1;0\r\n\'=1+1;0;2\r\n');
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});
