export type Cell = string | number | boolean | null | undefined;

export interface Column<Row> {
  header: string;
  value: (row: Row) => Cell;
}

/**
 * The curator's choice: `,` (RFC 4180), or `;`, which Excel expects where the decimal separator is a comma
 * (Catalan, Spanish, Italian, Dutch, Russian…).
 */
export type CsvDelimiter = ',' | ';';

/** Characters that make a spreadsheet read a cell as a formula (CSV injection through an employee's name). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One field: quoted when it holds the delimiter, a quote or a line break; text that looks like a formula is
 * defused. With `;`, a fraction is written with a decimal comma, as Excel reads numbers in those locales.
 */
export function csvField(cell: Cell, delimiter: CsvDelimiter = ','): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return '';
    return delimiter === ';' ? String(cell).replace('.', ',') : String(cell);
  }
  let text = String(cell);
  if (typeof cell === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  const special = delimiter === ';' ? /[";\r\n]/ : /[",\r\n]/;
  return special.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A table as CSV: a header row, CRLF line ends (RFC 4180), and a byte-order mark so spreadsheet apps read
 * the UTF-8 as UTF-8 (names and titles are rarely plain ASCII).
 */
export function toCsv<Row>(
  columns: readonly Column<Row>[],
  rows: readonly Row[],
  delimiter: CsvDelimiter = ',',
): string {
  const line = (cells: Cell[]) => cells.map((c) => csvField(c, delimiter)).join(delimiter);
  const lines = [line(columns.map((c) => c.header))];
  for (const row of rows) lines.push(line(columns.map((c) => c.value(row))));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
