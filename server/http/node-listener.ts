import { createServer, IncomingMessage, type Server, type ServerOptions } from 'node:http';
import { getRequestListener, type Http2Bindings, type HttpBindings } from '@hono/node-server';
import type { Log } from '../log/logger';
import { AnswerWithId, routeNamer, withAccessLog } from './access-log';

/** What is needed of a Hono app, whatever its environment type. */
interface App {
  fetch: (request: Request, env: HttpBindings | Http2Bindings) => unknown;
  routes: readonly { method: string; path: string }[];
}

/**
 * The node:http server for an app (not yet listening): Hono's adapter inside the request id, nosniff and
 * access log.
 */
export function appServer(app: App, log: Log, options: ServerOptions = {}): Server<typeof IncomingMessage, typeof AnswerWithId> {
  const listener = withAccessLog(getRequestListener(app.fetch), log, routeNamer(app.routes));
  return createServer({ ...options, IncomingMessage, ServerResponse: AnswerWithId }, listener);
}
