import { describe, expect, it } from 'vitest';
import { personalise } from './personalise';

describe('personalise', () => {
  it('adds the opening line and signature around the caption, separated by blank lines', () => {
    expect(
      personalise('Our new report is out.', { openingLine: 'Proud of the team!', signature: '— Marta #relay' }),
    ).toBe('Proud of the team!\n\nOur new report is out.\n\n— Marta #relay');
  });

  it('skips what is empty', () => {
    expect(personalise('Caption', {})).toBe('Caption');
    expect(personalise('Caption', { openingLine: '  ', signature: null })).toBe('Caption');
    expect(personalise('Caption', { signature: 'Sig' })).toBe('Caption\n\nSig');
    expect(personalise('Caption', { openingLine: 'Hi' })).toBe('Hi\n\nCaption');
    expect(personalise('', { openingLine: 'Hi', signature: 'Sig' })).toBe('Hi\n\nSig');
  });

  it('never adds a touch twice', () => {
    const touch = { openingLine: 'Proud of the team!', signature: '#relay' };
    const once = personalise('Caption', touch);
    expect(personalise(once, touch)).toBe(once);
    expect(personalise('Caption #relay', touch)).toBe('Proud of the team!\n\nCaption #relay');
  });

  it('trims the parts and keeps line breaks inside the caption', () => {
    expect(personalise('\n  Line 1\nLine 2  \r\n', { openingLine: ' Hola! ', signature: ' Salut ' })).toBe(
      'Hola!\n\nLine 1\nLine 2\n\nSalut',
    );
  });
});
