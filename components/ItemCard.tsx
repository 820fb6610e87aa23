import './ItemCard.css';
import { useState } from 'preact/hooks';
import type { PersonalTouch } from '@/lib/captions/personalise';
import { rotateCaptions } from '@/lib/captions/rotation';
import type { Network, QueueItem } from '@/lib/contract';
import type { RecordShareResult } from '@/lib/messaging';
import type { PolicyRules } from '@/lib/policy';
import { expiresLabel, sourceDomain } from './queue/when';
import { NetworkShare, networkLabel, type ShareRecord } from './share/NetworkShare';

export { networkLabel };
const networkOrder: Network[] = ['linkedin', 'x'];

/** Only web links become clickable: a queue entry must never turn into a javascript: or data: link. */
export function safeHref(url: string): string | undefined {
  return /^https?:\/\//i.test(url) ? url : undefined;
}

/** What every card needs to know about the person (read once by the popup). */
export interface CardContext {
  employeeId: string;
  language: string | null;
  touches: Record<Network, PersonalTouch>;
  /** Records a share of `item` on `network` (the popup's recordPopupShare message). */
  record: (item: QueueItem, network: Network, share: ShareRecord) => Promise<RecordShareResult>;
  now: number;
  /** The curators' policy in force (lib/policy/in-force), enforced by every editor. */
  policy: PolicyRules;
}

/**
 * One queue item: picture, title (links to the page), source, expiry, a "New" mark, summary, topics,
 * and for each network the suggested captions, an editor and the share buttons, all visible at once.
 */
export function ItemCard({ item, isNew, ctx }: { item: QueueItem; isNew: boolean; ctx: CardContext }) {
  const titleId = `item-${item.id}`;
  const href = safeHref(item.url);
  const domain = sourceDomain(item.url);
  const expires = expiresLabel(item.expiresAt, ctx.now);
  const [imageFailed, setImageFailed] = useState(false);
  const image = item.imageUrl && safeHref(item.imageUrl) && !imageFailed ? item.imageUrl : null;
  return (
    <article class="item-card" aria-labelledby={titleId}>
      <div class="item-head">
        {image && (
          <img
            class="item-image"
            src={image}
            alt={`Picture for “${item.title}”`}
            loading="lazy"
            decoding="async"
            width={72}
            height={72}
            referrerpolicy="no-referrer"
            onError={() => setImageFailed(true)}
          />
        )}
        <div class="item-heading">
          <h3 id={titleId} class="item-title" dir="auto" elementtiming="queue-card">
            {href ? (
              <a href={href} target="_blank" rel="noopener noreferrer">
                {item.title}
              </a>
            ) : (
              item.title
            )}
          </h3>
          <p class="item-meta">
            {isNew && <span class="mark new">New</span>}
            {item.pinned && <span class="mark pinned">Pinned</span>}
            {domain && <span class="domain">{domain}</span>}
            {expires && <span class="expires">{expires}</span>}
          </p>
        </div>
      </div>
      {item.summary && (
        <p class="item-summary" dir="auto">
          {item.summary}
        </p>
      )}
      {item.topics.length > 0 && (
        <ul class="chips" aria-label="Topics">
          {item.topics.map((t) => (
            <li class="chip" key={t} dir="auto">
              {t}
            </li>
          ))}
        </ul>
      )}
      {networkOrder.map((network) => (
        <NetworkShare
          key={network}
          network={network}
          variants={rotateCaptions(item, network, { employeeId: ctx.employeeId, language: ctx.language }).variants}
          touch={ctx.touches[network]}
          link={item.links[network]}
          policy={ctx.policy}
          idBase={titleId}
          record={(share) => ctx.record(item, network, share)}
        />
      ))}
    </article>
  );
}
