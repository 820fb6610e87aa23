/**
 * First run: a fresh install opens the settings page once, where the welcome says what Relay is for and asks
 * for the server address and invite code. Updates of Relay, of the browser or of a shared module open nothing:
 * people who already set Relay up must not get a tab pushed at them.
 */

/** What runtime.onInstalled hands its listeners (only the part that matters here). */
export interface InstalledDetails {
  reason: string;
}

export interface FirstRunDeps {
  openSettings: () => Promise<void>;
  /** Whether this install already had its welcome (see welcomedItem in lib/settings). */
  welcomed: { getValue(): Promise<boolean>; setValue(value: boolean): Promise<void> };
}

/** Opens the settings page on a first install; true when it did. */
export async function welcomeOnInstall(details: InstalledDetails, deps: FirstRunDeps): Promise<boolean> {
  if (details.reason !== 'install' || (await deps.welcomed.getValue())) return false;
  // Marked first: a failure to open must not turn into a tab on every later start.
  await deps.welcomed.setValue(true);
  await deps.openSettings();
  return true;
}
