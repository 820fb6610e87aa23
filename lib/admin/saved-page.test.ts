// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  MAX_SAVED_PAGE_BYTES,
  checkSavedFile,
  checkSavedText,
  parseSavedPage,
  pathOfAddress,
  savedPageAddress,
} from './saved-page';

describe('a saved page file', () => {
  it('takes HTML by name or type, and refuses archives, other files, empty and oversized ones', () => {
    expect(checkSavedFile({ name: 'Feed _ LinkedIn.html', type: 'text/html', size: 2_000_000 })).toBeNull();
    expect(checkSavedFile({ name: 'home.HTM', type: '', size: 10 })).toBeNull();
    expect(checkSavedFile({ name: 'page', type: 'text/html', size: 10 })).toBeNull();
    expect(checkSavedFile({ name: 'Feed.mhtml', type: 'multipart/related', size: 10 })).toEqual({ kind: 'mhtml' });
    expect(checkSavedFile({ name: 'Feed.mht', type: '', size: 10 })).toEqual({ kind: 'mhtml' });
    expect(checkSavedFile({ name: 'screenshot.png', type: 'image/png', size: 10 })).toEqual({ kind: 'notHtml' });
    expect(checkSavedFile({ name: 'empty.html', type: 'text/html', size: 0 })).toEqual({ kind: 'empty' });
    expect(checkSavedFile({ name: 'huge.html', type: 'text/html', size: MAX_SAVED_PAGE_BYTES })).toBeNull();
    expect(checkSavedFile({ name: 'huge.html', type: 'text/html', size: MAX_SAVED_PAGE_BYTES + 1 })).toEqual({
      kind: 'tooLarge',
      bytes: MAX_SAVED_PAGE_BYTES + 1,
    });
  });

  it('refuses text without markup and binary content', () => {
    expect(checkSavedText('<!doctype html><p>hi')).toBeNull();
    expect(checkSavedText('   \n')).toEqual({ kind: 'empty' });
    expect(checkSavedText('just some notes, no tags')).toEqual({ kind: 'notHtml' });
    expect(checkSavedText('\u0000\u0001<html>')).toEqual({ kind: 'notHtml' });
  });
});

describe('parsing a saved page', () => {
  it('turns declarative shadow roots into shadow roots, nested ones too, and runs nothing', () => {
    const doc = parseSavedPage(`<!doctype html><body><script>document.body.dataset.ran = '1'</script>
      <div id="outer"><template shadowrootmode="open"><p>outside</p><section id="inner"><template shadowrootmode="open"><textarea></textarea></template></section></template></div>
      <span id="closed"><template shadowrootmode="closed"><b>hidden</b></template></span>
      <div id="plain"><template><i>stays a template</i></template></div></body>`);
    expect(doc.body.dataset.ran).toBeUndefined();
    const outer = doc.getElementById('outer')!;
    expect(outer.shadowRoot?.querySelector('p')?.textContent).toBe('outside');
    expect(outer.querySelector('template')).toBeNull();
    const inner = outer.shadowRoot!.getElementById('inner')!;
    expect(inner.shadowRoot?.querySelector('textarea')).not.toBeNull();
    // A closed root is attached as closed: as out of reach as on the live page.
    expect(doc.getElementById('closed')!.shadowRoot).toBeNull();
    expect(doc.getElementById('closed')!.querySelector('template')).toBeNull();
    expect(doc.getElementById('plain')!.querySelector('template')).not.toBeNull();
  });

  it("reads the address the page was saved from: the browser's mark, then canonical, then og:url", () => {
    const read = (html: string) => {
      const found = savedPageAddress(html, parseSavedPage(html));
      return found && { url: found.url.href, source: found.source };
    };
    expect(
      read(
        '<!DOCTYPE html>\n<!-- saved from url=(0045)https://x.com/i/chat/1600000000000000000-2001 -->\n<html><head><link rel="canonical" href="https://x.com/other"></head></html>',
      ),
    ).toEqual({ url: 'https://x.com/i/chat/1600000000000000000-2001', source: 'savedFrom' });
    expect(
      read(
        '<!-- saved from url=(0014)about:internet --><html><head><link rel="Canonical" href="https://www.linkedin.com/feed/"></head></html>',
      ),
    ).toEqual({ url: 'https://www.linkedin.com/feed/', source: 'canonical' });
    expect(
      read('<html><head><meta property="og:url" content="https://www.linkedin.com/posts/abc"></head></html>'),
    ).toEqual({ url: 'https://www.linkedin.com/posts/abc', source: 'ogUrl' });
    expect(read('<html><head><link rel="canonical" href="javascript:alert(1)"></head></html>')).toBeNull();
  });
});

describe('the page path the curator types', () => {
  it('takes a path or an address, with or without the scheme', () => {
    expect(pathOfAddress('/i/chat/123?x=1#y')).toBe('/i/chat/123');
    expect(pathOfAddress(' https://x.com/home ')).toBe('/home');
    expect(pathOfAddress('www.linkedin.com/feed/')).toBe('/feed/');
    expect(pathOfAddress('x.com')).toBe('/');
    expect(pathOfAddress('home')).toBeNull();
    expect(pathOfAddress('/has space')).toBeNull();
    expect(pathOfAddress('ftp://x.com/home')).toBeNull();
  });
});
