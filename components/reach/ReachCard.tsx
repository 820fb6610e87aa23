import { useState } from 'preact/hooks';
import { useStorageItem } from '@/components/hooks';
import { formatDate, formatNumber, t, timeAgo } from '@/lib/i18n';
import type { Badge, Reach } from '@/lib/contract/reach';
import { reachCacheItem } from '@/lib/settings';
import { networkLabel } from '@/components/network-label';
import { badgeLabel, rankText, sparklinePoints, sparklineSummary, streakText } from './figures';
import './reach.css';

const fmt = formatNumber;

const SPARK_W = 120;
const SPARK_H = 28;

/**
 * This month's reach, clicks and shares in one row at the top of the queue (the toolbar badge's figure is
 * the reach); "Details" unfolds the split per network, rank, streak, the last 12 weeks and the badge tiers.
 * Always from the cache the background keeps after each sync, so it shows the same offline, "as of" the time
 * the figures arrived.
 */
export function ReachCard() {
  const cached = useStorageItem(reachCacheItem);
  const [open, setOpen] = useState(false);
  if (cached === undefined) return null;
  if (cached === null) {
    return (
      <section class="reach-card" aria-labelledby="reach-heading">
        <h2 id="reach-heading" class="visually-hidden">
          {t('popup.reach.heading')}
        </h2>
        <p class="muted reach-empty">{t('popup.reach.empty')}</p>
      </section>
    );
  }
  const { reach, fetchedAt } = cached;
  const now = Date.now();
  const current = now >= Date.parse(reach.from) && now < Date.parse(reach.to);
  const period = current
    ? t('popup.reach.thisMonth')
    : formatDate(reach.from, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  // "As of <time>": the words around the time element come from one message.
  const [asOfBefore, asOfAfter] = t('popup.reach.asOf', { time: '\u0000' }).split('\u0000');
  const rank = rankText(reach.rank, reach.participants);

  return (
    <section class="reach-card" aria-labelledby="reach-heading">
      <div class="reach-row">
        <h2 id="reach-heading">{period}</h2>
        <dl class="reach-figures">
          <Figure label={t('popup.reach.reach')} value={reach.reach} />
          <Figure label={t('popup.reach.clicks')} value={reach.clicks} />
          <Figure label={t('popup.reach.shares')} value={reach.shares} />
        </dl>
        <button
          type="button"
          class="link-button reach-toggle"
          aria-expanded={open}
          aria-controls="reach-details"
          onClick={() => setOpen(!open)}
        >
          {t('popup.reach.details')}
        </button>
      </div>
      <div id="reach-details" class="reach-details" hidden={!open}>
        <p class="reach-asof muted">
          {asOfBefore}
          <time dateTime={fetchedAt} title={formatDate(fetchedAt, { dateStyle: 'medium', timeStyle: 'short' })}>
            {timeAgo(fetchedAt)}
          </time>
          {asOfAfter}
        </p>
        <NetworkTable reach={reach} />
        <ul class="reach-facts">
          <li>
            <span class="muted">{t('popup.reach.rankLabel')} </span>
            {rank ?? t('popup.reach.unranked')}
          </li>
          <li>
            <span class="muted">{t('popup.reach.streakLabel')} </span>
            {streakText(reach.streakWeeks)}
          </li>
        </ul>
        <Sparkline reach={reach} />
        <Badges badges={reach.badges} />
      </div>
    </section>
  );
}

function Figure({ label, value }: { label: string; value: number }) {
  return (
    <div class="reach-figure">
      <dt>{label}</dt>
      <dd>{fmt(value)}</dd>
    </div>
  );
}

function NetworkTable({ reach }: { reach: Reach }) {
  const rows = [
    [networkLabel.linkedin, reach.byNetwork.linkedin],
    [networkLabel.x, reach.byNetwork.x],
  ] as const;
  return (
    <table class="reach-networks">
      <caption class="visually-hidden">{t('popup.reach.byNetwork')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('popup.reach.network')}</th>
          <th scope="col">{t('popup.reach.reach')}</th>
          <th scope="col">{t('popup.reach.clicks')}</th>
          <th scope="col">{t('popup.reach.shares')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([name, f]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td>{fmt(f.reach)}</td>
            <td>{fmt(f.clicks)}</td>
            <td>{fmt(f.shares)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Sparkline({ reach }: { reach: Reach }) {
  const points = sparklinePoints(
    reach.weeks.map((w) => w.reach),
    SPARK_W,
    SPARK_H,
  );
  const summary = sparklineSummary(reach.weeks, fmt);
  return (
    <figure class="reach-spark">
      <svg
        role="img"
        aria-label={summary}
        viewBox={`0 0 ${SPARK_W} ${SPARK_H}`}
        width={SPARK_W}
        height={SPARK_H}
        focusable="false"
      >
        <polyline
          points={points}
          fill="none"
          stroke="currentColor"
          stroke-width="2"
          stroke-linejoin="round"
          stroke-linecap="round"
        />
      </svg>
      <figcaption class="muted">{t('popup.reach.sparkCaption')}</figcaption>
    </figure>
  );
}

function Badges({ badges }: { badges: Badge[] }) {
  if (badges.length === 0) return null;
  const earned = badges.filter((b) => b.earned).length;
  return (
    <div class="reach-badges">
      <h3 id="badges-heading">
        {t('popup.reach.badges')}{' '}
        <span class="muted">{t('popup.reach.badgesEarned', { earned, total: badges.length })}</span>
      </h3>
      <ul aria-labelledby="badges-heading">
        {badges.map((b) => (
          <li key={b.id} class={b.earned ? 'earned' : 'not-yet'}>
            <span aria-hidden="true" class="badge-mark">
              {b.earned ? '★' : '☆'}
            </span>
            <span class="badge-label">{badgeLabel(b)}</span>
            <span class="badge-state">
              {b.earned
                ? t('popup.reach.earned')
                : b.progress
                  ? t('popup.reach.notYetProgress', { current: b.progress.current, target: b.progress.target })
                  : t('popup.reach.notYet')}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
