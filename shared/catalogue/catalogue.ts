// The catalogue of AI chat and companion services (services.json), checked against its schema once when
// first used, plus the look-ups the CLI, the config and the app share: find by id, close matches for a
// mistyped id, and the watch target an entry becomes.

import * as v from 'valibot';
import type { TargetConfig } from '../types/config';
import { oneLine, toProblems } from '../validate/issues';
import data from './services.json';
import {
  CatalogueSchema,
  type Catalogue,
  type FrontVendor,
  type FrontVendorEntry,
  type ServiceEntry,
} from './schema';

export type { Catalogue, FrontVendor, FrontVendorEntry, ServiceEntry } from './schema';

/** Checks catalogue data; throws one line naming the first bad field (the data ships with the app). */
export function loadCatalogue(raw: unknown): Catalogue {
  const result = v.safeParse(CatalogueSchema, raw);
  if (!result.success) throw new Error(`service catalogue: ${oneLine(toProblems(result.issues))}`);
  const seen = new Set<string>();
  for (const entry of result.output.services) {
    if (seen.has(entry.id))
      throw new Error(`service catalogue: id ${JSON.stringify(entry.id)} appears twice`);
    seen.add(entry.id);
  }
  return result.output;
}

let cached: Catalogue | null = null;

/** The built-in catalogue, checked on first use. */
export function catalogue(): Catalogue {
  cached ??= loadCatalogue(data);
  return cached;
}

/** The entry whose site is this address (same origin, path alike but for trailing slashes), if any. */
export function serviceAtSite(site: string | undefined): ServiceEntry | null {
  if (!site) return null;
  return catalogue().services.find((s) => sameSite(s.site, site)) ?? null;
}

/** Whether two addresses name one site: the same origin and the same path up to trailing slashes. */
export function sameSite(a: string, b: string | undefined): boolean {
  if (!b) return false;
  try {
    const x = new URL(a);
    const y = new URL(b);
    return x.origin === y.origin && withoutTrailingSlashes(x.pathname) === withoutTrailingSlashes(y.pathname);
  } catch {
    return false;
  }
}

/** A path without its trailing slashes (a loop: no regex over the text). */
function withoutTrailingSlashes(path: string): string {
  let end = path.length;
  while (end > 0 && path[end - 1] === '/') end--;
  return path.slice(0, end);
}

/** The entry with this id (ids are lower-case; surrounding spaces and case are forgiven), or null. */
export function findService(id: string): ServiceEntry | null {
  const wanted = id.trim().toLowerCase();
  return catalogue().services.find((s) => s.id === wanted) ?? null;
}

/** A front vendor's entry (its status page), or null when the catalogue has none. */
export function frontVendor(id: FrontVendor): FrontVendorEntry | null {
  return catalogue().vendors.find((x) => x.id === id) ?? null;
}

/** Up to three catalogue ids close to a mistyped one: same start, contained, or a small edit away. */
export function closeMatches(
  id: string,
  ids: readonly string[] = catalogue().services.map((s) => s.id),
): string[] {
  const wanted = id.trim().toLowerCase().slice(0, 80);
  if (wanted === '') return [];
  const squashed = wanted.replace(/[^a-z0-9]/g, '');
  const scored = ids.map((candidate) => {
    const plain = candidate.replace(/-/g, '');
    let score = editDistance(squashed, plain);
    if (plain.startsWith(squashed) || squashed.startsWith(plain)) score = Math.min(score, 1);
    else if (squashed.length >= 3 && (plain.includes(squashed) || squashed.includes(plain)))
      score = Math.min(score, 2);
    return { candidate, score };
  });
  const limit = Math.max(2, Math.floor(squashed.length / 3));
  return scored
    .filter((s) => s.score <= limit)
    .sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate))
    .slice(0, 3)
    .map((s) => s.candidate);
}

/** The environment variable holding a service's token for the CLI: WHY500_TOKEN for Character.AI (as before), else WHY500_TOKEN_<ID>. */
export function serviceTokenEnv(entry: ServiceEntry): string {
  return entry.id === 'character-ai'
    ? 'WHY500_TOKEN'
    : `WHY500_TOKEN_${entry.id.toUpperCase().replace(/-/g, '_')}`;
}

/** The watch target a catalogue entry becomes. */
export function serviceTarget(entry: ServiceEntry): TargetConfig {
  const status = entry.status.provider === 'none' ? null : entry.status;
  // Only the providers whose API the status reader speaks are read; "other" pages are linked, not read.
  const readable = status !== null && status.provider !== 'other';
  return {
    name: entry.name,
    site: entry.site,
    endpoints: entry.endpoints.map((e) => ({ name: e.name, url: e.url, ...(e.auth ? { auth: true } : {}) })),
    ...(readable && status ? { statusPage: status.url } : {}),
    ...(readable && status?.fallback ? { statusFallback: status.fallback } : {}),
    ...(entry.auth ? { auth: { scheme: entry.auth.scheme, tokenEnv: serviceTokenEnv(entry) } } : {}),
    service: entry.id,
    ...(entry.cdn !== 'unknown' ? { frontVendor: entry.cdn } : {}),
  };
}

/** Levenshtein distance of two short strings (ids are at most a few dozen characters). */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}
