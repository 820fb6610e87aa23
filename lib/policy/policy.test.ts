import { describe, expect, it } from 'vitest';
import { EMPTY_POLICY } from '../contract/policy';
import { testPolicy } from '../test-support/policy';
import { applyDisclosure, checkCaption, findBannedTerms, hasDisclosure, overLengthLimit } from './index';

describe('findBannedTerms', () => {
  it('finds nothing under the empty policy', () => {
    expect(findBannedTerms('anything at all', EMPTY_POLICY, 'x')).toEqual([]);
  });

  describe('Latin with accents', () => {
    const p = testPolicy({ bannedTerms: ['garantía', 'Café gratis', 'ganga'] });

    it('matches case-insensitively, accents included, as the policy spells the term', () => {
      expect(findBannedTerms('¡GARANTÍA total!', p, 'linkedin')).toEqual(['garantía']);
      expect(findBannedTerms('Hoy: café   GRATIS\npara todos', p, 'x')).toEqual(['Café gratis']);
    });

    it('treats a decomposed accent (e + U+0301) as the composed letter', () => {
      expect(findBannedTerms('garanti\u0301a', p, 'x')).toEqual(['garantía']);
    });

    it('matches whole words only, where \\b would be wrong about accented letters', () => {
      // With /\bganga\b/ the "á" of "gangá" would count as a word boundary.
      expect(findBannedTerms('gangaé y gangas', p, 'x')).toEqual([]);
      expect(findBannedTerms('garantías', p, 'x')).toEqual([]);
      expect(findBannedTerms('«ganga»', p, 'x')).toEqual(['ganga']);
      expect(findBannedTerms('àganga', p, 'x')).toEqual([]);
    });

    it('does not take an accent-less spelling for the accented term', () => {
      expect(findBannedTerms('garantia', p, 'x')).toEqual([]);
    });
  });

  describe('Cyrillic', () => {
    const p = testPolicy({ bannedTerms: ['скидка', 'Бесплатно'] });

    it('matches across case', () => {
      expect(findBannedTerms('СКИДКА только сегодня, бесплатно!', p, 'x')).toEqual(['скидка', 'Бесплатно']);
    });

    it('respects word boundaries between Cyrillic letters', () => {
      expect(findBannedTerms('скидками и скидки', p, 'linkedin')).toEqual([]);
      expect(findBannedTerms('(скидка)', p, 'linkedin')).toEqual(['скидка']);
    });
  });

  describe('CJK and other scripts written without spaces', () => {
    const p = testPolicy({ bannedTerms: ['保证', '無料', '대박', 'sale'] });

    it('finds a term inside running text', () => {
      expect(findBannedTerms('我们保证收益', p, 'x')).toEqual(['保证']);
      expect(findBannedTerms('今なら無料です', p, 'x')).toEqual(['無料']);
      expect(findBannedTerms('이건대박이야', p, 'x')).toEqual(['대박']);
    });

    it('finds a Latin term written right next to CJK', () => {
      expect(findBannedTerms('今日はsale中', p, 'x')).toEqual(['sale']);
      expect(findBannedTerms('wholesale', p, 'x')).toEqual([]);
    });

    it('folds full-width Latin letters', () => {
      expect(findBannedTerms('ＳＡＬＥ！', p, 'x')).toEqual(['sale']);
    });
  });

  it("adds the network's own terms to the global ones, and reports each term once", () => {
    const p = testPolicy({ bannedTerms: ['guaranteed', 'Guaranteed'], x: { bannedTerms: ['thread'] } });
    expect(findBannedTerms('Guaranteed! A thread', p, 'x')).toEqual(['guaranteed', 'thread']);
    expect(findBannedTerms('Guaranteed! A thread', p, 'linkedin')).toEqual(['guaranteed']);
  });

  it('matches terms that start or end with punctuation', () => {
    const p = testPolicy({ bannedTerms: ['#crypto', '100%'] });
    expect(findBannedTerms('Now #Crypto and 100% sure', p, 'x')).toEqual(['#crypto', '100%']);
    expect(findBannedTerms('#cryptocurrency', p, 'x')).toEqual([]);
  });
});

describe('applyDisclosure', () => {
  const p = testPolicy({ linkedin: { disclosure: '#employee' }, x: { disclosure: '#ad' } });

  it('adds the disclosure after a space on a one-line caption', () => {
    expect(applyDisclosure('Read our report ', p, 'x')).toBe('Read our report #ad');
  });

  it('adds it as its own paragraph on a caption of several lines', () => {
    expect(applyDisclosure('Línia 1\n\nLínia 2\n', p, 'linkedin')).toBe('Línia 1\n\nLínia 2\n\n#employee');
  });

  it('never adds it twice', () => {
    const once = applyDisclosure('Читайте отчёт', p, 'x');
    expect(once).toBe('Читайте отчёт #ad');
    expect(applyDisclosure(once, p, 'x')).toBe(once);
    expect(applyDisclosure('#AD 新しいレポート', p, 'x')).toBe('#AD 新しいレポート');
  });

  it('does not take a longer hashtag for the disclosure', () => {
    expect(hasDisclosure('An #adventure', p, 'x')).toBe(false);
    expect(applyDisclosure('An #adventure', p, 'x')).toBe('An #adventure #ad');
  });

  it('leaves the text alone when the network requires nothing, and gives the disclosure alone for an empty text', () => {
    expect(applyDisclosure('Hola  ', testPolicy(), 'x')).toBe('Hola  ');
    expect(applyDisclosure('   ', p, 'x')).toBe('#ad');
  });
});

describe('length limits and checkCaption', () => {
  const p = testPolicy({ bannedTerms: ['spam'], x: { maxLength: 10, disclosure: '#ad' } });

  it('counts code points by default, or with the measure given', () => {
    expect(overLengthLimit('😀'.repeat(10), p, 'x')).toBeNull();
    expect(overLengthLimit('😀'.repeat(11), p, 'x')).toEqual({ length: 11, limit: 10 });
    expect(overLengthLimit('😀', p, 'x', () => 12)).toEqual({ length: 12, limit: 10 });
    expect(overLengthLimit('x'.repeat(5000), p, 'linkedin')).toBeNull();
  });

  it('reports every problem of a caption at once', () => {
    expect(checkCaption('spam spam spam', p, 'x')).toEqual({
      bannedTerms: ['spam'],
      missingDisclosure: '#ad',
      tooLong: { length: 14, limit: 10 },
    });
    expect(checkCaption('ok #ad', p, 'x')).toEqual({ bannedTerms: [], missingDisclosure: null, tooLong: null });
  });
});
