import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import { issuesToFields, problems } from './problem';

export const MAX_BODY_BYTES = 1024 * 1024;

/** Caps request bodies before anything reads them (chunked bodies too, not only Content-Length). */
export const limitBody: MiddlewareHandler = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: () => {
    throw problems.tooLarge(MAX_BODY_BYTES);
  },
});

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * Reads and validates a JSON body. Outcomes are fixed by the API's error rules: wrong or missing
 * Content-Type → 415, unparsable JSON → 400, valid JSON of the wrong shape → 422 naming each path.
 */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const type = c.req.header('content-type');
  if (!type || !JSON_TYPE.test(type)) throw problems.unsupportedMediaType(type);
  const text = await c.req.text();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw problems.malformedJson(`The body is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw problems.invalidBody(issuesToFields(parsed.error.issues));
  return parsed.data;
}

/** Query strings are part of the URL, so a bad one is a 400 (a bad body is 422). */
export function readQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) throw problems.invalidQuery(issuesToFields(parsed.error.issues));
  return parsed.data;
}
