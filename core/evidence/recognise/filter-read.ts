// The one reader network filters' recognisers share: a lower-cased, capped head of the body to search for
// the block page's fixed phrases with indexOf (linear, never a regex over the body).

import type { ResponseView } from './types';

/** How much of a block page is read. */
const HEAD_CAP = 16_384;

/** The body's first 16 KiB, lower-cased. */
export function lowerHead(r: ResponseView): string {
  return r.body.slice(0, HEAD_CAP).toLowerCase();
}

/** True when `head` contains every one of `phrases` (lower-case). */
export function hasAll(head: string, ...phrases: string[]): boolean {
  return phrases.every((p) => head.includes(p));
}
