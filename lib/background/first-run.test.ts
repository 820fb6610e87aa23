import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { welcomedItem } from '../settings';
import { welcomeOnInstall } from './first-run';

describe('welcomeOnInstall', () => {
  beforeEach(() => fakeBrowser.reset());
  const deps = () => ({ openSettings: vi.fn(async () => {}), welcomed: welcomedItem });

  it('opens the settings page on a fresh install, and remembers it did', async () => {
    const d = deps();
    expect(await welcomeOnInstall({ reason: 'install' }, d)).toBe(true);
    expect(d.openSettings).toHaveBeenCalledTimes(1);
    expect(await welcomedItem.getValue()).toBe(true);
  });

  it('opens it only once per install, even when "install" is reported again', async () => {
    const d = deps();
    await welcomeOnInstall({ reason: 'install' }, d);
    expect(await welcomeOnInstall({ reason: 'install' }, d)).toBe(false);
    expect(d.openSettings).toHaveBeenCalledTimes(1);
  });

  // Including someone updating from a version that never recorded a welcome.
  it.each(['update', 'chrome_update', 'browser_update', 'shared_module_update'])(
    'opens nothing on %s',
    async (reason) => {
      const d = deps();
      expect(await welcomeOnInstall({ reason }, d)).toBe(false);
      expect(d.openSettings).not.toHaveBeenCalled();
      expect(await welcomedItem.getValue()).toBe(false);
    },
  );
});
