import type { CsvDelimiter } from '@/lib/contract/analytics';
import { uiLocale } from '@/lib/i18n';

/** Excel opens `;` files where the decimal separator is a comma (ca, es, it, nl, ru), `,` files elsewhere. */
export function defaultDelimiter(locale = uiLocale()): CsvDelimiter {
  const decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal')?.value;
  return decimal === ',' ? ';' : ',';
}

/** Saves `file` as the browser's download named `name`. */
export function download(name: string, file: Blob) {
  const url = URL.createObjectURL(file);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
