import { Hono } from 'hono';
import {
  SuggestionAccept,
  SuggestionCreate,
  SuggestionListQuery,
  type SuggestionAccepted,
  type SuggestionList,
} from '../../lib/contract/suggestions';
import { employeeOf } from '../auth/middleware';
import type { AppEnv } from '../auth/principal';
import { HttpProblem, problems } from '../http/problem';
import { limitBody, readJson, readQuery } from '../http/validate';
import type { ItemRepository } from '../items/repository';
import { normaliseUrl, type Decision, type SuggestionRepository } from './repository';

const MAX_URL_LENGTH = 2048;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const noSuchSuggestion = (id: string) => problems.notFound(`There is no suggestion with id ${id}`);

function suggestionId(raw: string): string {
  if (!UUID.test(raw)) throw noSuchSuggestion(raw);
  return raw.toLowerCase();
}

/** Page cursors: "<created_at>.<id>" in base64url, opaque to clients. */
export const encodePageCursor = (at: { createdAt: number; id: string }) =>
  Buffer.from(`${at.createdAt}.${at.id}`).toString('base64url');

export function decodePageCursor(cursor: string): { createdAt: number; id: string } | null {
  const match = /^(\d{1,16})\.([0-9a-f-]{36})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match ? { createdAt: Number(match[1]), id: match[2]! } : null;
}

/** The answer when the suggestion exists but a curator already decided on it. */
function unwrap(decision: Decision, id: string) {
  if (decision.status === 'missing') throw noSuchSuggestion(id);
  if (decision.status === 'decided') {
    throw new HttpProblem({
      status: 409,
      kind: 'already-decided',
      title: 'Suggestion already decided',
      detail: `This suggestion was already ${decision.suggestion.status}`,
    });
  }
  return decision.suggestion;
}

/** POST /v1/suggestions (any signed-in employee; bearer applied by the app). */
export function suggestionRoutes(suggestions: SuggestionRepository) {
  return new Hono<AppEnv>().post('/v1/suggestions', limitBody, async (c) => {
    const employeeId = employeeOf(c);
    const { url, note } = await readJson(c, SuggestionCreate);
    // Normalising may percent-encode characters; the result must still fit an item's URL.
    if (normaliseUrl(url).length > MAX_URL_LENGTH) {
      throw problems.invalidBody([
        { path: 'url', message: `is longer than ${MAX_URL_LENGTH} characters once percent-encoded` },
      ]);
    }
    const { suggestion, created } = await suggestions.suggest(employeeId, url, note);
    return c.json(suggestion, created ? 201 : 200);
  });
}

export interface AdminSuggestionDeps {
  suggestions: SuggestionRepository;
  items: ItemRepository;
}

/** /v1/admin/suggestions (admin guard applied by the app). */
export function adminSuggestionRoutes({ suggestions, items }: AdminSuggestionDeps) {
  return new Hono<AppEnv>()
    .get('/v1/admin/suggestions', async (c) => {
      const { status, limit, before } = readQuery(c, SuggestionListQuery);
      const after = before === undefined ? undefined : decodePageCursor(before);
      if (after === null)
        throw problems.invalidQuery([{ path: 'before', message: 'is not a cursor this server issued' }]);
      const page = await suggestions.list(status, limit, after);
      const body: SuggestionList = {
        suggestions: page.suggestions,
        next: page.next ? encodePageCursor(page.next) : null,
      };
      return c.json(body);
    })
    .post('/v1/admin/suggestions/:id/dismiss', async (c) => {
      const id = suggestionId(c.req.param('id'));
      return c.json(unwrap(await suggestions.dismiss(id), id));
    })
    .post('/v1/admin/suggestions/:id/accept', limitBody, async (c) => {
      const id = suggestionId(c.req.param('id'));
      const fields = await readJson(c, SuggestionAccept);
      // Claimed before the item exists, so two curators accepting at once cannot both create one;
      // released again when the item is refused (e.g. a caption breaks the policy).
      const suggestion = unwrap(await suggestions.claim(id), id);
      let itemId: string;
      try {
        itemId = (await items.create({ ...fields, url: fields.url ?? suggestion.url })).id;
      } catch (error) {
        await suggestions.release(id);
        throw error;
      }
      const body: SuggestionAccepted = {
        item: (await items.get(itemId))!,
        suggestion: await suggestions.linkItem(id, itemId),
      };
      return c.json(body, 201, { Location: `/v1/admin/items/${itemId}` });
    });
}
