/*
 * The queue's topic chips and search box, as pure functions over cached rows (no DOM), so they are
 * unit-tested and cheap: each item's searchable text is folded once and remembered, and a keystroke is
 * then one substring test per item (10,000 items stay well inside a frame).
 */

/** The fields the filter reads (a cached QueueRow has them). */
export interface FilterableItem {
  title: string;
  summary: string | null;
  topics: string[];
  captions: { text: string }[];
}

/**
 * Case- and accent-insensitive form: "Col·laboració" and "COLLABORACIO" both fold to "col·laboracio";
 * "Ёлка" and "елка" match. Combining marks are dropped after canonical decomposition; the rest of each
 * script is kept as it is (CJK has no case).
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

const folded = new WeakMap<object, string>();

/** Title, summary, topics and every caption, folded; computed once per row object. */
export function searchText(item: FilterableItem): string {
  let text = folded.get(item);
  if (text === undefined) {
    text = fold(
      [item.title, item.summary ?? '', item.topics.join('\n'), ...item.captions.map((c) => c.text)].join('\n'),
    );
    folded.set(item, text);
  }
  return text;
}

/** Words of the query, folded; an item matches when it contains every one (in any order). */
export function queryTerms(query: string): string[] {
  return fold(query).split(/\s+/).filter(Boolean);
}

export interface QueueFilter {
  /** Topics to show; empty: every topic. */
  topics: ReadonlySet<string>;
  query: string;
}

/** The rows to show, in the order given (the cache already sorts pinned and newest first). */
export function filterQueue<T extends FilterableItem>(items: readonly T[], filter: QueueFilter): T[] {
  const terms = queryTerms(filter.query);
  const topics = filter.topics;
  if (terms.length === 0 && topics.size === 0) return items as T[];
  return items.filter((item) => {
    if (topics.size > 0 && !item.topics.some((t) => topics.has(t))) return false;
    if (terms.length === 0) return true;
    const text = searchText(item);
    return terms.every((term) => text.includes(term));
  });
}

/** The employee's chosen topics that the queue actually has (others would hide everything). */
export function initialTopics(chosen: readonly string[], available: readonly string[]): Set<string> {
  const have = new Set(available);
  return new Set(chosen.map((t) => t.toLowerCase()).filter((t) => have.has(t)));
}

/**
 * A chip press: an unpressed chip shows only its topic; pressing a pressed chip shows every topic again.
 */
export function toggleTopic(current: ReadonlySet<string>, topic: string): Set<string> {
  return current.has(topic) ? new Set() : new Set([topic]);
}
