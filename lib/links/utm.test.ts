import { describe, expect, it } from 'vitest';
import { DEFAULT_CAMPAIGN, tagUrl } from './utm';

const ID = '01A2F3C4-0000-7000-8000-00000000ABCD';

const params = (url: string) => Object.fromEntries(new URL(url).searchParams);

describe('tagUrl', () => {
  it('sets the four UTM tags, medium social', () => {
    const out = tagUrl('https://example.com/post', { network: 'linkedin', itemId: ID, campaign: 'launch' });
    expect(params(out)).toEqual({
      utm_source: 'linkedin',
      utm_medium: 'social',
      utm_campaign: 'launch',
      utm_content: ID.toLowerCase(),
    });
  });

  it('names X "twitter", the source GA4 groups as social', () => {
    expect(params(tagUrl('https://example.com/', { network: 'x', itemId: ID })).utm_source).toBe('twitter');
  });

  it("keeps the page's own query parameters, in order, before the tags", () => {
    const out = tagUrl('https://example.com/jobs?team=payments&ref=site&team=infra', { network: 'x', itemId: ID });
    const url = new URL(out);
    expect(url.searchParams.getAll('team')).toEqual(['payments', 'infra']);
    expect(url.searchParams.get('ref')).toBe('site');
    expect(out.indexOf('team=payments')).toBeLessThan(out.indexOf('utm_source'));
  });

  it('overrides UTM tags the curator pasted, leaving one of each', () => {
    const out = tagUrl(
      'https://example.com/?utm_source=newsletter&utm_medium=email&utm_campaign=Old&utm_content=x&lang=en',
      {
        network: 'linkedin',
        itemId: ID,
        campaign: 'new',
      },
    );
    const url = new URL(out);
    expect(url.searchParams.getAll('utm_source')).toEqual(['linkedin']);
    expect(url.searchParams.getAll('utm_medium')).toEqual(['social']);
    expect(url.searchParams.getAll('utm_campaign')).toEqual(['new']);
    expect(url.searchParams.get('lang')).toBe('en');
  });

  it('keeps the fragment after the query', () => {
    const out = tagUrl('https://example.com/docs?a=1#section-2', { network: 'linkedin', itemId: ID });
    expect(new URL(out).hash).toBe('#section-2');
    expect(out.endsWith('#section-2')).toBe(true);
    expect(new URL(out).searchParams.get('a')).toBe('1');
  });

  it('keeps non-ASCII paths and parameters, percent-encoded, and they decode back', () => {
    const out = tagUrl('https://example.com/notícies/сообщение?q=caña&ciutat=València', { network: 'x', itemId: ID });
    const url = new URL(out);
    expect(decodeURIComponent(url.pathname)).toBe('/notícies/сообщение');
    expect(url.searchParams.get('q')).toBe('caña');
    expect(url.searchParams.get('ciutat')).toBe('València');
    expect(out).not.toMatch(/[^\x20-\x7e]/);
  });

  it('keeps an internationalised host reachable (punycode)', () => {
    const out = tagUrl('https://bücher.example/', { network: 'linkedin', itemId: ID });
    expect(new URL(out).hostname).toBe('xn--bcher-kva.example');
  });

  it('writes every tag value in lower case', () => {
    const out = tagUrl('https://example.com/', { network: 'linkedin', itemId: ID, campaign: 'Spring-LAUNCH' });
    const p = params(out);
    for (const key of ['utm_source', 'utm_medium', 'utm_campaign', 'utm_content'])
      expect(p[key]).toBe(p[key]!.toLowerCase());
    expect(p.utm_campaign).toBe('spring-launch');
  });

  it('falls back to the default campaign when the item has none', () => {
    expect(params(tagUrl('https://example.com/', { network: 'x', itemId: ID, campaign: null })).utm_campaign).toBe(
      DEFAULT_CAMPAIGN,
    );
    expect(params(tagUrl('https://example.com/', { network: 'x', itemId: ID })).utm_campaign).toBe(DEFAULT_CAMPAIGN);
  });
});
