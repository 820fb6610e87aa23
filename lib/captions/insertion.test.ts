import { describe, expect, it } from 'vitest';
import { insertionText } from './insertion';

const link = 'https://relay.example.com/r/abc';

describe('insertionText', () => {
  it('puts a space between a one-line caption and the link', () => {
    expect(insertionText('Great read', link)).toBe(`Great read ${link}`);
  });

  it('puts a line break after a multi-line caption and keeps its line breaks', () => {
    expect(insertionText('Line 1\n\nLine 2', link)).toBe(`Line 1\n\nLine 2\n${link}`);
  });

  it('does not add the link twice when the caption has it', () => {
    expect(insertionText(`Read ${link} today`, link)).toBe(`Read ${link} today`);
  });

  it('does not add the link when the editor already holds it', () => {
    expect(insertionText('Great read', link, `My draft ${link}`)).toBe(' Great read');
  });

  it('trims trailing whitespace (the caption’s and before the link)', () => {
    expect(insertionText('Great read  \n\n', link)).toBe(`Great read ${link}`);
    expect(insertionText('A\nB \t\n', `  ${link} `)).toBe(`A\nB\n${link}`);
  });

  it('turns CRLF into plain line breaks', () => {
    expect(insertionText('A\r\nB\rC', link)).toBe(`A\nB\nC\n${link}`);
  });

  it('separates from existing text that does not end in whitespace', () => {
    expect(insertionText('Great read', link, 'Hello')).toBe(` Great read ${link}`);
    expect(insertionText('A\nB', link, 'Hello')).toBe(`\nA\nB\n${link}`);
    expect(insertionText('Great read', link, 'Hello ')).toBe(`Great read ${link}`);
    expect(insertionText('Great read', link, 'Hello\n')).toBe(`Great read ${link}`);
    expect(insertionText('Great read', link, '')).toBe(`Great read ${link}`);
  });

  it('works without a caption or without a link', () => {
    expect(insertionText('', link)).toBe(link);
    expect(insertionText('Only words', '')).toBe('Only words');
    expect(insertionText('', '')).toBe('');
  });

  it('keeps markup as characters', () => {
    expect(insertionText('<img src=x onerror=alert(1)> & co', link)).toBe(`<img src=x onerror=alert(1)> & co ${link}`);
  });

  it('keeps non-Latin text and emoji unchanged', () => {
    expect(insertionText('Col·laboració 👨‍👩‍👧‍👦\nПривет', link)).toBe(`Col·laboració 👨‍👩‍👧‍👦\nПривет\n${link}`);
  });
});
