import './queue.css';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ItemCard, type CardContext } from '../ItemCard';
import type { QueueItem } from '@/lib/contract';
import { filterQueue, initialTopics, queueTopics, searchText, toggleTopic } from './filter';
import { isNew } from './when';

/** Cards rendered at first and added per step as the list scrolls: the DOM stays small at 10,000 items. */
export const PAGE_SIZE = 15;

interface QueueViewProps {
  items: QueueItem[];
  /**
   * false: `items` is only the first screenful (already filtered by the chosen topics) while the whole
   * list loads; the search box and chips wait for the whole list.
   */
  complete: boolean;
  /** The employee's chosen topics (settings): preselected chips. */
  chosenTopics: string[];
  /** When the popup was opened before this time (read before it is recorded). */
  previousOpen: string | null;
  ctx: CardContext;
}

export function QueueView({ items, complete, chosenTopics, previousOpen, ctx }: QueueViewProps) {
  const topics = useMemo(() => queueTopics(items), [items]);
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => initialTopics(chosenTopics, topics));
  const [query, setQuery] = useState('');
  const shown = useMemo(() => filterQueue(items, { topics: selected, query }), [items, selected, query]);
  useEffect(() => {
    if (!complete) return;
    performance.mark('relay:queue-loaded');
    return warmSearch(items);
  }, [complete, items]);

  if (!complete) {
    // The first screenful: no tools yet (the chips and search need every item); never "nothing to share".
    if (items.length === 0) return <p class="empty" aria-busy="true" />;
    return (
      <div class="queue-view">
        <p role="status" class="queue-count muted">
          Loading all items…
        </p>
        <QueueList items={items} previousOpen={previousOpen} ctx={ctx} />
      </div>
    );
  }

  if (items.length === 0) {
    return <p class="empty">Nothing to share yet. New items appear here when your organisers add them.</p>;
  }

  const filtering = selected.size > 0 || query.trim() !== '';
  return (
    <div class="queue-view">
      <div class="queue-tools">
        <label class="search">
          <span class="visually-hidden">Search the queue</span>
          <input
            type="search"
            placeholder="Search titles, captions, topics"
            value={query}
            onInput={(e) => setQuery(e.currentTarget.value)}
          />
        </label>
        {topics.length > 0 && (
          <div class="topic-chips" role="group" aria-label="Filter by topic">
            {topics.map((t) => (
              <button
                type="button"
                key={t}
                class="topic-chip"
                aria-pressed={selected.has(t)}
                dir="auto"
                onClick={() => setSelected((s) => toggleTopic(s, t))}
              >
                {t}
              </button>
            ))}
          </div>
        )}
      </div>
      <p role="status" class="queue-count muted">
        {filtering ? `${shown.length.toLocaleString()} of ${items.length.toLocaleString()} items` : `${items.length.toLocaleString()} items`}
      </p>
      {shown.length === 0 ? (
        <div class="empty">
          <p>No items match.</p>
          <button
            type="button"
            class="button secondary"
            onClick={() => {
              setQuery('');
              setSelected(new Set());
            }}
          >
            Show all items
          </button>
        </div>
      ) : (
        <QueueList filterKey={`${[...selected].join(',')}\u0000${query}`} items={shown} previousOpen={previousOpen} ctx={ctx} />
      )}
    </div>
  );
}

/**
 * Fold every item's searchable text in small slices while the person is not typing yet, so the first
 * keystroke does not pay for 10,000 normalisations at once. Returns a cancel function.
 */
function warmSearch(items: readonly QueueItem[]): () => void {
  let i = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const step = () => {
    const end = Math.min(items.length, i + 500);
    for (; i < end; i++) searchText(items[i]!);
    if (i < items.length) timer = setTimeout(step, 0);
  };
  timer = setTimeout(step, 50);
  return () => clearTimeout(timer);
}

/**
 * A real list, rendered in steps: the first PAGE_SIZE cards, then more whenever the end comes near
 * (scrolling, or keyboard focus moving down, brings the sentinel into view). A "Show more" button in the
 * sentinel does the same for anyone who prefers to ask. A new filter (`filterKey`) starts short again,
 * while cards that stay in view are kept (keyed by item), so typing re-renders little.
 */
function QueueList({
  items,
  previousOpen,
  ctx,
  filterKey = '',
}: {
  items: QueueItem[];
  previousOpen: string | null;
  ctx: CardContext;
  filterKey?: string;
}) {
  const [page, setPage] = useState({ key: filterKey, count: PAGE_SIZE });
  const count = page.key === filterKey ? page.count : PAGE_SIZE;
  const setCount = (next: (c: number) => number) => setPage({ key: filterKey, count: next(count) });
  const sentinel = useRef<HTMLLIElement>(null);
  const visible = items.slice(0, count);
  const more = items.length - visible.length;

  useEffect(() => {
    const el = sentinel.current;
    if (!el || more <= 0) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setCount((c) => c + PAGE_SIZE);
      },
      { rootMargin: '600px 0px' },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [count, more > 0, filterKey]);

  useEffect(() => {
    // For the bench and for anyone profiling: when the first cards reached the screen.
    requestAnimationFrame(() => performance.mark('relay:queue-shown'));
  }, []);

  return (
    <ul class="queue" aria-label="Queue items">
      {visible.map((item, i) => (
        <li key={item.id} aria-setsize={items.length} aria-posinset={i + 1}>
          <ItemCard item={item} isNew={isNew(item, previousOpen)} ctx={ctx} />
        </li>
      ))}
      {more > 0 && (
        <li ref={sentinel} class="queue-more">
          <button type="button" class="button secondary" onClick={() => setCount((c) => c + PAGE_SIZE)}>
            Show more ({more.toLocaleString()} left)
          </button>
        </li>
      )}
    </ul>
  );
}
