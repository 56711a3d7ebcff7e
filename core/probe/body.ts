// Reads a response body under the probe's limits: keeps the first bytes as text, counts and
// discards the rest, and stops (destroying the stream) once the body passes the size limit.

/** Progress of one body read; filled in as it goes, so a failure mid-body still shows what arrived. */
export interface BodyProgress {
  /** Bytes read so far. */
  bytes: number;
  /** Set when the body exceeded `maxBodyBytes` and reading stopped. */
  tooLarge: boolean;
  /** Kept chunks (at most `keepBytes` in total). */
  kept: Buffer[];
  keptBytes: number;
}

/** A fresh, empty progress record. */
export function newBodyProgress(): BodyProgress {
  return { bytes: 0, tooLarge: false, kept: [], keptBytes: 0 };
}

/** A readable body as undici hands it out. */
export interface BodyStream extends AsyncIterable<Buffer | Uint8Array | string> {
  destroy(error?: Error): unknown;
}

/**
 * Reads `body` into `progress`: the first `keepBytes` are kept, the rest only counted; past
 * `maxBodyBytes` the stream is destroyed and `tooLarge` set. Rejects with the stream's error
 * (timeout, reset, abort) after destroying it; the stream is always consumed or destroyed.
 * `onChunk` is called for every chunk (the caller's idle timer).
 */
export async function readBody(
  body: BodyStream,
  limits: { keepBytes: number; maxBodyBytes: number },
  progress: BodyProgress,
  onChunk?: () => void,
): Promise<void> {
  try {
    for await (const raw of body) {
      const chunk = typeof raw === 'string' ? Buffer.from(raw) : raw;
      onChunk?.();
      progress.bytes += chunk.length;
      if (progress.keptBytes < limits.keepBytes) {
        // Copy, so a kept slice never pins a large network buffer.
        const part = Buffer.from(chunk.subarray(0, limits.keepBytes - progress.keptBytes));
        progress.kept.push(part);
        progress.keptBytes += part.length;
      }
      if (progress.bytes > limits.maxBodyBytes) {
        progress.tooLarge = true;
        break; // leaving the loop destroys the stream
      }
    }
  } catch (err) {
    body.destroy();
    throw err;
  }
  body.destroy();
}

/** The kept bytes as text (UTF-8; a character cut at the limit becomes U+FFFD). */
export function keptText(progress: BodyProgress): string {
  return Buffer.concat(progress.kept).toString('utf8');
}
