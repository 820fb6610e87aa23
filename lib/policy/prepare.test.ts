import { describe, expect, it } from 'vitest';
import { postLength } from '../captions/post-length';
import { xWeightedLength } from '../captions/x-length';
import { testPolicy } from '../test-support/policy';
import { bannedTermsMessage, preparePost } from './prepare';

const link = 'https://go.example.com/r/Ab3dE9';
const count = (haystack: string, needle: string) => haystack.toLowerCase().split(needle.toLowerCase()).length - 1;

describe('preparePost: the disclosure', () => {
  const p = testPolicy({ linkedin: { disclosure: '#employee' }, x: { disclosure: '#ad' } });

  it('adds a missing disclosure once, before the link', () => {
    const post = preparePost('Our new report is out', link, p, 'x');
    expect(post.text).toBe(`Our new report is out #ad ${link}`);
    expect(post.caption).toBe('Our new report is out #ad');
    expect(post.disclosureAdded).toBe('#ad');
    expect(count(post.text, '#ad')).toBe(1);
  });

  it('puts it on its own paragraph after a caption of several lines, the link after it', () => {
    const post = preparePost('Línia 1\n\nLínia 2', link, p, 'linkedin');
    expect(post.text).toBe(`Línia 1\n\nLínia 2\n\n#employee\n${link}`);
  });

  it('adds nothing when the caption has it already, in any case and anywhere', () => {
    for (const caption of ['#AD Новый отчёт', 'Read this #Ad', 'Mira esto (#ad) hoy']) {
      const post = preparePost(caption, link, p, 'x');
      expect(post.disclosureAdded).toBeNull();
      expect(post.caption).toBe(caption);
      expect(count(post.text, '#ad')).toBe(1);
    }
  });

  it('is stable: preparing an already prepared caption changes nothing', () => {
    const once = preparePost('新しいレポート', link, p, 'x');
    const twice = preparePost(once.caption, link, p, 'x');
    expect(twice.text).toBe(once.text);
    expect(twice.disclosureAdded).toBeNull();
  });

  it('does not take a longer hashtag for the disclosure', () => {
    expect(preparePost('An #adventure', link, p, 'x').text).toBe(`An #adventure #ad ${link}`);
  });

  it('adds it to the end when the caption already carries the link', () => {
    expect(preparePost(`Read ${link} today`, link, p, 'x').text).toBe(`Read ${link} today #ad`);
  });

  it('gives the disclosure and the link for an empty caption, and leaves a network without one alone', () => {
    expect(preparePost('', link, p, 'x').text).toBe(`#ad ${link}`);
    expect(preparePost('Hello', link, testPolicy(), 'x')).toEqual({
      caption: 'Hello',
      text: `Hello ${link}`,
      disclosureAdded: null,
      banned: [],
      overLimit: null,
    });
  });
});

describe('preparePost: banned terms', () => {
  const p = testPolicy({
    bannedTerms: ['guaranteed', 'скидка', '保证'],
    x: { bannedTerms: ['無料'], disclosure: '#ad' },
  });

  it('names the banned terms in several scripts, as the policy spells them', () => {
    expect(preparePost('GUARANTEED returns', link, p, 'linkedin').banned).toEqual(['guaranteed']);
    expect(preparePost('Большая СКИДКА', link, p, 'linkedin').banned).toEqual(['скидка']);
    expect(preparePost('我们保证收益', link, p, 'linkedin').banned).toEqual(['保证']);
    expect(preparePost('今なら無料です', link, p, 'x').banned).toEqual(['無料']);
    expect(preparePost('今なら無料です', link, p, 'linkedin').banned).toEqual([]);
  });

  it('clears once the term is edited away, and does not match inside longer words', () => {
    expect(preparePost('Guarantees apply', link, p, 'x').banned).toEqual([]);
    expect(preparePost('скидками', link, p, 'x').banned).toEqual([]);
  });

  it('does not look in the link Relay adds', () => {
    expect(preparePost('Read this', 'https://go.example.com/guaranteed', p, 'x').banned).toEqual([]);
  });

  it('reports terms and adds the disclosure together', () => {
    const post = preparePost('guaranteed', link, p, 'x');
    expect(post.banned).toEqual(['guaranteed']);
    expect(post.text).toBe(`guaranteed #ad ${link}`);
  });
});

describe('preparePost: length with X’s weighted counter', () => {
  it('counts the added disclosure against the curators’ limit', () => {
    const p = testPolicy({ x: { disclosure: '#ad', maxLength: 30 } });
    const caption = 'a'.repeat(27);
    expect(xWeightedLength(caption)).toBe(27);
    // 27 + " #ad" = 31 > 30: the disclosure tips it over.
    expect(preparePost(caption, link, p, 'x', xWeightedLength).overLimit).toEqual({ length: 31, limit: 30 });
    expect(preparePost('a'.repeat(26), link, p, 'x', xWeightedLength).overLimit).toBeNull();
  });

  it('weighs CJK double, as X does', () => {
    const p = testPolicy({ x: { disclosure: '#ad', maxLength: 30 } });
    // 13 CJK characters weigh 26, plus " #ad" = 30.
    expect(preparePost('漢'.repeat(13), link, p, 'x', xWeightedLength).overLimit).toBeNull();
    expect(preparePost('漢'.repeat(14), link, p, 'x', xWeightedLength).overLimit).toEqual({ length: 32, limit: 30 });
    // Without the weighted counter the same caption looks short.
    expect(preparePost('漢'.repeat(14), link, p, 'x').overLimit).toBeNull();
  });

  it('makes the post X counts one disclosure longer, the link still counted as 23', () => {
    const p = testPolicy({ x: { disclosure: '#ad' } });
    const plain = postLength('x', preparePost('Read this', link, testPolicy(), 'x').text).used;
    const disclosed = postLength('x', preparePost('Read this', link, p, 'x').text).used;
    expect(plain).toBe('Read this '.length + 23);
    expect(disclosed - plain).toBe(' #ad'.length);
  });
});

describe('bannedTermsMessage', () => {
  it('names one term, or several joined in plain English', () => {
    expect(bannedTermsMessage([])).toBe('');
    expect(bannedTermsMessage(['guaranteed'])).toBe(
      'Your company’s policy does not allow “guaranteed”. Change the text to share it.',
    );
    expect(bannedTermsMessage(['a', 'скидка', '無料'])).toBe(
      'Your company’s policy does not allow “a”, “скидка” and “無料”. Change the text to share it.',
    );
  });
});
