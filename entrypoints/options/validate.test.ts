import { describe, expect, it } from 'vitest';
import { checkAudience, checkDisplayName, checkLanguage, checkTouch, normaliseTopic } from './validate';

describe('options checks', () => {
  it('audience: empty is the default, separators allowed, nothing else', () => {
    expect(checkAudience('', 'linkedin')).toEqual({ ok: true, value: null });
    expect(checkAudience(' 1,200 ', 'linkedin')).toEqual({ ok: true, value: 1200 });
    expect(checkAudience('12 500', 'x')).toEqual({ ok: true, value: 12500 });
    expect(checkAudience('-3', 'x').ok).toBe(false);
    expect(checkAudience('many', 'x').ok).toBe(false);
    expect(checkAudience('100000001', 'linkedin').ok).toBe(false);
    expect(checkAudience('100000001', 'x')).toEqual({ ok: true, value: 100000001 });
  });

  it('language: a BCP 47 tag or nothing', () => {
    expect(checkLanguage('')).toEqual({ ok: true, value: null });
    expect(checkLanguage(' pt-BR ')).toEqual({ ok: true, value: 'pt-BR' });
    expect(checkLanguage('Catalan').ok).toBe(false);
  });

  it('name and personal touches are bounded and trimmed', () => {
    expect(checkDisplayName('  Núria ')).toEqual({ ok: true, value: 'Núria' });
    expect(checkDisplayName('   ')).toEqual({ ok: true, value: null });
    expect(checkDisplayName('x'.repeat(81)).ok).toBe(false);
    expect(checkTouch(' Hola! ', 'opening line')).toEqual({ ok: true, value: 'Hola!' });
    expect(checkTouch('y'.repeat(281), 'signature')).toEqual({
      ok: false,
      error: 'Keep the signature to 280 characters or fewer (now 281).',
    });
  });

  it('topics typed by hand match the queue’s spelling', () => {
    expect(normaliseTopic('  Open   Source ')).toEqual({ ok: true, value: 'open source' });
    expect(normaliseTopic('ИНЖЕНЕРИЯ')).toEqual({ ok: true, value: 'инженерия' });
    expect(normaliseTopic(' ').ok).toBe(false);
  });
});
