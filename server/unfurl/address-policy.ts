import ipaddr from 'ipaddr.js';

/**
 * Which addresses the page fetcher may connect to. Only globally routable unicast addresses: anything
 * else (private, loopback, link-local, unique-local, CGNAT, multicast, unspecified, documentation,
 * IPv6 transition ranges that embed an IPv4 address) could reach the server's own network.
 */
export interface AddressPolicy {
  /** A reason the address is refused ("a loopback address"), or null when it may be used. */
  refusal(address: string): string | null;
}

const READABLE: Record<string, string> = {
  unspecified: 'an unspecified address',
  broadcast: 'a broadcast address',
  multicast: 'a multicast address',
  linkLocal: 'a link-local address',
  loopback: 'a loopback address',
  carrierGradeNat: 'a carrier-grade NAT address',
  private: 'a private address',
  uniqueLocal: 'a unique-local address',
  reserved: 'a reserved address',
};

/** The ipaddr.js range of an address, IPv4-mapped IPv6 (::ffff:10.0.0.1) judged as the IPv4 it carries. */
export function rangeOf(address: string): string | null {
  if (!ipaddr.isValid(address)) return null;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  return parsed.range();
}

/**
 * The production policy, optionally widened by CIDR ranges for tests (a local page server on 127.0.0.1).
 * The widening is a constructor argument only: no request, header or environment variable can set it.
 */
export function addressPolicy(allowedRanges: readonly string[] = []): AddressPolicy {
  const allowed = allowedRanges.map((cidr) => ipaddr.parseCIDR(cidr));
  const inAllowed = (address: string) => {
    const parsed = ipaddr.process(address);
    return allowed.some(([net, bits]) => net.kind() === parsed.kind() && parsed.match([net, bits] as never));
  };
  return {
    refusal(address) {
      const range = rangeOf(address);
      if (range === null) return 'not an IP address';
      if (range === 'unicast') return null;
      if (inAllowed(address)) return null;
      return READABLE[range] ?? `a special-purpose address (${range})`;
    },
  };
}
