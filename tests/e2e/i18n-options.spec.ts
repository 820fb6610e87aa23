/**
 * The settings page, the toolbar badge's title and the extension's error messages in real Chromium whose UI is
 * in Catalan or Russian: no English words of Relay's own on the page (connect form with a refused code, the
 * connected page, a field's error), <html lang>, Russian plurals, and the caption language defaulting to the
 * language shown.
 */
import type { Page, Worker } from '@playwright/test';
import { sampleItems } from '../helpers/data';
import { englishLeft } from '../helpers/english-left';
import { expect, test } from '../helpers/fixtures';

async function serviceWorker(page: Page): Promise<Worker> {
  const context = page.context();
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}
declare const chrome: { action: { getTitle(d: object): Promise<string> } };

const words = {
  ca: {
    refused: "Aquest codi d'invitació no és vàlid",
    connectedAs: 'Sessió iniciada com a Núria Puig',
    synced: '3 continguts sincronitzats',
    title: 'Configuració de Relay',
  },
  ru: {
    refused: 'Этот код приглашения недействителен',
    connectedAs: 'Вы вошли как Аня Смирнова',
    synced: '3 материала синхронизировано',
    title: 'Настройки Relay',
  },
} as const;

for (const lang of ['ca', 'ru'] as const) {
  test.describe(`in ${lang}`, () => {
    test.use({ uiLanguage: lang });

    test(`the settings page, its errors and the badge's title speak ${lang}`, async ({ backend, relay }) => {
      for (const item of sampleItems) await backend.createItem(item);
      const options = await relay.openOptions();
      await expect(options.locator('html')).toHaveAttribute('lang', lang);
      await expect(options).toHaveTitle(words[lang].title);
      expect(await englishLeft(options, lang), 'the welcome and the connect form').toEqual([]);

      // A refused invite code: the server's English detail is not what the person reads.
      await options.locator('#server-url').fill(backend.url);
      await options.locator('#invite-code').fill('not-a-real-code');
      await options.locator('form button[type="submit"]').click();
      await expect(options.getByRole('alert').filter({ hasText: /\S/ })).toContainText(words[lang].refused);
      expect(await englishLeft(options, lang), 'the refusal').toEqual([]);

      await options
        .locator('#invite-code')
        .fill(await backend.createInvite(lang === 'ru' ? 'Аня Смирнова' : 'Núria Puig'));
      await options.locator('form button[type="submit"]').click();
      await expect(options.locator('.connected-as')).toHaveText(words[lang].connectedAs);
      await expect(options.locator('.items-synced')).toHaveText(words[lang].synced);
      // Nobody chose a caption language: the one the page is shown in.
      await expect(options.locator('#caption-language')).toHaveValue('');
      await expect(options.locator('#caption-language')).toHaveAttribute('placeholder', lang);

      // A field's error, in the language shown.
      await options.locator('#audience-x').fill('many');
      await options.locator('#audience form, form:has(#audience-x)').locator('button[type="submit"]').click();
      await expect(options.locator('#audience-x')).toHaveAttribute('aria-invalid', 'true');
      expect(await englishLeft(options, lang), 'the connected page with an error').toEqual([]);

      // The badge's title: new items since the popup was last opened, in the language shown.
      const sw = await serviceWorker(options);
      await expect
        .poll(() => sw.evaluate(() => chrome.action.getTitle({})))
        .toMatch(lang === 'ru' ? /^Relay — 3 новых материала / : /^Relay — 3 continguts nous /);
    });
  });
}
