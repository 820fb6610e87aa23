import { createServer, IncomingMessage, type Server, type ServerOptions, type ServerResponse } from 'node:http';
import { getRequestListener, type Http2Bindings, type HttpBindings } from '@hono/node-server';
import type { Log } from '../log/logger';
import { AnswerWithId, routeNamer, withAccessLog } from './access-log';

/** What is needed of a Hono app, whatever its environment type. */
interface App {
  fetch: (request: Request, env: HttpBindings | Http2Bindings) => unknown;
  routes: readonly { method: string; path: string }[];
}

/**
 * Answers a request on node:http and names the route pattern it answered as (for the access log), or
 * leaves it to the app and says undefined.
 */
export type NodeShortcut = (req: IncomingMessage, res: ServerResponse) => string | undefined;

/** The first shortcut that answers. */
export const firstOf =
  (...shortcuts: NodeShortcut[]): NodeShortcut =>
  (req, res) => {
    for (const answer of shortcuts) {
      const route = answer(req, res);
      if (route !== undefined) return route;
    }
    return undefined;
  };

/**
 * The node:http server for an app (not yet listening): the shortcut, then Hono's adapter, inside the
 * request id, nosniff and access log.
 */
export function appServer(
  app: App,
  log: Log,
  options: ServerOptions = {},
  shortcut?: NodeShortcut,
): Server<typeof IncomingMessage, typeof AnswerWithId> {
  const toApp = getRequestListener(app.fetch);
  const listener = shortcut
    ? (req: IncomingMessage, res: AnswerWithId) => {
        res.route = shortcut(req, res);
        if (res.route === undefined) void toApp(req, res);
      }
    : toApp;
  return createServer(
    { ...options, IncomingMessage, ServerResponse: AnswerWithId },
    withAccessLog(listener, log, routeNamer(app.routes)),
  );
}
