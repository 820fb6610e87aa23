import { describe, expect, it } from 'vitest';
import {
  comparablePageUrl,
  isShareablePage,
  LINKEDIN_MAX_URL,
  linkedinShareUrl,
  postText,
  shareUrl,
  tagPageUrl,
  xShareUrl,
} from './share-urls';

const link = 'https://relay.example.com/r/AbC123';
/** What the network's page reads back from the query string. */
const textOf = (url: string) => new URL(url).searchParams.get('text');

describe('share URLs', () => {
  it('X: caption then link in ?text=, decoded back exactly', () => {
    const { url, linkOnly } = xShareUrl('Our year in numbers 📈', link);
    expect(url.startsWith('https://x.com/intent/post?text=')).toBe(true);
    expect(linkOnly).toBe(false);
    expect(textOf(url)).toBe(`Our year in numbers 📈 ${link}`);
  });

  it('LinkedIn: shareActive feed URL with the text', () => {
    const { url, linkOnly } = linkedinShareUrl('Proud of the team', link);
    expect(url.startsWith('https://www.linkedin.com/feed/?shareActive=true&text=')).toBe(true);
    expect(new URL(url).searchParams.get('shareActive')).toBe('true');
    expect(textOf(url)).toBe(`Proud of the team ${link}`);
    expect(linkOnly).toBe(false);
  });

  it('keeps newlines as %0A and puts the link on its own line after a multi-line caption', () => {
    const { url } = xShareUrl('Line 1\r\n\r\nLine 2', link);
    expect(url).toContain('Line%201%0A%0ALine%202%0Ahttps');
    expect(textOf(url)).toBe(`Line 1\n\nLine 2\n${link}`);
  });

  it.each([
    ['Catalan', "L'informe anual és aquí: col·laboració i creixement 🎉"],
    ['Russian', 'Мы открыли исходный код нашего инструмента — присоединяйтесь!'],
    ['CJK', '我们开源了 — 日本語もＯＫ — 한국어'],
    ['emoji with joiners and flags', 'Código abierto 👩‍💻🏳️‍🌈🇨🇦'],
    ['&, #, + and %', 'R&D + QA = #teamwork 100% ?x=1&y=2'],
  ])('%s survives both networks intact', (_name, caption) => {
    for (const network of ['x', 'linkedin'] as const) {
      const { url } = shareUrl(network, caption, link);
      expect(textOf(url)).toBe(`${caption} ${link}`);
      // Nothing that would split or end the query early is left raw.
      const query = url.slice(url.indexOf('text=') + 5);
      expect(query).not.toMatch(/[&#+\s]/);
    }
  });

  it('the tracked link is passed exactly as the queue gave it, even with its own query', () => {
    const tracked = 'https://relay.example.com/r/x9?via=a&b=c';
    expect(textOf(xShareUrl('Hi', tracked).url)).toBe(`Hi ${tracked}`);
  });

  it('a caption that already carries the link does not get it twice', () => {
    expect(postText(`Read ${link} now`, link)).toBe(`Read ${link} now`);
  });

  it('LinkedIn falls back to share-offsite with the link only when the URL would be too long', () => {
    const long = 'Ж'.repeat(1500); // 2 UTF-8 bytes → 6 encoded characters each: ~9,000
    const target = linkedinShareUrl(long, link);
    expect(target.linkOnly).toBe(true);
    expect(target.url).toBe(`https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent(link)}`);
    expect(new URL(target.url).searchParams.get('url')).toBe(link);
    expect(target.text).toBe(`${long} ${link}`);
    // Just under the limit still carries the text.
    const fits = linkedinShareUrl('a'.repeat(LINKEDIN_MAX_URL - 200), link);
    expect(fits.linkOnly).toBe(false);
    expect(fits.url.length).toBeLessThanOrEqual(LINKEDIN_MAX_URL);
  });
});

describe('Share this page', () => {
  it('tags the page for the network with no personal data, keeping its query and fragment', () => {
    const tagged = new URL(tagPageUrl('https://example.com/post?id=7#top', 'x'));
    expect(tagged.searchParams.get('id')).toBe('7');
    expect(tagged.hash).toBe('#top');
    expect(tagged.searchParams.get('utm_source')).toBe('twitter');
    expect(tagged.searchParams.get('utm_medium')).toBe('social');
    expect(tagged.searchParams.get('utm_campaign')).toBe('employee-share');
    expect([...tagged.searchParams.keys()].sort()).toEqual(['id', 'utm_campaign', 'utm_medium', 'utm_source']);
    expect(new URL(tagPageUrl('https://example.com/', 'linkedin')).searchParams.get('utm_source')).toBe('linkedin');
  });

  it('only offers http(s) pages', () => {
    expect(isShareablePage('https://example.com/')).toBe(true);
    expect(isShareablePage('http://intranet/page')).toBe(true);
    expect(isShareablePage('chrome://extensions')).toBe(false);
    expect(isShareablePage('chrome-extension://abc/popup.html')).toBe(false);
    expect(isShareablePage('file:///etc/passwd')).toBe(false);
    expect(isShareablePage(undefined)).toBe(false);
  });

  it('recognises the same page with tags, fragment or a trailing slash', () => {
    const a = comparablePageUrl('https://Example.com/blog/post/?utm_source=x&ref=1#intro');
    expect(a).toBe(comparablePageUrl('https://example.com/blog/post?ref=1'));
    expect(comparablePageUrl('https://example.com/a')).not.toBe(comparablePageUrl('https://example.com/b'));
  });
});
