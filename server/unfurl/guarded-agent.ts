import { promises as dns, type LookupAddress } from 'node:dns';
import type { LookupFunction, Socket } from 'node:net';
import { Agent, buildConnector } from 'undici';
import type { AddressPolicy } from './address-policy';

/** Every address a host name resolves to. Injected in tests (a name that resolves to 10.0.0.1). */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolver: Resolver = (hostname) => dns.lookup(hostname, { all: true, verbatim: true });

/** The fetcher refused an address: a 422 for the curator, never a retry. */
export class RefusedAddress extends Error {
  override name = 'RefusedAddress';
}

const familyOf = (family: unknown): 0 | 4 | 6 =>
  family === 4 || family === 'IPv4' ? 4 : family === 6 || family === 'IPv6' ? 6 : 0;

/**
 * A `lookup` for net/tls.connect that hands the socket only addresses the policy accepts. The check sits
 * inside the connection itself, so what was checked is what gets connected to (no resolve-then-connect
 * gap a rebinding DNS server could use).
 */
function guardedLookup(policy: AddressPolicy, resolve: Resolver): LookupFunction {
  return (hostname, options, callback) => {
    const family = familyOf(options.family);
    resolve(hostname).then(
      (all) => {
        const candidates = all.filter((a) => family === 0 || a.family === family);
        const usable = candidates.filter((a) => policy.refusal(a.address) === null);
        const first = usable[0];
        if (!first) {
          const shown = candidates[0];
          const why = shown
            ? `${hostname} resolves to ${shown.address}, ${policy.refusal(shown.address)}`
            : `${hostname} has no address`;
          callback(new RefusedAddress(why) as NodeJS.ErrnoException, '', 0);
          return;
        }
        // Node asks for every address when it races IPv4 and IPv6 (autoSelectFamily).
        if (options.all) (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, usable);
        else callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}

/**
 * An undici dispatcher whose every connection is checked twice: the resolved addresses before
 * connecting, then the socket's actual peer address once connected (covers IP literals, which skip
 * `lookup`, and anything a future Node does differently).
 */
export function guardedAgent(policy: AddressPolicy, resolve: Resolver, connectTimeoutMs: number): Agent {
  const connect = buildConnector({
    lookup: guardedLookup(policy, resolve),
    timeout: connectTimeoutMs,
  } as buildConnector.BuildOptions);
  const checkedConnect: buildConnector.connector = (options, callback) => {
    connect(options, (error, socket) => {
      if (error || !socket) {
        callback(error ?? new Error('connection failed'), null);
        return;
      }
      const peer = (socket as Socket).remoteAddress ?? '';
      const why = policy.refusal(peer);
      if (why) {
        socket.destroy();
        callback(new RefusedAddress(`${options.hostname} is at ${peer}, ${why}`), null);
        return;
      }
      callback(null, socket);
    });
  };
  // One request per connection: pages come from many hosts and are fetched rarely, and an idle pooled
  // socket would keep a process that has finished alive.
  return new Agent({ connect: checkedConnect, pipelining: 0, keepAliveTimeout: 10, keepAliveMaxTimeout: 10 });
}
