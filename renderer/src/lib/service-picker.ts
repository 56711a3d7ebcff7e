// The Settings list of catalogue services: search the catalogue, turn an entry into a form row, tell
// which rows are catalogue services, and move a row. The rows themselves stay plain targets.

import { catalogue, serviceAtSite, type ServiceEntry } from '../../../shared/catalogue/catalogue';
import type { TargetForm } from './settings-form';

/** Catalogue entries whose name or id contains every word of `query` (case-insensitive); all for a blank query. */
export function searchServices(query: string): ServiceEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return catalogue().services.filter((s) => {
    const text = `${s.name} ${s.id}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

/** A form row for a catalogue entry: its site, endpoints, readable status page and token scheme. */
export function catalogueRow(entry: ServiceEntry): TargetForm {
  const readable = entry.status.provider !== 'none' && entry.status.provider !== 'other';
  return {
    name: entry.name,
    site: entry.site,
    statusPage: readable && entry.status.provider !== 'none' ? entry.status.url : '',
    endpoints: entry.endpoints.map((e) => ({ name: e.name, url: e.url, auth: e.auth === true })),
    authScheme: entry.auth?.scheme ?? '',
    tokenEnv: undefined,
  };
}

/** The catalogue entry a row watches (by its site), or null for a service of the user's own. */
export function entryOfRow(row: TargetForm): ServiceEntry | null {
  return serviceAtSite(row.site);
}

/** Whether a row sends a token to one of its endpoints (only those rows get a token field). */
export function takesToken(row: { endpoints?: { auth?: boolean }[] }): boolean {
  return (row.endpoints ?? []).some((e) => e.auth === true);
}

/** Moves `list[from]` by `delta` places (within bounds), in place. */
export function moveRow<T>(list: T[], from: number, delta: number): void {
  const to = from + delta;
  if (from < 0 || from >= list.length || to < 0 || to >= list.length) return;
  const [row] = list.splice(from, 1);
  if (row !== undefined) list.splice(to, 0, row);
}
