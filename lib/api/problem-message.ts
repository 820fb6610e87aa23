import { t, uiLocale, type MessageKey } from '../i18n';

/*
 * Refusals are problem details typed `urn:relay:problem:<kind>` with an English `detail`: the extension says
 * each kind in its own words and language, and the server's `detail` only for a kind it does not know.
 */

export const PROBLEM_TYPE_PREFIX = 'urn:relay:problem:';

interface ProblemWords {
  key: MessageKey;
  /**
   * The server's detail names exactly what to fix (a field, a CSV line, why a page cannot be fetched), which
   * no fixed sentence can. Someone reading English gets those words as they are; other languages get ours.
   */
  specific?: true;
}

/** Every problem kind the server sends, and the extension's message for it. */
export const PROBLEM_MESSAGES: Readonly<Record<string, ProblemWords>> = {
  'bad-request': { key: 'errors.problem.badRequest', specific: true },
  'malformed-json': { key: 'errors.problem.malformedJson' },
  'invalid-query': { key: 'errors.problem.invalidQuery', specific: true },
  'validation-failed': { key: 'errors.problem.validationFailed', specific: true },
  unauthorized: { key: 'errors.problem.unauthorized' },
  forbidden: { key: 'errors.problem.forbidden' },
  'not-found': { key: 'errors.problem.notFound', specific: true },
  'method-not-allowed': { key: 'errors.problem.methodNotAllowed' },
  'payload-too-large': { key: 'errors.problem.payloadTooLarge' },
  'unsupported-media-type': { key: 'errors.problem.unsupportedMediaType' },
  internal: { key: 'errors.problem.internal' },
  'not-ready': { key: 'errors.problem.notReady' },
  'http-error': { key: 'errors.problem.httpError' },
  'invalid-invite-code': { key: 'errors.problem.invalidInviteCode' },
  'cannot-change-self': { key: 'errors.problem.cannotChangeSelf' },
  'already-decided': { key: 'errors.problem.alreadyDecided' },
  'stale-version': { key: 'errors.problem.staleVersion', specific: true },
  'policy-violation': { key: 'errors.problem.policyViolation', specific: true },
  'unfurl-busy': { key: 'errors.problem.unfurlBusy' },
  'unfurl-refused': { key: 'errors.problem.unfurlRefused', specific: true },
  'unfurl-failed': { key: 'errors.problem.unfurlFailed', specific: true },
  'employee-deactivated': { key: 'sessions.problem.employeeDeactivated' },
  'sso-not-configured': { key: 'sso.problem.notConfigured' },
  'invalid-return-to': { key: 'sso.problem.invalidReturnTo' },
  'sso-sign-in-unknown': { key: 'sso.problem.signInUnknown' },
  'invalid-sso-code': { key: 'sso.problem.invalidCode' },
  'account-deactivated': { key: 'sso.refused.deactivated' },
  'headers-too-large': { key: 'hardening.problem.headersTooLarge' },
  'request-timeout': { key: 'hardening.problem.requestTimeout' },
  'rate-limited': { key: 'hardening.problem.rateLimited' },
  'share-refused': { key: 'hardening.problem.shareRefused' },
};

/** `validation-failed` for `urn:relay:problem:validation-failed`; null for any other type (e.g. `about:blank`). */
export function problemKind(type: string | null | undefined): string | null {
  return type?.startsWith(PROBLEM_TYPE_PREFIX) ? type.slice(PROBLEM_TYPE_PREFIX.length) : null;
}

export interface ProblemFacts {
  type?: string | null;
  title?: string | null;
  detail?: string | null;
}

const readsEnglish = () => uiLocale().split('-')[0] === 'en';

/** One sentence for a person about a problem the server reported, in the language shown. */
export function problemMessage(problem: ProblemFacts): string {
  const kind = problemKind(problem.type);
  const words = kind === null ? undefined : PROBLEM_MESSAGES[kind];
  const serverWords = problem.detail?.trim() || problem.title?.trim() || '';
  if (!words) return serverWords || t('errors.unknown');
  if (words.specific && serverWords && readsEnglish()) return serverWords;
  return t(words.key);
}
