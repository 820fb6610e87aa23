import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Me } from '../../lib/contract/reach';
import { expectProblem, harness, type Harness } from '../test-support';

let h: Harness;
let ana: { token: string; id: string };
beforeEach(async () => {
  h = await harness();
  ana = await h.employee('Ana', 'admin');
});
afterEach(() => h.close());

const patch = (audience: unknown) => h.as(ana.token, '/v1/me', { method: 'PATCH', json: { audience } });

describe('/v1/me', () => {
  it('shows who I am with the benchmark audience by default', async () => {
    const me = Me.parse(await (await h.as(ana.token, '/v1/me')).json());
    expect(me).toEqual({
      id: ana.id,
      name: 'Ana',
      role: 'admin',
      audience: { linkedin: 459, x: 772 },
      audienceIsDefault: { linkedin: true, x: true },
    });
  });

  it('sets one figure, leaves the other, and null returns to the default', async () => {
    let me = Me.parse(await (await patch({ x: 3000 })).json());
    expect(me.audience).toEqual({ linkedin: 459, x: 3000 });
    expect(me.audienceIsDefault).toEqual({ linkedin: true, x: false });
    me = Me.parse(await (await patch({ linkedin: 0 })).json());
    expect(me.audience).toEqual({ linkedin: 0, x: 3000 });
    me = Me.parse(await (await patch({ x: null })).json());
    expect(me.audience).toEqual({ linkedin: 0, x: 772 });
    expect(Me.parse(await (await h.as(ana.token, '/v1/me')).json()).audience).toEqual({ linkedin: 0, x: 772 });
  });

  it.each([
    [{}, 'audience'],
    [{ linkedin: -1 }, 'audience.linkedin'],
    [{ x: 1.5 }, 'audience.x'],
    [{ x: '100' }, 'audience.x'],
  ])('rejects %j with 422 at %s', async (audience, path) => {
    const body = await expectProblem(await patch(audience), 422);
    expect(body.errors?.map((e) => e.path)).toContain(path);
  });
});
