import type { Network } from '../../contract/common';
import type { SiteProfile } from '../../contract/site-profiles';
import { linkedinProfile } from './linkedin';
import { xProfile } from './x';

export { linkedinProfile, xProfile };

/** The profiles shipped in the bundle; newer ones from the backend replace them (see lib/compose/profile-check). */
export const bundledProfiles: Record<Network, SiteProfile> = { linkedin: linkedinProfile, x: xProfile };
