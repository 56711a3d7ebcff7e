// The extension point for status-page providers: one object per provider that knows its endpoints and shapes.

import type { StatusProviderId, StatusSnapshot } from '../../shared/types/status';

/** What a provider's parser is told about the body it parses. */
export interface ParseContext {
  /** The status page's base URL as configured; becomes `snapshot.pageUrl`. */
  pageUrl: string;
  /** The URL the body came from (after redirects). */
  sourceUrl: string;
  /** When the body was read (ISO-8601); also "now" for deciding whether a window is upcoming. */
  fetchedAt: string;
}

/** One status-page provider (Atlassian Statuspage, incident.io, …). */
export interface StatusProvider {
  readonly id: StatusProviderId;
  /** Human name, e.g. "Atlassian Statuspage". */
  readonly label: string;
  /** True when the host alone says the page is hosted by this provider (e.g. `*.instatus.com`). */
  claimsHost(host: string): boolean;
  /**
   * JSON endpoints to read, in order. The first that parses identifies the provider; later ones that
   * parse too add what the earlier ones lack (e.g. incidents, components).
   */
  probeUrls(base: URL): string[];
  /** Parses one endpoint's JSON body; throws {@link StatusFormatError} when it is not this provider's shape. */
  parse(json: unknown, ctx: ParseContext): StatusSnapshot;
  /** Optional: reads the data an HTML status page embeds (e.g. a Next.js payload); null when it has none. */
  parseHtml?(html: string, ctx: ParseContext): StatusSnapshot | null;
}

/** Thrown by a provider's parser when a body is not in its shape; the message names what was missing. */
export class StatusFormatError extends Error {
  override readonly name = 'StatusFormatError';
}
