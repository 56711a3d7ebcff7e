// The callback shape of `dns.lookup` that net.connect and http.request call, and the one way to answer
// it with addresses resolved elsewhere (a test resolver, DoH, a guarded lookup).

/** `dns.lookup`'s callback shape, as net.connect and http.request call it (`all: true` to try several addresses). */
export type NodeLookup = (
  hostname: string,
  options: { all?: boolean },
  callback: (
    err: Error | null,
    address: string | { address: string; family: number }[],
    family?: number,
  ) => void,
) => void;

/**
 * Answers a {@link NodeLookup} callback with resolved addresses: all of them when asked for all, else
 * the first; none is `ENOTFOUND`.
 */
export function answerLookup(
  hostname: string,
  options: { all?: boolean },
  callback: Parameters<NodeLookup>[2],
  addresses: readonly { address: string; family: number }[],
): void {
  const first = addresses[0];
  if (!first)
    return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '');
  if (options.all) callback(null, [...addresses]);
  else callback(null, first.address, first.family);
}
