// @vitest-environment happy-dom
/**
 * PRIVACY.md and the settings page's "What Relay records about you" say the same thing: every line of the page
 * opens a bullet of the policy's matching section, word for word and in the same order, and the policy lists
 * nothing the page leaves out. Change one and this fails until the other follows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { h, render } from 'preact';
import { describe, expect, it } from 'vitest';
import { settle, testHost } from '@/components/test-host';
import { t } from '@/lib/i18n';
import { privacyPage } from '@/modules/privacy-page/html';
import { PrivacySection } from './PrivacySection';

const policy = readFileSync(join(import.meta.dirname, '..', '..', 'PRIVACY.md'), 'utf8');

/** The bullets of one `### heading` of the policy, each joined onto one line. */
function section(heading: string): string[] {
  const start = policy.indexOf(`\n### ${heading}\n`);
  expect(start, `PRIVACY.md has a "### ${heading}" section`).toBeGreaterThan(0);
  const end = policy.slice(start + 1).search(/\n#{1,3} /);
  const body = policy.slice(start + 1, end < 0 ? undefined : start + 1 + end);
  return body
    .split(/\n- /)
    .slice(1)
    .map((b) => b.replace(/\s*\n\s*/g, ' ').trim());
}

/** The bold opening of each bullet: the sentence it shares with the settings page. */
const openings = (bullets: string[]) => bullets.map((b) => /^\*\*(.+?)\*\*/.exec(b)?.[1] ?? `(no bold opening) ${b}`);

describe('PRIVACY.md and the settings page', () => {
  const host = testHost();

  async function listsOnPage() {
    render(h(PrivacySection, {}), host);
    await settle();
    const lists: Record<string, string[]> = {};
    for (const heading of host.querySelectorAll('#privacy h3')) {
      const list = heading.nextElementSibling;
      lists[heading.textContent!] =
        list?.tagName === 'UL' ? [...list.querySelectorAll('li')].map((li) => li.textContent!) : [];
    }
    return lists;
  }

  it('lists what this browser keeps, line for line', async () => {
    const page = await listsOnPage();
    expect(page[t('options.privacy.inBrowser')]!.length).toBeGreaterThan(0);
    expect(openings(section('In this browser'))).toEqual(page[t('options.privacy.inBrowser')]);
  });

  it('lists what the server records, line for line (single sign-on and sessions included)', async () => {
    const page = await listsOnPage();
    const onServer = page[t('options.privacy.onServer')]!;
    expect(onServer).toContain(t('store.privacy.serverIdentity'));
    expect(onServer).toContain(t('store.privacy.serverSessions'));
    expect(openings(section('On your company’s server'))).toEqual(onServer);
  });

  it('says what Relay never does in the page’s own words', () => {
    expect(policy.replace(/\s*\n\s*/g, ' ')).toContain(t('options.privacy.neverText'));
  });

  it('links the policy shipped inside the extension', async () => {
    await listsOnPage();
    const link = host.querySelector<HTMLAnchorElement>('#privacy a[href$="/privacy.html"]');
    expect(link?.textContent).toBe(t('store.privacy.policy'));
  });
});

describe('privacy.html, made from PRIVACY.md', () => {
  const html = privacyPage(policy);

  it('has every heading and bullet, and no Markdown left over', () => {
    expect(html).toContain('<h1>Relay privacy policy</h1>');
    expect(html).toContain('<h3>On your company’s server</h3>');
    const bullets = policy.split('\n').filter((l) => l.startsWith('- ')).length;
    expect(html.match(/<li>/g)?.length).toBe(bullets);
    const text = html.replace(/<[^>]+>/g, '');
    expect(text).not.toMatch(/\*\*|\]\(|^#|^- /m);
  });

  it('escapes what would be markup', () => {
    const html = privacyPage(
      '# A <b> & "c"\n\nSee `<script>`.\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>',
    );
    expect(html).toContain('<title>A &lt;b&gt; &amp; &quot;c&quot;</title>');
    expect(html).toContain('<h1>A &lt;b&gt; &amp; &quot;c&quot;</h1>');
    expect(html).toContain('<code>&lt;script&gt;</code>');
    expect(html).not.toMatch(/<script|<img/);
  });

  it('keeps https and mailto links only, and loads no images', () => {
    const html = privacyPage(
      '[site](https://example.org) [mail](mailto:a@example.org) [bad](javascript:alert(1)) ![logo](https://example.org/x.png)',
    );
    expect(html).toContain('<a href="https://example.org">site</a>');
    expect(html).toContain('<a href="mailto:a@example.org">mail</a>');
    expect(html).not.toMatch(/javascript:|<img/);
    expect(html).toContain('bad');
  });
});
