import { describe, expect, it } from 'vitest';
import { SiteProfile, SiteProfilesResponse } from '../contract/site-profiles';
import { chooseProfile, isSiteProfile } from './profile-check';
import { bundledProfiles, linkedinProfile, xProfile } from './profiles';

describe('bundled site profiles', () => {
  it.each([
    ['linkedin', linkedinProfile],
    ['x', xProfile],
  ] as const)('the %s profile is valid per the contract schema and the content-script check', (network, profile) => {
    expect(SiteProfile.parse(profile)).toEqual(profile);
    expect(profile.network).toBe(network);
    expect(isSiteProfile(profile)).toBe(true);
  });

  it('a response of all bundled profiles parses', () => {
    expect(SiteProfilesResponse.safeParse({ profiles: Object.values(bundledProfiles) }).success).toBe(true);
  });

  it('the schema refuses an ignore rule that matches nothing in particular, and code-like values', () => {
    expect(SiteProfile.safeParse({ ...xProfile, ignore: [{ reason: 'all' }] }).success).toBe(false);
    expect(
      SiteProfile.safeParse({ ...xProfile, composers: [{ ...xProfile.composers[0], editorKind: 'eval' }] }).success,
    ).toBe(false);
    expect(SiteProfile.safeParse({ ...xProfile, hosts: ['X.com/evil'] }).success).toBe(false);
  });
});

describe('the content-script check agrees with the schema', () => {
  const broken: unknown[] = [
    null,
    {},
    { ...xProfile, version: -1 },
    { ...xProfile, version: 1.5 },
    { ...xProfile, network: 'facebook' },
    { ...xProfile, hosts: [] },
    { ...xProfile, composers: [] },
    { ...xProfile, composers: [{ ...xProfile.composers[0], editor: [] }] },
    { ...xProfile, composers: [{ ...xProfile.composers[0], editor: [''] }] },
    { ...xProfile, composers: [{ ...xProfile.composers[0], name: 'Has Spaces' }] },
    { ...xProfile, composers: [{ ...xProfile.composers[0], anchor: { position: 'inside' } }] },
    { ...xProfile, composers: [{ ...xProfile.composers[0], postButton: {} }] },
    { ...xProfile, composers: [{ ...xProfile.composers[0], paths: ['home'] }] },
    { ...xProfile, ignore: [{ reason: 'nothing' }] },
    { ...xProfile, ignore: [{ closest: 'not-an-array' }] },
  ];
  it.each(broken.map((b, i) => [i, b]))('refuses broken profile #%i', (_i, profile) => {
    expect(isSiteProfile(profile)).toBe(false);
    expect(SiteProfile.safeParse(profile).success).toBe(false);
  });
});

describe('chooseProfile', () => {
  it('keeps the bundled profile when nothing (or nothing valid, or nothing newer) is stored', () => {
    expect(chooseProfile('x', undefined)).toBe(xProfile);
    expect(chooseProfile('x', [{ ...xProfile, version: 99, hosts: 'x.com' }])).toBe(xProfile);
    expect(chooseProfile('x', [{ ...xProfile, version: 0 }])).toBe(xProfile);
    expect(chooseProfile('x', [{ ...linkedinProfile, version: 99 }])).toBe(xProfile);
  });

  it.each(['linkedin', 'x'] as const)(
    '%s: a profile published from the previous bundle (version 1) does not hide this one',
    (network) => {
      // The console numbers a profile started from the bundled one as the bundled version + 1, so the previous
      // bundle (version 1) was published as version 2: without this bundle's ignore rules and fallbacks.
      const published = { ...bundledProfiles[network], version: 2, ignore: [] };
      expect(chooseProfile(network, [published])).toBe(bundledProfiles[network]);
    },
  );

  it('takes a newer valid stored profile, as an array or keyed by network', () => {
    const newer = { ...xProfile, version: 7 };
    expect(chooseProfile('x', [newer])).toBe(newer);
    expect(chooseProfile('x', { x: newer, linkedin: linkedinProfile })).toBe(newer);
  });
});
