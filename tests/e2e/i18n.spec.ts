/**
 * Relay in its users' languages, in real Chromium whose UI is in Catalan or Russian (Debian's chromium-l10n;
 * on Linux the UI language comes from the browser process's LANGUAGE/LANG): every surface a person reads shows
 * no English words of Relay's own, numbers and dates in that language, Russian plurals right, and the caption
 * in the person's language first.
 */
import type { Page } from '@playwright/test';
import { sampleItems } from '../helpers/data';
import { expect, test } from '../helpers/composer';
import { englishLeft } from '../helpers/english-left';
import type { Backend } from '../helpers/server';

/** Connects through the settings page without knowing its words: the fields and the form's button by their ids. */
async function connect(
  page: Page,
  backend: Backend,
  name: string,
  role: 'employee' | 'admin' = 'employee',
): Promise<void> {
  await page.locator('#server-url').fill(backend.url);
  await page.locator('#invite-code').fill(await backend.createInvite(name, role));
  await page.locator('form button[type="submit"]').click();
  await expect(page.locator('#account')).toBeVisible();
}

/** One item whose X and LinkedIn captions come in English, Catalan and Russian, English written first. */
const multilingual = {
  url: 'https://example.com/ca-ru-en',
  title: 'Three languages',
  topics: ['company'],
  captions: [
    { network: 'x' as const, text: 'Read it in English', language: 'en' },
    { network: 'x' as const, text: 'Llegeix-ho en català', language: 'ca' },
    { network: 'x' as const, text: 'Прочитайте по-русски', language: 'ru' },
    { network: 'linkedin' as const, text: 'English words for LinkedIn', language: 'en' },
    { network: 'linkedin' as const, text: 'Paraules en català per a LinkedIn', language: 'ca' },
    { network: 'linkedin' as const, text: 'Русские слова для LinkedIn', language: 'ru' },
  ],
};
const inLanguage = {
  ca: { x: 'Llegeix-ho en català', linkedin: 'Paraules en català per a LinkedIn' },
  ru: { x: 'Прочитайте по-русски', linkedin: 'Русские слова для LinkedIn' },
};

for (const lang of ['ca', 'ru'] as const) {
  test.describe(`in ${lang}`, () => {
    test.use({ uiLanguage: lang });

    test(`the popup speaks ${lang}: no English of Relay's, numbers in ${lang}`, async ({ backend, relay }) => {
      for (const item of sampleItems) await backend.createItem(item);
      const options = await relay.openOptions();
      await connect(options, backend, lang === 'ru' ? 'Аня Смирнова' : 'Núria Puig');

      const popup = await relay.openPopup();
      await popup.setViewportSize({ width: 400, height: 600 });
      await expect(popup.locator('html')).toHaveAttribute('lang', lang);
      const first = popup.getByRole('article').first();
      await expect(first).toBeVisible();
      expect(sampleItems).toHaveLength(3);
      await expect(popup.locator('.queue-count')).toHaveText(lang === 'ru' ? '3 материала' : '3 continguts');
      expect(await englishLeft(popup, lang)).toEqual([]);

      // Unfolded: reach details and a card's editors; then History.
      await popup.locator('.reach-toggle').click();
      await first.locator('.personalise').click();
      await expect(first.locator('textarea').first()).toBeVisible();
      expect(await englishLeft(popup, lang)).toEqual([]);
      await popup.getByRole('tab').nth(1).click();
      await expect(popup.locator('.history')).toBeVisible();
      expect(await englishLeft(popup, lang)).toEqual([]);
    });

    test(`captions in ${lang} come first, in the popup and in the composer panel, which speaks ${lang}`, async ({
      backend,
      relay,
      context,
    }) => {
      await backend.createItem(multilingual);
      const options = await relay.openOptions();
      await connect(options, backend, lang === 'ru' ? 'Иван Петров' : 'Jordi Soler');

      const popup = await relay.openPopup();
      const card = popup.getByRole('article', { name: multilingual.title });
      await expect(card.locator('.caption-preview').nth(0)).toContainText(inLanguage[lang].linkedin);
      await expect(card.locator('.caption-preview').nth(1)).toContainText(inLanguage[lang].x);

      const page = await context.newPage();
      await page.goto('https://x.com/home');
      const panel = page.locator('relay-captions');
      await expect(panel.locator('.caption').first()).toHaveText(inLanguage[lang].x);
      await expect(panel.locator('.relay-panel')).toHaveAttribute(
        'aria-label',
        lang === 'ru' ? 'Готовые подписи' : 'Textos suggerits',
      );
      expect(await englishLeft(page, lang)).toEqual([]);
    });

    test(`the curators' console speaks ${lang} on every tab`, async ({ backend, relay }) => {
      test.setTimeout(90_000);
      for (const item of sampleItems) await backend.createItem(item);
      const options = await relay.openOptions();
      await connect(options, backend, lang === 'ru' ? 'Ольга Кузнецова' : 'Marta Vila', 'admin');
      const admin = await options.context().newPage();
      await admin.goto(`chrome-extension://${new URL(options.url()).host}/admin.html`);
      await expect(admin.locator('html')).toHaveAttribute('lang', lang);
      const tabs = admin.locator('.admin-nav a');
      await expect(tabs).toHaveCount(6);
      for (let i = 0; i < 6; i++) {
        await tabs.nth(i).click();
        await expect(tabs.nth(i)).toHaveAttribute('aria-current', 'page');
        await expect(admin.locator('[aria-busy="true"]')).toHaveCount(0);
        // The role tokens of the invite CSV ("employee", "admin") are data, the same in every language.
        expect(await englishLeft(admin, lang, [/^people_codeRole_/]), `tab ${i + 1}`).toEqual([]);
      }
    });
  });
}
