import type { FetchLike } from '../api/client';
import { getConnection as storedConnection, markSessionEnded, sessionEndedItem, type Connection } from '../settings';
import type { ManagedSettings } from '../settings/managed';

/**
 * Every request the background makes goes through this fetch: a 401 to a request that carried a token,
 * whatever asked (queue, outbox, reach, policy…), ends that token's session, so every page shows "sign in again".
 */
export function sessionFetch(fetch: FetchLike): FetchLike {
  return async (input, init) => {
    const response = await fetch(input, init);
    if (response.status === 401) {
      const token = /^Bearer (.+)$/.exec(new Headers(init.headers).get('Authorization') ?? '')?.[1];
      if (token) await markSessionEnded(token).catch(() => undefined);
    }
    return response;
  };
}

/**
 * The connection to use, or null: none after the server refused the token (sending it again only earns
 * another 401), and none when the company's policy names another server than the one the token is for
 * (the token must not travel to a server it was not issued by).
 */
export async function usableConnection(managed: () => Promise<ManagedSettings>): Promise<Connection | null> {
  const [connection, ended, policy] = await Promise.all([storedConnection(), sessionEndedItem.getValue(), managed()]);
  if (!connection || ended) return null;
  if (policy.serverUrl && policy.serverUrl !== connection.serverUrl) return null;
  return connection;
}
