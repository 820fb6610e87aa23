import type { MiddlewareHandler } from 'hono';
import ipaddr from 'ipaddr.js';
import type { Clock } from '../clock';
import { clientAddress } from './client-address';
import { HttpProblem } from './problem';

export interface RatePolicy {
  /** Requests one address may make at once. */
  burst: number;
  /** One more request is allowed after this long (the sustained rate). */
  refillEveryMs: number;
  /**
   * Count only refused attempts (a wrong code): a successful one gives its token back, so a whole office
   * behind one address can redeem its invitations on launch day while guessing stays slow.
   */
  failuresOnly?: boolean;
}

/** Wrong invite codes: 10 at once, then one every 6 s (10 a minute) per address. */
export const CODE_GUESSES: RatePolicy = { burst: 10, refillEveryMs: 6_000, failuresOnly: true };
/** Starting a single sign-on writes a row: 60 at once, then one a second per address. */
export const SIGN_IN_STARTS: RatePolicy = { burst: 60, refillEveryMs: 1_000 };

/** More addresses than this are not remembered: the limiter's memory is bounded whatever the traffic. */
export const MAX_TRACKED_ADDRESSES = 10_000;

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per key, in this process's memory: each instance behind a load balancer limits on its
 * own, so N instances allow up to N times the rate (still far from a useful guessing speed).
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly policy: RatePolicy,
    private readonly maxKeys = MAX_TRACKED_ADDRESSES,
  ) {}

  /** Takes a token: 0 when allowed, otherwise how many ms until the next one. */
  take(key: string, now: number): number {
    const bucket = this.refilled(key, now);
    if (bucket.tokens < 1) return Math.max(1, Math.ceil((1 - bucket.tokens) * this.policy.refillEveryMs));
    bucket.tokens -= 1;
    return 0;
  }

  /** Gives back a token taken for an attempt that turned out not to count. */
  giveBack(key: string): void {
    const bucket = this.buckets.get(key);
    if (bucket) bucket.tokens = Math.min(this.policy.burst, bucket.tokens + 1);
  }

  get size(): number {
    return this.buckets.size;
  }

  private refilled(key: string, now: number): Bucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= this.maxKeys) this.makeRoom(now);
      bucket = { tokens: this.policy.burst, at: now };
      this.buckets.set(key, bucket);
      return bucket;
    }
    const earned = (now - bucket.at) / this.policy.refillEveryMs;
    if (earned > 0) {
      bucket.tokens = Math.min(this.policy.burst, bucket.tokens + earned);
      bucket.at = now;
    }
    return bucket;
  }

  /** A full bucket is the same as none: drop those first, then the longest-known keys. */
  private makeRoom(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) / this.policy.refillEveryMs >= this.policy.burst) this.buckets.delete(key);
    }
    const excess = this.buckets.size - Math.floor(this.maxKeys * 0.9);
    if (excess <= 0) return;
    let dropped = 0;
    for (const key of this.buckets.keys()) {
      if (dropped++ >= excess) break;
      this.buckets.delete(key);
    }
  }
}

/**
 * The key for an address: an IPv6 client gets a whole /64 (what one subscriber is given), or it could
 * take a fresh address for every attempt. IPv4-mapped IPv6 is the IPv4 address.
 */
export function addressKey(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const v6 = parsed as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address().toString();
  return `${v6.parts
    .slice(0, 4)
    .map((p) => p.toString(16))
    .join(':')}::/64`;
}

export const rateLimited = (retryAfterS: number) =>
  new HttpProblem({
    status: 429,
    kind: 'rate-limited',
    title: 'Too many requests',
    detail: `Too many attempts from this address; try again in ${retryAfterS} s`,
    headers: { 'Retry-After': String(retryAfterS) },
  });

export interface RateLimitOptions {
  trustProxy: boolean;
  now: Clock;
}

/** Per-address limit for a public route; a limited caller gets 429 problem+json with Retry-After. */
export function rateLimit(policy: RatePolicy, options: RateLimitOptions): MiddlewareHandler {
  const buckets = new TokenBuckets(policy);
  return async (c, next) => {
    const key = addressKey(clientAddress(c, options.trustProxy));
    const waitMs = buckets.take(key, options.now());
    if (waitMs > 0) throw rateLimited(Math.ceil(waitMs / 1000));
    await next();
    if (policy.failuresOnly && c.res.status < 400) buckets.giveBack(key);
  };
}
