// The parts of autocannon 9's programmatic API the bench uses (the package ships no types).
declare module 'autocannon' {
  import type { IncomingHttpHeaders } from 'node:http';

  export interface Request {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
  }
  export type RequestContext = Record<string, unknown>;
  export interface RequestSpec extends Request {
    setupRequest?: (req: Request, context: RequestContext) => Request;
    onResponse?: (status: number, body: string, context: RequestContext, headers: IncomingHttpHeaders) => void;
  }
  export interface Options {
    url: string | string[];
    connections?: number;
    duration?: number;
    amount?: number;
    pipelining?: number;
    timeout?: number;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    requests?: RequestSpec[];
    /** Replace `[<id>]` anywhere in each request with a fresh unique id. */
    idReplacement?: boolean;
  }
  export interface Histogram {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    total: number;
    p50: number;
    p90: number;
    p99: number;
    /** requests only: how many were sent (answered or not). */
    sent: number;
  }
  export interface Result {
    url: string | string[];
    duration: number;
    requests: Histogram;
    latency: Histogram;
    throughput: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
    statusCodeStats: Record<string, { count: number }>;
  }
  function autocannon(opts: Options): Promise<Result> & { stop(): void };
  export default autocannon;
}
