import type { Generated } from 'kysely';

/**
 * Table shapes as Kysely sees them. Times are INTEGER epoch milliseconds (cheap range scans and
 * aggregates; converted to ISO only at the API edge); booleans are 0/1 so the same SQL runs on PostgreSQL
 * with smallint columns.
 */
export interface EmployeesTable {
  id: string;
  name: string;
  role: 'employee' | 'admin';
  active: number;
  audience_linkedin: number | null;
  audience_x: number | null;
  created_at: number;
  activated_at: number | null;
  /** From single sign-on (the provider's `email` claim); null for people who joined with an invite code. */
  email: string | null;
  /** Single sign-on identity: the provider's issuer URL and its `sub` for this person (unique together). */
  sso_issuer: string | null;
  sso_subject: string | null;
}

export interface InvitesTable {
  code_hash: string;
  employee_id: string;
  created_at: number;
  expires_at: number;
  redeemed_at: number | null;
}

export interface TokensTable {
  token_hash: string;
  employee_id: string;
  created_at: number;
  /** Last request made with the token, to within an hour: the session ends after the idle time. */
  last_used_at: number;
}

/** An OpenID Connect sign-in between its start and the provider's callback (server/auth). */
export interface SsoLoginsTable {
  state: string;
  nonce: string;
  code_verifier: string;
  client_challenge: string;
  return_to: string;
  created_at: number;
  expires_at: number;
}

/** A finished sign-in the extension collects once with its PKCE verifier. */
export interface SsoHandoffsTable {
  code_hash: string;
  employee_id: string;
  client_challenge: string;
  created_at: number;
  expires_at: number;
}

export interface ItemsTable {
  id: string;
  url: string;
  title: string;
  summary: string | null;
  image_url: string | null;
  /** JSON array of lower-case topic names. */
  topics: string;
  content_type: 'curated' | 'owned' | 'promotional';
  campaign: string | null;
  pinned: number;
  publish_at: number;
  expires_at: number | null;
  created_at: number;
  updated_at: number;
  /** Soft delete: tracked links keep redirecting and shares keep their item. */
  deleted_at: number | null;
  /** Value of the change sequence at the item's last change (queue deltas and ETags read it). */
  version: number;
}

export interface CaptionsTable {
  id: string;
  item_id: string;
  network: 'linkedin' | 'x';
  text: string;
  language: string;
  position: number;
}

export interface MetaTable {
  key: string;
  value: number;
}

export interface LinksTable {
  code: string;
  employee_id: string;
  item_id: string;
  network: 'linkedin' | 'x';
  created_at: number;
}

export interface SharesTable {
  id: string;
  employee_id: string;
  item_id: string;
  network: 'linkedin' | 'x';
  caption_id: string | null;
  edited: number;
  shared_at: number;
  received_at: number;
  /** The employee's audience on that network when they shared: reach must not change when they edit it later. */
  audience: number;
}

export interface ClicksTable {
  id: Generated<number>;
  code: string;
  employee_id: string;
  item_id: string;
  network: 'linkedin' | 'x';
  clicked_at: number;
}

/** Every published version of a network's site profile (lib/contract/site-profiles.ts), newest wins. */
export interface SiteProfilesTable {
  network: 'linkedin' | 'x';
  version: number;
  /** The validated SiteProfile as JSON. */
  profile: string;
  published_at: number;
}

export interface SuggestionsTable {
  id: string;
  employee_id: string;
  /** Normalised with the WHATWG URL parser, so the same page suggested twice compares equal. */
  url: string;
  note: string | null;
  status: 'open' | 'dismissed' | 'accepted';
  created_at: number;
  decided_at: number | null;
  item_id: string | null;
}

/** Every version of the policy (lib/contract/policy.ts PolicyUpdate as JSON); the highest version is in force. */
export interface PoliciesTable {
  version: number;
  policy: string;
  updated_at: number;
  updated_by: string | null;
}

export interface DB {
  employees: EmployeesTable;
  invites: InvitesTable;
  tokens: TokensTable;
  sso_logins: SsoLoginsTable;
  sso_handoffs: SsoHandoffsTable;
  items: ItemsTable;
  captions: CaptionsTable;
  meta: MetaTable;
  links: LinksTable;
  shares: SharesTable;
  clicks: ClicksTable;
  site_profiles: SiteProfilesTable;
  suggestions: SuggestionsTable;
  policies: PoliciesTable;
}
