import './queue.css';
import { batch, useSignal, type Signal } from '@preact/signals';
import { Component } from 'preact';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { ItemCard, type CardContext } from '../ItemCard';
import type { QueueItem } from '@/lib/contract';
import { filterQueue, initialTopics, searchText, toggleTopic } from './filter';
import { PAGE_SIZE, queueTopics } from '@/lib/db/head';
import { isNew } from './when';
import { plural, t } from '@/lib/i18n';

export { PAGE_SIZE };

/**
 * Cards rendered in the first frame of a list (and of each new filter): folded cards are ~190 px, so these
 * cover the first screen; the rest of the step follows, a few cards per frame, so the first paint and each
 * keystroke only pay for what can be seen.
 */
export const FIRST_FRAME_CARDS = 3;
const CARDS_PER_FRAME = 4;

/** How far a list is rendered: `count` cards asked for (PAGE_SIZE more per step), `built` of them so far. */
interface Steps {
  count: number;
  built: number;
}
const firstStep = (): Steps => ({ count: PAGE_SIZE, built: FIRST_FRAME_CARDS });

interface QueueViewProps {
  items: QueueItem[];
  /**
   * false: `items` is only the first screenful (already filtered by the chosen topics) while the whole
   * list loads; the search and chips are shown (from `headTopics`) but filter once the whole list is in.
   */
  complete: boolean;
  /** Every topic of the whole queue, known before it loads (the background's snapshot), in chip order. */
  headTopics?: string[];
  /** The employee's chosen topics (settings): preselected chips. */
  chosenTopics: string[];
  /** When the popup was opened before this time (read before it is recorded). */
  previousOpen: string | null;
  ctx: CardContext;
}

export function QueueView({ items, complete, headTopics = [], chosenTopics, previousOpen, ctx }: QueueViewProps) {
  const topics = useMemo(() => (complete ? queueTopics(items) : headTopics), [complete, items, headTopics]);
  // The chosen topics are preselected among those the whole queue has; null until the person presses a chip.
  const pressed = useSignal<ReadonlySet<string> | null>(null);
  const query = useSignal('');
  const steps = useSignal(firstStep());
  const selected = useMemo(
    () => pressed.value ?? initialTopics(chosenTopics, topics),
    [pressed.value, chosenTopics, topics],
  );
  const shown = useMemo(
    () => (complete ? filterQueue(items, { topics: selected, query: query.value }) : items),
    [complete, items, selected, query.value],
  );
  // A new filter starts the list short again, once filters apply: the whole queue's first list goes on from
  // the first screenful.
  const filter = (next: { query?: string; topics?: ReadonlySet<string> }) =>
    batch(() => {
      if (next.query !== undefined) query.value = next.query;
      if (next.topics) pressed.value = next.topics;
      if (complete) steps.value = firstStep();
    });
  useEffect(() => {
    if (!complete) return;
    performance.mark('relay:queue-loaded');
    return warmSearch(items);
  }, [complete, items]);

  // The first screenful (already filtered by the chosen topics) while the whole list loads: never "nothing
  // to share".
  if (!complete && items.length === 0) return <p class="empty" aria-busy="true" />;
  if (complete && items.length === 0) {
    return <p class="empty">{t('popup.queue.empty')}</p>;
  }

  const filtering = selected.size > 0 || query.value.trim() !== '';
  // The same children in both phases, so that the cards painted first are kept, in the same place, when
  // the whole list arrives.
  return (
    <div class="queue-view">
      <div class="queue-tools">
        <label class="search">
          <span class="visually-hidden">{t('popup.queue.search')}</span>
          <input
            type="search"
            placeholder={t('popup.queue.searchPlaceholder')}
            value={query.value}
            onInput={(e) => filter({ query: e.currentTarget.value })}
          />
        </label>
        {topics.length > 0 && (
          <div class="topic-chips" role="group" aria-label={t('popup.queue.filterByTopic')}>
            {topics.map((t) => (
              <button
                type="button"
                key={t}
                class="toggle-chip topic-chip"
                aria-pressed={selected.has(t)}
                dir="auto"
                onClick={() => filter({ topics: toggleTopic(selected, t) })}
              >
                {t}
              </button>
            ))}
          </div>
        )}
      </div>
      <p role="status" class="queue-count muted">
        {!complete
          ? t('popup.queue.loading')
          : filtering
            ? plural('popup.queue.countFiltered', items.length, { shown: shown.length })
            : plural('popup.queue.count', items.length)}
      </p>
      {shown.length === 0 ? (
        <div class="empty">
          <p>{t('popup.queue.noMatch')}</p>
          <button type="button" class="button secondary" onClick={() => filter({ query: '', topics: new Set() })}>
            {t('popup.queue.showAll')}
          </button>
        </div>
      ) : (
        <QueueList items={shown} steps={steps} previousOpen={previousOpen} ctx={ctx} />
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
 * (scrolling, or keyboard focus moving down, brings the sentinel into view), or on "Show more". Cards that
 * stay in view are kept (keyed by item), so typing re-renders little. Each step is built FIRST_FRAME_CARDS,
 * then CARDS_PER_FRAME cards per frame.
 */
function QueueList({
  items,
  steps,
  previousOpen,
  ctx,
}: {
  items: QueueItem[];
  steps: Signal<Steps>;
  previousOpen: string | null;
  ctx: CardContext;
}) {
  const { count, built } = steps.value;
  const showMore = () => (steps.value = { ...steps.value, count: steps.value.count + PAGE_SIZE });
  const sentinel = useRef<HTMLLIElement>(null);
  const target = Math.min(count, items.length);
  const visible = items.slice(0, Math.min(target, built));
  const more = items.length - target;

  // Preact runs effects once the frame is painted: one more batch of cards per frame until the step is built.
  useEffect(() => {
    if (built < target) steps.value = { count, built: built + CARDS_PER_FRAME };
  }, [steps.value, target]);

  useEffect(() => {
    const el = sentinel.current;
    if (!el || more <= 0 || built < target) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && showMore(), {
      rootMargin: '600px 0px',
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [steps.value, more > 0, built >= target]);

  useEffect(() => {
    // For the bench and for anyone profiling: when the first cards reached the screen (this effect runs
    // after the frame that painted them).
    performance.mark('relay:queue-shown');
  }, []);

  return (
    <ul class="queue" aria-label={t('popup.queue.list')}>
      {visible.map((item, i) => (
        <li key={item.id} aria-setsize={items.length} aria-posinset={i + 1}>
          <QueueCard item={item} isNew={isNew(item, previousOpen)} ctx={ctx} />
        </li>
      ))}
      {more > 0 && (
        <li ref={sentinel} class="queue-more">
          <button type="button" class="button secondary" onClick={showMore}>
            {t('popup.queue.showMore', { count: more })}
          </button>
        </li>
      )}
    </ul>
  );
}

type CardProps = { item: QueueItem; isNew: boolean; ctx: CardContext };

/**
 * An ItemCard that renders again only when what it shows changed: a new read of the queue (the whole list
 * after the first screenful, each sync) brings new objects for the same rows, and a card costs a few
 * milliseconds. Rows are compared by content (a card's row is about a kilobyte of JSON).
 */
class QueueCard extends Component<CardProps> {
  override shouldComponentUpdate(next: CardProps): boolean {
    const { item, isNew: fresh, ctx } = this.props;
    return (
      next.ctx !== ctx ||
      next.isNew !== fresh ||
      (next.item !== item && JSON.stringify(next.item) !== JSON.stringify(item))
    );
  }
  override render() {
    return <ItemCard {...this.props} />;
  }
}
