import type { Clock } from '../clock';
import { BEARER } from '../auth/middleware';
import { sha256 } from '../auth/secrets';
import type { TokenCache } from '../auth/token-cache';
import type { NodeShortcut } from '../http/node-listener';
import { etagMatches, type QueueVersion } from './queue-version';
import { CACHE_CONTROL } from './routes';

interface UnchangedQueueDeps {
  tokens: TokenCache;
  version: QueueVersion;
  now: Clock;
  /** CORS headers for an allowed Origin (corsAnswerHeaders), undefined for any other. */
  cors: (origin: string) => Record<string, string> | undefined;
}

/**
 * The queue poll that finds nothing new, answered straight on node:http: a person's token and the queue's
 * snapshot in memory, an ETag they already hold, an Origin the API allows (or none). Every extension asks
 * this every few minutes, so it is most of the API's traffic. Anything short of that (a token not seen
 * lately, a stale snapshot, a query string, a changed queue) goes to the app, which gives the same answer
 * or the full one.
 */
export function unchangedQueueShortcut(deps: UnchangedQueueDeps): NodeShortcut {
  return (req, res) => {
    if (req.url !== '/v1/queue' || req.method !== 'GET') return undefined;
    const { authorization, origin } = req.headers;
    const ifNoneMatch = req.headers['if-none-match'];
    if (!ifNoneMatch || !authorization) return undefined;
    const token = BEARER.exec(authorization)?.[1];
    const employeeId = token === undefined ? undefined : deps.tokens.cached(sha256(token))?.employeeId;
    if (!employeeId) return undefined;
    const snapshot = deps.version.current(deps.now());
    if (!snapshot) return undefined;
    const etag = deps.version.etag(employeeId, snapshot);
    if (!etagMatches(ifNoneMatch, etag)) return undefined;
    const cors = origin === undefined ? undefined : deps.cors(origin);
    if (origin !== undefined && !cors) return undefined;
    res.writeHead(304, { ETag: etag, 'Cache-Control': CACHE_CONTROL, ...cors });
    res.end();
    return '/v1/queue';
  };
}
