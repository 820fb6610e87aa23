import { parse } from 'csv-parse/sync';
import { InviteCreate } from '../../lib/contract/auth';
import { MAX_BATCH_LINES, type CsvProblem } from '../../lib/contract/employees';
import type { Role } from '../../lib/contract/common';

export interface CsvPerson {
  /** 1-based line number in the text as pasted (where the person's record starts). */
  line: number;
  name: string;
  role: Role;
}

export interface CsvLineError {
  line: number;
  /** What is wrong, for the console to say in its own words (the path of the 422 is `csv.<line>.<problem>`). */
  problem: CsvProblem;
  /** In English, for the API's `errors[].message` and the CLI. */
  message: string;
}

export interface CsvResult {
  /** The delimiter the text was read with. */
  delimiter: Delimiter;
  people: CsvPerson[];
  errors: CsvLineError[];
}

export type Delimiter = ',' | ';' | '\t';

/**
 * The delimiter of a CSV text: what Excel writes is `,` or, where the decimal separator is a comma (ca, es, it,
 * nl, ru…), `;`; cells copied from a spreadsheet paste as tab-separated. Counted outside double quotes over the
 * whole text: a tab wins (names never hold one); then `;` unless commas are more frequent, since a `;` file often
 * holds unquoted "Surname, Name" while a `,` file must quote a name with a comma.
 */
export function detectDelimiter(text: string): Delimiter {
  let commas = 0;
  let semicolons = 0;
  let tabs = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (ch === ',') commas++;
    else if (ch === ';') semicolons++;
    else if (ch === '\t') tabs++;
  }
  if (tabs > 0) return '\t';
  return semicolons > 0 && semicolons >= commas ? ';' : ',';
}

/** Header words accepted in the first line, in the languages of the console (English alone may omit the role). */
const NAME_HEADERS = new Set(['name', 'nom', 'nombre', 'nome', 'naam', 'имя']);
const ROLE_HEADERS = new Set(['role', 'rol', 'ruolo', 'роль']);

function isHeader(fields: string[]): boolean {
  const [name, role] = fields.map((f) => f.trim().toLowerCase());
  if (name === 'name' && (role === undefined || role === 'role')) return true;
  return NAME_HEADERS.has(name ?? '') && ROLE_HEADERS.has(role ?? '');
}

const shown = (d: Delimiter) => (d === '\t' ? 'a tab' : `"${d}"`);

/**
 * `name,role` lines (or `name;role`, or tab-separated: detected), read by csv-parse: quoted fields may hold the
 * delimiter, `""` and line breaks; a UTF-8 byte-order mark and CRLF line ends are fine; role optional (default
 * employee); a header optional; blank lines skipped. Every line is checked, each bad one named with its number.
 */
export function parseEmployeeCsv(text: string): CsvResult {
  const delimiter = detectDelimiter(text);
  const people: CsvPerson[] = [];
  const errors: CsvLineError[] = [];
  const bytes = Buffer.from(text, 'utf8');

  // csv-parse counts a CRLF inside quotes as two lines; lines are counted here from the byte offsets it reports.
  const lineStarts: number[] = [0];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) lineStarts.push(i + 1);
  }
  const lineAt = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  /** The first line with content at or after `offset` (blank lines are skipped). */
  const startLine = (offset: number) => {
    let at = offset;
    while (at < bytes.length && (bytes[at] === 0x0a || bytes[at] === 0x0d)) at++;
    if (at === 0 && bytes[0] === 0xef) at = 3;
    return lineAt(Math.min(at, Math.max(bytes.length - 1, 0)));
  };

  let end = 0;
  let records: string[][] = [];
  /** For each record, the byte offset where the text before it ends (blank lines may follow before it starts). */
  const afters: number[] = [];
  try {
    records = parse(text, {
      bom: true,
      delimiter,
      relax_column_count: true,
      // A quote inside an unquoted name (Ana "Nana" Lopes) is part of the name, as a spreadsheet reads it.
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (err) => {
        if (!err) return undefined;
        const line = startLine(end);
        errors.push(
          err.code === 'CSV_QUOTE_NOT_CLOSED'
            ? { line, problem: 'quote', message: 'a double quote is not closed' }
            : { line, problem: 'line', message: `cannot be read (${err.message})` },
        );
        return undefined;
      },
      on_record: (record, context) => {
        afters.push(end);
        end = context.bytes;
        return record;
      },
    });
  } catch (err) {
    errors.push({ line: startLine(end), problem: 'line', message: `cannot be read (${(err as Error).message})` });
  }

  let seenContent = false;
  for (const [index, fields] of records.entries()) {
    const line = startLine(afters[index]!);
    if (fields.length === 1 && fields[0]!.trim() === '') continue;
    if (!seenContent && isHeader(fields)) {
      seenContent = true;
      continue;
    }
    seenContent = true;
    // Empty cells to the right (a spreadsheet's unused columns) are not more fields.
    while (fields.length > 2 && fields[fields.length - 1]!.trim() === '') fields.pop();
    if (fields.length > 2) {
      errors.push({
        line,
        problem: 'fields',
        message: `expected "name${delimiter === '\t' ? '<tab>' : delimiter}role" but found ${fields.length} fields separated by ${shown(delimiter)} (put a name with ${shown(delimiter)} in double quotes)`,
      });
      continue;
    }
    const role = fields[1]?.trim().toLowerCase() || 'employee';
    // A line break inside a quoted cell (Alt+Enter in Excel) is a space in a name.
    const name = (fields[0] ?? '').replace(/\s*[\r\n]+\s*/g, ' ');
    const parsed = InviteCreate.safeParse({ name, role });
    if (!parsed.success) {
      const roleIssue = parsed.error.issues.some((i) => i.path[0] === 'role');
      const nameIssue = parsed.error.issues.find((i) => i.path[0] === 'name');
      if (nameIssue) errors.push({ line, problem: 'name', message: `name ${nameIssue.message}` });
      if (roleIssue)
        errors.push({
          line,
          problem: 'role',
          message: `role must be "employee" or "admin" (got "${fields[1]!.trim()}")`,
        });
      continue;
    }
    people.push({ line, name: parsed.data.name, role: parsed.data.role });
  }
  errors.sort((a, b) => a.line - b.line);
  if (people.length + errors.length > MAX_BATCH_LINES) {
    return {
      delimiter,
      people: [],
      errors: [{ line: MAX_BATCH_LINES + 1, problem: 'limit', message: `at most ${MAX_BATCH_LINES} people per batch` }],
    };
  }
  if (people.length === 0 && errors.length === 0) {
    errors.push({ line: 1, problem: 'empty', message: 'no one to invite: add one "name,role" line per person' });
  }
  return { delimiter, people, errors };
}
