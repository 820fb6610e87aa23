/**
 * The curators' console checks a site profile against pages saved from the live sites: uploaded through the real
 * file input, read in the console only (nothing the saved page names is fetched, nothing is sent), with the
 * composer, the ignore rule and the Post button it finds in readable text.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Request } from '@playwright/test';
import { seriousViolations } from '../helpers/axe';
import { expect, test } from '../helpers/fixtures';
import type { Backend } from '../helpers/server';
import type { RelayPages } from '../helpers/fixtures';
import type { SiteProfile } from '../../lib/contract/site-profiles';
import { xProfile } from '../../lib/compose/profiles/x';

const saved = (name: string) => join(import.meta.dirname, '..', 'fixtures', 'saved-pages', name);

async function openSiteProfiles(relay: RelayPages, backend: Backend, extensionId: string): Promise<Page> {
  const options = await relay.connect(backend.url, await backend.createInvite('Ada Curator', 'admin'));
  await expect(options.getByText(/Connected as Ada Curator/)).toBeVisible();
  const page = await options.context().newPage();
  await page.goto(`chrome-extension://${extensionId}/admin.html#site-profiles`);
  await expect(page.getByRole('form', { name: 'Check a profile against a saved page' })).toBeVisible();
  return page;
}

/** The results of one composer: its group, named by its heading. */
const composer = (page: Page, name: string) => page.getByRole('group', { name: `Composer ${name}` });

test('a curator checks the profiles against saved LinkedIn and X pages', async ({ backend, relay, extensionId }) => {
  const page = await openSiteProfiles(relay, backend, extensionId);
  const requests: Request[] = [];
  page.on('request', (r) => requests.push(r));
  const form = page.getByRole('form', { name: 'Check a profile against a saved page' });
  const status = page.getByRole('status').filter({ hasText: 'that get a panel on' });

  // LinkedIn's feed, saved with the share box in the declarative shadow root of #interop-outlet.
  await form.getByLabel('Saved page (HTML file)').setInputFiles(saved('linkedin-feed-sharebox.html'));
  await expect(form.getByText('Address read from the saved file: https://www.linkedin.com/feed/')).toBeVisible();
  await expect(form.getByLabel('Page address or path')).toHaveValue('https://www.linkedin.com/feed/');
  await expect(form.getByLabel('Profile to check')).toHaveValue('linkedin');
  await form.getByRole('button', { name: 'Check the page' }).click();
  await expect(status).toHaveText('Composers of the LinkedIn profile, version 2, that get a panel on /feed/: 1 of 1.');
  const share = composer(page, 'linkedin-share-dialog');
  await expect(share).toContainText('Found: it gets a panel');
  const row = share.getByRole('row').filter({ hasText: 'Gets a panel' });
  await expect(row.getByRole('cell').nth(0)).toHaveText(
    'div.ql-editor.ql-blank role="textbox" aria-label="Text editor for creating content" (in the shadow root of div#interop-outlet data-testid="interop-shadowdom")',
  );
  await expect(row.getByRole('cell').nth(3)).toContainText(
    'Found by .share-actions__primary-action: button.share-actions__primary-action',
  );

  // X's chat page: the "Create post" dialog over it is ignored by the chat pages' rule, which is named.
  await form.getByLabel('Saved page (HTML file)').setInputFiles(saved('x-chat.html'));
  await expect(form.getByLabel('Profile to check')).toHaveValue('x');
  await expect(form.getByLabel('Page address or path')).toHaveValue('https://x.com/i/chat/1600000000000000000-2001');
  await form.getByRole('button', { name: 'Check the page' }).click();
  await expect(status).toHaveText(
    'Composers of the X profile, version 2, that get a panel on /i/chat/1600000000000000000-2001: 0 of 3.',
  );
  const dialog = composer(page, 'x-compose-dialog');
  await expect(dialog).toContainText('Found, but an ignore rule excludes it');
  await expect(dialog.getByRole('row').nth(1)).toContainText('Ignored by rule 3: X direct messages (XChat pages)');
  await expect(dialog.getByRole('row').nth(1)).toContainText('Not looked for (no panel)');
  await expect(composer(page, 'x-mobile-textarea')).toContainText(
    'No element in the page matches its editor selectors.',
  );

  // The same page at the "Create post" address: the dialog gets its panel and its Post button is found.
  await form.getByLabel('Page address or path').fill('/compose/post');
  await form.getByRole('button', { name: 'Check the page' }).click();
  await expect(status).toHaveText('Composers of the X profile, version 2, that get a panel on /compose/post: 1 of 3.');
  await expect(composer(page, 'x-compose-dialog').getByRole('row').nth(1)).toContainText(
    'Found by [data-testid="tweetButton"]',
  );

  // A redesign that renamed X's editor: nothing is found, which is what the curator needs to know.
  await form.getByLabel('Saved page (HTML file)').setInputFiles(saved('x-home-redesigned.html'));
  await expect(form.getByLabel('Page address or path')).toHaveValue('https://x.com/home');
  await form.getByRole('button', { name: 'Check the page' }).click();
  await expect(status).toHaveText('Composers of the X profile, version 2, that get a panel on /home: 0 of 3.');
  await expect(composer(page, 'x-home-inline')).toContainText('Not found');

  // The curator writes the fix in the publish form and checks it before publishing it.
  const fix: SiteProfile = {
    ...xProfile,
    version: xProfile.version + 1,
    composers: [
      ...xProfile.composers,
      {
        name: 'x-home-redesigned',
        editor: ['[data-testid="postTextarea"][contenteditable="true"]'],
        editorKind: 'auto',
        paths: ['/', '/home'],
        anchor: { position: 'after' },
        postButton: { selectors: ['[data-testid="postButtonInline"]'] },
      },
    ],
  };
  await page.getByLabel('Profile (JSON)').fill(JSON.stringify(fix, null, 2));
  await form
    .getByLabel('Profile to check')
    .selectOption({ label: 'The profile being edited above: X, version 3 (not published)' });
  await form.getByRole('button', { name: 'Check the page' }).click();
  await expect(status).toHaveText(
    'Composers of the edited X profile, version 3 (not published), that get a panel on /home: 1 of 4.',
  );
  await expect(composer(page, 'x-home-redesigned').getByRole('row').nth(1)).toContainText(
    'Found by [data-testid="postButtonInline"]: button data-testid="postButtonInline"',
  );

  expect(
    await seriousViolations(page, {
      include: ['.page-check', 'form[aria-label="Check a profile against a saved page"]'],
    }),
  ).toEqual([]);

  // The saved pages' scripts, style sheets and images were never fetched, and nothing went to the server.
  expect(requests.map((r) => r.url()).filter((u) => !u.startsWith('chrome-extension://'))).toEqual([]);
});

test('a refused file says why, and a page saved without its shadow content says how to keep it', async ({
  backend,
  relay,
  extensionId,
  context,
}, testInfo) => {
  const page = await openSiteProfiles(relay, backend, extensionId);
  const form = page.getByRole('form', { name: 'Check a profile against a saved page' });
  const file = form.getByLabel('Saved page (HTML file)');
  const alert = form.getByRole('alert');

  await form.getByRole('button', { name: 'Check the page' }).click();
  await expect(alert).toHaveText('Choose a saved page first.');
  await file.setInputFiles({
    name: 'Feed _ LinkedIn.mhtml',
    mimeType: 'multipart/related',
    buffer: Buffer.from('MIME-Version: 1.0\r\n'),
  });
  await expect(alert).toHaveText(/^This is a single-file web archive \(MHTML\)/);
  await expect(file).toHaveAttribute('aria-invalid', 'true');
  // From disk, not as a buffer: the browser reads the file itself instead of 11 MB crossing the DevTools protocol.
  const large = testInfo.outputPath('feed.html');
  writeFileSync(large, Buffer.alloc(11 * 1024 * 1024 + 1, 'a'));
  await file.setInputFiles(large);
  await expect(alert).toHaveText('The file is 11.1 MB; the limit is 10 MB.');
  await file.setInputFiles({ name: 'notes.html', mimeType: 'text/html', buffer: Buffer.from('only words, no markup') });
  await expect(alert).toHaveText(/^This file is not an HTML page\./);

  // Saved by the browser's "Save page as": #interop-outlet is there, its shadow root is not.
  await file.setInputFiles(saved('linkedin-feed-comment-only.html'));
  await expect(alert).toBeHidden();
  await expect(form.getByLabel('Page address or path')).toHaveValue(
    'https://www.linkedin.com/feed/update/urn:li:activity:7400000000000000002/',
  );
  await form.getByRole('button', { name: 'Check the page' }).click();
  const share = composer(page, 'linkedin-share-dialog');
  await expect(share).toContainText('Not found');
  await expect(share).toContainText(
    'div#interop-outlet data-testid="interop-shadowdom" is in the page but empty: the page was saved without its shadow content',
  );
  const line = (await share.locator('code').first().textContent())!;
  expect(line).toMatch(/^copy\(.*\)$/);

  // The line the console shows, run on a page whose share box is in a shadow root attached by script (as on
  // the live site), saves a file the check reads the share box from.
  const live = await context.newPage();
  await live.setContent(`<!doctype html><body><main>Feed</main><div id="interop-outlet"></div><script>
    document.getElementById('interop-outlet').attachShadow({ mode: 'open' }).innerHTML =
      '<div role="dialog" data-test-modal-id="sharebox"><div class="ql-container"><div class="ql-editor" contenteditable="true" role="textbox" aria-label="Text editor for creating content"><p><br></p></div></div>' +
      '<div class="share-box_actions"><button class="share-actions__primary-action">Post</button></div></div>';
  </script></body>`);
  // `copy` is the browser console's own; here it hands back what it would copy.
  const html = await live.evaluate((code) => new Function('copy', `return ${code}`)((s: string) => s) as string, line);
  await live.close();
  await file.setInputFiles({ name: 'feed-with-shadow.html', mimeType: 'text/html', buffer: Buffer.from(html) });
  await form.getByLabel('Page address or path').fill('/feed/');
  await form.getByRole('button', { name: 'Check the page' }).click();
  await expect(share).toContainText('Found: it gets a panel');
  await expect(share.getByRole('row').filter({ hasText: 'Gets a panel' })).toContainText(
    '(in the shadow root of div#interop-outlet',
  );
  await expect(page.getByText(/which is not one of the hosts/)).toHaveCount(0);

  // An address on another host (a staging copy, say) is checked all the same, with a word about it.
  await form.getByLabel('Page address or path').fill('https://linkedin.example.com/feed/');
  await form.getByRole('button', { name: 'Check the page' }).click();
  await expect(
    page.getByText(
      'The page was saved from linkedin.example.com, which is not one of the hosts of the LinkedIn profile.',
    ),
  ).toBeVisible();
  await expect(share).toContainText('Found: it gets a panel');
});
