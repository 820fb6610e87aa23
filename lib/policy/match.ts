/*
 * Whole-word, case-insensitive matching for any script. `\b` in JavaScript regular expressions only knows
 * ASCII letters ("café" has a boundary before "é"), so boundaries are checked here with Unicode properties.
 */

// Letters, digits, combining marks and connector punctuation (e.g. "_") make up words.
const WORD_CHAR = /[\p{L}\p{N}\p{M}\p{Pc}]/u;

// Scripts written without spaces between words: there a term is found wherever it occurs. Hangul is
// spaced, but particles attach to nouns ("바보야"), so it is treated the same way.
const SPACELESS =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Hangul}]/u;

/**
 * The form both text and terms are compared in: NFKC (composed accents, full-width letters folded),
 * lower case, runs of white space as one space.
 */
export function foldForMatch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ');
}

/** Two neighbouring characters that would glue a match into a longer word. */
function joins(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  if (!WORD_CHAR.test(a) || !WORD_CHAR.test(b)) return false;
  return !SPACELESS.test(a) && !SPACELESS.test(b);
}

const lastChar = (s: string, end: number): string | undefined => {
  if (end <= 0) return undefined;
  const low = s.charCodeAt(end - 1);
  // A low surrogate: the character is the pair ending here.
  return low >= 0xdc00 && low <= 0xdfff && end >= 2 ? s.slice(end - 2, end) : s[end - 1];
};

const firstChar = (s: string, start: number): string | undefined => {
  const cp = s.codePointAt(start);
  return cp === undefined ? undefined : String.fromCodePoint(cp);
};

/** Whether `foldedTerm` occurs in `foldedText` as a whole word (both already passed through foldForMatch). */
export function containsWord(foldedText: string, foldedTerm: string): boolean {
  const term = foldedTerm.trim();
  if (!term) return false;
  const termFirst = firstChar(term, 0);
  const termLast = lastChar(term, term.length);
  for (let at = foldedText.indexOf(term); at !== -1; at = foldedText.indexOf(term, at + 1)) {
    const before = lastChar(foldedText, at);
    const after = firstChar(foldedText, at + term.length);
    if (!joins(before, termFirst) && !joins(termLast, after)) return true;
  }
  return false;
}
