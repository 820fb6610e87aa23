import { countryTlds, genericTlds } from './x-tlds';

/*
 * X's weighted length ("twitter-text" v3 configuration), small enough for a content script: the official
 * `twitter-text` bundles to ~35 KB gzipped. The rules, as twitter-text's parseTweet applies them:
 *  - the text is NFC-normalised first;
 *  - every URL X would link (with http(s):// or a bare domain with a known TLD) counts 23;
 *  - every emoji (a whole sequence: ZWJ family, skin tone, flag, keycap, tag flag) counts 2;
 *  - every other code point counts 1 in the "light" ranges (Latin, Cyrillic, Arabic, general punctuation…)
 *    and 2 elsewhere (CJK, most symbols);
 *  - the limit is 280.
 * x-length.test.ts checks this module against twitter-text itself on many samples.
 */

export const X_MAX = 280;
export const X_URL_LENGTH = 23;

/** Code point ranges that weigh 1 (inclusive); everything else weighs 2. */
const LIGHT_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0, 4351],
  [8192, 8205],
  [8208, 8223],
  [8242, 8247],
];

function codePointWeight(cp: number): 1 | 2 {
  for (const [start, end] of LIGHT_RANGES) if (cp >= start && cp <= end) return 1;
  return 2;
}

// --- URLs: twitter-text's extractUrl, rebuilt from its parts (same flags, no `u`: it works on UTF-16 units).
const PUNCT = String.raw`!'#%&'\(\)*\+,\\\-\.\/:;<=>\?@\[\]\^_{|}~\$`;
const SPACES = String.raw`\x09-\x0D\x20\x85\xA0\u1680\u180E\u2000-\u200A\u2028\u2029\u202F\u205F\u3000`;
const INVALID = String.raw`\uFFFE\uFEFF\uFFFF`;
const DIRECTIONAL = String.raw`\u202A-\u202E\u061C\u200E\u200F\u2066\u2067\u2068\u2069`;
const LATIN_ACCENTS = String.raw`\xC0-\xD6\xD8-\xF6\xF8-\xFF\u0100-\u024F\u0253\u0254\u0256\u0257\u0259\u025B\u0263\u0268\u026F\u0272\u0289\u028B\u02BB\u0300-\u036F\u1E00-\u1EFF`;
const CYRILLIC = String.raw`\u0400-\u04FF`;

const DOMAIN_CHAR = `[^${PUNCT}${SPACES}${INVALID}${DIRECTIONAL}]`;
const TLD_END = '(?=[^0-9a-zA-Z@+-]|$)';
const PATH_CHAR = String.raw`[a-z${CYRILLIC}0-9!\*';:=\+,\.\$\/%#\[\]\-\u2013_~@\|&${LATIN_ACCENTS}]`;
const PATH_END_CHAR = String.raw`[\+\-a-z${CYRILLIC}0-9=_#\/${LATIN_ACCENTS}]`;
const QUERY_CHAR = String.raw`[a-z0-9!?\*'@\(\);:&=\+\$\/%#\[\]\-_\.,~|]`;
const QUERY_END_CHAR = String.raw`[a-z0-9\-_&=#\/]`;
const BALANCED_PARENS = String.raw`\((?:${PATH_CHAR}+|(?:${PATH_CHAR}*\(${PATH_CHAR}+\)${PATH_CHAR}*))\)`;
const PRECEDING = String.raw`(?:[^A-Za-z0-9@＠$#＃${INVALID}]|[${DIRECTIONAL}]|^)`;

let patterns: { url: RegExp; asciiDomain: RegExp; tco: RegExp; emoji: RegExp } | undefined;

/** Built on first use: a content script that never counts pays nothing at load. */
function getPatterns() {
  if (patterns) return patterns;
  const tld = `(?:(?:${genericTlds().join('|')})${TLD_END}|(?:${countryTlds().join('|')})${TLD_END}|(?:xn--[\\-0-9a-z]+))`;
  const domain =
    `(?:(?:${DOMAIN_CHAR}(?:[_-]|${DOMAIN_CHAR})*)?${DOMAIN_CHAR}\\.)*` +
    `(?:(?:${DOMAIN_CHAR}(?:-|${DOMAIN_CHAR})*)?${DOMAIN_CHAR}\\.)${tld}`;
  const path =
    `(?:(?:${PATH_CHAR}*(?:${BALANCED_PARENS}${PATH_CHAR}*)*(?:${PATH_END_CHAR}|(?:${BALANCED_PARENS})))` +
    `|(?:@${PATH_CHAR}+\\/))*`;
  // Groups: 1 preceding char, 2 url, 3 protocol, 4 domain, 5 path (as twitter-text numbers them, minus one).
  const url = new RegExp(
    `(${PRECEDING})((https?:\\/\\/)?(${domain})(?::[0-9]+)?(\\/${path})?(?:\\?${QUERY_CHAR}*${QUERY_END_CHAR})?)`,
    'gi',
  );
  const asciiDomain = new RegExp(`(?:(?:[\\-a-z0-9${LATIN_ACCENTS}]+)\\.)+${tld}`, 'gi');
  const tco = new RegExp(`^https?:\\/\\/t\\.co\\/([a-z0-9]+)(?:\\?${QUERY_CHAR}*${QUERY_END_CHAR})?`, 'i');
  return (patterns = { url, asciiDomain, tco, emoji: emojiPattern() });
}

const KEYCAP = String.raw`[#*0-9]\uFE0F?\u20E3`;

/**
 * Whole emoji sequences. `\p{RGI_Emoji}` (the `v` flag: Chrome 112+, Firefox 116+) knows every recommended
 * sequence, so "👨‍👩‍👧‍👦" or "🇪🇸" is one match and "😀" followed by a stray U+FE0F is two, as on X.
 * Older engines get a close approximation built from single-code-point properties.
 */
function emojiPattern(): RegExp {
  try {
    return new RegExp(`${KEYCAP}|\\p{RGI_Emoji}`, 'gv');
  } catch {
    return emojiFallbackPattern();
  }
}

/** For engines without the `v` flag; exported for its test only. */
export function emojiFallbackPattern(): RegExp {
  const element = String.raw`(?:\p{Emoji_Modifier_Base}\p{Emoji_Modifier}|\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F)`;
  return new RegExp(
    `${KEYCAP}|\\p{Regional_Indicator}{2}|\\u{1F3F4}[\\u{E0020}-\\u{E007E}]+\\u{E007F}|${element}(?:\\u200D${element})*`,
    'gu',
  );
}

interface Span {
  start: number;
  end: number;
}

/** Where X sees links in (NFC) text, as twitter-text's extractUrlsWithIndices finds them. */
export function findXUrls(text: string): Span[] {
  if (!text.includes('.')) return [];
  const { url, asciiDomain, tco } = getPatterns();
  const spans: Span[] = [];
  url.lastIndex = 0;
  for (let m = url.exec(text); m; m = url.exec(text)) {
    const before = m[1] ?? '';
    let found = m[2] ?? '';
    const protocol = m[3];
    const domain = m[4] ?? '';
    const path = m[5];
    const end = url.lastIndex;
    const start = end - found.length;
    if (!protocol) {
      // Without a protocol X only links ASCII(-ish) domains, and not right after "-", "_", "." or "/".
      if (/[-_./]$/.test(before)) continue;
      let last: Span | undefined;
      let from = 0;
      asciiDomain.lastIndex = 0;
      for (let d = asciiDomain.exec(domain); d; d = asciiDomain.exec(domain)) {
        const at = domain.indexOf(d[0], from);
        from = at + d[0].length;
        last = { start: start + at, end: start + from };
        spans.push(last);
      }
      if (last && path) last.end = end;
    } else {
      const t = tco.exec(found);
      if (t) {
        // t.co links take no extra path: "https://t.co/abc/def" is a link plus "/def".
        if ((t[1] ?? '').length > 40) continue;
        found = t[0];
      }
      spans.push({ start, end: start + found.length });
    }
  }
  return spans;
}

/** X's weighted length of `text` (what X's own counter shows, before it turns red above 280). */
export function xWeightedLength(text: string): number {
  const s = text.normalize('NFC');
  const urls = new Map(findXUrls(s).map((u) => [u.start, u.end]));
  const emojis = new Map<number, number>();
  for (const m of s.matchAll(getPatterns().emoji)) emojis.set(m.index, m.index + m[0].length);

  let length = 0;
  for (let i = 0; i < s.length; ) {
    const urlEnd = urls.get(i);
    if (urlEnd !== undefined) {
      length += X_URL_LENGTH;
      i = urlEnd;
      continue;
    }
    const emojiEnd = emojis.get(i);
    if (emojiEnd !== undefined) {
      length += 2;
      i = emojiEnd;
      continue;
    }
    const cp = s.codePointAt(i)!;
    length += codePointWeight(cp);
    i += cp > 0xffff ? 2 : 1;
  }
  return length;
}

/** What is left before X's limit; negative when over. */
export function xRemaining(text: string): number {
  return X_MAX - xWeightedLength(text);
}

/** Whether X would accept the text's length (it also refuses an empty post, which is not about length). */
export function xFits(text: string): boolean {
  return xWeightedLength(text) <= X_MAX;
}
