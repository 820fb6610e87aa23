import type { Network } from '../contract/common';
import type { SiteProfile } from '../contract/site-profiles';
import { bundledProfiles } from './profiles';

/*
 * A small hand-written check of a site profile for content scripts, which must not bundle full zod (size
 * budget). The background validates profiles from the backend with the zod schema (lib/contract/site-profiles)
 * before storing them; this re-check only guards against a stale or damaged stored value. It accepts a subset
 * of what the schema accepts (tested against it).
 */

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown, max: number): v is string => typeof v === 'string' && v.trim().length > 0 && v.length <= max;
const isStrs = (v: unknown, max = 500, min = 1): v is string[] =>
  Array.isArray(v) && v.length >= min && v.length <= 50 && v.every((s) => isStr(s, max));
const optStrs = (v: unknown, min = 1) => v === undefined || isStrs(v, 500, min);
const isPath = (v: unknown) => typeof v === 'string' && v.length <= 200 && /^\/[^\s?#]*$/.test(v);
const optPaths = (v: unknown) => v === undefined || (Array.isArray(v) && v.length >= 1 && v.every(isPath));
const kinds = ['draft', 'quill', 'prosemirror', 'textarea', 'auto'];
const positions = ['before', 'after', 'first', 'last'];

function isComposer(c: unknown): boolean {
  if (!isObj(c)) return false;
  const { anchor, postButton } = c;
  return (
    typeof c.name === 'string' &&
    /^[a-z0-9][a-z0-9-]{0,63}$/.test(c.name) &&
    isStrs(c.editor) &&
    kinds.includes(c.editorKind as string) &&
    optStrs(c.within) &&
    optPaths(c.paths) &&
    optStrs(c.shadowHosts) &&
    isObj(anchor) &&
    positions.includes(anchor.position as string) &&
    optStrs(anchor.closest) &&
    isObj(postButton) &&
    isStrs(postButton.selectors) &&
    (postButton.texts === undefined || isStrs(postButton.texts, 60, 0))
  );
}

function isIgnoreRule(r: unknown): boolean {
  if (!isObj(r)) return false;
  return (
    (r.reason === undefined || typeof r.reason === 'string') &&
    optStrs(r.closest) &&
    optStrs(r.within) &&
    optStrs(r.has) &&
    optPaths(r.paths) &&
    (r.closest !== undefined || r.has !== undefined || r.paths !== undefined)
  );
}

export function isSiteProfile(p: unknown): p is SiteProfile {
  return (
    isObj(p) &&
    typeof p.version === 'number' &&
    Number.isInteger(p.version) &&
    p.version >= 0 &&
    (p.network === 'linkedin' || p.network === 'x') &&
    isStrs(p.hosts, 253) &&
    Array.isArray(p.composers) &&
    p.composers.length >= 1 &&
    p.composers.every(isComposer) &&
    Array.isArray(p.ignore) &&
    p.ignore.every(isIgnoreRule)
  );
}

/**
 * The profile to use for `network`: a stored one (from the backend, in `local:siteProfiles`, either an array
 * of profiles or an object keyed by network) when it is valid and newer than the bundled one, else the bundled one.
 */
export function chooseProfile(network: Network, stored: unknown): SiteProfile {
  const bundled = bundledProfiles[network];
  const candidates: unknown[] = Array.isArray(stored) ? stored : isObj(stored) ? Object.values(stored) : [];
  let best = bundled;
  for (const c of candidates) {
    if (isObj(c) && c.network === network && isSiteProfile(c) && c.version > best.version) best = c;
  }
  return best;
}
