// Response bodies the fake service sends: the site page with its build fingerprint, Cloudflare's
// error, challenge and waiting-room pages, a maintenance page, access-denied XML, Django's CSRF page.
// Written in our own words after the shapes users meet; nothing here is copied from a vendor.

import type { Build } from './types';

/** The site's HTML page for a build: Next.js-style build markers, bundler-hashed assets, or neither. */
export function sitePage(build: Build, markers: 'next' | 'assets' | 'none'): string {
  const next = markers === 'next';
  const assets = next
    ? [
        `<link rel="stylesheet" href="/_next/static/css/${build.id.slice(0, 8)}.css">`,
        `<script src="/_next/static/chunks/main-${build.id.slice(-8)}.js" defer></script>`,
        `<script src="/_next/static/${build.id}/_buildManifest.js" defer></script>`,
        `<script src="/_next/static/${build.id}/_ssgManifest.js" defer></script>`,
      ].join('\n    ')
    : markers === 'assets'
      ? [
          `<link rel="stylesheet" href="/assets/index-${build.id.slice(-8)}.css">`,
          `<script type="module" src="/assets/index-${build.id.slice(0, 8)}.js"></script>`,
        ].join('\n    ')
      : `<script src="/static/app.js" defer></script>`;
  const data = next
    ? `\n    <script id="__NEXT_DATA__" type="application/json">${JSON.stringify({
        props: { pageProps: {} },
        page: '/',
        query: {},
        buildId: build.id,
        nextExport: false,
      })}</script>`
    : '';
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>Character.AI (simulated)</title>
    ${assets}
  </head>
  <body>
    <div id="__next"><main><h1>Chat with characters</h1><p>A simulated site for why500.</p></main></div>${data}
  </body>
</html>
`;
}

/** A random hex string of `length` characters (ray ids, request ids). */
export function hex(length: number): string {
  let out = '';
  while (out.length < length)
    out += Math.floor(Math.random() * 0x100000000)
      .toString(16)
      .padStart(8, '0');
  return out.slice(0, length);
}

const CLOUDFLARE_ERRORS: Record<number, { title: string; what: string; who: 'origin' | 'edge' }> = {
  502: { title: 'Bad gateway', what: 'The web server reported a bad gateway error.', who: 'origin' },
  504: {
    title: 'Gateway time-out',
    what: 'The web server reported a gateway time-out error.',
    who: 'origin',
  },
  520: {
    title: 'Web server is returning an unknown error',
    what: 'The origin answered with something unexpected.',
    who: 'origin',
  },
  521: { title: 'Web server is down', what: 'The web server is not accepting connections.', who: 'origin' },
  522: {
    title: 'Connection timed out',
    what: 'The initial connection to the web server timed out.',
    who: 'origin',
  },
  523: {
    title: 'Origin is unreachable',
    what: 'The edge could not reach the origin web server.',
    who: 'origin',
  },
  524: {
    title: 'A timeout occurred',
    what: 'The origin took too long to answer the request.',
    who: 'origin',
  },
};

/** Cloudflare's error page for a 5xx status (502, 504, 520–524), naming the edge by its colo. */
export function cloudflareErrorPage(status: number, ray: string, host: string): string {
  const e = CLOUDFLARE_ERRORS[status] ?? { title: 'Error', what: 'Something went wrong.', who: 'origin' };
  return `<!DOCTYPE html>
<html lang="en-US">
<head><title>${host} | ${status}: ${e.title}</title></head>
<body>
  <div id="cf-wrapper">
    <div id="cf-error-details" class="cf-error-details-wrapper">
      <h1><span class="cf-error-type">Error</span> <span class="code-label">Error code ${status}</span></h1>
      <h2 class="cf-subheadline">${e.title}</h2>
      <section><h2>What happened?</h2><p>${e.what}</p></section>
      <section><h2>What can I do?</h2><p>Please try again in a few minutes.</p></section>
      <p class="cf-footer-item">Cloudflare Ray ID: <strong>${ray.split('-')[0]}</strong></p>
    </div>
  </div>
</body>
</html>
`;
}

/** The bot-protection interstitial ("Just a moment..."), sent with 403 and `cf-mitigated: challenge`. */
export function challengePage(ray: string): string {
  return `<!DOCTYPE html>
<html lang="en-US">
<head>
  <title>Just a moment...</title>
  <meta http-equiv="refresh" content="390">
</head>
<body>
  <div class="main-wrapper" role="main">
    <h1>Verifying you are human. This may take a few seconds.</h1>
    <noscript>Enable JavaScript and cookies to continue</noscript>
  </div>
  <script src="/cdn-cgi/challenge-platform/h/g/orchestrate/chl_page/v1?ray=${ray.split('-')[0]}"></script>
</body>
</html>
`;
}

/** Cloudflare's queueing page of a Waiting Room. */
export function waitingRoomPage(minutes: number): string {
  return `<!DOCTYPE html>
<html lang="en-US">
<head>
  <title>Waiting Room powered by Cloudflare</title>
  <meta http-equiv="refresh" content="20">
</head>
<body>
  <div id="waiting-room">
    <h1>You are now in line.</h1>
    <h2>Thank you for your patience.</h2>
    <p>We are experiencing a high volume of traffic. Your estimated wait time is ${minutes} minutes.</p>
    <p>This page will refresh automatically.</p>
  </div>
</body>
</html>
`;
}

/** The JSON a Waiting Room sends to API clients that accept JSON. */
export function waitingRoomJson(minutes: number): string {
  return JSON.stringify({
    cfWaitingRoom: {
      inWaitingRoom: true,
      waitTimeKnown: true,
      waitTime: minutes,
      queueIsFull: false,
      queueAll: false,
      lastUpdated: new Date().toISOString(),
      refreshIntervalSeconds: 20,
    },
  });
}

/** A planned-downtime page. */
export function maintenancePage(until: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head><title>Down for maintenance</title></head>
<body>
  <h1>We are down for scheduled maintenance</h1>
  <p>Character.AI (simulated) is undergoing scheduled maintenance and will be back shortly, around ${until}.</p>
</body>
</html>
`;
}

/** The JSON an API answers during planned downtime. */
export function maintenanceJson(until: string): string {
  return JSON.stringify({
    error: 'service_unavailable',
    detail: `The service is down for scheduled maintenance until ${until}.`,
  });
}

/** An S3-style AccessDenied error document. */
export function s3AccessDenied(): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>${hex(16).toUpperCase()}</RequestId><HostId>${hex(48)}</HostId></Error>`;
}

/** A Google Cloud Storage-style AccessDenied error document. */
export function gcsAccessDenied(object: string): string {
  return `<?xml version='1.0' encoding='UTF-8'?><Error><Code>AccessDenied</Code><Message>Access denied.</Message><Details>Anonymous caller does not have storage.objects.get access to the Google Cloud Storage object ${object}. Permission 'storage.objects.get' denied on resource (or it may not exist).</Details></Error>`;
}

/** Django's 403 page for a failed CSRF check. */
export function csrfPage(): string {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta name="robots" content="NONE,NOARCHIVE"><title>403 Forbidden</title></head>
<body>
  <div id="summary">
    <h1>Forbidden <span>(403)</span></h1>
    <p>CSRF verification failed. Request aborted.</p>
    <p>You are seeing this message because this site requires a CSRF cookie when submitting forms.</p>
  </div>
</body>
</html>
`;
}

/** The generic page of an origin server's 500. */
export function internalErrorPage(): string {
  return `<!DOCTYPE html>
<html lang="en">
<head><title>500 Internal Server Error</title></head>
<body><h1>Internal Server Error</h1><p>The server encountered an internal error and was unable to complete your request.</p></body>
</html>
`;
}
