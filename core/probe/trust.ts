// The roots the probes trust: Node's bundled roots, the OS trust store's roots where this Node can
// read them (`tls.getCACertificates('system')`: the Node inside Electron, Node 22.15+ and 23.5+), and
// any extra CA a caller passes. A company that inspects TLS installs its root in the OS store, which
// the user's browser trusts; without those roots every probe would fail where the browser works.

import tls from 'node:tls';

/** Node's `tls.getCACertificates`, absent before Node 22.15. */
type CaReader = (which: 'default' | 'system' | 'bundled' | 'extra') => string[];

function caReader(): CaReader | null {
  const read = (tls as { getCACertificates?: CaReader }).getCACertificates;
  return typeof read === 'function' ? read.bind(tls) : null;
}

let systemCache: readonly string[] | undefined;

/** True when this Node can read the OS trust store at all (feature-detected). */
export function canReadSystemRoots(): boolean {
  return caReader() !== null;
}

/** The OS trust store's roots (PEM), read once per process; empty where this Node cannot read them. */
export function systemRoots(): readonly string[] {
  if (systemCache === undefined) {
    const read = caReader();
    try {
      systemCache = read ? read('system') : [];
    } catch {
      systemCache = [];
    }
  }
  return systemCache;
}

/** Node's own default roots: the bundled ones plus NODE_EXTRA_CA_CERTS where that is honoured. */
function defaultRoots(): readonly string[] {
  const read = caReader();
  try {
    return read ? read('default') : tls.rootCertificates;
  } catch {
    return tls.rootCertificates;
  }
}

/** Trust stores per system list and extra-CA set: building one parses every root, so do it once. */
const contexts = new WeakMap<readonly string[], Map<string, tls.SecureContext>>();

/**
 * A TLS context trusting Node's default roots, the `system` roots (default: the OS store, see
 * {@link systemRoots}; tests pass a stand-in list) and `ca` (PEM). Undefined when there is nothing
 * to add, so Node's defaults apply.
 */
export function trustContext(
  ca: string | readonly string[] | undefined,
  system: readonly string[] = systemRoots(),
): tls.SecureContext | undefined {
  const extra = ca === undefined ? [] : typeof ca === 'string' ? [ca] : ca;
  if (extra.length === 0 && system.length === 0) return undefined;
  let bySet = contexts.get(system);
  if (!bySet) {
    bySet = new Map();
    contexts.set(system, bySet);
  }
  const key = extra.join('\n');
  let context = bySet.get(key);
  if (!context) {
    context = tls.createSecureContext({ ca: [...new Set([...defaultRoots(), ...system, ...extra])] });
    if (bySet.size > 16) bySet.clear();
    bySet.set(key, context);
  }
  return context;
}
