// Pulls a JSON object out of a Next.js (App Router) page: its data travels as string chunks pushed onto
// `self.__next_f`, which join into one "flight" text where objects appear as plain JSON.

const PUSH = /self\.__next_f\.push\(\[\d+,("(?:[^"\\]|\\.)*")\]\)/g;

/** The joined flight text of a Next.js page, or '' when the page has none. */
export function nextFlightText(html: string): string {
  let text = '';
  for (const match of html.matchAll(PUSH)) {
    try {
      const chunk: unknown = JSON.parse(match[1]!);
      if (typeof chunk === 'string') text += chunk;
    } catch {
      // A chunk that is not a JSON string is not data; skip it.
    }
  }
  return text;
}

/** The end index (exclusive) of the JSON object starting at `start` (a `{`), or -1 if it never closes. */
function objectEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return i + 1;
  }
  return -1;
}

/**
 * The first object stored under `"key":` in the page's flight data that `accept` approves, or null.
 * Looks at most at `maxTries` candidates so a hostile page cannot make it loop long.
 */
export function findNextObject(
  html: string,
  key: string,
  accept: (value: Record<string, unknown>) => boolean,
  maxTries = 20,
): Record<string, unknown> | null {
  const text = nextFlightText(html);
  const marker = `${JSON.stringify(key)}:{`;
  let from = 0;
  for (let tries = 0; tries < maxTries; tries++) {
    const at = text.indexOf(marker, from);
    if (at < 0) return null;
    const start = at + marker.length - 1;
    const end = objectEnd(text, start);
    if (end < 0) return null;
    try {
      const value: unknown = JSON.parse(text.slice(start, end));
      if (typeof value === 'object' && value !== null && accept(value as Record<string, unknown>))
        return value as Record<string, unknown>;
    } catch {
      // Not plain JSON (e.g. holds flight references); try the next occurrence.
    }
    from = start + 1;
  }
  return null;
}
