// @vitest-environment happy-dom
/**
 * The settings page in another language: labels, hints and the first-run welcome from the catalogue, Russian
 * plural forms (1, 2, 5, 21) for the synced items, and the checks' messages.
 */
import { h, render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { getDb, toQueueRow } from '@/lib/db';
import { useLocale } from '@/lib/i18n/test-catalogue';
import { saveConnection } from '@/lib/settings';
import { makeItem } from '@/lib/test-support';
import { settle, testHost } from '@/components/test-host';
import { App } from './App';
import { RemindersSection } from './RemindersSection';
import { Welcome } from './Welcome';
import { NOT_MANAGED } from '@/lib/settings/managed';
import { checkAudience, checkTouch } from './validate';

const host = testHost();
const text = (selector: string) => host.querySelector(selector)?.textContent ?? '';

describe('the settings page, translated', () => {
  it('shows the reminders in Russian, naming the notification’s own button', async () => {
    useLocale('ru');
    render(h(RemindersSection, {}), host);
    await vi.waitFor(async () => {
      await settle();
      expect(host.querySelector('fieldset')).not.toBeNull();
    });
    expect(text('#reminders-heading')).toBe('Напоминания');
    expect(text('label[for="reminder-newItems"]')).toBe('Сообщать о новых материалах');
    expect(text('fieldset')).toContain('«Выключить эти напоминания»');
  });

  it('welcomes in Catalan, the emphasis and the link inside whole sentences', async () => {
    useLocale('ca');
    render(h(Welcome, { managed: NOT_MANAGED }), host);
    await settle();
    expect(text('#welcome-heading')).toBe('Et donem la benvinguda a Relay');
    expect([...host.querySelectorAll('strong')].map((s) => s.textContent)).toEqual([
      'adreça del servidor',
      "codi d'invitació",
    ]);
    expect(host.querySelector('strong')!.parentElement!.textContent).toBe(
      "Per començar, necessites dues coses dels organitzadors del teu programa: l'adreça del servidor de la teva empresa i un codi d'invitació d'un sol ús.",
    );
    const link = host.querySelector('a')!;
    expect(link.textContent).toBe('Mira tot el que registra Relay');
    expect(link.getAttribute('href')).toBe('#privacy');
    expect(host.textContent).not.toMatch(/\{\w+\}/);
  });

  it('welcomes without asking for a server address when the company presets it', async () => {
    useLocale('ru');
    render(h(Welcome, { managed: { ...NOT_MANAGED, serverUrl: 'https://relay.example.com' } }), host);
    await settle();
    expect(text('.welcome-need')).toBe(
      'Чтобы начать, нужен одноразовый код приглашения от организаторов программы: ваша компания уже настроила свой сервер.',
    );
    expect(host.querySelector('.welcome-need strong')?.textContent).toBe('код приглашения');
    render(
      h(Welcome, { managed: { ...NOT_MANAGED, serverUrl: 'https://relay.example.com', singleSignOnOnly: true } }),
      host,
    );
    await settle();
    expect(text('.welcome-need')).toBe(
      'Чтобы начать, войдите ниже с рабочей учётной записью: ваша компания уже настроила Relay для вас.',
    );
  });

  it('says how many items are synced with the Russian plural forms', async () => {
    useLocale('ru');
    await saveConnection({
      serverUrl: 'http://127.0.0.1:8787',
      token: 'tok',
      employee: { id: crypto.randomUUID(), name: 'Иван Петров', role: 'employee' },
    });
    const db = getDb();
    await db.queue.clear();
    render(h(App, {}), host);
    const expected: Array<[number, string]> = [
      [1, '1 материал синхронизирован'],
      [2, '2 материала синхронизировано'],
      [5, '5 материалов синхронизировано'],
      [21, '21 материал синхронизирован'],
    ];
    let count = 0;
    for (const [n, words] of expected) {
      await db.queue.bulkPut(Array.from({ length: n - count }, () => toQueueRow(makeItem())));
      count = n;
      await vi.waitFor(async () => {
        await settle();
        expect(text('.items-synced')).toBe(words);
      });
    }
    expect(text('.connected-as')).toBe('Вы вошли как Иван Петров');
    expect(text('#account-heading')).toBe('Ваша учётная запись');
    expect(host.querySelector('nav')!.getAttribute('aria-label')).toBe('На этой странице');
    await db.queue.clear();
  });

  it('explains a field’s problem in the language shown', () => {
    useLocale('ru');
    expect(checkTouch('я'.repeat(281), 'signature')).toEqual({
      ok: false,
      error: 'Завершающая фраза — не больше 280 символов (сейчас 281).',
    });
    expect(checkAudience('много', 'x')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Введите целое число подписчиков/),
    });
  });
});
