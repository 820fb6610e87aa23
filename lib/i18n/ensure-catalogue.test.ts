import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ensureCatalogue, plural, resetI18nCache, t, uiLocale } from './index';
import { builtCatalogue } from './test-catalogue';

/** The page's languages, as navigator gives them (Node 20 has no navigator of its own). */
const setLanguages = (languages: string[]) =>
  Object.defineProperty(globalThis, 'navigator', { value: { languages }, configurable: true, writable: true });

afterEach(() => {
  resetI18nCache(true);
  // Only what these tests set: the fake browser's globals stay.
  delete (globalThis as { navigator?: unknown }).navigator;
});

describe('ensureCatalogue', () => {
  it('does nothing while the browser finds the words', async () => {
    const load = vi.fn();
    await ensureCatalogue(load);
    expect(load).not.toHaveBeenCalled();
    expect(t('popup.tabs.queue')).toBe('Queue');
  });

  it('takes the page’s languages first (the worker has navigator too), then the browser’s UI language', async () => {
    fakeBrowser.i18n.getMessage = () => '';
    fakeBrowser.i18n.getUILanguage = () => 'en-US';
    setLanguages(['ca-ES', 'ca', 'en']);
    const load = vi.fn(async (path: string) => builtCatalogue(path.split('/')[2] as 'ca' | 'en'));
    await ensureCatalogue(load);
    expect(load).toHaveBeenCalledWith('/_locales/ca/messages.json');
    expect(t('popup.tabs.queue')).toBe('Cua');
  });

  it('reads the catalogue of the browser’s language from the extension’s files when every lookup comes back empty', async () => {
    fakeBrowser.i18n.getMessage = () => '';
    fakeBrowser.i18n.getUILanguage = () => 'ru-RU';
    setLanguages([]);
    expect(t('popup.tabs.queue')).toBe('popup.tabs.queue');
    const load = vi.fn(async (path: string) => builtCatalogue(path.split('/')[2] as 'ru' | 'en'));
    await ensureCatalogue(load);
    expect(load).toHaveBeenCalledWith('/_locales/ru/messages.json');
    expect(uiLocale()).toBe('ru');
    expect(t('popup.tabs.queue')).toBe('Очередь');
    expect(plural('popup.queue.count', 21)).toBe('21 материал');
  });

  it('falls back to English for a language Relay does not speak, and keeps going when the files cannot be read', async () => {
    fakeBrowser.i18n.getMessage = () => '';
    fakeBrowser.i18n.getUILanguage = () => 'de-DE';
    setLanguages(['de-DE', 'de']);
    await ensureCatalogue(async (path) => builtCatalogue(path.split('/')[2] as 'en'));
    expect(t('popup.tabs.queue')).toBe('Queue');
    resetI18nCache(true);
    await ensureCatalogue(async () => {
      throw new Error('gone');
    });
    expect(t('popup.tabs.queue')).toBe('popup.tabs.queue');
  });
});
