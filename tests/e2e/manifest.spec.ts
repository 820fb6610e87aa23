import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { extensionDir } from '../helpers/browser';

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches?: string[] }[];
}

const manifest = (): Manifest => JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as Manifest;

/** LinkedIn, X and Twitter only, over HTTPS. */
const allowedHost = /^https:\/\/(www\.linkedin\.com|x\.com|twitter\.com)\/\*$/;

test('the extension asks only for storage, alarms, activeTab and identity; notifications only when reminders are turned on', () => {
  const m = manifest();
  expect(m.manifest_version).toBe(3);
  // identity: single sign-on's web-auth window (no install warning in Chrome).
  expect([...(m.permissions ?? [])].sort()).toEqual(['activeTab', 'alarms', 'identity', 'storage']);
  expect(m.optional_permissions ?? []).toEqual(['notifications']);
});

test('host access is limited to LinkedIn and X/Twitter', () => {
  const m = manifest();
  const hosts = [...(m.host_permissions ?? []), ...(m.optional_host_permissions ?? [])];
  expect(hosts.length).toBeGreaterThan(0);
  for (const host of hosts) expect(host, `host permission ${host}`).toMatch(allowedHost);
  for (const cs of m.content_scripts ?? []) {
    for (const match of cs.matches ?? []) expect(match, `content script match ${match}`).toMatch(allowedHost);
  }
});
