import { describe, expect, it } from 'vitest';
import { buildExport, exportFileName } from './export';

const now = Date.parse('2026-11-23T10:00:00Z');
const history = [
  {
    id: 's1',
    itemId: 'i1',
    network: 'x' as const,
    edited: false,
    sharedAt: '2026-11-23T09:00:00.000Z',
    title: 'T',
    state: 'synced' as const,
  },
];

describe('buildExport', () => {
  it('keeps every setting but the token and the copy of the queue', () => {
    const settings = {
      token: 'secret',
      serverUrl: 'http://s',
      topics: ['hr'],
      queueHead: { version: 1, topics: '[]', rows: [] },
    };
    const out = buildExport({ settings, history, outbox: [], server: { ok: false, reason: 'offline' }, now });
    expect(out.local.settings).toEqual({ serverUrl: 'http://s', topics: ['hr'] });
    expect(JSON.stringify(out)).not.toContain('secret');
    expect(out.local.history).toEqual(history);
  });

  it('says why the server part is missing', () => {
    const out = buildExport({
      settings: {},
      history: [],
      outbox: [],
      server: { ok: false, reason: "Can't reach the server" },
      now,
    });
    expect(out.server).toBeNull();
    expect(out.serverMissing).toBe("Can't reach the server");
    expect(out.exportedAt).toBe('2026-11-23T10:00:00.000Z');
    expect(exportFileName(now)).toBe('relay-my-data-2026-11-23.json');
  });
});
