/** The key of the global change sequence in `meta`. */
export const CHANGE_SEQ = 'change_seq';
/** The key in `meta` that moves whenever cached sessions must be read again (sign-out, deactivation, role change). */
export const SESSION_SEQ = 'session_seq';
