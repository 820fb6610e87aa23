import { describe, expect, it } from 'vitest';
import { draftFromUnfurl, draftToCreate, draftToPatch, emptyDraft, splitTopics } from './item-draft';

describe('item drafts', () => {
  it('prefills from an unfurl and sends only what was filled in', () => {
    const draft = draftFromUnfurl({ url: 'https://example.org/a', title: 'Títol', description: null, imageUrl: null });
    draft.captions[0]!.text = 'Llegiu-ho';
    draft.captions[0]!.language = 'ca';
    expect(draftToCreate(draft)).toEqual({
      url: 'https://example.org/a',
      title: 'Títol',
      contentType: 'curated',
      pinned: false,
      captions: [{ network: 'linkedin', language: 'ca', text: 'Llegiu-ho' }],
    });
  });

  it('sends local schedule times as ISO UTC and topics lower-cased once each', () => {
    const draft = {
      ...emptyDraft(),
      url: 'https://e.org',
      title: 'T',
      topics: 'News, hiring ,news,',
      publishAt: '2026-12-01T09:00',
      expiresAt: '2026-12-08T09:00',
    };
    const body = draftToCreate(draft);
    expect(body.topics).toEqual(['news', 'hiring']);
    expect(body.publishAt).toBe(new Date(2026, 11, 1, 9, 0).toISOString());
    expect(body.expiresAt).toBe(new Date(2026, 11, 8, 9, 0).toISOString());
    expect(splitTopics('')).toEqual([]);
  });

  it('clears emptied optional fields with null when editing', () => {
    const patch = draftToPatch({ ...emptyDraft(), url: 'https://e.org', title: 'T' });
    expect(patch).toMatchObject({ summary: null, imageUrl: null, campaign: null, expiresAt: null, topics: [] });
    expect(patch.publishAt).toBeUndefined();
  });
});
