import { Hono } from 'hono';
import { UnfurlRequest } from '../../lib/contract/unfurl';
import type { AppEnv } from '../auth/principal';
import { HttpProblem } from '../http/problem';
import { limitBody, readJson } from '../http/validate';
import { UnfurlBusy, UnfurlError } from './fetch-errors';
import type { PageFetcher } from './page-fetcher';

/**
 * POST /v1/admin/unfurl (admin guard applied by the app): a page's preview, a 422 saying why not, or a
 * 503 with Retry-After while the server fetches as many pages as it allows.
 */
export function unfurlRoutes(fetcher: PageFetcher) {
  return new Hono<AppEnv>().post('/v1/admin/unfurl', limitBody, async (c) => {
    const { url } = await readJson(c, UnfurlRequest);
    try {
      return c.json(await fetcher.unfurl(url));
    } catch (error) {
      if (error instanceof UnfurlBusy) {
        throw new HttpProblem({
          status: 503,
          kind: 'unfurl-busy',
          title: 'Too many pages are being fetched',
          detail: error.message,
          headers: { 'Retry-After': String(error.retryAfterSeconds) },
        });
      }
      if (!(error instanceof UnfurlError)) throw error;
      // A page that cannot be fetched is a fact about the URL the curator gave, so 422, not 502.
      throw new HttpProblem(
        error.reason === 'refused'
          ? { status: 422, kind: 'unfurl-refused', title: 'This address cannot be fetched', detail: error.message }
          : { status: 422, kind: 'unfurl-failed', title: 'The page could not be fetched', detail: error.message },
      );
    }
  });
}
