// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { ProblemError, type AdminApi } from '@/lib/api/admin';
import type { AdminEmployee, EmployeeList } from '@/lib/contract/employees';
import { plural } from '@/lib/i18n';
import { useLocale } from '@/lib/i18n/test-catalogue';
import { settle, testHost } from '@/components/test-host';
import { defaultDelimiter } from './AnalyticsSection';
import { csvLineErrors } from './csv-errors';
import { PeopleSection } from './PeopleSection';

const person = (name: string, state: AdminEmployee['state']): AdminEmployee => ({
  id: `0190a0b0-0000-7000-8000-00000000000${name.length % 10}`, name, email: null, role: 'employee', active: state !== 'deactivated', state,
  invitedAt: '2026-11-02T09:00:00.000Z', activatedAt: null, lastSharedAt: null,
});
const list: EmployeeList = {
  employees: [person('Анна Петрова', 'activated')], total: 1, counts: { invited: 2, activated: 1, active: 0, deactivated: 0 },
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
    render(<PeopleSection api={api} selfId="nobody" />, host);
    await settle();
    expect(host.querySelector('h3')!.textContent).toBe('Пригласить одного человека');
    expect(host.querySelector('label[for="invite-csv"]')!.textContent).toBe('Один человек в строке: имя;роль');
    expect(host.textContent).toContain('Приглашены: 2 · Активированы: 1');
    expect(host.querySelector('tbody tr')!.textContent).toContain('Приглашение принято');
    expect(host.querySelector('tbody tr')!.textContent).toContain('02.11.2026');

    await submitCsv('Анна;employee\nИван;jefe\nОля;admin;x');
    const items = [...host.querySelectorAll('ul[aria-label="Строки, которые нужно исправить"] li')].map((li) => li.textContent);
    expect(items).toEqual([
      'Строка 2: роль должна быть «employee» или «admin»',
      'Строка 3: в строке больше, чем имя и роль (заключите имя с разделителем в двойные кавычки)',
    ]);
  });

  it('keeps its English words in an English browser', async () => {
    render(<PeopleSection api={api} selfId="nobody" />, host);
    await settle();
    expect(host.querySelector('label[for="invite-csv"]')!.textContent).toBe('One person a line: name,role');
    expect(host.textContent).toContain('2 invited · 1 activated · 0 active in the last 7 days · 0 deactivated');
    await submitCsv('Ana,employee\nBea,boss');
    expect(host.querySelector('ul[aria-label="Lines to fix"]')!.textContent).toContain('Line 2: the role must be “employee” or “admin”');
  });
});

describe('csvLineErrors', () => {
  it('falls back to the server’s words for a problem it does not know, and to the path for another field', () => {
    expect(csvLineErrors([{ path: 'csv.4.novel', message: 'something new' }, { path: 'csv', message: 'must not be empty' }])).toEqual([
      { key: 'csv.4.novel', text: 'Line 4: something new' },
      { key: 'csv', text: 'csv: must not be empty' },
    ]);
  });
});

describe('analytics words', () => {
  it('has Russian plurals for 1, 2, 5 and 21', () => {
    useLocale('ru');
    expect([1, 2, 5, 21].map((n) => plural('analytics.lastDays', n))).toEqual([
      'Последний 1 день', 'Последние 2 дня', 'Последние 5 дней', 'Последний 21 день',
    ]);
    expect([1, 2, 5, 21].map((n) => plural('analytics.showRows', n))).toEqual([
      'Показать 1 строку', 'Показать 2 строки', 'Показать 5 строк', 'Показать 21 строку',
    ]);
  });

  it('offers ";" for CSV where the decimal separator is a comma, "," elsewhere', () => {
    expect(['ca', 'es', 'it', 'nl', 'ru'].map((l) => defaultDelimiter(l))).toEqual([';', ';', ';', ';', ';']);
    expect(defaultDelimiter('en')).toBe(',');
  });
});
