// Types for the parts of `twitter-text` the tests use as an oracle (the package ships none).
// Tests only: extension code must never import twitter-text (see x-length.ts).
declare module 'twitter-text' {
  export function parseTweet(text: string): { weightedLength: number; valid: boolean; permillage: number };
  export function extractUrlsWithIndices(text: string): Array<{ url: string; indices: [number, number] }>;
}
