import './ItemCard.css';
import type { Caption, Network, QueueItem } from '@/lib/contract';

export const networkLabel: Record<Network, string> = { linkedin: 'LinkedIn', x: 'X' };
const networkOrder: Network[] = ['linkedin', 'x'];

/** Only web links become clickable: a queue entry must never turn into a javascript: or data: link. */
export function safeHref(url: string): string | undefined {
  return /^https?:\/\//i.test(url) ? url : undefined;
}

function captionsBy(captions: Caption[]): [Network, Caption[]][] {
  return networkOrder
    .map((n): [Network, Caption[]] => [n, captions.filter((c) => c.network === n)])
    .filter(([, list]) => list.length > 0);
}

/** One queue item: title (links to the page), topics, and the suggested captions per network. */
export function ItemCard({ item }: { item: QueueItem }) {
  const titleId = `item-${item.id}`;
  const href = safeHref(item.url);
  return (
    <article class="item-card" aria-labelledby={titleId}>
      <h3 id={titleId} class="item-title" dir="auto">
        {href ? (
          <a href={href} target="_blank" rel="noopener noreferrer">
            {item.title}
          </a>
        ) : (
          item.title
        )}
      </h3>
      {(item.pinned || item.topics.length > 0) && (
        <ul class="chips" aria-label="Topics">
          {item.pinned && <li class="chip pinned">Pinned</li>}
          {item.topics.map((t) => (
            <li class="chip" key={t} dir="auto">
              {t}
            </li>
          ))}
        </ul>
      )}
      {item.summary && (
        <p class="item-summary" dir="auto">
          {item.summary}
        </p>
      )}
      {captionsBy(item.captions).map(([network, list]) => (
        <section class="captions" key={network} aria-label={`Captions for ${networkLabel[network]}`}>
          <h4 class="network">{networkLabel[network]}</h4>
          <ul>
            {list.map((c) => (
              <li key={c.id} lang={c.language} dir="auto" class="caption">
                {c.text}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </article>
  );
}
