/**
 * Signing in again, with the built extension and the real backend. A share made while the server was away
 * waits in the outbox; then the server refuses the token (the session expired, a curator signed the person
 * out everywhere, or deactivated them). The popup and the settings page say the session ended, name the person
 * and offer one way to sign in again; cache, history and outbox stay. Signed in again as the same person, the
 * share is delivered; another person signing in on the same browser never gets it sent under their name.
 */
import { rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { BrowserContext, Page } from '@playwright/test';
import type { ItemCreate } from '../../lib/contract';
import { invitationLink } from '../../lib/contract/invitation';
import { expect, test, type RelayPages } from '../helpers/fixtures';
import { Backend } from '../helpers/server';
import { LOCAL_KEYS, readStored, type LocalKey } from '../helpers/storage';

const item: ItemCreate = {
  url: 'https://example.com/news/session',
  title: 'Session item',
  topics: ['company'],
  pinned: true,
  captions: [
    { network: 'x', text: 'Worth a read', language: 'en' },
    { network: 'linkedin', text: 'Worth a read on LinkedIn', language: 'en' },
  ],
};

async function stored(context: BrowserContext, key: LocalKey): Promise<unknown> {
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return readStored(sw, key);
}
const employeeId = async (context: BrowserContext) =>
  ((await stored(context, LOCAL_KEYS.employee)) as { id: string }).id;

/** Shares the backend stored, by whom, read from its database file. */
function backendShares(backend: Backend): Array<{ id: string; employee_id: string }> {
  const db = new Database(backend.dbPath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT id, employee_id FROM shares ORDER BY id').all() as Array<{
      id: string;
      employee_id: string;
    }>;
  } finally {
    db.close();
  }
}

/** When the server last recorded a use of the person's token (read from its database file). */
function lastUse(backend: Backend, employeeId: string): number {
  const db = new Database(backend.dbPath, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare('SELECT MAX(last_used_at) AS at FROM tokens WHERE employee_id = ?').get(employeeId) as {
      at: number | null;
    };
    if (row.at === null) throw new Error('the person has no token on the server');
    return Number(row.at);
  } finally {
    db.close();
  }
}

/**
 * Sign in on the settings page by pasting the invitation link into the Server URL field: both fields fill in.
 * Returns the settings page.
 */
async function signInWithLink(relay: RelayPages, backend: Backend, name: string): Promise<Page> {
  const options = await relay.openOptions();
  const code = await backend.createInvite(name);
  await options.locator('#server-url').fill(invitationLink(backend.url, code));
  await expect(options.locator('#server-url')).toHaveValue(backend.url);
  await expect(options.locator('#invite-code')).toHaveValue(code);
  await options.locator('form button[type=submit]').click();
  await expect(options.getByText(`Connected as ${name}`)).toBeVisible();
  await expect(options.getByText('1 item synced')).toBeVisible();
  return options;
}

/** Share the item on X from the popup while the server is away: it waits in the outbox. */
async function shareWhileAway(relay: RelayPages, context: BrowserContext): Promise<Page> {
  await context.route('https://x.com/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>x</title>' }),
  );
  const popup = await relay.openPopup();
  const card = popup.getByRole('article', { name: 'Session item' });
  await card.getByRole('button', { name: 'Personalise' }).click();
  const opened = context.waitForEvent('page');
  await card.getByRole('region', { name: 'X' }).getByRole('button', { name: 'Share on X' }).click();
  await (await opened).close();
  await popup.getByRole('tab', { name: 'History' }).click();
  await expect(popup.locator('.history-entry').filter({ hasText: 'Session item' })).toContainText('Waiting to sync');
  return popup;
}

/**
 * The popup (opening it syncs) and the settings page both say the session ended, for `name`; the cached queue
 * and the waiting share are still there. Returns the settings page the popup's "Sign in again" opened.
 */
async function expectSessionEnded(relay: RelayPages, context: BrowserContext, name: string): Promise<Page> {
  const popup = await relay.openPopup();
  const alert = popup.getByRole('alert').filter({ hasText: `${name}, your session has ended.` });
  await expect(alert).toBeVisible({ timeout: 20_000 });
  // The cache stays: the card is still there, and the share still waits.
  await expect(popup.getByRole('article', { name: 'Session item' })).toBeVisible();
  await popup.getByRole('tab', { name: 'History' }).click();
  await expect(popup.locator('.history-entry').filter({ hasText: 'Session item' })).toContainText('Waiting to sync');
  expect(await stored(context, LOCAL_KEYS.token)).toBeTruthy();

  // One button, to the settings page's sign-in form.
  const opened = context.waitForEvent('page');
  await alert.getByRole('button', { name: 'Sign in again' }).click();
  const options = await opened;
  await options.waitForLoadState();
  expect(new URL(options.url()).hash).toBe('#sign-in');
  await expect(options.getByRole('heading', { name: 'Your session has ended' })).toBeVisible();
  await expect(options.getByText(`${name} was signed out`)).toBeVisible();
  await expect(options.locator('#sign-in')).toBeFocused();
  await expect(options.getByRole('heading', { name: 'Sign in again' })).toBeVisible();
  await expect(options.locator('#invite-code')).toBeVisible();
  return options;
}

/** A new invite code for someone already in People (the curators' console does this for a new laptop). */
async function newCodeFor(backend: Backend, id: string): Promise<string> {
  const res = await backend.request<{ link: string }>('POST', `/v1/admin/employees/${id}/invites`, {
    token: backend.adminToken,
    expect: 201,
  });
  return res.link;
}

/** Sign in again on the settings page, pasting the invitation link into the Invite code field. */
async function signInAgain(options: Page, link: string, name: string) {
  await options.locator('#invite-code').fill(link);
  await expect(options.locator('#invite-code')).not.toHaveValue(link);
  await options.locator('form button[type=submit]').click();
  await expect(options.getByText(`Connected as ${name}`)).toBeVisible();
}

test('expired: the session ends while a share waits; signed in again as the same person, it is delivered', async ({
  relay,
  context,
}) => {
  test.setTimeout(120_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'relay-expiry-'));
  // About 13 s without use: long enough to connect and sync on a busy machine, short enough to wait out.
  const idleMs = 0.00015 * 86_400_000;
  const env = { RELAY_SESSION_IDLE_DAYS: '0.00015' };
  let backend = await Backend.start({ dataDir, env });
  try {
    await backend.createItem(item);
    await signInWithLink(relay, backend, 'Marta Rossi');
    const id = await employeeId(context);
    await backend.stop();
    await shareWhileAway(relay, context);

    // Counted from the token's last use as the server recorded it (signing in, or a sync after it), so a slow
    // sign-in on a busy machine cannot leave the session alive when the server is back.
    const endsAt = lastUse(backend, id) + idleMs;
    await new Promise((r) => setTimeout(r, Math.max(0, endsAt + 500 - Date.now())));
    backend = await Backend.start({ dataDir, env, port: backend.port, adminToken: backend.adminToken });
    const options = await expectSessionEnded(relay, context, 'Marta Rossi');
    expect(backendShares(backend)).toHaveLength(0);

    await signInAgain(options, await newCodeFor(backend, id), 'Marta Rossi');
    await expect
      .poll(() => backendShares(backend), { message: 'the waiting share reached the backend' })
      .toEqual([expect.objectContaining({ employee_id: id })]);
  } finally {
    await backend.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

/**
 * A curator's action on the stopped backend's data, through the real API on another port: the extension (which
 * retries its outbox on its own schedule) cannot reach the server until the action is done, so the waiting share
 * can never slip through with the old token first.
 */
async function whileUnreachable(backend: Backend, act: (curator: Backend) => Promise<unknown>) {
  const curator = await Backend.start({ dataDir: backend.dataDir, adminToken: backend.adminToken });
  try {
    await act(curator);
  } finally {
    await curator.stop();
  }
}

/**
 * The opening both curator cases share: `name` signs in, the backend goes away, a share waits in the outbox,
 * the curator acts on the data meanwhile, and the backend comes back on the same address.
 */
async function shareWaitsWhileCuratorActs(
  backend: Backend,
  relay: RelayPages,
  context: BrowserContext,
  name: string,
  act: (curator: Backend, employee: string) => Promise<unknown>,
): Promise<{ employee: string; again: Backend }> {
  await backend.createItem(item);
  await signInWithLink(relay, backend, name);
  const employee = await employeeId(context);
  await backend.stop();
  await shareWhileAway(relay, context);
  await whileUnreachable(backend, (curator) => act(curator, employee));
  const again = await Backend.start({ dataDir: backend.dataDir, port: backend.port, adminToken: backend.adminToken });
  return { employee, again };
}

test('signed out everywhere by a curator: same state, outbox intact, delivered after signing in again', async ({
  backend,
  relay,
  context,
}) => {
  test.setTimeout(120_000);
  const { employee: id, again } = await shareWaitsWhileCuratorActs(
    backend,
    relay,
    context,
    'Kofi Mensah',
    (curator, id) =>
      curator.request('POST', `/v1/admin/employees/${id}/sign-out`, { token: curator.adminToken, expect: 200 }),
  );
  try {
    const options = await expectSessionEnded(relay, context, 'Kofi Mensah');
    expect(backendShares(again)).toHaveLength(0);
    await signInAgain(options, await newCodeFor(again, id), 'Kofi Mensah');
    await expect
      .poll(() => backendShares(again), { message: 'the waiting share reached the backend' })
      .toEqual([expect.objectContaining({ employee_id: id })]);
  } finally {
    await again.stop();
  }
});

test('another person signing in on the same browser does not get the first person’s waiting share sent', async ({
  backend,
  relay,
  context,
}) => {
  test.setTimeout(120_000);
  // A curator deactivates Marta: her token is refused from now on.
  const { employee: marta, again } = await shareWaitsWhileCuratorActs(
    backend,
    relay,
    context,
    'Marta Rossi',
    (curator, id) =>
      curator.request('PATCH', `/v1/admin/employees/${id}`, {
        token: curator.adminToken,
        body: { active: false },
        expect: 200,
      }),
  );
  try {
    const options = await expectSessionEnded(relay, context, 'Marta Rossi');

    // Joan signs in on this browser, with a bare invite code this time.
    await options.locator('#invite-code').fill(await again.createInvite('Joan Puig'));
    await options.locator('form button[type=submit]').click();
    await expect(options.getByText('Connected as Joan Puig')).toBeVisible();
    await expect(options.getByText('1 item synced')).toBeVisible();
    const joan = await employeeId(context);
    expect(joan).not.toBe(marta);
    // Syncing again (and delivering whatever is Joan's) sends nothing of Marta's.
    await options.getByRole('button', { name: 'Sync now' }).click();
    await expect(options.getByRole('button', { name: 'Sync now' })).toBeEnabled();
    const popup = await relay.openPopup();
    await expect(popup.getByRole('article', { name: 'Session item' })).toBeVisible();
    await expect(popup.getByRole('alert').filter({ hasText: 'session has ended' })).toHaveCount(0);
    expect(backendShares(again)).toEqual([]);
  } finally {
    await again.stop();
  }
});
