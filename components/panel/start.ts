import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import type { Network } from '@/lib/contract/common';
import { chooseProfile } from '@/lib/compose/profile-check';
import { LOCAL_KEYS } from '@/lib/settings/keys';
import { type ComposeUiOptions, startComposeUi } from './mount';

/**
 * What a site's content script does: take the newest valid site profile (one the background stored from the
 * backend, else the bundled one), check the page is one of its hosts, start.
 */
export async function startForNetwork(
  ctx: ContentScriptContext,
  network: Network,
  options: ComposeUiOptions = {},
): Promise<void> {
  let stored: unknown = null;
  try {
    // The site profiles storage item, read directly: WXT's storage wrapper costs ~3 KB gzipped here.
    stored = (await browser.storage.local.get(LOCAL_KEYS.siteProfiles))[LOCAL_KEYS.siteProfiles];
  } catch (err) {
    console.warn('[relay] stored site profiles unreadable; using the bundled one', err);
  }
  if (ctx.isInvalid) return;
  const profile = chooseProfile(network, stored);
  if (!profile.hosts.includes(location.hostname)) return;
  startComposeUi(ctx, profile, options);
}
