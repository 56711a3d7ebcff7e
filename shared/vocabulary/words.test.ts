// Every phrase the app uses to name a verdict, a health state or a probe outcome, listed here so that a
// change of wording is seen in one diff; and the checks that keep the vocabulary usable.

import { describe, expect, it } from 'vitest';
import { DIAGNOSIS_OUTCOMES } from '../types/diagnosis';
import { causePhrase, PROBE_OUTCOME_WORDS, VERDICT_WORDS, verdictTitle } from './words';

describe('the vocabulary', () => {
  it('lists every verdict phrase', () => {
    expect(VERDICT_WORDS).toMatchInlineSnapshot(`
      {
        "account": {
          "meaning": "something tied to your account or login session",
          "phrase": "a problem tied to your account or login session",
          "short": "an account problem",
          "title": "Account or session",
        },
        "bad-update": {
          "meaning": "a recent release broke something",
          "phrase": "a bad update they just shipped",
          "short": "a bad update",
          "title": "Bad update",
        },
        "extensions": {
          "meaning": "a browser extension on your computer is interfering",
          "phrase": "a browser extension interfering with the site",
          "short": "a browser extension",
          "title": "Browser extension",
        },
        "healthy": {
          "meaning": "nothing wrong in what was checked",
          "phrase": "nothing — it works",
          "short": "no problem found",
          "title": "Working normally",
        },
        "local-network": {
          "meaning": "something between this computer and the internet fails, not the service",
          "phrase": "your own network connection",
          "short": "your own connection",
          "title": "Your own connection",
        },
        "maintenance": {
          "meaning": "planned downtime",
          "phrase": "planned maintenance",
          "short": "maintenance",
          "title": "Maintenance",
        },
        "overload": {
          "meaning": "the servers are overwhelmed by traffic",
          "phrase": "too much traffic on their servers",
          "short": "overload",
          "title": "Overload",
        },
        "permissions": {
          "meaning": "the service's own access settings are wrong",
          "phrase": "a permissions mistake on their servers",
          "short": "a server permissions mistake",
          "title": "Server permissions",
        },
        "regional": {
          "meaning": "a fault in one region or on one network path",
          "phrase": "an outage in the region or network path that serves you",
          "short": "a regional problem",
          "title": "Regional outage",
        },
        "unknown": {
          "meaning": "the evidence cannot separate the leading causes",
          "phrase": "something we cannot pin down yet",
          "short": "cause unclear",
          "title": "Unknown",
        },
      }
    `);
  });

  it('lists every probe outcome phrase', () => {
    expect({ PROBE_OUTCOME_WORDS }).toMatchInlineSnapshot(`
      {
        "PROBE_OUTCOME_WORDS": {
          "body-too-large": {
            "long": "answered (very large page)",
            "short": "ok (large body)",
          },
          "challenge": {
            "long": "bot check shown (could not look past it)",
            "short": "bot challenge",
          },
          "dns": {
            "long": "name lookup failed",
            "short": "DNS failed",
          },
          "error": {
            "long": "failed",
            "short": "error",
          },
          "http-4xx": {
            "long": "refused the request (4xx)",
            "short": "client error",
          },
          "http-5xx": {
            "long": "server error (5xx)",
            "short": "server error",
          },
          "ok": {
            "long": "answered normally",
            "short": "ok",
          },
          "proxy": {
            "long": "proxy failed",
            "short": "proxy failed",
          },
          "redirect-refused": {
            "long": "redirect into the local network refused",
            "short": "redirect refused",
          },
          "refused": {
            "long": "connection refused",
            "short": "connection refused",
          },
          "reset": {
            "long": "connection reset",
            "short": "connection reset",
          },
          "timeout-body": {
            "long": "timed out reading the answer",
            "short": "body stalled",
          },
          "timeout-connect": {
            "long": "timed out connecting",
            "short": "connect timed out",
          },
          "timeout-deadline": {
            "long": "took too long overall",
            "short": "too slow overall",
          },
          "timeout-headers": {
            "long": "timed out waiting for an answer",
            "short": "no answer in time",
          },
          "tls-cert": {
            "long": "certificate problem",
            "short": "bad certificate",
          },
          "tls-handshake": {
            "long": "secure connection failed",
            "short": "TLS failed",
          },
          "too-many-redirects": {
            "long": "too many redirects",
            "short": "redirect loop",
          },
          "unreachable": {
            "long": "host unreachable",
            "short": "unreachable",
          },
        },
      }
    `);
  });

  it('gives every outcome its own title, and speaks to the user as "you"', () => {
    const titles = [...DIAGNOSIS_OUTCOMES, 'unknown' as const].map((v) => verdictTitle(v));
    expect(new Set(titles).size).toBe(titles.length);
    const all = JSON.stringify(VERDICT_WORDS);
    expect(all).not.toMatch(/the user|this user/i);
  });

  it('words a likely cause with its share, an unclear one without', () => {
    expect(causePhrase('bad-update', 0.82)).toBe("likely a bad update (82% of the model's weight)");
    expect(causePhrase('unknown', 0.4)).toBe('cause unclear');
    expect(causePhrase('healthy', 0.9)).toBeNull();
    expect(causePhrase(null, null)).toBeNull();
  });
});
