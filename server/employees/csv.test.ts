import { describe, expect, it } from 'vitest';
import { parseEmployeeCsv } from './csv';

describe('parseEmployeeCsv', () => {
  it('reads name,role lines with an optional header, blank lines and CRLF', () => {
    const result = parseEmployeeCsv('\uFEFFName,Role\r\nNúria Puig,admin\r\n\r\n  Олег Петров , Employee \r\n王芳\n');
    expect(result.errors).toEqual([]);
    expect(result.people).toEqual([
      { line: 2, name: 'Núria Puig', role: 'admin' },
      { line: 4, name: 'Олег Петров', role: 'employee' },
      { line: 5, name: '王芳', role: 'employee' },
    ]);
  });

  it('takes a first line "name,role" as the header only when it comes first', () => {
    expect(parseEmployeeCsv('Ana,employee\nname,role').errors).toEqual([{ line: 2, message: expect.stringContaining('role must be') }]);
  });

  it('reads a quoted name with a comma and an escaped quote', () => {
    expect(parseEmployeeCsv('"Puig, Núria",admin\n"Ana ""Nana"" Lopes",employee').people).toEqual([
      { line: 1, name: 'Puig, Núria', role: 'admin' },
      { line: 2, name: 'Ana "Nana" Lopes', role: 'employee' },
    ]);
  });

  it('reports every bad line with its number', () => {
    const { errors } = parseEmployeeCsv('name,role\nAna,boss\n,employee\nBea,admin\nCai,employee,extra\n"Dan,admin');
    expect(errors).toEqual([
      { line: 2, message: 'role must be "employee" or "admin" (got "boss")' },
      { line: 3, message: 'name must not be empty' },
      { line: 5, message: expect.stringContaining('found 3 fields') },
      { line: 6, message: 'a double quote is not closed' },
    ]);
  });

  it('refuses a text with nobody in it', () => {
    expect(parseEmployeeCsv('name,role\n\n').errors).toEqual([{ line: 1, message: expect.stringContaining('no one to invite') }]);
  });
});
