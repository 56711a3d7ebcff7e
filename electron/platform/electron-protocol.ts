// The app:// protocol: registered as a privileged standard, secure scheme before the app is ready,
// then served from the built renderer with the CSP header (security/app-protocol.ts).

import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { serveAppRequest } from '../security/app-protocol';
import { APP_SCHEME } from '../security/csp';

/** Must run before `app` is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, stream: false },
    },
  ]);
}

/** Serves `rendererDir` on app://why500/ (after ready). */
export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) =>
    serveAppRequest(rendererDir, request.url, (path) => readFile(path)),
  );
}
