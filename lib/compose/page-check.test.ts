// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPage, type ComposerReport } from './page-check';
import { linkedinProfile, xProfile } from './profiles';
import { parseSavedPage } from '../admin/saved-page';
import type { SiteProfile } from '../contract/site-profiles';

const savedPage = (name: string) =>
  parseSavedPage(readFileSync(join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'saved-pages', name), 'utf8'));
const composer = (report: { composers: ComposerReport[] }, name: string) =>
  report.composers.find((c) => c.name === name)!;

describe('checking a site profile against a saved page', () => {
  it("finds LinkedIn's share box in the declarative shadow root of #interop-outlet, with its Post button", () => {
    const doc = savedPage('linkedin-feed-sharebox.html');
    const report = checkPage(doc, linkedinProfile, '/feed/');
    const share = composer(report, 'linkedin-share-dialog');
    expect(share.status).toBe('found');
    expect(share.emptyShadowHosts).toEqual([]);
    expect(share.candidates).toEqual([
      {
        element: 'div.ql-editor.ql-blank role="textbox" aria-label="Text editor for creating content"',
        inShadowOf: ['div#interop-outlet data-testid="interop-shadowdom"'],
        selector: '.ql-editor[role="textbox"][contenteditable="true"]',
        outcome: { kind: 'panel' },
        postButton: {
          element: 'button.share-actions__primary-action.artdeco-button.artdeco-button--2',
          inShadowOf: ['div#interop-outlet data-testid="interop-shadowdom"'],
          selector: '.share-actions__primary-action',
        },
      },
    ]);
    // The saved page's own script never ran.
    expect(doc.documentElement.dataset.ran).toBeUndefined();
  });

  it('finds nothing on a LinkedIn page with only a TipTap comment box, and says the share box host was saved empty', () => {
    const report = checkPage(
      savedPage('linkedin-feed-comment-only.html'),
      linkedinProfile,
      '/feed/update/urn:li:activity:7400000000000000002/',
    );
    const share = composer(report, 'linkedin-share-dialog');
    expect(share.status).toBe('notFound');
    expect(share.candidates).toEqual([]);
    expect(share.emptyShadowHosts).toEqual([
      { element: 'div#interop-outlet data-testid="interop-shadowdom"', inShadowOf: [] },
    ]);
  });

  it('names the comments rule when a Quill comment box sits where a share box could', () => {
    // A post opened in a dialog, with the comment box of the older Quill kind.
    const doc =
      parseSavedPage(`<!doctype html><body><div role="dialog"><div class="comments-comment-box"><div class="ql-container">
      <div class="ql-editor" contenteditable="true" role="textbox" aria-label="Text editor for creating comment"><p><br></p></div>
      </div><button class="comments-comment-box__submit-button">Post</button></div></div></body>`);
    const share = composer(checkPage(doc, linkedinProfile, '/feed/'), 'linkedin-share-dialog');
    expect(share.status).toBe('ignored');
    expect(share.candidates.map((c) => c.outcome)).toEqual([{ kind: 'ignored', rule: 1, reason: 'LinkedIn comments' }]);
    expect(share.candidates[0]!.postButton).toBeUndefined();
  });

  it("finds X's home composer, and says why the dialog and mobile composers do not apply", () => {
    const report = checkPage(savedPage('x-home.html'), xProfile, '/home');
    const inline = composer(report, 'x-home-inline');
    expect(inline.status).toBe('found');
    expect(inline.candidates).toEqual([
      {
        element:
          'div.notranslate.public-DraftEditor-content role="textbox" aria-label="Post text" data-testid="tweetTextarea_0"',
        inShadowOf: [],
        selector: '[data-testid^="tweetTextarea_"][role="textbox"][contenteditable="true"]',
        outcome: { kind: 'panel' },
        postButton: {
          element: 'button role="button" data-testid="tweetButtonInline"',
          inShadowOf: [],
          selector: '[data-testid="tweetButtonInline"]',
        },
      },
    ]);
    const dialog = composer(report, 'x-compose-dialog');
    expect(dialog.status).toBe('notFound');
    expect(dialog.candidates.map((c) => c.outcome)).toEqual([{ kind: 'outsideWithin' }]);
    expect(composer(report, 'x-mobile-textarea')).toMatchObject({ status: 'notFound', candidates: [] });
  });

  it('the path decides: the home composer on another page is not one', () => {
    const inline = composer(checkPage(savedPage('x-home.html'), xProfile, '/NASA/status/1'), 'x-home-inline');
    expect(inline.status).toBe('notFound');
    expect(inline.candidates.map((c) => c.outcome)).toEqual([{ kind: 'pathNotListed', paths: ['/', '/home'] }]);
  });

  it('ignores everything on an X chat page, naming the XChat pages rule', () => {
    const report = checkPage(savedPage('x-chat.html'), xProfile, '/i/chat/1600000000000000000-2001');
    expect(report.composers.map((c) => c.status)).toEqual(['ignored', 'notFound', 'notFound']);
    const dialog = composer(report, 'x-compose-dialog');
    expect(dialog.candidates.map((c) => c.outcome)).toEqual([
      { kind: 'ignored', rule: 3, reason: 'X direct messages (XChat pages)' },
    ]);
    // The chat's own textarea matches no composer at all.
    expect(composer(report, 'x-mobile-textarea').candidates).toEqual([]);
    // The same dialog on the "Create post" page gets its panel and its Post button.
    const onCompose = composer(checkPage(savedPage('x-chat.html'), xProfile, '/compose/post'), 'x-compose-dialog');
    expect(onCompose.candidates[0]).toMatchObject({
      outcome: { kind: 'panel' },
      postButton: { selector: '[data-testid="tweetButton"]' },
    });
  });

  it("finds no composer after a redesign renamed X's editor and buttons", () => {
    const report = checkPage(savedPage('x-home-redesigned.html'), xProfile, '/home');
    expect(report.composers.map((c) => [c.name, c.status, c.candidates.length])).toEqual([
      ['x-compose-dialog', 'notFound', 0],
      ['x-home-inline', 'notFound', 0],
      ['x-mobile-textarea', 'notFound', 0],
    ]);
  });

  it('says when a redesign moved the share box into a shadow root detection does not look into', () => {
    const doc = parseSavedPage(`<!doctype html><body><div id="modal-outlet"><template shadowrootmode="open">
      <div role="dialog" data-test-modal-id="sharebox"><div class="ql-editor" contenteditable="true" role="textbox"><p><br></p></div>
      <button class="share-actions__primary-action">Post</button></div></template></div></body>`);
    const share = composer(checkPage(doc, linkedinProfile, '/feed/'), 'linkedin-share-dialog');
    expect(share.status).toBe('notFound');
    expect(share.candidates.map((c) => c.outcome)).toEqual([{ kind: 'unwatchedShadow', host: 'div#modal-outlet' }]);
  });

  it('finds a Post button by its text when its selectors broke, and says when there is none', () => {
    const page = (button: string) =>
      parseSavedPage(`<!doctype html><body><div role="dialog"><div class="ql-container">
      <div class="ql-editor" contenteditable="true" role="textbox"><p><br></p></div></div>
      <div class="share-box-footer">${button}</div></div></body>`);
    const byText = composer(
      checkPage(page('<button class="new-primary">Publicar</button>'), linkedinProfile, '/feed/'),
      'linkedin-share-dialog',
    );
    expect(byText.candidates[0]!.postButton).toEqual({
      element: 'button.new-primary',
      inShadowOf: [],
      text: 'Publicar',
    });
    const none = composer(
      checkPage(page('<button aria-label="Send" class="icon-only"></button>'), linkedinProfile, '/feed/'),
      'linkedin-share-dialog',
    );
    expect(none.status).toBe('found');
    expect(none.candidates[0]!.postButton).toBeNull();
  });

  it('says which earlier composer decides about an editor two composers could take', () => {
    const twice: SiteProfile = {
      ...xProfile,
      composers: [xProfile.composers[0]!, { ...xProfile.composers[0]!, name: 'x-second-dialog' }],
    };
    const doc = parseSavedPage(
      `<!doctype html><body><div role="dialog"><div class="public-DraftEditor-content" contenteditable="true" role="textbox" data-testid="tweetTextarea_0"></div></div></body>`,
    );
    const report = checkPage(doc, twice, '/compose/post');
    expect(composer(report, 'x-compose-dialog').status).toBe('found');
    expect(composer(report, 'x-second-dialog').candidates.map((c) => c.outcome)).toEqual([
      { kind: 'otherComposer', name: 'x-compose-dialog' },
    ]);
  });

  it('skips a profile selector that does not parse instead of failing', () => {
    const broken: SiteProfile = {
      ...xProfile,
      composers: [
        {
          ...xProfile.composers[1]!,
          editor: ['[data-testid=', ...xProfile.composers[1]!.editor],
          postButton: { selectors: ['button[', '[data-testid="tweetButtonInline"]'] },
        },
      ],
    };
    const [inline] = checkPage(savedPage('x-home.html'), broken, '/home').composers;
    expect(inline).toMatchObject({
      status: 'found',
      candidates: [{ postButton: { selector: '[data-testid="tweetButtonInline"]' } }],
    });
  });
});
