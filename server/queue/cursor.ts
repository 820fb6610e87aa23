import { z } from 'zod';

/** Where a client's copy of the queue stands: the change sequence and the server time it was read at. */
export interface QueueCursor {
  seq: number;
  at: number;
}

const Shape = z.object({ s: z.number().int().nonnegative(), t: z.number().int().nonnegative() }).strict();

/** Opaque to clients (base64url JSON), so its contents can change without a contract change. */
export function encodeCursor(cursor: QueueCursor): string {
  return Buffer.from(JSON.stringify({ s: cursor.seq, t: cursor.at })).toString('base64url');
}

/** null when the text is not a cursor this server made. */
export function decodeCursor(text: string): QueueCursor | null {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return null;
  try {
    const parsed = Shape.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    return parsed.success ? { seq: parsed.data.s, at: parsed.data.t } : null;
  } catch {
    return null;
  }
}
