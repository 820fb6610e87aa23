import { describe, expect, it } from 'vitest';
import { queueTopics } from '@/lib/db/head';
import { filterQueue, fold, initialTopics, toggleTopic, type FilterableItem } from './filter';

const item = (title: string, topics: string[], extra: Partial<FilterableItem> = {}): FilterableItem => ({
  title,
  summary: null,
  topics,
  captions: [],
  ...extra,
});

const report = item('Our annual report 2026', ['company', 'finance'], {
  summary: 'Highlights of the year.',
  captions: [{ text: "L'informe anual és aquí: col·laboració i creixement 🎉" }],
});
const russian = item('Почему мы открываем исходный код', ['engineering', 'open-source'], {
  captions: [{ text: 'Código abierto, para todos 👩‍💻' }],
});
const hiring = item('We are hiring engineers', ['hiring'], { captions: [{ text: 'Join us! #hiring' }] });
const all = [report, russian, hiring];
const none = new Set<string>();

describe('queue filter', () => {
  it('folds case and accents, in any script', () => {
    expect(fold('Col·laboració ÉS AQUÍ')).toBe('col·laboracio es aqui');
    expect(fold('ПОЧЕМУ Ёлка')).toBe('почему елка');
    expect(fold('Código')).toBe(fold('CODIGO'));
  });

  it('searches title, summary, captions and topics, ignoring case and accents', () => {
    expect(filterQueue(all, { topics: none, query: 'ANNUAL' })).toEqual([report]);
    expect(filterQueue(all, { topics: none, query: 'highlights' })).toEqual([report]);
    expect(filterQueue(all, { topics: none, query: 'colaboracio' })).toEqual([]);
    expect(filterQueue(all, { topics: none, query: 'col·laboracio' })).toEqual([report]);
    expect(filterQueue(all, { topics: none, query: 'aqui' })).toEqual([report]);
    expect(filterQueue(all, { topics: none, query: 'codigo ABIERTO' })).toEqual([russian]);
    expect(filterQueue(all, { topics: none, query: 'открываем' })).toEqual([russian]);
    expect(filterQueue(all, { topics: none, query: 'open-source' })).toEqual([russian]);
    expect(filterQueue(all, { topics: none, query: 'engineer' })).toEqual([russian, hiring]);
  });

  it('every word must match, in any order; blank shows everything in the given order', () => {
    expect(filterQueue(all, { topics: none, query: 'hiring join' })).toEqual([hiring]);
    expect(filterQueue(all, { topics: none, query: 'hiring annual' })).toEqual([]);
    expect(filterQueue(all, { topics: none, query: '   ' })).toEqual(all);
  });

  it('topics and search combine', () => {
    expect(filterQueue(all, { topics: new Set(['engineering']), query: '' })).toEqual([russian]);
    expect(filterQueue(all, { topics: new Set(['hiring', 'finance']), query: '' })).toEqual([report, hiring]);
    expect(filterQueue(all, { topics: new Set(['hiring']), query: 'annual' })).toEqual([]);
  });

  it('a chip shows only its topic; pressing it again shows all', () => {
    const one = toggleTopic(new Set(), 'hiring');
    expect([...one]).toEqual(['hiring']);
    expect([...toggleTopic(one, 'finance')]).toEqual(['finance']);
    expect(toggleTopic(one, 'hiring').size).toBe(0);
    expect(toggleTopic(new Set(['a', 'b']), 'a').size).toBe(0);
  });

  it('lists topics by use, and preselects only the chosen ones the queue has', () => {
    const topics = queueTopics([...all, item('x', ['hiring'])]);
    expect(topics[0]).toBe('hiring');
    expect(topics).toHaveLength(5);
    expect([...initialTopics(['Hiring', 'gardening'], topics)]).toEqual(['hiring']);
  });
});
