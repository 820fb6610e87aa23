import { describe, expect, it } from 'vitest';
import { isPanelShortcut } from './keys';

const key = (over: Partial<KeyboardEvent>) => ({
  altKey: false,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  code: 'KeyR',
  ...over,
});

describe('isPanelShortcut', () => {
  it('is Alt+Shift+R, by physical key (Option+Shift+R gives "‰" as key on a Mac)', () => {
    expect(isPanelShortcut(key({ altKey: true, shiftKey: true }))).toBe(true);
  });
  it('is not R, Shift+R, Alt+R or the same with Ctrl or Meta (typing and the site’s own shortcuts)', () => {
    expect(isPanelShortcut(key({}))).toBe(false);
    expect(isPanelShortcut(key({ shiftKey: true }))).toBe(false);
    expect(isPanelShortcut(key({ altKey: true }))).toBe(false);
    expect(isPanelShortcut(key({ altKey: true, shiftKey: true, ctrlKey: true }))).toBe(false);
    expect(isPanelShortcut(key({ altKey: true, shiftKey: true, metaKey: true }))).toBe(false);
    expect(isPanelShortcut(key({ altKey: true, shiftKey: true, code: 'KeyT' }))).toBe(false);
  });
});
