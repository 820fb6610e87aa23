/*
 * The name of every value Relay keeps in extension storage, all in its `local` area (index.ts defines the
 * items). Import-free, so code that must not load WXT's storage wrapper (a content script) or reads storage
 * raw (the settings export) names a key from here instead of spelling it.
 */
export const LOCAL_KEYS = {
  serverUrl: 'serverUrl',
  token: 'token',
  employee: 'employee',
  lastSync: 'lastSync',
  sessionEnded: 'sessionEnded',
  personalTouches: 'personalTouches',
  preferredLanguage: 'preferredLanguage',
  topics: 'topics',
  presetTopics: 'presetTopics',
  audience: 'audience',
  displayName: 'displayName',
  reachCache: 'reachCache',
  reminderPrefs: 'reminderPrefs',
  reminderLog: 'reminderLog',
  siteProfiles: 'siteProfiles',
  siteProfilesEtag: 'siteProfilesEtag',
  popupOpenedAt: 'popupOpenedAt',
  queueHead: 'queueHead',
  policyCache: 'policyCache',
  welcomed: 'welcomed',
} as const;
