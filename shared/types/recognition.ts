// What a recogniser says about one response: who answered it (a CDN, a load balancer, a platform, a
// storage service, a framework, the app) and what the answer means, with the vendor's own code.

/** Who generated the response (`filter`: a web filter or block page of the user's own network or provider). */
export const LAYERS = [
  'cdn',
  'load-balancer',
  'proxy',
  'platform',
  'storage',
  'gateway',
  'queue',
  'framework',
  'app',
  'filter',
] as const;

/** One entry of {@link LAYERS}. */
export type Layer = (typeof LAYERS)[number];

/**
 * What the response means, in one fixed word. `overloaded`: the service says it is over capacity;
 * `quota`: this account's quota, credit or own rate limit is used up; `network-filter`: a filter on the
 * user's network or provider blocked the request (its block page answered, not the service).
 */
export const MEANINGS = [
  'origin-unreachable',
  'origin-timeout',
  'origin-error',
  'origin-tls',
  'rate-limited',
  'firewall-block',
  'geo-block',
  'ip-ban',
  'bot-check',
  'queue',
  'maintenance',
  'access-denied',
  'app-crash',
  'token-rejected',
  'csrf',
  'error-in-200',
  'not-found',
  'overloaded',
  'quota',
  'network-filter',
] as const;

/** One entry of {@link MEANINGS}. */
export type Meaning = (typeof MEANINGS)[number];

/** A response recognised: the vendor (id and name for people), the layer, the meaning and the vendor's code. */
export interface Recognition {
  /** Short id, e.g. `cloudflare`, `aws-s3`, `heroku`. */
  vendor: string;
  /** The name people know, e.g. "Cloudflare", "Amazon S3", "Heroku". */
  name: string;
  layer: Layer;
  meaning: Meaning;
  /** The vendor's own error code (Cloudflare 1020, Vercel FUNCTION_INVOCATION_FAILED, S3 AccessDenied…). */
  code?: string;
}

/** A recognition and how many responses of a window carried it. */
export interface SeenRecognition extends Recognition {
  count: number;
}
