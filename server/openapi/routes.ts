import { Hono } from 'hono';
import type { AppEnv } from '../auth/principal';
import { openApiDocument } from './document';

/** GET /v1/openapi.json: built once, it only depends on the contract. */
export function openApiRoutes(publicUrl: () => string) {
  let document: string | undefined;
  return new Hono<AppEnv>().get('/v1/openapi.json', (c) => {
    document ??= JSON.stringify(openApiDocument(publicUrl()));
    return c.body(document, 200, { 'Content-Type': 'application/json' });
  });
}
