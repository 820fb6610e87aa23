import { createServer, IncomingMessage, type Server, type ServerOptions, type ServerResponse } from 'node:http';
import { getRequestListener, type Http2Bindings, type HttpBindings } from '@hono/node-server';
import type { Log } from '../log/logger';
import { AnswerWithId, routeNamer, withAccessLog } from './access-log';

/** What is needed of a Hono app, whatever its environment type. */
interface App {
  fetch: (request: Request, env: HttpBindings | Http2Bindings) => unknown;
  routes: readonly { method: string; path: string }[];
}

/** Answers a request on node:http and says true, or leaves it to the app and says false. */
export type NodeShortcut = (req: IncomingMessage, res: ServerResponse) => boolean;

/** The first shortcut that answers. */
export const firstOf =
  (...shortcuts: NodeShortcut[]): NodeShortcut =>
  (req, res) =>
    shortcuts.some((answer) => answer(req, res));

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
        if (!shortcut(req, res)) void toApp(req, res);
      }
    : toApp;
  return createServer({ ...options, IncomingMessage, ServerResponse: AnswerWithId }, withAccessLog(listener, log, routeNamer(app.routes)));
}
