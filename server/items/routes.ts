import { Hono } from 'hono';
import { ItemCreate, ItemPatch } from '../../lib/contract/items';
import type { AppEnv } from '../auth/principal';
import { problems } from '../http/problem';
import { limitBody, readJson } from '../http/validate';
import type { ItemRepository } from './repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const noSuchItem = (id: string) => problems.notFound(`There is no item with id ${id}`);

/** A path id that is not even a UUID names no item: 404, like any other unknown id. */
function itemId(raw: string): string {
  if (!UUID.test(raw)) throw noSuchItem(raw);
  return raw.toLowerCase();
}

/** /v1/admin/items (admin guard applied by the app). */
export function adminItemRoutes(items: ItemRepository) {
  return new Hono<AppEnv>()
    .get('/v1/admin/items', async (c) => c.json({ items: await items.list() }))
    .post('/v1/admin/items', limitBody, async (c) => {
      const input = await readJson(c, ItemCreate);
      const item = await items.create(input);
      return c.json(item, 201, { Location: `/v1/admin/items/${item.id}` });
    })
    .get('/v1/admin/items/:id', async (c) => {
      const id = itemId(c.req.param('id'));
      const item = await items.get(id);
      if (!item) throw noSuchItem(id);
      return c.json(item);
    })
    .patch('/v1/admin/items/:id', limitBody, async (c) => {
      const id = itemId(c.req.param('id'));
      const changes = await readJson(c, ItemPatch);
      const item = await items.patch(id, changes);
      if (!item) throw noSuchItem(id);
      return c.json(item);
    })
    .delete('/v1/admin/items/:id', async (c) => {
      const id = itemId(c.req.param('id'));
      if (!(await items.delete(id))) throw noSuchItem(id);
      return c.body(null, 204);
    });
}
