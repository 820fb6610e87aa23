import { describe, expect, it } from 'vitest';
import { firstLine, insertLabel, LABEL_MAX } from './label';

describe('caption labels', () => {
  it('use the first non-empty line', () => {
    expect(insertLabel('\n  Bon dia!  \nSegona línia')).toBe('Insert: Bon dia!');
    expect(insertLabel('Привет,   мир\r\nещё')).toBe('Insert: Привет, мир');
  });

  it('shorten long lines to about 60 characters at a word boundary, with an ellipsis', () => {
    const long = 'Our new report shows how employee advocacy programmes grow reach across every network we use';
    const label = firstLine(long);
    expect(Array.from(label).length).toBeLessThanOrEqual(LABEL_MAX);
    expect(label.endsWith('…')).toBe(true);
    expect(long.startsWith(label.slice(0, -1))).toBe(true);
    expect(label).not.toMatch(/\s…$/);
  });

  it('never split an emoji, and cut a line without spaces anyway', () => {
    const emoji = '🎉'.repeat(80);
    const label = firstLine(emoji);
    expect(Array.from(label)).toHaveLength(LABEL_MAX);
    expect(label.slice(0, -1)).toBe('🎉'.repeat(LABEL_MAX - 1));
  });

  it('keep markup as characters', () => {
    expect(insertLabel('<img src=x onerror=alert(1)> hi')).toBe('Insert: <img src=x onerror=alert(1)> hi');
  });
});
