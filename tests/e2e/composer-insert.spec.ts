/**
 * Insert on both networks, one table of cases: the built extension in Chromium, the real backend, and the
 * fixtures with the real editors (X: Draft.js 0.11.7 + React 18; LinkedIn: Quill 1.3.7) on their real hostnames.
 * Text is checked on the editor STATE, never on innerText; Post is pressed by the test, never by Relay.
 * What only one network has (dialogs, shadow roots, replies, comments, messages) is in composer-x.spec.ts and
 * composer-linkedin.spec.ts.
 */
import {
  captions,
  composerSites,
  expect,
  expectEditorText,
  expectInserted,
  expectInsertedAtCaret,
  expectShareRecorded,
  insertButton,
  panels,
  statusMessage,
  test,
  typeBeforeAfter,
} from '../helpers/composer';

const other = { x: 'linkedin', linkedin: 'x' } as const;
/** A caption in another script or with diacritics, so the caret case is not only ASCII. */
const caretCaption = { x: 'catalan', linkedin: 'russian' } as const;

for (const site of Object.values(composerSites)) {
  const { network } = site;

  test(`${site.label}: the panel offers this network's captions; Insert puts caption and link into the editor state; Post records the share`, async ({
    backend,
    context,
    connect,
  }) => {
    test.setTimeout(90_000);
    const relayUser = await connect('multiline');
    const page = await context.newPage();
    await site.open(page);
    await site.expectPostEnabled(page, false);

    // The panel is there without focusing the editor.
    const panel = panels(page);
    await expect(panel).toHaveCount(1);
    await expect(panel).toBeVisible();
    await expect(insertButton(panel, captions.multiline[other[network]])).toHaveCount(0);

    await insertButton(panel, captions.multiline[network]).click();
    await expect(statusMessage(page)).toBeVisible();
    await expectEditorText(() => site.text(page), captions.multiline[network], relayUser.link('multiline', network));
    await site.expectPostEnabled(page, true);
    expect(await page.evaluate(() => window.__posted.length), 'Relay never presses Post').toBe(0);

    await site.postButton(page).click();
    await expect.poll(() => page.evaluate(() => window.__posted.map((p) => p.name))).toEqual([site.postedAs]);
    await expectShareRecorded(backend, relayUser.token, network);
  });

  test(`${site.label}: text already typed is kept, the caption and link are added after it`, async ({
    connectAndOpen,
  }) => {
    const { user: relayUser, page } = await connectAndOpen(site.url);
    await site.editor(page).click();
    await page.keyboard.type('My own words first.');
    await expect.poll(() => site.text(page)).toBe('My own words first.');

    await insertButton(panels(page), captions.multiline[network]).click();
    await expectEditorText(
      () => site.text(page),
      captions.multiline[network],
      relayUser.link('multiline', network),
      'My own words first.',
    );
  });

  test(`${site.label}: the caption goes in at the caret the person left, not at the end`, async ({
    connect,
    sitePage,
  }) => {
    const key = caretCaption[network];
    const relayUser = await connect(key);
    const page = await sitePage(site.url);
    await typeBeforeAfter(page, site.editor(page), () => site.text(page));

    await insertButton(panels(page), captions[key][network]).click();
    const link = relayUser.link(key, network);
    await expect.poll(() => site.text(page)).toContain(link);
    expectInsertedAtCaret(await site.text(page), captions[key][network], link, 'Before.', 'After.');
  });

  test(`${site.label}: a hostile caption arrives as those characters, no element is created, no script runs`, async ({
    context,
    connect,
  }) => {
    const relayUser = await connect('hostile');
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(site.url);
    await insertButton(panels(page), captions.hostile[network]).click();
    await expectEditorText(() => site.text(page), captions.hostile[network], relayUser.link('hostile', network));
    await expect(site.editor(page).locator('img')).toHaveCount(0);
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    expect(dialogs, 'no alert() ran').toEqual([]);
  });

  test(`${site.label}: an editor that refuses the text, Relay copies it to the clipboard and says so`, async ({
    context,
    connect,
  }) => {
    const relayUser = await connect('multiline');
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
    const page = await context.newPage();
    const url = new URL(site.url);
    url.searchParams.set('reject', '1');
    await page.goto(url.href);
    await insertButton(panels(page), captions.multiline[network]).click();
    await expect(statusMessage(page)).toContainText(/clipboard|paste/i);
    expect(await site.text(page), 'the refusing editor stayed empty').toBe('');
    await site.expectPostEnabled(page, false);

    await page.bringToFront();
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    expectInserted(clip.trim(), captions.multiline[network], relayUser.link('multiline', network));
  });
}
