import { InviteCreate } from '../../lib/contract/auth';
import { MAX_BATCH_LINES } from '../../lib/contract/employees';
import type { Role } from '../../lib/contract/common';

export interface CsvPerson {
  /** 1-based line number in the text as pasted. */
  line: number;
  name: string;
  role: Role;
}

export interface CsvResult {
  people: CsvPerson[];
  errors: { line: number; message: string }[];
}

/**
 * Splits one CSV line into fields: commas separate, a field in double quotes may hold commas, and "" inside
 * quotes is one quote. Returns null when a quote is left open.
 */
function splitLine(line: string): string[] | null {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (ch === ',') {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  if (quoted) return null;
  fields.push(field);
  return fields;
}

const isHeader = (fields: string[]) =>
  fields[0]?.trim().toLowerCase() === 'name' && (fields[1] === undefined || fields[1].trim().toLowerCase() === 'role');

/** `name,role` lines (role optional, default employee; header optional; blank lines skipped), checked line by line. */
export function parseEmployeeCsv(text: string): CsvResult {
  const people: CsvPerson[] = [];
  const errors: CsvResult['errors'] = [];
  // A byte-order mark from a spreadsheet export is not part of the first name.
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  let seenContent = false;
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    const fields = splitLine(raw);
    if (!fields) {
      errors.push({ line, message: 'a double quote is not closed' });
      return;
    }
    if (!seenContent && isHeader(fields)) {
      seenContent = true;
      return;
    }
    seenContent = true;
    if (fields.length > 2) {
      errors.push({ line, message: `expected "name,role" but found ${fields.length} fields (put a name with a comma in double quotes)` });
      return;
    }
    const role = fields[1]?.trim().toLowerCase() || 'employee';
    const parsed = InviteCreate.safeParse({ name: fields[0] ?? '', role });
    if (!parsed.success) {
      const messages = parsed.error.issues.map((i) =>
        i.path[0] === 'role' ? `role must be "employee" or "admin" (got "${fields[1]!.trim()}")` : `name ${i.message}`,
      );
      errors.push({ line, message: messages.join('; ') });
      return;
    }
    people.push({ line, name: parsed.data.name, role: parsed.data.role });
  });
  if (people.length + errors.length > MAX_BATCH_LINES) {
    return { people: [], errors: [{ line: MAX_BATCH_LINES + 1, message: `at most ${MAX_BATCH_LINES} people per batch` }] };
  }
  if (people.length === 0 && errors.length === 0) errors.push({ line: 1, message: 'no one to invite: add one "name,role" line per person' });
  return { people, errors };
}
