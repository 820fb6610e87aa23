import { SiteProfile } from '../contract/site-profiles';

export type ProfileCheck = { ok: true; profile: SiteProfile } | { ok: false; problems: string[] };

/** Pasted JSON checked against the site-profile contract before anything is sent: one line per problem. */
export function checkProfileJson(text: string): ProfileCheck {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, problems: [`This is not valid JSON: ${(err as Error).message}`] };
  }
  const parsed = SiteProfile.safeParse(value);
  if (parsed.success) return { ok: true, profile: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : 'profile'}: ${i.message}`),
  };
}
