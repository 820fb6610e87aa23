import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getConnection, saveConnection } from '../settings';
import { fakeFetch, problem } from '../test-support';
import { runAfterSync } from './after-sync';

const employee = { id: crypto.randomUUID(), name: 'Ada Lovelace', role: 'employee' as const };

describe('runAfterSync', () => {
  beforeEach(() => fakeBrowser.reset());

  it('runs site profiles, policy, reach, badge and reminders in that order, each whether the one before failed', async () => {
    await saveConnection({ serverUrl: 'http://127.0.0.1:8787', token: 'tok', employee });
    const order: string[] = [];
    const fetch = fakeFetch((req) => {
      order.push(new URL(req.url).pathname);
      return problem(503, 'Unavailable', 'later');
    });
    await runAfterSync({
      getConnection,
      fetch,
      badge: async () => {
        order.push('badge');
        throw new Error('no badge here');
      },
      reminders: async () => void order.push('reminders'),
    });
    expect(order).toEqual(['/v1/site-profiles', '/v1/policy', '/v1/me/reach', 'badge', 'reminders']);
  });
});
