import { t } from '@/lib/i18n';

/** About how many characters of a caption a button's accessible name carries. */
export const LABEL_MAX = 60;

/**
 * The first non-empty line of a caption, whitespace collapsed, shortened to about `max` characters (at a word
 * boundary when one is near, never inside a surrogate pair) with an ellipsis.
 */
export function firstLine(text: string, max = LABEL_MAX): string {
  const line =
    text
      .split(/\r?\n|\r/)
      .map((l) => l.replace(/\s+/g, ' ').trim())
      .find((l) => l.length > 0) ?? '';
  const chars = Array.from(line);
  if (chars.length <= max) return line;
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space >= max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The accessible name of a caption's Insert button: `Insert: <first line>` (in the language shown). */
export const insertLabel = (caption: string) => t('panel.insertLabel', { caption: firstLine(caption) });

/** The accessible name of a caption's Copy button: `Copy: <first line>`. */
export const copyLabel = (caption: string) => t('panel.copyLabel', { caption: firstLine(caption) });
