// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import type { AdminApi } from '@/lib/api/admin';
import { ProblemError } from '@/lib/api/errors';
import type { AdminEmployee, EmployeeList, EmployeeListQuery } from '@/lib/contract/employees';
import { plural } from '@/lib/i18n';
import { useLocale } from '@/lib/i18n/test-catalogue';
import { settle, testHost } from '@/components/test-host';
import { csvLineErrors } from './csv-errors';
import { PEOPLE_PAGE, PeopleSection, SEARCH_DEBOUNCE_MS } from './PeopleSection';

const person = (name: string, state: AdminEmployee['state']): AdminEmployee => ({
  id: `0190a0b0-0000-7000-8000-00000000000${name.length % 10}`,
  name,
  email: null,
  role: 'employee',
  active: state !== 'deactivated',
  state,
  invitedAt: '2026-11-02T09:00:00.000Z',
  activatedAt: null,
  lastSharedAt: null,
});
const list: EmployeeList = {
  employees: [person('Анна Петрова', 'activated')],
  total: 1,
  counts: { invited: 2, activated: 1, active: 0, deactivated: 0 },
};
const refusal = new ProblemError(422, 'Unprocessable Content', 'Nobody was invited: 2 lines are not valid', [
  { path: 'csv.2.role', message: 'role must be "employee" or "admin" (got "jefe")' },
  { path: 'csv.3.fields', message: 'expected "name;role" but found 3 fields' },
]);
const api = {
  employees: async () => list,
  inviteBatch: async () => {
    throw refusal;
  },
} as unknown as AdminApi;

const host = testHost();

async function submitCsv(text: string) {
  const area = host.querySelector<HTMLTextAreaElement>('#invite-csv')!;
  await act(() => {
    area.value = text;
    area.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await act(() => {
    host.querySelectorAll('form')[1]!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
  await settle();
}

describe('PeopleSection', () => {
  it('speaks Russian in a Russian browser: labels, states, counts and each bad CSV line in its own words', async () => {
    useLocale('ru');
    await mount(api);
    expect(host.querySelector('h3')!.textContent).toBe('Пригласить одного человека');
    expect(host.querySelector('label[for="invite-csv"]')!.textContent).toBe('Один человек в строке: имя;роль');
    expect(host.textContent).toContain('Приглашены: 2 · Активированы: 1');
    expect(host.querySelector('tbody tr')!.textContent).toContain('Приглашение принято');
    expect(host.querySelector('tbody tr')!.textContent).toContain('02.11.2026');

    await submitCsv('Анна;employee\nИван;jefe\nОля;admin;x');
    const items = [...host.querySelectorAll('ul[aria-label="Строки, которые нужно исправить"] li')].map(
      (li) => li.textContent,
    );
    expect(items).toEqual([
      'Строка 2: роль должна быть «employee» или «admin»',
      'Строка 3: в строке больше, чем имя и роль (заключите имя с разделителем в двойные кавычки)',
    ]);
  });

  it('keeps its English words in an English browser', async () => {
    await mount(api);
    expect(host.querySelector('label[for="invite-csv"]')!.textContent).toBe('One person a line: name,role');
    expect(host.textContent).toContain('2 invited · 1 activated · 0 active in the last 7 days · 0 deactivated');
    await submitCsv('Ana,employee\nBea,boss');
    expect(host.querySelector('ul[aria-label="Lines to fix"]')!.textContent).toContain(
      'Line 2: the role must be “employee” or “admin”',
    );
  });
});

/** 5,000 people, of whom the server answers the page and search asked for. */
function bigApi(size = 5000) {
  const everyone = Array.from(
    { length: size },
    (_, i): AdminEmployee => ({
      ...person('x', 'activated'),
      id: `0190a0b0-0000-7000-8000-${String(i).padStart(12, '0')}`,
      name: i === 4 ? 'Анна Петрова' : `Person ${String(i).padStart(4, '0')}`,
      email: i === 7 ? 'oleg@example.com' : null,
      active: i !== 9,
      state: i === 9 ? 'deactivated' : 'activated',
    }),
  );
  const asked: EmployeeListQuery[] = [];
  const calls = { newCode: [] as string[], signOut: [] as string[] };
  const fake = {
    employees: async (q: EmployeeListQuery) => {
      asked.push(q);
      const text = q.q?.toLowerCase();
      const found = text
        ? everyone.filter((p) => p.name.toLowerCase().includes(text) || p.email?.includes(text))
        : everyone;
      const [offset, limit] = [Number(q.offset ?? 0), Number(q.limit ?? 100)];
      return { employees: found.slice(offset, offset + limit), total: found.length, counts: list.counts };
    },
    newInviteCode: async (id: string) => {
      calls.newCode.push(id);
      return {
        code: 'ABCD-EFGH-JKMN-PQRS',
        expiresAt: '2026-12-18T12:00:00.000Z',
        link: 'http://relay.test/join#invite=ABCD-EFGH-JKMN-PQRS',
      };
    },
    signOutEverywhere: async (id: string) => {
      calls.signOut.push(id);
      return 2;
    },
  } as unknown as AdminApi;
  return { api: fake, asked, calls };
}

const button = (name: string) =>
  host.querySelector<HTMLButtonElement>(`button[aria-label="${name}"]`) ??
  [...host.querySelectorAll('button')].find((b) => b.textContent === name)!;
const click = (b: HTMLButtonElement) => act(() => b.click());

/** Renders and waits for the first page (a hundred rows take happy-dom a moment). */
async function mount(people: AdminApi) {
  render(<PeopleSection api={people} selfId="nobody" />, host);
  for (let i = 0; i < 50 && !host.querySelector('nav'); i++) await settle();
  expect(host.querySelector('nav')).not.toBeNull();
}

describe('PeopleSection: search, pages, codes and signing out', () => {
  it('pages through 5,000 people a hundred at a time', async () => {
    const { api: big, asked } = bigApi();
    await mount(big);
    expect(asked.at(-1)).toEqual({ limit: PEOPLE_PAGE, offset: 0 });
    const nav = host.querySelector('nav[aria-label="Pages of people"]')!;
    expect(nav.textContent).toContain('1–100 of 5,000');
    expect(button('Previous').disabled).toBe(true);
    await click(button('Next'));
    await settle();
    await click(button('Next'));
    await settle();
    expect(asked.at(-1)).toEqual({ limit: PEOPLE_PAGE, offset: 200 });
    expect(nav.textContent).toContain('201–300 of 5,000');
    expect(host.querySelectorAll('tbody tr')).toHaveLength(100);
    expect(host.querySelector('tbody th')!.textContent).toBe('Person 0200');
    await click(button('Previous'));
    await settle();
    expect(nav.textContent).toContain('101–200 of 5,000');
  });

  it('stops at the last page, which may be short', async () => {
    const { api: big } = bigApi(250);
    await mount(big);
    await click(button('Next'));
    await settle();
    await click(button('Next'));
    await settle();
    expect(host.querySelector('nav')!.textContent).toContain('201–250 of 250');
    expect(host.querySelectorAll('tbody tr')).toHaveLength(50);
    expect(button('Next').disabled).toBe(true);
    expect(button('Previous').disabled).toBe(false);
  });

  it('searches after a pause in typing, from the first page, and shows e-mail addresses', async () => {
    const { api: big, asked } = bigApi();
    await mount(big);
    await click(button('Next'));
    await settle();
    const box = host.querySelector<HTMLInputElement>('input[type="search"]')!;
    expect(host.querySelector(`label[for="${box.id}"]`)!.textContent).toBe('Search people');
    for (const typed of ['о', 'ол', 'оле', 'oleg']) {
      await act(() => {
        box.value = typed;
        box.dispatchEvent(new Event('input', { bubbles: true }));
      });
    }
    const before = asked.length;
    await settle(SEARCH_DEBOUNCE_MS + 50);
    await settle();
    expect(asked.slice(before)).toEqual([{ q: 'oleg', limit: PEOPLE_PAGE, offset: 0 }]);
    expect(host.querySelector('tbody tr')!.textContent).toContain('oleg@example.com');
    expect(host.querySelector('nav')!.textContent).toContain('1–1 of 1');

    await act(() => {
      box.value = 'nobody at all';
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await settle(SEARCH_DEBOUNCE_MS + 50);
    await settle();
    expect(host.querySelector('nav')!.textContent).toContain('Nobody matches “nobody at all”.');
    expect(host.querySelector('table')).toBeNull();
  });

  it('makes a new invite code for one person and shows it once with its link', async () => {
    const { api: big, calls } = bigApi();
    await mount(big);
    expect(button('New invite code for Person 0009').disabled).toBe(true); // deactivated
    await click(button('New invite code for Анна Петрова'));
    await settle();
    expect(calls.newCode).toEqual(['0190a0b0-0000-7000-8000-000000000004']);
    const codes = host.querySelector('.codes[aria-label="New invite code"]')!;
    expect(codes.textContent).toContain('ABCD-EFGH-JKMN-PQRS');
    expect(codes.textContent).toContain('http://relay.test/join#invite=ABCD-EFGH-JKMN-PQRS');
    const writes: string[] = [];
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (text: string) => void writes.push(text) },
    });
    await click(button('Copy the invitation link for Анна Петрова'));
    await settle();
    expect(writes).toEqual(['http://relay.test/join#invite=ABCD-EFGH-JKMN-PQRS']);
    expect(button('Copied the invitation link for Анна Петрова')).toBeDefined();
  });

  it('shows the invitation link beside the code of someone just invited', async () => {
    const { api: big } = bigApi(3);
    const invited = {
      employee: { ...person('Núria Puig', 'invited'), id: '0190a0b0-0000-7000-8000-00000000abcd' },
      code: 'WXYZ-0123-4567-89AB',
      expiresAt: '2026-12-18T12:00:00.000Z',
      link: 'http://relay.test/join#invite=WXYZ-0123-4567-89AB',
    };
    (big as unknown as { invite: () => Promise<typeof invited> }).invite = async () => invited;
    await mount(big);
    const name = host.querySelector<HTMLInputElement>('#invite-name')!;
    await act(() => {
      name.value = 'Núria Puig';
      name.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(() => {
      host.querySelectorAll('form')[0]!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    await settle();
    const codes = host.querySelector('.codes')!;
    expect(codes.textContent).toContain('WXYZ-0123-4567-89AB');
    expect(codes.querySelector('code.link')!.textContent).toBe('http://relay.test/join#invite=WXYZ-0123-4567-89AB');
    expect(button('Copy the invitation link for Núria Puig')).toBeDefined();
    expect(button('Copy the code for Núria Puig')).toBeDefined();
  });

  it('signs a person out everywhere only once the curator confirms', async () => {
    const { api: big, calls } = bigApi();
    await mount(big);
    const confirm = vi.fn(() => false);
    const original = globalThis.confirm;
    globalThis.confirm = confirm;
    try {
      await click(button('Sign out everywhere: Person 0001'));
      await settle();
      expect(confirm).toHaveBeenCalledWith(expect.stringContaining('Sign Person 0001 out of Relay on every computer'));
      expect(calls.signOut).toEqual([]);
      confirm.mockReturnValue(true);
      await click(button('Sign out everywhere: Person 0001'));
      await settle();
      expect(calls.signOut).toEqual(['0190a0b0-0000-7000-8000-000000000001']);
      expect(host.textContent).toContain('Person 0001 is signed out everywhere: 2 sessions ended.');
    } finally {
      globalThis.confirm = original;
    }
  });

  it('says it in Russian, with Russian plurals', async () => {
    useLocale('ru');
    const { api: big } = bigApi();
    await mount(big);
    expect(host.querySelector('nav')!.textContent).toMatch(/1–100 из 5\s000/);
    expect([1, 2, 5, 21].map((n) => plural('sessions.signedOutNews', n, { name: 'Анна' }))).toEqual([
      'Сеансы пользователя Анна завершены везде: завершён 1 сеанс.',
      'Сеансы пользователя Анна завершены везде: завершено 2 сеанса.',
      'Сеансы пользователя Анна завершены везде: завершено 5 сеансов.',
      'Сеансы пользователя Анна завершены везде: завершён 21 сеанс.',
    ]);
  });
});

describe('csvLineErrors', () => {
  it('falls back to the server’s words for a problem it does not know, and to the path for another field', () => {
    expect(
      csvLineErrors([
        { path: 'csv.4.novel', message: 'something new' },
        { path: 'csv', message: 'must not be empty' },
      ]),
    ).toEqual([
      { key: 'csv.4.novel', text: 'Line 4: something new' },
      { key: 'csv', text: 'csv: must not be empty' },
    ]);
  });
});
