/**
 * `COPY <table> (<columns>) FROM STDIN` with the pg package alone, for the bench's bulk loads: PostgreSQL
 * takes a million rows this way several times faster than as multi-row INSERTs, with no statement to parse
 * per thousand rows and no bound-parameter limit. pg runs any object with `submit` as a query and hands it
 * the protocol's messages (the same interface its cursors use); this one answers the server's CopyInResponse
 * with the rows in COPY's text format.
 */
import type pg from 'pg';

/** The protocol writes pg's Connection has beyond its published typings. */
interface CopyConnection extends pg.Connection {
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

type Value = string | number | null | undefined;

/** COPY's text format: tab between columns, \N for NULL, and backslash escapes for the characters it uses. */
function field(value: Value): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'number') return String(value);
  return value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** Chunks of about 1 MB: one CopyData message each. */
const CHUNK = 1 << 20;

class CopyIn implements pg.Submittable {
  private error: Error | undefined;
  private done: ((error: Error | undefined) => void) | undefined;
  readonly finished = new Promise<void>((resolve, reject) => {
    this.done = (error) => (error ? reject(error) : resolve());
  });

  constructor(
    private readonly text: string,
    private readonly data: Buffer,
  ) {}

  submit(connection: pg.Connection): void {
    connection.query(this.text);
  }

  handleCopyInResponse(connection: CopyConnection): void {
    for (let at = 0; at < this.data.length; at += CHUNK)
      connection.sendCopyFromChunk(this.data.subarray(at, at + CHUNK));
    connection.endCopyFrom();
  }

  handleError(error: Error): void {
    this.error = error;
  }

  handleReadyForQuery(): void {
    this.done?.(this.error);
  }

  // The other messages a simple query can bring; a COPY sends none of them but CommandComplete.
  handleCommandComplete(): void {}
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}
}

/** Writes `rows` into `table` through one COPY; every row must have the first row's columns. */
export async function copyRows(
  client: pg.Client,
  table: string,
  rows: readonly Record<string, Value>[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const data = Buffer.from(rows.map((row) => `${columns.map((c) => field(row[c])).join('\t')}\n`).join(''));
  const copy = new CopyIn(`COPY ${ident(table)} (${columns.map(ident).join(', ')}) FROM STDIN`, data);
  client.query(copy);
  await copy.finished;
}
