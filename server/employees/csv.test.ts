import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseEmployeeCsv } from './csv';

describe('parseEmployeeCsv', () => {
  it('reads name,role lines with an optional header, blank lines and CRLF', () => {
    const result = parseEmployeeCsv('\uFEFFName,Role\r\nNúria Puig,admin\r\n\r\n  Олег Петров , Employee \r\n王芳\n');
    expect(result.errors).toEqual([]);
    expect(result.delimiter).toBe(',');
    expect(result.people).toEqual([
      { line: 2, name: 'Núria Puig', role: 'admin' },
      { line: 4, name: 'Олег Петров', role: 'employee' },
      { line: 5, name: '王芳', role: 'employee' },
    ]);
  });

  it('reads a semicolon file as Excel saves it in a decimal-comma locale (BOM, CRLF, a header in Spanish)', () => {
    const result = parseEmployeeCsv('\uFEFFnombre;rol\r\nNúria Puig;admin\r\nPuig, Joan;employee\r\nОлег Петров;\r\n');
    expect(result.delimiter).toBe(';');
    expect(result.errors).toEqual([]);
    expect(result.people).toEqual([
      { line: 2, name: 'Núria Puig', role: 'admin' },
      { line: 3, name: 'Puig, Joan', role: 'employee' },
      { line: 4, name: 'Олег Петров', role: 'employee' },
    ]);
  });

  it('strips the BOM, so it is not part of the first name', () => {
    expect(parseEmployeeCsv('\uFEFFAna;admin').people).toEqual([{ line: 1, name: 'Ana', role: 'admin' }]);
    expect(parseEmployeeCsv('\uFEFFAna').people).toEqual([{ line: 1, name: 'Ana', role: 'employee' }]);
  });

  it('reads quoted fields holding the delimiter, quotes and a line break, and keeps counting lines after them', () => {
    const result = parseEmployeeCsv(
      '"Puig; Núria";admin\r\n"Ana ""Nana"" Lopes";employee\r\n"Joan\r\nVidal";admin\r\nBea;admin\r\n',
    );
    expect(result.errors).toEqual([]);
    expect(result.people).toEqual([
      { line: 1, name: 'Puig; Núria', role: 'admin' },
      { line: 2, name: 'Ana "Nana" Lopes', role: 'employee' },
      { line: 3, name: 'Joan Vidal', role: 'admin' },
      { line: 5, name: 'Bea', role: 'admin' },
    ]);
  });

  it('reads a quoted name with a comma and an escaped quote in a comma file', () => {
    expect(parseEmployeeCsv('"Puig, Núria",admin\n"Ana ""Nana"" Lopes",employee').people).toEqual([
      { line: 1, name: 'Puig, Núria', role: 'admin' },
      { line: 2, name: 'Ana "Nana" Lopes', role: 'employee' },
    ]);
  });

  it('reads cells pasted from a spreadsheet (tab-separated), and ignores empty cells to the right', () => {
    expect(parseEmployeeCsv('Núria Puig\tadmin\t\t\nJoan Vidal\t\n').people).toEqual([
      { line: 1, name: 'Núria Puig', role: 'admin' },
      { line: 2, name: 'Joan Vidal', role: 'employee' },
    ]);
  });

  it('takes a first line "name,role" as the header only when it comes first', () => {
    expect(parseEmployeeCsv('Ana,employee\nname,role').errors).toEqual([
      { line: 2, problem: 'role', message: expect.stringContaining('role must be') },
    ]);
  });

  it('does not take "nombre;rol" lines for one person called "nombre;rol": a bad line says what is wrong', () => {
    const { errors, people } = parseEmployeeCsv('Núria Puig;employee\nJoan Vidal;jefe\nAna;admin;extra');
    expect(people).toEqual([{ line: 1, name: 'Núria Puig', role: 'employee' }]);
    expect(errors).toEqual([
      { line: 2, problem: 'role', message: 'role must be "employee" or "admin" (got "jefe")' },
      {
        line: 3,
        problem: 'fields',
        message: 'expected "name;role" but found 3 fields separated by ";" (put a name with ";" in double quotes)',
      },
    ]);
  });

  it('reports every bad line with its number', () => {
    const { errors } = parseEmployeeCsv('name,role\nAna,boss\n,employee\nBea,admin\nCai,employee,extra\n"Dan,admin');
    expect(errors).toEqual([
      { line: 2, problem: 'role', message: 'role must be "employee" or "admin" (got "boss")' },
      { line: 3, problem: 'name', message: 'name must not be empty' },
      { line: 5, problem: 'fields', message: expect.stringContaining('found 3 fields') },
      { line: 6, problem: 'quote', message: 'a double quote is not closed' },
    ]);
  });

  it('refuses a text with nobody in it', () => {
    expect(parseEmployeeCsv('name,role\n\n').errors).toEqual([
      { line: 1, problem: 'empty', message: expect.stringContaining('no one to invite') },
    ]);
  });

  it('refuses more people than a batch takes', () => {
    const { people, errors } = parseEmployeeCsv(Array.from({ length: 2001 }, (_, i) => `P${i};employee`).join('\n'));
    expect(people).toEqual([]);
    expect(errors).toEqual([{ line: 2001, problem: 'limit', message: 'at most 2000 people per batch' }]);
  });
});

describe('detectDelimiter', () => {
  it('picks ";" over commas in names, "," when commas lead, a tab over both, and ignores quoted text', () => {
    expect(detectDelimiter('Puig, Núria;admin\nVidal, Joan;employee')).toBe(';');
    expect(detectDelimiter('Ana,admin\nBea,employee')).toBe(',');
    expect(detectDelimiter('"Puig; Núria",admin\n"Vidal; Joan",employee')).toBe(',');
    expect(detectDelimiter('Puig, Núria\tadmin')).toBe('\t');
    expect(detectDelimiter('Ana')).toBe(',');
  });
});
