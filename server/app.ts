import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { requireAdmin, requireBearer } from './auth/middleware';
import type { AppEnv } from './auth/principal';
import { inviteRoutes, redeemRoutes } from './auth/routes';
import { joinPageRoutes } from './auth/join-page';
import { signOutRoutes } from './auth/sessions';
import { ssoRoutes } from './auth/sso-routes';
import { TokenCache } from './auth/token-cache';
import { systemClock, type Clock } from './clock';
import { healthRoutes } from './health/routes';
import type { OidcSettings } from './config';
import { openDatabase, type Database } from './db/database';
import { corsAnswerHeaders, corsFor } from './http/cors';
import { silentLog, type Log } from './log/logger';
import { notFound, onErrorLogged } from './http/fallbacks';
import { firstOf, type NodeShortcut } from './http/node-listener';
import { ItemRepository } from './items/repository';
import { adminItemRoutes } from './items/routes';
import { analyticsRoutes } from './analytics/routes';
import { ClickBuffer } from './links/click-buffer';
import { LinkTargets } from './links/link-targets';
import { knownLinkShortcut, redirectHandler } from './links/redirect';
import { TrackedLinks } from './links/tracked-links';
import { visitorHashFrom } from './links/visitor-hash';
import { SharedChanges } from './db/change-sequence';
import { EmployeeDirectory } from './employees/repository';
import { adminEmployeeRoutes } from './employees/routes';
import { exportRoutes } from './me/export';
import { meRoutes } from './me/routes';
import { openApiRoutes } from './openapi/routes';
import { assertCaptionsAllowed } from './policy/check-captions';
import { PolicyRepository } from './policy/repository';
import { adminPolicyRoutes, policyRoutes } from './policy/routes';
import { QueueVersion } from './queue/queue-version';
import { queueRoutes } from './queue/routes';
import { unchangedQueueShortcut } from './queue/unchanged-queue';
import { reachRoutes } from './reach/routes';
import { ShareRecorder } from './shares/record-shares';
import { shareRoutes } from './shares/routes';
import { ShareRules } from './shares/share-rules';
import { SiteProfileRepository } from './site-profiles/repository';
import { adminSiteProfileRoutes, siteProfileRoutes } from './site-profiles/routes';
import { PageFetcher, type PageFetcherOptions } from './unfurl/page-fetcher';
import { unfurlRoutes } from './unfurl/routes';
import { SuggestionRepository } from './suggestions/repository';
import { adminSuggestionRoutes, suggestionRoutes } from './suggestions/routes';
import { TaxonomyRepository } from './taxonomy/repository';
import { adminTaxonomyRoutes } from './taxonomy/routes';

export const DEFAULT_CORS_ORIGINS = ['chrome-extension://*', 'moz-extension://*'];

export interface AppOptions {
  /** A database file, `:memory:`, or an already opened database. */
  database: string | Database;
  /** Origin for tracked links (`${publicUrl}/r/<code>`); a function when known only after listen(). */
  publicUrl: string | (() => string);
  now?: Clock;
  adminToken?: string;
  corsOrigins?: readonly string[];
  trustProxy?: boolean;
  /** Interval of the click writer; 0 starts no timer (tests flush by hand). */
  clickFlushMs?: number;
  /** How often the shared change sequences are read (changes made by other instances); 0 starts no timer. */
  changePollMs?: number;
  /** Clicks written as soon as this many are waiting. */
  clickBatchSize?: number;
  /** The page fetcher behind POST /v1/admin/unfurl; tests widen it to reach a local page server. */
  unfurl?: PageFetcherOptions;
  /** A token unused for this long is refused (default 90 days). */
  sessionIdleMs?: number;
  /** Single sign-on with an OpenID Connect provider; off when absent. */
  oidc?: OidcSettings;
  /** Shares one person can make in a UTC day (RELAY_MAX_SHARES_PER_DAY; default 50). */
  maxSharesPerDay?: number;
  /** Access and error log; silent when absent (tests). */
  log?: Log;
}

export interface RelayApp {
  app: Hono<AppEnv>;
  /** The hottest paths, answered on node:http before the app when memory suffices (servers pass it to appServer). */
  shortcut: NodeShortcut;
  database: Database;
  tokens: TokenCache;
  items: ItemRepository;
  /** Writes buffered clicks now; resolves to how many counted. */
  flushClicks(): Promise<number>;
  /** Reads the shared change sequences now (as the timer does), dropping caches other instances made stale. */
  pollChanges(): Promise<void>;
  /** Stops the click timer, writes what is buffered and closes the database. */
  close(): Promise<void>;
}

/** Builds the HTTP app from the feature routers. Listening is main.ts's job, so tests use app.request(). */
export async function createApp(options: AppOptions): Promise<RelayApp> {
  const now = options.now ?? systemClock;
  const database = typeof options.database === 'string' ? await openDatabase(options.database) : options.database;
  const { db } = database;
  const publicUrl = typeof options.publicUrl === 'function' ? options.publicUrl : () => options.publicUrl as string;

  const log = options.log ?? silentLog;
  const tokens = new TokenCache(db, now, options.sessionIdleMs);
  const targets = new LinkTargets(db);
  const version = new QueueVersion(db);
  // Other instances' edits: their items, link targets and sessions are dropped from memory here.
  const changes = new SharedChanges(db, log);
  changes.on('change_seq', () => {
    targets.clear();
    version.invalidate();
  });
  changes.on('session_seq', () => tokens.clear());
  await changes.poll();
  if (options.changePollMs !== 0) changes.start(options.changePollMs ?? 1000);
  const policies = new PolicyRepository(db, now);
  const items = new ItemRepository(
    db,
    now,
    (id) => {
      targets.forgetItem(id);
      version.invalidate();
    },
    async (captions) => assertCaptionsAllowed(await policies.current(), captions),
  );
  const clicks = new ClickBuffer(db, await visitorHashFrom(db), {
    flushEveryMs: options.clickFlushMs ?? 25,
    maxBatch: options.clickBatchSize ?? 1000,
    log,
  });
  if (options.clickFlushMs !== 0) clicks.start();

  const app = new Hono<AppEnv>();
  app.onError(onErrorLogged(log));
  app.notFound(notFound);

  // Tracked links first and alone: no middleware in front of the hottest route. A code in memory is answered
  // before the app, on node:http (`shortcut`); this route reads the others, and serves in-process requests.
  const redirects = { targets, clicks, now, trustProxy: options.trustProxy ?? false };
  app.get('/r/:code', redirectHandler(redirects));

  app.route('/', joinPageRoutes());

  app.route('/', healthRoutes(db as Kysely<unknown>));

  const corsOrigins = options.corsOrigins ?? DEFAULT_CORS_ORIGINS;
  app.use('/v1/*', corsFor(corsOrigins));
  // Public: registered before the bearer check, so they answer before it runs.
  const trustProxy = options.trustProxy ?? false;
  app.route('/', redeemRoutes(db, now, trustProxy));
  app.route('/', ssoRoutes({ db, now, publicUrl, oidc: options.oidc, log, trustProxy }));
  app.route('/', openApiRoutes(publicUrl));

  app.use('/v1/*', requireBearer(tokens, options.adminToken));
  app.use('/v1/admin/*', requireAdmin);
  app.route('/', adminItemRoutes(items));
  const pageFetcher = new PageFetcher(options.unfurl);
  app.route('/', unfurlRoutes(pageFetcher));
  app.route(
    '/',
    analyticsRoutes(db, now, async () => clicks.flush()),
  );
  app.route('/', inviteRoutes(db, now));
  app.route('/', signOutRoutes(db, tokens));
  const siteProfiles = new SiteProfileRepository(db, now);
  app.route('/', adminSiteProfileRoutes(siteProfiles));
  app.route('/', siteProfileRoutes(siteProfiles));
  app.route('/', meRoutes(db));
  app.route('/', queueRoutes({ db, now, version, links: new TrackedLinks(db, now), publicUrl }));
  app.route('/', shareRoutes(new ShareRecorder(db, now), new ShareRules(db, now, options.maxSharesPerDay)));
  app.route(
    '/',
    reachRoutes(db, now, () => clicks.flush()),
  );
  const suggestions = new SuggestionRepository(db, now);
  app.route('/', suggestionRoutes(suggestions));
  app.route('/', adminSuggestionRoutes({ suggestions, items }));
  app.route('/', adminEmployeeRoutes({ db, now, directory: new EmployeeDirectory(db, now), tokens, publicUrl }));
  app.route('/', policyRoutes(policies));
  app.route('/', adminPolicyRoutes(policies));
  app.route('/', adminTaxonomyRoutes(new TaxonomyRepository(db)));
  app.route('/', exportRoutes({ db, now, suggestions, publicUrl, flushClicks: async () => clicks.flush() }));

  let closed = false;
  return {
    app,
    shortcut: firstOf(
      knownLinkShortcut(redirects),
      unchangedQueueShortcut({ tokens, version, now, cors: corsAnswerHeaders(corsOrigins) }),
    ),
    database,
    tokens,
    items,
    flushClicks: () => clicks.flush(),
    pollChanges: () => changes.poll(),
    async close() {
      if (closed) return;
      closed = true;
      changes.stop();
      try {
        await clicks.stop();
      } finally {
        await pageFetcher.close();
        await database.close();
      }
    },
  };
}
