import { describe, expect, it } from 'vitest';
import { postLength } from './post-length';

describe('postLength', () => {
  it('counts X with the weighted counter: a link is 23, CJK and emoji 2', () => {
    expect(postLength('x', 'Hi https://relay.example.com/r/abcdefghijklmnopqrstuvwxyz')).toEqual({
      used: 26,
      max: 280,
      left: 254,
    });
    expect(postLength('x', '日本').used).toBe(4);
    expect(postLength('x', '🎉').used).toBe(2);
  });
  it('counts LinkedIn in characters, an emoji as one', () => {
    expect(postLength('linkedin', 'Hola 🎉')).toEqual({ used: 6, max: 3000, left: 2994 });
    expect(postLength('linkedin', 'a'.repeat(3001)).left).toBe(-1);
  });
});
