/**
 * Sessions and People: a curator finds people among hundreds (search in any script, pages), gives
 * someone already invited a new invite code with its invitation link, and signs a person out everywhere;
 * Disconnect ends the extension's session on the server; a session unused for the idle time is refused.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../helpers/fixtures';
import type { ExtensionBrowser } from '../helpers/browser';
import { Backend } from '../helpers/server';

async function openPeople(ext: ExtensionBrowser, backend: Backend): Promise<Page> {
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await options.getByLabel('Server URL').fill(backend.url);
  await options.getByLabel('Invite code').fill(await backend.createInvite('Ada Curator', 'admin'));
  await options.getByRole('button', { name: 'Connect' }).click();
  await expect(options.getByText(/Connected as Ada Curator/)).toBeVisible();
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/admin.html#people`);
  await expect(page.getByRole('heading', { level: 2 })).toBeVisible();
  return page;
}

const employeeId = async (backend: Backend, name: string) => {
  const list = await backend.request<{ employees: Array<{ id: string; name: string }> }>(
    'GET',
    `/v1/admin/employees?q=${encodeURIComponent(name)}`,
    { token: backend.adminToken },
  );
  return list.employees.find((e) => e.name === name)!.id;
};

test('a curator pages and searches People, hands out a new code with its link, and signs someone out everywhere', async ({
  backend,
  ext,
}) => {
  const csv = Array.from({ length: 240 }, (_, i) => `Person ${String(i).padStart(3, '0')},employee`).join('\n');
  await backend.request('POST', '/v1/admin/employees/batch', {
    token: backend.adminToken,
    body: { csv: `${csv}\nАнна Петрова,employee` },
    expect: 201,
  });
  const joan = await backend.employee('Joan Vidal');
  await backend.queue(joan.token);

  const admin = await openPeople(ext, backend);
  const pages = admin.getByRole('navigation', { name: 'Pages of people' });
  await expect(pages).toContainText('1–100 of 243');
  await pages.getByRole('button', { name: 'Next' }).click();
  await expect(pages).toContainText('101–200 of 243');
  await expect(admin.getByRole('row', { name: /Person 100/ })).toBeVisible();

  // Any case, any script; back to the first page of the results.
  const search = admin.getByRole('searchbox', { name: 'Search people' });
  await search.fill('АННА');
  await expect(pages).toContainText('1–1 of 1');
  const anna = admin.getByRole('row', { name: /Анна Петрова/ });
  await expect(anna).toBeVisible();

  // A new code for someone already invited: the code and the link, each with Copy; no second person.
  await anna.getByRole('button', { name: 'New invite code for Анна Петрова' }).click();
  const codes = admin.getByRole('status', { name: 'New invite code' });
  await expect(codes).toContainText(/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/);
  const link = (await codes.locator('code.link').textContent())!;
  expect(link).toMatch(new RegExp(`^${backend.url.replace(/[.]/g, '\\.')}/join#invite=[0-9A-Z-]{19}$`));
  await expect(codes.getByRole('button', { name: 'Copy the invitation link for Анна Петрова' })).toBeVisible();
  await expect(pages).toContainText('1–1 of 1');
  // The code in the link works for Анна.
  const redeemed = await backend.redeem(decodeURIComponent(link.split('#invite=')[1]!));
  expect(redeemed.employee.name).toBe('Анна Петрова');

  // The link opens the server's plain page, which says what to do with it.
  const join = await ext.context.newPage();
  await join.goto(link);
  await expect(join.getByRole('heading', { level: 1, name: 'This is an invitation to Relay' })).toBeVisible();
  await expect(join.getByText(/paste it into the Invite code field/)).toBeVisible();
  await join.close();

  // Sign out everywhere, after confirming.
  await search.fill('joan');
  const joanRow = admin.getByRole('row', { name: /Joan Vidal/ });
  await expect(pages).toContainText('1–1 of 1');
  admin.once('dialog', (dialog) => void dialog.dismiss());
  await joanRow.getByRole('button', { name: 'Sign out everywhere: Joan Vidal' }).click();
  await backend.queue(joan.token); // still signed in
  admin.once('dialog', (dialog) => {
    expect(dialog.message()).toContain('Sign Joan Vidal out of Relay on every computer');
    void dialog.accept();
  });
  await joanRow.getByRole('button', { name: 'Sign out everywhere: Joan Vidal' }).click();
  await expect(
    admin.getByRole('status').filter({ hasText: 'Joan Vidal is signed out everywhere: 1 session ended.' }),
  ).toBeVisible();
  await expect(backend.request('GET', '/v1/me', { token: joan.token, expect: 200 })).rejects.toMatchObject({
    status: 401,
  });
  await expect(joanRow).toContainText('Activated'); // still in the programme
});

test('Disconnect ends the session on the server, not only in the browser', async ({ backend, relay, recorder }) => {
  const options = await relay.connect(recorder.url, await backend.createInvite('Marta Soler'));
  await expect(options.getByText(/Connected as Marta Soler/)).toBeVisible();
  // "Connected" shows once the code is redeemed; the first sync (which carries the token) may still be on its way.
  const firstSync = () => recorder.exchanges.find((e) => e.method === 'GET' && e.path.startsWith('/v1/queue'));
  await expect.poll(firstSync).toBeDefined();
  const queue = firstSync()!;
  const token = String(queue.requestHeaders.authorization).replace(/^Bearer /, '');
  await backend.request('GET', '/v1/me', { token, expect: 200 });

  await options.getByRole('button', { name: 'Disconnect' }).click();
  await expect(options.getByRole('button', { name: 'Connect' })).toBeVisible();
  // The recorder logs an exchange once its answer has been passed on, which can be just after the page moved on.
  const signOut = () => recorder.exchanges.filter((e) => e.method !== 'OPTIONS' && e.path === '/v1/auth/sign-out');
  await expect.poll(() => signOut().map((e) => [e.method, e.status])).toEqual([['POST', 204]]);
  await expect(backend.request('GET', '/v1/me', { token, expect: 200 })).rejects.toMatchObject({ status: 401 });
  const left = await backend.request<{ ended: number }>(
    'POST',
    `/v1/admin/employees/${await employeeId(backend, 'Marta Soler')}/sign-out`,
    { token: backend.adminToken },
  );
  expect(left.ended).toBe(0);
});

test('a session unused for RELAY_SESSION_IDLE_DAYS is refused; one in use lives on', async () => {
  // Three seconds: the setting takes fractions of a day.
  const backend = await Backend.start({ env: { RELAY_SESSION_IDLE_DAYS: String(3 / 86_400) } });
  try {
    const idle = await backend.employee('Idle Ivo');
    const busy = await backend.employee('Busy Bea');
    const until = Date.now() + 4500;
    while (Date.now() < until) {
      await backend.queue(busy.token);
      await new Promise((r) => setTimeout(r, 500));
    }
    const res = await fetch(`${backend.url}/v1/me`, { headers: { Authorization: `Bearer ${idle.token}` } });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/session ended.*sign in again/i);
    await backend.queue(busy.token);
  } finally {
    await backend.dispose();
  }
});
