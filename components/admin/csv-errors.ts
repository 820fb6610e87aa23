import { csvProblems, MAX_BATCH_LINES, type CsvProblem } from '@/lib/contract/employees';
import { t } from '@/lib/i18n';

/**
 * The invite CSV's refusals in the console's words: the server names each as `csv.<line>.<problem>` (and
 * explains it in English in `message`, shown only for a problem this console does not know).
 */
export function csvLineErrors(
  errors: ReadonlyArray<{ path: string; message: string }>,
): Array<{ key: string; text: string }> {
  return errors.map((e) => {
    const match = /^csv\.(\d+)(?:\.(\w+))?$/.exec(e.path);
    if (!match) return { key: e.path, text: `${e.path}: ${e.message}` };
    const line = Number(match[1]);
    const problem = (csvProblems as readonly string[]).includes(match[2] ?? '') ? (match[2] as CsvProblem) : null;
    const message = problem ? t(`people.csvProblem.${problem}`, { max: MAX_BATCH_LINES }) : e.message;
    return { key: e.path, text: t('people.lineError', { line, message }) };
  });
}
