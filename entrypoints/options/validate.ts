import { Audience } from '@/lib/contract/reach';
import { Language } from '@/lib/contract/common';
import { t } from '@/lib/i18n';

/*
 * The options page's checks, one sentence per problem, so each field can point at its own message
 * (aria-describedby). Pure: tested without a page.
 */

export const MAX_NAME = 80;
export const MAX_TOUCH = 280;
export const MAX_TOPIC = 40;
export const MAX_TOPICS = 30;

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

export function checkDisplayName(raw: string): Checked<string | null> {
  const value = raw.trim();
  if (value.length > MAX_NAME)
    return { ok: false, error: t('options.check.nameTooLong', { max: MAX_NAME, length: value.length }) };
  return { ok: true, value: value || null };
}

export function checkTouch(raw: string, what: 'opening line' | 'signature'): Checked<string> {
  const value = raw.trim();
  if (value.length > MAX_TOUCH) {
    const key = what === 'opening line' ? 'options.check.openingTooLong' : 'options.check.signatureTooLong';
    return { ok: false, error: t(key, { max: MAX_TOUCH, length: value.length }) };
  }
  return { ok: true, value };
}

/** Empty: not chosen (the browser's language then). Otherwise a BCP 47 tag such as "en", "ca" or "pt-BR". */
export function checkLanguage(raw: string): Checked<string | null> {
  const value = raw.trim();
  if (!value) return { ok: true, value: null };
  if (!Language.safeParse(value).success) return { ok: false, error: t('options.check.language') };
  return { ok: true, value };
}

/** A topic typed by hand: trimmed, single spaces, lower case (the queue's topics are lower case). */
export function normaliseTopic(raw: string): Checked<string> {
  const value = raw.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
  if (!value) return { ok: false, error: t('options.check.topicEmpty') };
  if (value.length > MAX_TOPIC) return { ok: false, error: t('options.check.topicTooLong', { max: MAX_TOPIC }) };
  return { ok: true, value };
}

/** Empty: the benchmark default (null). Otherwise a whole number within the contract's bounds. */
export function checkAudience(raw: string, network: 'linkedin' | 'x'): Checked<number | null> {
  const text = raw.trim().replace(/[\s,._’']/g, '');
  if (!text) return { ok: true, value: null };
  if (!/^\d+$/.test(text)) return { ok: false, error: t('options.check.audienceNotNumber') };
  const n = Number(text);
  const parsed = Audience.shape[network].safeParse(n);
  if (!parsed.success)
    return { ok: false, error: t('options.check.audienceTooBig', { network: network === 'x' ? 'X' : 'LinkedIn' }) };
  return { ok: true, value: n };
}
