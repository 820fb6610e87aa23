import type { Network } from '@/lib/contract/common';

/** Networks go by their own names in every language. */
export const NETWORK_NAMES: Record<Network, string> = { linkedin: 'LinkedIn', x: 'X' };
