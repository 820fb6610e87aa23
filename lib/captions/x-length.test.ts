import { describe, expect, it } from 'vitest';
import twitter from 'twitter-text';
import { X_MAX, emojiFallbackPattern, findXUrls, xFits, xRemaining, xWeightedLength } from './x-length';
import { countryTlds, genericTlds } from './x-tlds';

const oracle = (text: string) => twitter.parseTweet(text).weightedLength;

const samples: Record<string, string[]> = {
  latin: ['', 'a', 'Hello world', 'Line 1\n\nLine 2', 'tabs\tand\r\nCRLF', '  spaces  ', 'quote “curly” — dash… ‘ok’'],
  catalanSpanish: [
    'Llegiu el nostre article sobre la col·laboració!',
    'Què en penseu? És l’hora de canviar',
    '¿Qué opináis? Año nuevo, niño, acción',
    'e\u0301 decomposed accent, C\u0327a',
  ],
  italianDutch: ['Perché è così? Più città', 'Één ideeën, geïnteresseerd'],
  russian: ['Привет, мир! Читайте нашу статью', 'Ёжик в тумане'],
  cjk: ['你好，世界', 'こんにちは世界', '안녕하세요', '中文 and English mixed 字'],
  arabicHebrew: ['مرحبا بالعالم', 'שלום עולם', 'عربي and English'],
  emoji: [
    '😀',
    '😀\uFE0F',
    '👍🏽',
    '👍🏿 great',
    '👨‍👩‍👧‍👦',
    '👨‍👩‍👧‍👦 family',
    '🏳️‍🌈',
    '🇪🇸🇮🇹🇳🇱',
    '🇦🇦',
    '1️⃣',
    '1⃣',
    '#️⃣',
    '*️⃣',
    '🏴󠁧󠁢󠁳󠁣󠁴󠁿',
    '©',
    '©️',
    '®',
    '™',
    '❤',
    '❤️',
    '☺',
    '‼',
    '👍\u200D',
    '😀‍😀',
    '⛹🏽‍♀️',
    'Text 🎉 with 🚀 emoji',
  ],
  urls: [
    'https://example.com',
    'http://example.com/path?q=1&r=2#frag',
    'example.com',
    'www.example.org/a/b',
    'Read https://relay.example.com/r/abc123 now',
    'two links https://a.com/x and b.org',
    'https://example.com/a_(b)',
    'https://foo.notatld',
    'foo.notatld',
    'x.com/hello.',
    'example.com:8080/a?b=c.',
    '(see example.com)',
    'mail@example.com',
    '#tag.com $x.com _x.com -x.com /x.com',
    'a-example.com',
    'foo.COM',
    'node.js and e.g. this',
    'https://münchen.de/x münchen.de',
    'xn--mnchen-3ya.de',
    'https://t.co/abc/def',
    'https://t.co/abc?x=1',
    'http://127.0.0.1:8787/r/x1',
    'http://localhost:8787/r/abc',
    'visit relay.cat or relay.barcelona',
    'nospace.com,comma.org;semi.net',
    'https://example.com/пример?a=b',
    'Вот ссылка:https://example.com',
    'https://a.example.com/' + 'x'.repeat(300),
  ],
};

describe('xWeightedLength agrees with twitter-text parseTweet', () => {
  for (const [group, texts] of Object.entries(samples)) {
    it(group, () => {
      for (const text of texts) expect(xWeightedLength(text), JSON.stringify(text)).toBe(oracle(text));
    });
  }

  it('on mixed, multi-line captions', () => {
    const parts = Object.values(samples).flat();
    // Deterministic combinations: each sample joined with two others, by space and by line break.
    for (let i = 0; i < parts.length; i++) {
      for (const sep of [' ', '\n', '\n\n', '']) {
        const text = [parts[i], parts[(i * 7 + 3) % parts.length], parts[(i * 13 + 5) % parts.length]].join(sep);
        expect(xWeightedLength(text), JSON.stringify(text)).toBe(oracle(text));
      }
    }
  });

  it('finds the same links as the oracle', () => {
    for (const text of samples.urls!) {
      const ours = findXUrls(text.normalize('NFC')).map((s) => [s.start, s.end]);
      const theirs = twitter.extractUrlsWithIndices(text.normalize('NFC')).map((u) => u.indices);
      expect(ours, text).toEqual(theirs);
    }
  });

  it('counts every code point of the Basic Multilingual Plane like the oracle', () => {
    // One character at a time (surrogates and the BOM-like invalid characters aside).
    const mismatches: number[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCharCode(cp);
      if (xWeightedLength(ch) !== oracle(ch)) mismatches.push(cp);
    }
    expect(mismatches.map((cp) => cp.toString(16))).toEqual([]);
  });

  it('bundles the same top-level domains as the oracle', () => {
    const source = (name: string) =>
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the oracle's own regexp modules are CommonJS
      (require(`twitter-text/dist/regexp/${name}`) as RegExp).source.match(/\(\?:\(\?:(.*)\)\(\?=/)![1]!.split('|');
    expect([...genericTlds()].sort()).toEqual(source('validGTLD').sort());
    expect([...countryTlds()].sort()).toEqual(source('validCCTLD').sort());
    // Where one TLD starts with another, the longer comes first (the alternation takes the first that fits).
    for (const list of [genericTlds(), countryTlds()]) {
      list.forEach((tld, i) =>
        expect(list.slice(0, i).some((earlier) => tld.startsWith(earlier) && tld !== earlier)).toBe(false),
      );
    }
  });

  it('links after an internationalised TLD that another one starts with, as the oracle does', () => {
    for (const text of ['http://example.嘉里大酒店', 'http://example.嘉里', 'ví example.中国 e example.中信']) {
      expect(xWeightedLength(text), text).toBe(oracle(text));
    }
  });
});

describe('emoji newer than the oracle’s data', () => {
  // twitter-text 3.1 ships emoji data from 2018; X's live counter knows newer sequences, which count 2 as a whole.
  it.each(['🧑🏽‍💻', '❤️‍🔥', '🫶🏼', '👩🏻‍❤️‍💋‍👨🏿', '🐦‍🔥'])('%s counts 2', (e) => {
    expect(xWeightedLength(e)).toBe(2);
  });
});

describe('the emoji pattern for engines without the v flag', () => {
  it('matches whole sequences as one', () => {
    for (const e of ['👨‍👩‍👧‍👦', '👍🏽', '🇪🇸', '1️⃣', '#⃣', '🏴󠁧󠁢󠁳󠁣󠁴󠁿', '🏳️‍🌈', '😀', '❤️']) {
      expect(e.match(emojiFallbackPattern()), e).toEqual([e]);
    }
    expect('©'.match(emojiFallbackPattern())).toBeNull();
  });
});

describe('the limit', () => {
  it('280 light characters fit, 281 do not', () => {
    expect(xWeightedLength('a'.repeat(280))).toBe(X_MAX);
    expect(xRemaining('a'.repeat(280))).toBe(0);
    expect(xFits('a'.repeat(280))).toBe(true);
    expect(xRemaining('a'.repeat(281))).toBe(-1);
    expect(xFits('a'.repeat(281))).toBe(false);
  });

  it('140 CJK characters fit, 141 do not', () => {
    expect(xRemaining('字'.repeat(140))).toBe(0);
    expect(xRemaining('字'.repeat(141))).toBe(-2);
  });

  it('a long URL counts 23 however long it is', () => {
    const text = 'a'.repeat(256) + ' https://example.com/' + 'p'.repeat(400);
    expect(xWeightedLength(text)).toBe(280);
    expect(oracle(text)).toBe(280);
  });

  it('the edge at 280/281 agrees with the oracle for emoji and accents', () => {
    for (const text of ['😀'.repeat(140), '😀'.repeat(140) + 'a', 'é'.repeat(280), 'e\u0301'.repeat(281)]) {
      expect(xWeightedLength(text)).toBe(oracle(text));
      expect(xFits(text)).toBe(twitter.parseTweet(text).valid);
    }
  });
});
