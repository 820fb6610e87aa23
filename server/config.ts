import { z } from 'zod';
import { LOG_LEVELS, type LogLevel } from './log/logger';
import { MAX_SHARES_PER_DAY } from './shares/share-rules';

const DEFAULT_CORS = 'chrome-extension://*,moz-extension://*';

const originEntry = z
  .string()
  .regex(
    /^(?:[a-z][a-z0-9+.-]*:\/\/[^/\s*]+|(?:chrome|moz)-extension:\/\/\*)$/i,
    'must be an origin such as chrome-extension://<your extension id> or https://admin.example.com, or chrome-extension://* or moz-extension://* (any extension)',
  );

const flag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const EnvSchema = z.object({
  PORT: z.coerce.number({ error: 'must be a number' }).int('must be an integer').min(0).max(65535).default(8787),
  HOST: z.string().trim().min(1, 'must not be empty').default('127.0.0.1'),
  RELAY_DB: z.string().trim().min(1, 'must not be empty').default('./data/relay.db'),
  /** PostgreSQL instead of the SQLite file RELAY_DB. */
  DATABASE_URL: z
    .string()
    .trim()
    .regex(
      /^postgres(?:ql)?:\/\/\S+$/i,
      'must be a PostgreSQL URL such as postgres://relay:password@db.example.com:5432/relay',
    )
    .optional(),
  RELAY_ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters (it is an admin password)').optional(),
  RELAY_PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://relay.example.com' })
    .optional(),
  RELAY_CORS_ORIGINS: z
    .string()
    .default(DEFAULT_CORS)
    .transform((s) =>
      s
        .split(',')
        .map((e) => e.trim())
        .filter(Boolean),
    )
    .pipe(z.array(originEntry)),
  RELAY_TRUST_PROXY: flag.default(false),
  /** A session (token) ends after this many days without use; each use moves the end. Fractions allowed. */
  RELAY_SESSION_IDLE_DAYS: z.coerce
    .number({ error: 'must be a number of days' })
    .positive('must be more than 0')
    .max(3650)
    .default(90),
  /** Single sign-on (OpenID Connect): all three, or none. */
  RELAY_OIDC_ISSUER: z
    .url({ protocol: /^https?$/, error: "must be the provider's issuer URL, such as https://login.example.com" })
    .optional(),
  RELAY_OIDC_CLIENT_ID: z.string().trim().min(1).optional(),
  RELAY_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /**
   * How often buffered clicks are written: what a crash can lose (group commit). Tests raise it to prove that
   * shutdown flushes.
   */
  RELAY_CLICK_FLUSH_MS: z.coerce.number().int().min(10).max(3_600_000).default(25),
  /**
   * End-to-end tests only: let the page fetcher of POST /v1/admin/unfurl reach 127.0.0.0/8 and ::1 on any
   * port (a local test page server). Refused when NODE_ENV is production; nothing over HTTP can set it.
   */
  RELAY_UNFURL_ALLOW_LOOPBACK: flag.default(false),
  NODE_ENV: z.string().optional(),
  RELAY_MAX_SHARES_PER_DAY: z.coerce.number({ error: 'must be a number' }).int().min(1).default(MAX_SHARES_PER_DAY),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
});

export interface Config {
  port: number;
  host: string;
  /** What openDatabase opens: DATABASE_URL when set, else the SQLite file RELAY_DB. */
  database: string;
  dbFile: string;
  adminToken?: string;
  /** Set when RELAY_PUBLIC_URL is given; otherwise derived from where the server listens. */
  publicUrl?: string;
  corsOrigins: string[];
  trustProxy: boolean;
  clickFlushMs: number;
  /** How long a token may go unused before it is refused (RELAY_SESSION_IDLE_DAYS). */
  sessionIdleMs: number;
  /** Single sign-on, when RELAY_OIDC_ISSUER, RELAY_OIDC_CLIENT_ID and RELAY_OIDC_CLIENT_SECRET are all set. */
  oidc?: OidcSettings;
  /** Tests only (RELAY_UNFURL_ALLOW_LOOPBACK): the unfurl fetcher may reach loopback addresses on any port. */
  unfurlAllowLoopback: boolean;
  /** LOG_LEVEL: the JSON log on stdout (access lines are `info`). */
  logLevel: LogLevel;
  /** RELAY_MAX_SHARES_PER_DAY: shares one person can make in a UTC day before more are refused. */
  maxSharesPerDay: number;
}

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads the environment once at start-up; a bad value stops the process with a message naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty variables (e.g. `PORT=` in a .env file) mean "use the default", as in most tools.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const name = String(i.path[0] ?? 'environment');
      const got =
        typeof env[name] === 'string' && !/TOKEN|SECRET|DATABASE_URL/.test(name) ? ` (got "${env[name]}")` : '';
      return `  ${name}: ${i.message}${got}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.RELAY_UNFURL_ALLOW_LOOPBACK && e.NODE_ENV === 'production') {
    throw new ConfigError(
      'Invalid configuration:\n  RELAY_UNFURL_ALLOW_LOOPBACK: is for tests only and cannot be set when NODE_ENV is production',
    );
  }
  const oidcParts = [e.RELAY_OIDC_ISSUER, e.RELAY_OIDC_CLIENT_ID, e.RELAY_OIDC_CLIENT_SECRET];
  if (oidcParts.some((v) => v !== undefined) && oidcParts.some((v) => v === undefined)) {
    const missing = (['RELAY_OIDC_ISSUER', 'RELAY_OIDC_CLIENT_ID', 'RELAY_OIDC_CLIENT_SECRET'] as const).filter(
      (k) => e[k] === undefined,
    );
    throw new ConfigError(
      `Invalid configuration:\n  ${missing.join(', ')}: single sign-on needs RELAY_OIDC_ISSUER, RELAY_OIDC_CLIENT_ID and RELAY_OIDC_CLIENT_SECRET together`,
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL ?? e.RELAY_DB,
    dbFile: e.RELAY_DB,
    adminToken: e.RELAY_ADMIN_TOKEN,
    publicUrl: e.RELAY_PUBLIC_URL?.replace(/\/+$/, ''),
    corsOrigins: e.RELAY_CORS_ORIGINS,
    trustProxy: e.RELAY_TRUST_PROXY,
    clickFlushMs: e.RELAY_CLICK_FLUSH_MS,
    sessionIdleMs: Math.round(e.RELAY_SESSION_IDLE_DAYS * 86_400_000),
    ...(e.RELAY_OIDC_ISSUER && e.RELAY_OIDC_CLIENT_ID && e.RELAY_OIDC_CLIENT_SECRET
      ? {
          oidc: {
            issuer: e.RELAY_OIDC_ISSUER,
            clientId: e.RELAY_OIDC_CLIENT_ID,
            clientSecret: e.RELAY_OIDC_CLIENT_SECRET,
          },
        }
      : {}),
    unfurlAllowLoopback: e.RELAY_UNFURL_ALLOW_LOOPBACK,
    logLevel: e.LOG_LEVEL,
    maxSharesPerDay: e.RELAY_MAX_SHARES_PER_DAY,
  };
}

/** The origin written into tracked links when RELAY_PUBLIC_URL is not set. */
export function defaultPublicUrl(host: string, port: number): string {
  const h = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  // 0.0.0.0 listens everywhere but is not an address a reader's browser can open.
  const shown = h === '0.0.0.0' || h === '[::]' ? '127.0.0.1' : h;
  return `http://${shown}:${port}`;
}
