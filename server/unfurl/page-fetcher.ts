import { pipeline, type Readable } from 'node:stream';
import type { Dispatcher } from 'undici';
import { request } from 'undici';
import type { Unfurl } from '../../lib/contract/unfurl';
import { addressPolicy, type AddressPolicy } from './address-policy';
import { guardedAgent, RefusedAddress, systemResolver, type Resolver } from './guarded-agent';
import { describeNetworkError, failed, findCause, refused, UnfurlBusy, UnfurlError } from './fetch-errors';
import { charsetOf, DECOMPRESSORS, discard, readHead } from './page-decoding';
import { LIMITS, type HeadMetadataReader } from './page-metadata';
import { Slots } from './slots';

export interface PageFetcherOptions {
  /** Whole fetch, redirects included. */
  timeoutMs?: number;
  /** Bytes of the body read at most; the head of nearly every page fits well within. */
  maxBytes?: number;
  maxRedirects?: number;
  /** Tests only: CIDR ranges let through the address policy (a page server on 127.0.0.1). */
  allowedRanges?: readonly string[];
  /** Tests only: any port rather than 80 and 443 (a page server on an ephemeral port). */
  allowAnyPort?: boolean;
  /** Tests only: a resolver standing in for DNS. */
  resolve?: Resolver;
  /** Fetches running at once; each holds a socket and a parser for up to `timeoutMs`. */
  maxConcurrent?: number;
  /** Fetches waiting for one of those to end; beyond, UnfurlBusy. */
  maxQueued?: number;
}

export const FETCH_DEFAULTS = {
  timeoutMs: 5000,
  maxBytes: 1024 * 1024,
  maxRedirects: 5,
  maxConcurrent: 4,
  maxQueued: 4,
} as const;

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * Fetches a web page to prefill an item, treating the URL as hostile: http(s) on ports 80/443 only, no
 * credentials, no address outside the public internet (checked on the connection itself, on every
 * redirect hop), a deadline for the whole fetch, a byte cap, HTML only, streamed and parsed only up to
 * the end of the head.
 */
export class PageFetcher {
  private readonly options: Required<Omit<PageFetcherOptions, 'resolve' | 'allowedRanges'>>;
  private readonly policy: AddressPolicy;
  private readonly agent: Dispatcher & { close(): Promise<void> };
  private readonly slots: Slots;

  constructor(options: PageFetcherOptions = {}) {
    const maxConcurrent = Math.max(1, options.maxConcurrent ?? FETCH_DEFAULTS.maxConcurrent);
    this.options = {
      timeoutMs: options.timeoutMs ?? FETCH_DEFAULTS.timeoutMs,
      maxBytes: options.maxBytes ?? FETCH_DEFAULTS.maxBytes,
      maxRedirects: options.maxRedirects ?? FETCH_DEFAULTS.maxRedirects,
      allowAnyPort: options.allowAnyPort ?? false,
      maxConcurrent,
      // No longer a line than there are slots: each fetch ends within its deadline, so nobody in the
      // line waits longer than one deadline before their own fetch starts.
      maxQueued: Math.min(Math.max(0, options.maxQueued ?? FETCH_DEFAULTS.maxQueued), maxConcurrent),
    };
    this.policy = addressPolicy(options.allowedRanges);
    this.agent = guardedAgent(this.policy, options.resolve ?? systemResolver, this.options.timeoutMs);
    this.slots = new Slots(this.options.maxConcurrent, this.options.maxQueued);
  }

  /**
   * The page's preview. A curator pasting URLs (or a script with an admin token) cannot tie up the
   * server: past `maxConcurrent` fetches at once and `maxQueued` waiting, the answer is UnfurlBusy at once.
   * A URL that is refused outright never takes a slot.
   */
  async unfurl(address: string): Promise<Unfurl> {
    const start = this.check(address);
    const turn = this.slots.take();
    if (!turn) throw new UnfurlBusy(this.options.maxConcurrent, Math.ceil(this.options.timeoutMs / 1000));
    await turn;
    // The deadline starts with the fetch, not with the wait for a slot.
    const deadline = AbortSignal.timeout(this.options.timeoutMs);
    try {
      return await this.follow(start, deadline);
    } catch (error) {
      if (error instanceof UnfurlError) throw error;
      if (deadline.aborted) throw failed(`timed out after ${seconds(this.options.timeoutMs)}`);
      const refusal = findCause(error, (e) => e instanceof RefusedAddress);
      if (refusal) throw refused(`the address is not allowed: ${refusal.message}`);
      throw failed(describeNetworkError(error));
    } finally {
      this.slots.give();
    }
  }

  close(): Promise<void> {
    return this.agent.close();
  }

  private async follow(start: URL, signal: AbortSignal): Promise<Unfurl> {
    let url = start;
    for (let hop = 0; ; hop++) {
      const res = await request(url, {
        dispatcher: this.agent,
        method: 'GET',
        signal,
        headers: {
          accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1',
          // Compressed pages are welcome: maxBytes caps what is decompressed, so a zip bomb costs nothing.
          'accept-encoding': 'gzip, deflate, br',
          'user-agent': 'Mozilla/5.0 (compatible; RelayLinkPreview/1.0)',
        },
      });
      if (REDIRECTS.has(res.statusCode)) {
        discard(res.body);
        const location = header(res.headers, 'location');
        if (!location) throw failed(`it answered ${res.statusCode} without a Location`);
        if (hop >= this.options.maxRedirects) throw failed(`more than ${this.options.maxRedirects} redirects`);
        let next: URL;
        try {
          next = new URL(location, url);
        } catch {
          throw failed(`it redirected to an address that is not a URL (${location.slice(0, 100)})`);
        }
        url = this.check(next.href, 'redirected to ');
        continue;
      }
      if (res.statusCode < 200 || res.statusCode > 299) {
        discard(res.body);
        throw failed(`it answered ${res.statusCode}`);
      }
      const type = header(res.headers, 'content-type') ?? '';
      const mime = type.split(';')[0]!.trim().toLowerCase();
      if (!HTML_TYPES.has(mime)) {
        discard(res.body);
        throw failed(mime ? `it is not a web page (${mime})` : 'it did not say what it is (no Content-Type)');
      }
      const encoding = (header(res.headers, 'content-encoding') ?? 'identity').trim().toLowerCase();
      const decompress = DECOMPRESSORS[encoding];
      if (!decompress && encoding !== 'identity') {
        discard(res.body);
        throw failed(`it was sent in an encoding Relay does not read (${encoding.slice(0, 40)})`);
      }
      // pipeline, not pipe: an abort or a damaged body must end the decompressed stream too.
      const body: Readable = decompress ? pipeline(res.body, decompress(), () => {}) : res.body;
      let page: HeadMetadataReader;
      try {
        page = await readHead(body, charsetOf(type), this.options.maxBytes);
      } catch (err) {
        if (decompress && !signal.aborted) throw failed(`its compressed (${encoding}) body is damaged`);
        throw err;
      } finally {
        if (body !== res.body) discard(res.body);
      }
      return { url: url.href, ...page.finish(url.href) };
    }
  }

  /** The URL if it may be fetched; a refusal naming what is wrong otherwise. */
  private check(raw: string, context = ''): URL {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw refused(`${context}"${raw.slice(0, 100)}" is not a URL`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw refused(`${context}a ${url.protocol.replace(':', '')} URL; only http and https pages can be fetched`);
    }
    if (url.username || url.password) throw refused(`${context}a URL with a user name or password`);
    if (url.href.length > LIMITS.url) throw refused(`${context}a URL longer than ${LIMITS.url} characters`);
    const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
    if (port !== 80 && port !== 443 && !this.options.allowAnyPort) {
      throw refused(`${context}port ${port}; only ports 80 and 443 are allowed`);
    }
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (/^[\d.]+$/.test(host) || host.includes(':')) {
      const why = this.policy.refusal(host);
      if (why) throw refused(`${context}${host}, ${why}`);
    }
    return url;
  }
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

const seconds = (ms: number) => (ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`);
