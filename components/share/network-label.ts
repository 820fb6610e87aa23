import type { Network } from '@/lib/contract';

/** Networks by their own names, the same in every language. */
export const networkLabel: Record<Network, string> = { linkedin: 'LinkedIn', x: 'X' };
