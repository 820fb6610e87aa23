/**
 * One-click share from the popup, end to end: personal touches in the editor, "Share on X" opens X's own
 * share page with the caption and the tracked link (intercepted: nothing leaves the machine), the share
 * reaches the real backend exactly once and History lists it; "Copy" copies and records nothing.
 */
import Database from 'better-sqlite3';
import type { BrowserContext } from '@playwright/test';
import { expect, test } from '../helpers/fixtures';
import { sampleItems } from '../helpers/data';
import type { Backend } from '../helpers/server';
import { LOCAL_KEYS, readStored, writeStored } from '../helpers/storage';

interface ShareRow {
  id: string;
  item_id: string;
  network: string;
  edited: number;
}
/** Shares as the backend stored them, read from its database file. */
function backendShares(backend: Backend): ShareRow[] {
  const db = new Database(backend.dbPath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT id, item_id, network, edited FROM shares ORDER BY id').all() as ShareRow[];
  } finally {
    db.close();
  }
}

/** Every URL opened under `pattern`, answered with an empty page instead of the real site. */
async function interceptSite(context: BrowserContext, pattern: string): Promise<string[]> {
  const urls: string[] = [];
  await context.route(pattern, (route) => {
    urls.push(route.request().url());
    return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>share page</title>' });
  });
  return urls;
}

async function connectWithTouches(backend: Backend, relay: import('../helpers/fixtures').RelayPages) {
  for (const item of sampleItems) await backend.createItem(item);
  const options = await relay.connect(backend.url, await backend.createInvite('Núria Puig'));
  await expect(options.getByText(/Connected as Núria Puig/)).toBeVisible();
  await writeStored(options, {
    personalTouches: {
      linkedin: { openingLine: 'Bon dia, xarxa!', signature: '' },
      x: { openingLine: 'Hola equip!', signature: '— Núria' },
    },
  });
  const token = (await readStored<string>(options, LOCAL_KEYS.token))!;
  const queue = await backend.queue(token);
  const report = queue.items.find((i) => i.title === 'Our annual report 2026')!;
  return { token, report };
}

test('personalise a caption and share on X: X opens with the text and tracked link, the backend gets it once, History lists it', async ({
  backend,
  relay,
  context,
}) => {
  test.setTimeout(90_000);
  const { report } = await connectWithTouches(backend, relay);
  const opened = await interceptSite(context, 'https://x.com/**');

  const popup = await relay.openPopup();
  const card = popup.getByRole('article', { name: 'Our annual report 2026' });
  // Folded, the card shows the caption as it will be posted; Personalise opens the variants and editors.
  await expect(card.getByRole('region', { name: 'X' })).toContainText('Hola equip!');
  await card.getByRole('button', { name: 'Personalise' }).click();
  const x = card.getByRole('region', { name: 'X' });
  const editor = x.getByRole('textbox', { name: 'Your X post' });
  // The only X variant, preselected, with the opening line and signature applied.
  await expect(x.getByRole('radio', { name: 'Our year in numbers 📈' })).toBeChecked();
  await expect(editor).toHaveValue('Hola equip!\n\nOur year in numbers 📈\n\n— Núria');
  const nudge = x.getByText('Add a sentence of your own — personal posts get more engagement');
  await expect(nudge).toBeVisible();
  // X's weighted count of caption + link (the link counts 23).
  const counter = x.locator('.count');
  await expect(counter).toContainText('/ 280');
  const before = await counter.textContent();

  const personal = 'Hola equip!\n\nOur year in numbers 📈 Proud of R&D + QA, #1 again!\n\n— Núria';
  await editor.fill(personal);
  await expect(nudge).toBeHidden();
  await expect(counter).not.toHaveText(before!);

  const tab = context.waitForEvent('page');
  await x.getByRole('button', { name: 'Share on X' }).click();
  await tab;
  await expect.poll(() => opened.length).toBe(1);
  const url = new URL(opened[0]!);
  expect(`${url.origin}${url.pathname}`).toBe('https://x.com/intent/post');
  expect(url.searchParams.get('text')).toBe(`${personal}\n${report.links.x}`);
  await expect(x.getByRole('status')).toContainText('Opened X in a new tab. Saved in your history.');

  // Exactly one share reached the backend, edited, for this item and network.
  await expect.poll(() => backendShares(backend).length, { message: 'the share reached the backend' }).toBe(1);
  const [row] = backendShares(backend);
  expect(row).toMatchObject({ item_id: report.id, network: 'x', edited: 1 });

  // History lists it, with the text as sent, and synced.
  await popup.getByRole('tab', { name: 'History' }).click();
  const history = popup.getByRole('tabpanel', { name: 'History' });
  await expect(history.getByText('Our annual report 2026').first()).toBeVisible();
  await expect(history.getByText(/Proud of R&D \+ QA, #1 again!/).first()).toBeVisible();
  await expect(history.getByText('Synced').first()).toBeVisible();

  // A sync later (the popup opened again) sends nothing twice.
  await popup.close();
  const again = await relay.openPopup();
  await expect(again.getByRole('article', { name: 'Our annual report 2026' })).toBeVisible();
  await again.getByRole('tab', { name: 'History' }).click();
  await expect(again.getByText('Synced').first()).toBeVisible();
  expect(backendShares(backend)).toHaveLength(1);
});

test('Share on LinkedIn opens the feed with shareActive and the text; Copy copies caption and link and records nothing', async ({
  backend,
  relay,
  context,
}) => {
  const { report } = await connectWithTouches(backend, relay);
  const opened = await interceptSite(context, 'https://www.linkedin.com/**');
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);

  const popup = await relay.openPopup();
  const card = popup.getByRole('article', { name: 'Our annual report 2026' });
  await card.getByRole('button', { name: 'Personalise' }).click();
  const li = card.getByRole('region', { name: 'LinkedIn' });
  const editor = li.getByRole('textbox', { name: 'Your LinkedIn post' });
  // Two variants: one is preselected (rotation), and choosing the other puts it in the editor.
  const variants = li.getByRole('radio');
  await expect(variants).toHaveCount(2);
  const catalan = li.getByRole('radio', { name: "L'informe anual és aquí: col·laboració i creixement 🎉" });
  await catalan.check();
  const text = "Bon dia, xarxa!\n\nL'informe anual és aquí: col·laboració i creixement 🎉";
  await expect(editor).toHaveValue(text);

  // Copy: the caption and the link on the clipboard, a confirmation, nothing recorded.
  await li.getByRole('button', { name: 'Copy' }).click();
  await expect(li.getByRole('status')).toContainText('Copied the LinkedIn caption and link');
  expect(await popup.evaluate(() => navigator.clipboard.readText())).toBe(`${text}\n${report.links.linkedin}`);

  const tab = context.waitForEvent('page');
  await li.getByRole('button', { name: 'Share on LinkedIn' }).click();
  await tab;
  await expect.poll(() => opened.length).toBe(1);
  const url = new URL(opened[0]!);
  expect(`${url.origin}${url.pathname}`).toBe('https://www.linkedin.com/feed/');
  expect(url.searchParams.get('shareActive')).toBe('true');
  expect(url.searchParams.get('text')).toBe(`${text}\n${report.links.linkedin}`);

  // Only the share counts, unedited (a variant with personal touches is not an edit).
  await expect.poll(() => backendShares(backend).length).toBe(1);
  expect(backendShares(backend)[0]).toMatchObject({ item_id: report.id, network: 'linkedin', edited: 0 });
});
