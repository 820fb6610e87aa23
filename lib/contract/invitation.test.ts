import { describe, expect, it } from 'vitest';
import { invitationLink, parseInvitation } from './invitation';

describe('invitation links', () => {
  it('carry the server and the code, and read back to both', () => {
    const link = invitationLink('https://relay.example.com', 'ABCD-EFGH-JKMN-PQRS');
    expect(link).toBe('https://relay.example.com/join#invite=ABCD-EFGH-JKMN-PQRS');
    expect(parseInvitation(link)).toEqual({ serverUrl: 'https://relay.example.com', code: 'ABCD-EFGH-JKMN-PQRS' });
  });

  it('keep a path prefix and a port, and ignore spaces around a pasted link', () => {
    const link = invitationLink('http://127.0.0.1:8787/relay/', 'abcd efgh');
    expect(parseInvitation(`  ${link}\n`)).toEqual({ serverUrl: 'http://127.0.0.1:8787/relay', code: 'abcd efgh' });
  });

  it.each([
    ['a bare code', 'ABCD-EFGH-JKMN-PQRS'],
    ['a server address', 'https://relay.example.com'],
    ['a join page without a code', 'https://relay.example.com/join'],
    ['another page with a code', 'https://relay.example.com/other#invite=ABCD'],
    ['another scheme', 'ftp://relay.example.com/join#invite=ABCD'],
  ])('are not read from %s', (_what, text) => {
    expect(parseInvitation(text)).toBeNull();
  });
});
