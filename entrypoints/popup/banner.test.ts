import { describe, expect, it } from 'vitest';
import { bannerText } from './banner';

const at = '2026-03-01T12:00:00Z';

describe('bannerText', () => {
  it('says offline first, whatever the last sync did', () => {
    expect(bannerText({ at, ok: true }, false)).toBe('Offline — showing saved items');
    expect(bannerText(null, false)).toBe('Offline — showing saved items');
  });
  it('says when the server cannot be reached or failed, and nothing when all is well', () => {
    expect(bannerText({ at, ok: false, reason: 'unreachable' }, true)).toBe(
      'Can’t reach the server — showing saved items',
    );
    expect(bannerText({ at, ok: false, reason: 'server' }, true)).toMatch(/server had a problem/);
    expect(bannerText({ at, ok: false, reason: 'invalid-response' }, true)).toMatch(/not understood/);
    expect(bannerText({ at, ok: true }, true)).toBe('');
    expect(bannerText(null, true)).toBe('');
    // Signed out has its own alert.
    expect(bannerText({ at, ok: false, reason: 'signed-out' }, true)).toBe('');
  });
});
