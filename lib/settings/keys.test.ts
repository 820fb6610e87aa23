import { describe, expect, it } from 'vitest';
import * as settings from '.';
import { LOCAL_KEYS } from './keys';

describe('LOCAL_KEYS', () => {
  it('names exactly the items lib/settings defines, each in the local area', () => {
    const items = (Object.values(settings) as unknown[]).filter(
      (value): value is { key: string } =>
        typeof value === 'object' && value !== null && 'key' in value && 'getValue' in value,
    );
    expect(items.map((item) => item.key).sort()).toEqual(
      Object.values(LOCAL_KEYS)
        .map((name) => `local:${name}`)
        .sort(),
    );
  });
});
