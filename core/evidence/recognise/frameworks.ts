// Web frameworks' own error pages, told apart by their markup: Django (and Django REST framework's
// `{"detail":…}`), Rails' `public/500.html` pages, Next.js' `next-error-h1`, Express' finalhandler
// page, WordPress' `wp_die` page, Laravel's error views and Drupal's maintenance page.

import { header, jsonObject, title } from './read';
import { found, type Meaning, type Recogniser } from './types';

const DJANGO_ROBOTS = /<meta name="robots" content="NONE,NOARCHIVE">/i;

/** Django. */
export const django = {
  id: 'django',
  name: 'Django',
  recognise(r) {
    const head = r.body.slice(0, 16_384);
    if (r.status === 403 && DJANGO_ROBOTS.test(head) && /CSRF verification failed/i.test(head))
      return found(this, 'framework', 'csrf');
    if (r.status >= 500 && /<h1>Server Error \(500\)<\/h1>/.test(head))
      return found(this, 'framework', 'app-crash');
    if (r.status >= 500 && DJANGO_ROBOTS.test(head) && /id="summary"/.test(head) && /Traceback/i.test(r.body))
      return found(this, 'framework', 'app-crash', title(head).split(' at ')[0] || undefined);
    return null;
  },
} satisfies Recogniser;

/** Django REST framework: a JSON object whose `detail` is a string, on an error status. */
export const djangoRest = {
  id: 'django-rest-framework',
  name: 'Django REST framework',
  recognise(r) {
    const json = jsonObject(r);
    const detail = json?.detail;
    if (typeof detail !== 'string' || r.status < 400) return null;
    // DRF's errors carry only `detail` (throttling and validation add nothing else at top level).
    if (Object.keys(json ?? {}).length !== 1) return null;
    let meaning: Meaning | null = null;
    if (r.status === 401 || r.status === 403) {
      if (/^CSRF Failed/i.test(detail)) meaning = 'csrf';
      else if (/permission|not allowed|forbidden|denied/i.test(detail)) meaning = 'access-denied';
      else if (/token|credential|authenticat|expired|signature|not valid/i.test(detail))
        meaning = 'token-rejected';
      else meaning = r.status === 401 ? 'token-rejected' : 'access-denied';
    } else if (r.status === 429) meaning = 'rate-limited';
    else if (r.status === 404) meaning = 'not-found';
    return meaning ? found(this, 'framework', meaning) : null;
  },
} satisfies Recogniser;

/** Ruby on Rails' static error pages (`public/404.html`, `422.html`, `500.html`). */
export const rails = {
  id: 'rails',
  name: 'Ruby on Rails',
  recognise(r) {
    const head = r.body.slice(0, 8192);
    const railsPage =
      /This file lives in public\/\d{3}\.html/.test(head) ||
      (/class="dialog"/.test(head) &&
        /We(?:'|’|&#39;)re sorry, but something went wrong|The change you wanted was rejected|The page you were looking for doesn(?:'|’|&#39;)t exist/i.test(
          head,
        ));
    if (!railsPage) return null;
    if (r.status === 422) return found(this, 'framework', 'csrf');
    if (r.status === 404) return found(this, 'framework', 'not-found');
    if (r.status >= 500) return found(this, 'framework', 'app-crash');
    return null;
  },
} satisfies Recogniser;

/** Next.js' error page (`next-error-h1`, `__NEXT_DATA__` of `/_error`, the app router's server-side exception). */
export const nextjs = {
  id: 'nextjs',
  name: 'Next.js',
  recognise(r) {
    const head = r.body.slice(0, 32_768);
    const marked =
      /class="next-error-h1"/.test(head) ||
      /"page":"\/_error"/.test(head) ||
      /Application error: a server-side exception has occurred/.test(head);
    if (!marked) return null;
    if (r.status === 404) return found(this, 'framework', 'not-found');
    if (r.status >= 500) return found(this, 'framework', 'app-crash');
    return null;
  },
} satisfies Recogniser;

/** Express' default error handler (finalhandler): `<title>Error</title>` and a `<pre>` body. */
export const express = {
  id: 'express',
  name: 'Express',
  recognise(r) {
    const head = r.body.slice(0, 8192);
    if (!/<title>Error<\/title>/.test(head) || !/<body>\s*<pre>/.test(head)) return null;
    if (
      !/express/.test(header(r, 'x-powered-by')) &&
      !/^<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">/.test(head)
    )
      return null;
    if (r.status === 404 && /<pre>Cannot [A-Z]+ /.test(head)) return found(this, 'framework', 'not-found');
    if (r.status >= 500) return found(this, 'framework', 'app-crash');
    return null;
  },
} satisfies Recogniser;

/** WordPress' `wp_die` page (`<body id="error-page">`, `wp-die-message`): 503 is its maintenance mode. */
export const wordpress = {
  id: 'wordpress',
  name: 'WordPress',
  recognise(r) {
    const head = r.body.slice(0, 8192);
    // wp_maintenance()'s own page: 503, its fixed sentence and (from WordPress) Retry-After: 600.
    if (
      r.status === 503 &&
      /<h1>Briefly unavailable for scheduled maintenance\. Check back in a minute\.<\/h1>/.test(head)
    )
      return found(this, 'framework', 'maintenance');
    const marked = /<body id="error-page">/.test(head) || /class="wp-die-message"/.test(head);
    if (!marked) return null;
    if (r.status === 503) return found(this, 'framework', 'maintenance');
    if (r.status >= 500) return found(this, 'framework', 'app-crash');
    return null;
  },
} satisfies Recogniser;

/** Laravel's error views (`errors::minimal`/`errors::layout`): 503 is `php artisan down`, 419 a stale CSRF token. */
export const laravel = {
  id: 'laravel',
  name: 'Laravel',
  recognise(r) {
    const head = r.body.slice(0, 16_384);
    const marked =
      /text-gray-500 uppercase tracking-wider|<div class="title">Be right back\.<\/div>/.test(head) ||
      (/border-r border-gray-400/.test(head) && /class="ml-4 text-lg/.test(head)) ||
      (/class="code"/.test(head) && /class="message"/.test(head) && /Nunito/.test(head));
    if (!marked) return null;
    if (r.status === 503) return found(this, 'framework', 'maintenance');
    if (r.status === 419) return found(this, 'framework', 'csrf');
    if (r.status === 429) return found(this, 'framework', 'rate-limited');
    if (r.status === 404) return found(this, 'framework', 'not-found');
    if (r.status === 403) return found(this, 'framework', 'access-denied');
    if (r.status >= 500) return found(this, 'framework', 'app-crash');
    return null;
  },
} satisfies Recogniser;

/** Drupal: its maintenance page (`maintenance-page` body class) and its bare error text. */
export const drupal = {
  id: 'drupal',
  name: 'Drupal',
  recognise(r) {
    const head = r.body.slice(0, 16_384);
    const generator = /drupal/.test(header(r, 'x-generator'));
    if (
      r.status === 503 &&
      (/class="[^"]*\bmaintenance-page\b/.test(head) || (generator && /maintenance/i.test(head)))
    )
      return found(this, 'framework', 'maintenance');
    if (
      r.status >= 500 &&
      /^The website encountered an unexpected error\. (?:Please )?try again later\./i.test(r.body.trim())
    )
      return found(this, 'framework', 'app-crash');
    return null;
  },
} satisfies Recogniser;

/** Flask / Werkzeug's default HTTP error page (HTML 3.2 doctype, `<title>NNN Reason</title>`, `<h1>`). */
export const flask = {
  id: 'flask',
  name: 'Flask',
  recognise(r) {
    const head = r.body.slice(0, 4096).trimStart();
    if (
      !/^<!DOCTYPE HTML PUBLIC "-\/\/W3C\/\/DTD HTML 3\.2 Final\/\/EN">\s*<title>\d{3} [^<]*<\/title>\s*<h1>/.test(
        head,
      )
    )
      return null;
    if (r.status === 404) return found(this, 'framework', 'not-found');
    if (r.status === 429) return found(this, 'framework', 'rate-limited');
    if (r.status === 503) return found(this, 'framework', 'origin-unreachable');
    if (r.status >= 500) return found(this, 'framework', 'app-crash');
    return null;
  },
} satisfies Recogniser;
