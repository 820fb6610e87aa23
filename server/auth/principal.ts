import type { Role } from '../../lib/contract/common';

/** Who is calling. `employeeId` is null only for the bootstrap admin token (RELAY_ADMIN_TOKEN). */
export interface Principal {
  employeeId: string | null;
  name: string;
  role: Role;
}

export interface AppEnv {
  Variables: {
    principal: Principal;
    /** The hash of the bearer token the request came with (what signing out deletes). */
    tokenHash: string;
  };
}
