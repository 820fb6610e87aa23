import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { createRelayService } from '../background/service';
import type { Caption } from '../contract/items';
import { toQueueRow } from '../db';
import { useLocale } from '../i18n/test-catalogue';
import { fakeFetch, freshDb, makeItem } from '../test-support';
import { chosenCaptionLanguage, defaultCaptionLanguage, preferredLanguageItem, saveConnection } from './index';

/*
 * The preferred caption language defaults to the browser's language until the person chooses one;
 * their choice wins. Nothing is stored for the default, so it follows the browser.
 */

/** A browser whose language Relay has a catalogue for: the words, and so the default, are in it. */
const browserIn = (language: 'ca' | 'ru' | 'nl') => useLocale(language);

beforeEach(() => fakeBrowser.reset());

describe('the preferred caption language', () => {
  it('is the browser’s language (the one Relay is shown in) until the person chooses one, and nothing is stored for it', async () => {
    browserIn('ca');
    expect(defaultCaptionLanguage()).toBe('ca');
    expect(await preferredLanguageItem.getValue()).toBe('ca');
    // The popup's first read takes every item in one storage call: the same default there.
    const [first] = await storage.getItems([preferredLanguageItem]);
    expect(first!.value).toBe('ca');
    expect(await chosenCaptionLanguage()).toBeNull();
    expect(await fakeBrowser.storage.local.get('preferredLanguage')).toEqual({});
  });

  it('lets the person’s choice win, and comes back to the browser’s when they clear it', async () => {
    browserIn('ru');
    await preferredLanguageItem.setValue('es');
    expect(await preferredLanguageItem.getValue()).toBe('es');
    expect(await chosenCaptionLanguage()).toBe('es');
    await preferredLanguageItem.setValue(null);
    expect(await preferredLanguageItem.getValue()).toBe('ru');
    expect(await chosenCaptionLanguage()).toBeNull();
  });

  it('is English in a browser whose language Relay has no catalogue for (the words are English there too)', async () => {
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('de-DE');
    expect(await preferredLanguageItem.getValue()).toBe('en');
  });

  it('puts captions in the browser’s language first in the composer’s suggestions when none was chosen', async () => {
    browserIn('nl');
    const db = freshDb();
    await saveConnection({
      serverUrl: 'http://127.0.0.1:8787',
      token: 'tok',
      employee: { id: crypto.randomUUID(), name: 'Sanne', role: 'employee' },
    });
    const caption = (text: string, language: string): Caption => ({
      id: crypto.randomUUID(),
      network: 'x',
      text,
      language,
    });
    await db.queue.put(
      toQueueRow(
        makeItem({
          captions: [caption('In English', 'en'), caption('In het Nederlands', 'nl'), caption('En español', 'es')],
        }),
      ),
    );
    const service = createRelayService({ db: () => db, fetch: fakeFetch(new Error('no network needed')) });

    expect((await service.getSuggestions({ network: 'x' })).suggestions[0]!.language).toBe('nl');
    await preferredLanguageItem.setValue('es');
    expect((await service.getSuggestions({ network: 'x' })).suggestions[0]!.language).toBe('es');
  });
});
