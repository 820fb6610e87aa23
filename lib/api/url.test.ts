import { describe, expect, it } from 'vitest';
import { normaliseServerUrl } from './url';

const ok = (input: string) => {
  const r = normaliseServerUrl(input);
  if (!r.ok) throw new Error(r.message);
  return r.url;
};

describe('normaliseServerUrl', () => {
  it('keeps the scheme the person typed', () => {
    expect(ok('http://relay.example.com')).toBe('http://relay.example.com');
    expect(ok('https://localhost:8787')).toBe('https://localhost:8787');
  });

  it('adds http:// for this machine and https:// otherwise', () => {
    expect(ok('localhost:8787')).toBe('http://localhost:8787');
    expect(ok('127.0.0.1:8787')).toBe('http://127.0.0.1:8787');
    expect(ok('[::1]:8787')).toBe('http://[::1]:8787');
    expect(ok('relay.example.com')).toBe('https://relay.example.com');
    expect(ok('localhost.example.com')).toBe('https://localhost.example.com');
  });

  it('trims, lower-cases the host and strips trailing slashes, query and fragment', () => {
    expect(ok('  https://Relay.Example.com/  ')).toBe('https://relay.example.com');
    expect(ok('https://example.com/relay//?x=1#top')).toBe('https://example.com/relay');
    expect(ok('HTTP://127.0.0.1:8787/')).toBe('http://127.0.0.1:8787');
  });

  it('keeps a path prefix for servers behind a proxy', () => {
    expect(ok('example.com/tools/relay/')).toBe('https://example.com/tools/relay');
  });

  it('refuses what is not a web address, with a message', () => {
    for (const bad of [
      '',
      '   ',
      'ftp://example.com',
      'javascript://alert(1)',
      'http://',
      'https://user:pw@example.com',
    ]) {
      const r = normaliseServerUrl(bad);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.message.length).toBeGreaterThan(10);
    }
  });
});
