import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useLocale } from '../i18n/test-catalogue';
import { bannedTermsMessage } from '../policy/prepare';
import { fakeFetch } from '../test-support';
import { createAdminApi } from './admin';
import { createApi } from './client';
import { ApiError, UnreachableError, describeError } from './errors';
import { PROBLEM_MESSAGES, PROBLEM_TYPE_PREFIX, problemKind, problemMessage } from './problem-message';

const serverDir = join(import.meta.dirname, '..', '..', 'server');

/** Every `kind: '…'` the server's code gives a problem (tests left out). */
function serverProblemKinds(dir = serverDir): Set<string> {
  const kinds = new Set<string>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) for (const k of serverProblemKinds(path)) kinds.add(k);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
      for (const m of readFileSync(path, 'utf8').matchAll(/\bkind: '([a-z-]+)'/g)) kinds.add(m[1]!);
    }
  }
  return kinds;
}

const type = (kind: string) => `${PROBLEM_TYPE_PREFIX}${kind}`;
const problemResponse = (status: number, kind: string, detail: string) =>
  new Response(JSON.stringify({ type: type(kind), title: 'Title', status, detail }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });

describe('problemMessage', () => {
  it('has a message of its own for every problem type the server sends', () => {
    const kinds = serverProblemKinds();
    expect(kinds.size).toBeGreaterThan(15);
    expect(
      [...kinds].filter((k) => !(k in PROBLEM_MESSAGES)),
      'kinds without a message',
    ).toEqual([]);
  });

  it('reads the kind from the type URN only', () => {
    expect(problemKind('urn:relay:problem:not-found')).toBe('not-found');
    expect(problemKind('about:blank')).toBeNull();
    expect(problemKind(null)).toBeNull();
  });

  it('says each problem in the language shown, never in the server’s English', () => {
    useLocale('ru');
    for (const kind of Object.keys(PROBLEM_MESSAGES)) {
      const text = problemMessage({ type: type(kind), title: 'Bad request', detail: 'audience.x: too big' });
      expect(text, kind).toMatch(/[а-яё]/i);
      expect(text, kind).not.toContain('too big');
    }
    expect(problemMessage({ type: type('invalid-invite-code'), detail: 'This invite code is not valid' })).toBe(
      'Этот код приглашения недействителен или уже использован. Попросите новый у администратора программы.',
    );
    useLocale('ca');
    expect(problemMessage({ type: type('validation-failed'), detail: 'url: Invalid URL' })).toBe(
      "El servidor no ha acceptat alguns dels valors enviats. Revisa'ls i torna-ho a provar.",
    );
  });

  it('in English keeps the server’s words where they name exactly what to fix, its own words elsewhere', () => {
    expect(
      problemMessage({ type: type('unfurl-refused'), detail: 'the address is not allowed: a private address' }),
    ).toBe('the address is not allowed: a private address');
    expect(
      problemMessage({ type: type('unauthorized'), detail: 'The Authorization header must be "Bearer <token>"' }),
    ).toBe('You are signed out: connect again from Relay’s settings.');
    // Where the server's words were what English readers saw, the extension's are the same.
    expect(problemMessage({ type: type('cannot-change-self'), detail: 'Admins may not demote themselves' })).toBe(
      'An admin cannot deactivate or demote their own account; ask another admin to do it',
    );
    // Nothing specific from the server: the extension's own sentence.
    expect(problemMessage({ type: type('validation-failed'), detail: '' })).toBe(
      'The server did not accept some of the values sent. Check them and try again.',
    );
  });

  it('falls back to the server’s detail for a type it does not know, and to a sentence of its own without one', () => {
    useLocale('ru');
    expect(problemMessage({ type: 'about:blank', title: 'Teapot', detail: 'I am a teapot' })).toBe('I am a teapot');
    expect(problemMessage({ type: type('something-new'), title: 'New', detail: '' })).toBe('New');
    expect(problemMessage({ type: 'about:blank' })).toBe('Что-то пошло не так.');
  });
});

describe('the API clients’ errors, in the language shown', () => {
  const serverUrl = 'http://127.0.0.1:8787';

  it('a refused invite code, an unreachable server and a non-Relay answer, in Russian', async () => {
    useLocale('ru');
    const refused = await createApi({
      serverUrl,
      fetch: fakeFetch(problemResponse(400, 'invalid-invite-code', 'This invite code is not valid')),
    })
      .redeem('nope')
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({
      status: 400,
      detail: 'This invite code is not valid',
      type: type('invalid-invite-code'),
    });
    expect(describeError(refused)).toMatch(/^Этот код приглашения недействителен/);

    const down = await createApi({ serverUrl, fetch: fakeFetch(new TypeError('Failed to fetch')) })
      .redeem('x')
      .catch((e: unknown) => e);
    expect(down).toBeInstanceOf(UnreachableError);
    expect(describeError(down)).toBe(
      `Не удаётся связаться с сервером ${serverUrl}. Проверьте адрес и убедитесь, что сервер работает.`,
    );

    const html = new Response('<h1>Not here</h1>', { status: 404, statusText: 'Not Found' });
    const notRelay = await createApi({ serverUrl, fetch: fakeFetch(html) })
      .redeem('x')
      .catch((e: unknown) => e);
    expect(describeError(notRelay)).toBe(`Сервер ${serverUrl} ответил: 404 Not Found. Это точно адрес сервера Relay?`);
  });

  it('the curators’ client: a problem in Catalan, and a 403 without problem details', async () => {
    useLocale('ca');
    const admin = (response: Response) => createAdminApi({ serverUrl, token: 't', fetch: fakeFetch(response) });
    const decided = await admin(problemResponse(409, 'already-decided', 'This suggestion was already accepted'))
      .dismissSuggestion('s1')
      .catch((e: unknown) => e);
    expect(describeError(decided)).toBe('Un curador ja ha decidit sobre aquest suggeriment.');
    const forbidden = await admin(new Response('no', { status: 403 }))
      .policy()
      .catch((e: unknown) => e);
    expect(describeError(forbidden)).toBe("Cal un compte d'administrador.");
  });
});

describe('bannedTermsMessage', () => {
  it('lists the terms the way the language shown lists things, with its own quotation marks', () => {
    expect(bannedTermsMessage(['a', 'b', 'c'])).toBe(
      'Your company’s policy does not allow “a”, “b” and “c”. Change the text to share it.',
    );
    useLocale('ru');
    expect(bannedTermsMessage(['скидка', 'free'])).toBe(
      'Правила вашей компании не допускают «скидка» и «free». Измените текст, чтобы им поделиться.',
    );
    useLocale('es');
    expect(bannedTermsMessage(['gratis', 'oferta', 'ya'])).toBe(
      'La política de tu empresa no permite «gratis», «oferta» y «ya». Cambia el texto para poder compartirlo.',
    );
  });
});
