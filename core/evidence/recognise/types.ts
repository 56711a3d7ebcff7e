// The recogniser contract: a response as recognisers see it, and the interface every vendor's
// recogniser satisfies. Recognition types live in shared/ so the classifier can read them.

import type { Layer, Meaning, Recognition } from '../../../shared/types/recognition';

export type { Layer, Meaning, Recognition } from '../../../shared/types/recognition';

/** One HTTP response as a recogniser reads it: status, lower-cased header names, the body's start. */
export interface ResponseView {
  status: number;
  /** The reason phrase of the status line, when known (a classic ELB says `GATEWAY_TIMEOUT`). */
  reason?: string;
  headers: Record<string, string>;
  body: string;
}

/** One vendor's or product's recogniser. */
export interface Recogniser {
  /** Short vendor id, e.g. `cloudflare`. */
  id: string;
  /** The name people know, e.g. "Cloudflare". */
  name: string;
  /** What the response means when this vendor generated it, or null when it did not. */
  recognise(response: ResponseView): Recognition | null;
}

/** What a vendor code may look like; anything else from a (hostile) response is dropped, not shown. */
const CODE_SHAPE = /^[A-Za-z0-9_.:-]{1,64}$/;

/** A recognition by `who` (a code not shaped like one is left out). */
export function found(
  who: Pick<Recogniser, 'id' | 'name'>,
  layer: Layer,
  meaning: Meaning,
  code?: string,
): Recognition {
  return {
    vendor: who.id,
    name: who.name,
    layer,
    meaning,
    ...(code && CODE_SHAPE.test(code) ? { code } : {}),
  };
}
