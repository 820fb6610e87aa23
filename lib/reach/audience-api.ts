import type { FetchLike } from '../api/client';
import { ApiError, InvalidResponseError, UnreachableError } from '../api/errors';
import { Problem } from '../contract/common';
import { Me, type MePatch } from '../contract/reach';
import type { Connection } from '../settings';

/*
 * PATCH /v1/me: the one call lib/api's client does not have yet (its owner is extending it in parallel).
 * Same habits as the client: bearer token, no cookies, a timeout, every answer checked against the contract,
 * the same three error kinds. Move it into lib/api/client.ts when convenient.
 */

const TIMEOUT_MS = 15_000;

/** Send the audience figures reach is computed with; null returns a network to the benchmark default. */
export async function patchMe(connection: Connection, patch: MePatch, fetchImpl?: FetchLike): Promise<Me> {
  const base = connection.serverUrl.replace(/\/+$/, '');
  const doFetch: FetchLike = fetchImpl ?? ((input, init) => fetch(input, init));
  let res: Response;
  try {
    res = await doFetch(`${base}/v1/me`, {
      method: 'PATCH',
      headers: {
        Accept: 'application/json, application/problem+json',
        'Content-Type': 'application/json',
        Authorization: `Bearer ${connection.token}`,
      },
      body: JSON.stringify(patch),
      credentials: 'omit',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (err) {
    throw new UnreachableError(base, undefined, { cause: err });
  }
  let body: unknown;
  try {
    const text = await res.text();
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!res.ok) {
    const problem = Problem.safeParse(body);
    if (problem.success) throw new ApiError(res.status, problem.data.title, problem.data.detail || problem.data.title);
    throw new ApiError(res.status, `HTTP ${res.status}`, `The server at ${base} answered ${res.status}.`);
  }
  const me = Me.safeParse(body);
  if (!me.success) throw new InvalidResponseError(base, me.error.issues[0]?.message ?? 'unexpected shape');
  return me.data;
}
