import { describe, expect, it } from 'vitest';
import { ConfigError, defaultPublicUrl, loadConfig } from './config';

describe('loadConfig', () => {
  it('has working defaults', () => {
    expect(loadConfig({})).toEqual({
      port: 8787,
      host: '127.0.0.1',
      database: './data/relay.db',
      dbFile: './data/relay.db',
      adminToken: undefined,
      publicUrl: undefined,
      corsOrigins: ['chrome-extension://*', 'moz-extension://*'],
      trustProxy: false,
      clickFlushMs: 25,
      unfurlAllowLoopback: false,
      sessionIdleMs: 90 * 86_400_000,
      logLevel: 'info',
      maxSharesPerDay: 50,
    });
  });

  it('reads the session idle time in days, fractions too', () => {
    expect(loadConfig({ RELAY_SESSION_IDLE_DAYS: '30' }).sessionIdleMs).toBe(30 * 86_400_000);
    expect(loadConfig({ RELAY_SESSION_IDLE_DAYS: '0.5' }).sessionIdleMs).toBe(43_200_000);
    expect(() => loadConfig({ RELAY_SESSION_IDLE_DAYS: '0' })).toThrow(/RELAY_SESSION_IDLE_DAYS/);
  });

  it('turns single sign-on on with all three OIDC settings, and names what is missing otherwise', () => {
    const oidc = {
      RELAY_OIDC_ISSUER: 'https://login.example.com',
      RELAY_OIDC_CLIENT_ID: 'relay',
      RELAY_OIDC_CLIENT_SECRET: 's3cret',
    };
    expect(loadConfig(oidc).oidc).toEqual({
      issuer: 'https://login.example.com',
      clientId: 'relay',
      clientSecret: 's3cret',
    });
    expect(loadConfig({}).oidc).toBeUndefined();
    expect(() => loadConfig({ RELAY_OIDC_ISSUER: 'https://login.example.com' })).toThrow(
      /RELAY_OIDC_CLIENT_ID, RELAY_OIDC_CLIENT_SECRET/,
    );
    expect(() => loadConfig({ ...oidc, RELAY_OIDC_ISSUER: 'login' })).toThrow(/RELAY_OIDC_ISSUER/);
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '9000',
      HOST: '0.0.0.0',
      RELAY_DB: ':memory:',
      RELAY_ADMIN_TOKEN: 'a-long-admin-secret',
      RELAY_PUBLIC_URL: 'https://go.example.com/',
      RELAY_CORS_ORIGINS: ' https://admin.example.com , chrome-extension://* ',
      RELAY_TRUST_PROXY: '1',
    });
    expect(config).toMatchObject({
      port: 9000,
      host: '0.0.0.0',
      dbFile: ':memory:',
      adminToken: 'a-long-admin-secret',
      publicUrl: 'https://go.example.com',
      corsOrigins: ['https://admin.example.com', 'chrome-extension://*'],
      trustProxy: true,
    });
  });

  it('opens PostgreSQL when DATABASE_URL is set, and never echoes a bad one (it may hold a password)', () => {
    const url = 'postgres://relay:pw@db.example.com:5432/relay';
    expect(loadConfig({ DATABASE_URL: url, RELAY_DB: './x.db' })).toMatchObject({ database: url, dbFile: './x.db' });
    expect(loadConfig({ DATABASE_URL: 'postgresql://db/relay' }).database).toBe('postgresql://db/relay');
    expect(() => loadConfig({ DATABASE_URL: 'mysql://relay:hunter2@db/relay' })).toThrow(
      /DATABASE_URL: must be a PostgreSQL URL/,
    );
    expect(() => loadConfig({ DATABASE_URL: 'mysql://relay:hunter2@db/relay' })).not.toThrow(/hunter2/);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', RELAY_TRUST_PROXY: '' })).toMatchObject({ port: 8787, trustProxy: false });
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ RELAY_PUBLIC_URL: 'ftp://example.com' }, /RELAY_PUBLIC_URL/],
    [{ RELAY_CORS_ORIGINS: '*' }, /RELAY_CORS_ORIGINS/],
    [{ RELAY_CORS_ORIGINS: 'https://*' }, /RELAY_CORS_ORIGINS/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ RELAY_MAX_SHARES_PER_DAY: '0' }, /RELAY_MAX_SHARES_PER_DAY/],
    [{ RELAY_TRUST_PROXY: 'maybe' }, /RELAY_TRUST_PROXY/],
    [{ RELAY_ADMIN_TOKEN: 'short' }, /RELAY_ADMIN_TOKEN/],
  ])('names the bad variable in %j', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });

  it('lets tests open the unfurl fetcher to loopback, never in production', () => {
    expect(loadConfig({ RELAY_UNFURL_ALLOW_LOOPBACK: '1', NODE_ENV: 'test' }).unfurlAllowLoopback).toBe(true);
    expect(() => loadConfig({ RELAY_UNFURL_ALLOW_LOOPBACK: '1', NODE_ENV: 'production' })).toThrow(
      /RELAY_UNFURL_ALLOW_LOOPBACK/,
    );
    expect(loadConfig({ NODE_ENV: 'production' }).unfurlAllowLoopback).toBe(false);
  });

  it('never echoes the admin token in the error', () => {
    expect(() => loadConfig({ RELAY_ADMIN_TOKEN: 'short' })).not.toThrow(/short"/);
  });
});

describe('defaultPublicUrl', () => {
  it('uses the listening address, but a reachable one for wildcard hosts', () => {
    expect(defaultPublicUrl('127.0.0.1', 8787)).toBe('http://127.0.0.1:8787');
    expect(defaultPublicUrl('0.0.0.0', 80)).toBe('http://127.0.0.1:80');
    expect(defaultPublicUrl('::1', 8787)).toBe('http://[::1]:8787');
  });
});
