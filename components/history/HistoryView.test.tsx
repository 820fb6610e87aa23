// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { addHistory, getDb, type HistoryRow } from '@/lib/db';
import { HistoryView } from './HistoryView';
import { testHost } from '@/components/test-host';

const host = testHost();
beforeEach(async () => {
  await getDb().history.clear();
  await getDb().historyMonths.clear();
});

const entries = () => host.querySelectorAll('li.history-entry');
const now = Date.now();
const row = (n: number, over: Partial<HistoryRow> = {}): HistoryRow => ({
  id: `share-${String(n).padStart(4, '0')}`,
  itemId: 'item',
  network: n % 2 ? 'x' : 'linkedin',
  edited: false,
  sharedAt: new Date(now - (200 - n) * 60_000).toISOString(),
  title: `Share ${n}`,
  state: 'synced',
  ...over,
});

describe('HistoryView', () => {
  it('lists the newest 50 with network, time, caption and state; "Show older" adds the next page; live', async () => {
    await addHistory(
      getDb(),
      Array.from({ length: 60 }, (_, n) => row(n, n === 59 ? { state: 'pending', text: 'Привет, мир 👋' } : {})),
    );
    render(<HistoryView />, host);
    await vi.waitFor(() => expect(entries()).toHaveLength(50));
    const first = entries()[0]!;
    expect(first.querySelector('.history-title')!.textContent).toBe('Share 59');
    expect(first.querySelector('.history-state')!.textContent).toBe('Waiting to sync');
    expect(first.querySelector('.history-network')!.textContent).toBe('X');
    expect(first.querySelector('.history-text')!.getAttribute('dir')).toBe('auto');
    expect(first.querySelector('.history-text')!.textContent).toBe('Привет, мир 👋');
    expect(first.querySelector('time')!.getAttribute('datetime')).toBe(row(59).sharedAt);
    await vi.waitFor(() =>
      expect(host.querySelector('.history-totals')!.textContent).toMatch(/This month:\s*60 shares/),
    );

    const more = [...host.querySelectorAll('button')].find((b) => b.textContent === 'Show older')!;
    await act(async () => more.click());
    await vi.waitFor(() => expect(entries()).toHaveLength(60));
    expect(entries()[50]!.querySelector('.history-title')!.textContent).toBe('Share 9');
    await vi.waitFor(() => expect(host.textContent).toContain('That is all your shares.'));

    // The background marks the share synced: the entry follows.
    await act(async () => void (await getDb().history.update('share-0059', { state: 'synced' })));
    await vi.waitFor(() => expect(host.querySelector('li.history-entry .history-state')!.textContent).toBe('Synced'));
  });

  it('says so when there is nothing yet', async () => {
    render(<HistoryView />, host);
    await vi.waitFor(() => expect(host.textContent).toContain('Nothing shared yet.'));
    await vi.waitFor(() =>
      expect(host.querySelector('.history-totals')!.textContent).toMatch(/This month:\s*0 shares/),
    );
  });
});
