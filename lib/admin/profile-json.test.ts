import { describe, expect, it } from 'vitest';
import { checkProfileJson } from './profile-json';
import { bundledProfiles } from '../compose/profiles';

describe('checkProfileJson', () => {
  it('accepts a bundled profile with a newer version', () => {
    const result = checkProfileJson(JSON.stringify({ ...bundledProfiles.x, version: bundledProfiles.x.version + 1 }));
    expect(result).toMatchObject({ ok: true, profile: { network: 'x', version: bundledProfiles.x.version + 1 } });
  });

  it('says when the text is not JSON', () => {
    const result = checkProfileJson('{ network: x }');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]).toMatch(/^This is not valid JSON/);
  });

  it('names each field that breaks the contract', () => {
    const result = checkProfileJson(
      JSON.stringify({ ...bundledProfiles.linkedin, network: 'myspace', hosts: ['Not A Host'] }),
    );
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems.some((p) => p.startsWith('network:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('hosts.0:'))).toBe(true);
  });
});
