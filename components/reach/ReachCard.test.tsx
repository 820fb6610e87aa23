// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { utcMonth } from '@/lib/db';
import type { Reach } from '@/lib/contract/reach';
import { reachCacheItem } from '@/lib/settings';
import { ReachCard } from './ReachCard';
import { testHost } from '@/components/test-host';

const now = Date.now();
const zero = { reach: 0, clicks: 0, shares: 0 };
const reach: Reach = {
  reach: 1231,
  clicks: 7,
  shares: 3,
  ...utcMonth(now),
  byNetwork: { linkedin: { reach: 459, clicks: 2, shares: 1 }, x: { reach: 772, clicks: 5, shares: 2 } },
  rank: 3,
  participants: 12,
  streakWeeks: 2,
  weeks: Array.from({ length: 12 }, (_, i) => ({
    start: new Date(now - (11 - i) * 7 * 86_400_000).toISOString(),
    ...zero,
    reach: i * 100,
  })),
  lifetime: { reach: 5000, clicks: 40, shares: 9 },
  badges: [
    { id: 'first-share', label: 'First share', earned: true },
    { id: 'shares-10', label: '10 shares', earned: false, progress: { current: 9, target: 10 } },
  ],
};

const host = testHost();

describe('ReachCard', () => {
  it('shows this month’s three labelled figures in one row, and unfolds networks, rank, streak, sparkline and badges', async () => {
    await reachCacheItem.setValue({ reach, fetchedAt: new Date(now - 5 * 60_000).toISOString() });
    render(<ReachCard />, host);
    await vi.waitFor(() => expect(host.querySelector('section h2')?.textContent).toBe('This month'));
    const section = host.querySelector('section')!;
    const figures = [...section.querySelectorAll('.reach-row .reach-figure')].map(
      (f) => `${f.querySelector('dt')!.textContent}=${f.querySelector('dd')!.textContent}`,
    );
    expect(figures).toEqual(['Reach=1,231', 'Clicks=7', 'Shares=3']);
    const toggle = section.querySelector<HTMLButtonElement>('button.reach-toggle')!;
    const details = section.querySelector<HTMLElement>('#reach-details')!;
    expect(toggle.textContent).toBe('Details');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.getAttribute('aria-controls')).toBe(details.id);
    expect(details.hidden).toBe(true);
    await act(() => toggle.click());
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(details.hidden).toBe(false);
    expect(section.textContent).toContain('3rd of 12');
    expect(section.textContent).toContain('2-week streak');
    expect(section.querySelector('time')!.getAttribute('datetime')).toBe(new Date(now - 5 * 60_000).toISOString());
    expect(section.querySelector('svg[role="img"]')!.getAttribute('aria-label')).toMatch(
      /^Reach per week over the last 12 weeks: 0, 100, .*1,100\./,
    );
    const rows = [...section.querySelectorAll('tbody tr')].map((r) => r.textContent);
    expect(rows).toEqual(['LinkedIn45921', 'X77252']);
    const badges = [...section.querySelectorAll('.reach-badges li')].map((li) => li.textContent);
    expect(badges).toEqual(['★First shareEarned', '☆10 sharesNot yet: 9 of 10']);
  });

  it('names an older month as such, and says when there is nothing yet', async () => {
    render(<ReachCard />, host);
    await vi.waitFor(() => expect(host.textContent).toContain('appear here after Relay’s first sync'));
    await act(() =>
      reachCacheItem.setValue({
        reach: { ...reach, from: '2025-01-01T00:00:00.000Z', to: '2025-02-01T00:00:00.000Z' },
        fetchedAt: '2025-01-31T10:00:00.000Z',
      }),
    );
    await vi.waitFor(() => expect(host.querySelector('h2')!.textContent).toBe('January 2025'));
  });
});
