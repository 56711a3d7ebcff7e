// The recogniser table and `recognise()`: the first recogniser (most specific first) that knows the
// response names who answered and what it means. One source of truth for the evidence signals.

import { characterAi, github } from './app';
import { airtel, dotBlock } from './isp-blocks';
import { akamai } from './akamai';
import { anthropic } from './anthropic';
import { apiGateway, awsElb, cloudfront, s3 } from './aws';
import { azureBlob } from './azure';
import { azureFrontDoor } from './azure-front-door';
import { ciscoUmbrella, ciscoWsa } from './cisco';
import { cloudflare } from './cloudflare';
import { django, djangoRest, drupal, express, flask, laravel, nextjs, rails, wordpress } from './frameworks';
import { deepseek } from './deepseek';
import { fortiguard } from './fortinet';
import { gcs } from './gcs';
import { googleApi } from './google-api';
import { googleLb } from './google-lb';
import { groq } from './groq';
import { mistral } from './mistral';
import { openai } from './openai';
import { openrouter } from './openrouter';
import { generic } from './generic';
import { heroku, netlify, vercel } from './platforms';
import { apache, envoy, nginx } from './proxies';
import { queueIt } from './queue-it';
import { squid } from './squid';
import { tengine } from './tengine';
import type { Recogniser, Recognition, ResponseView } from './types';
import { fastly, varnish } from './varnish';

export type { Recogniser, Recognition, ResponseView } from './types';

/**
 * Every recogniser, in the order they are asked. The app's own shapes and pages a CDN generates
 * itself come first (a CDN's page is what the user sees, whatever sits behind it), then storage and
 * platforms, then proxies and frameworks, and the wording-only fallback last. The AI services' own JSON
 * errors come right after the app's; the block pages of the user's network filters come before any CDN
 * (a filter's page is what answered, whatever the service would have said).
 */
export const RECOGNISERS: readonly Recogniser[] = [
  characterAi,
  github,
  anthropic,
  openai,
  googleApi,
  mistral,
  groq,
  deepseek,
  openrouter,
  fortiguard,
  ciscoUmbrella,
  ciscoWsa,
  squid,
  airtel,
  dotBlock,
  queueIt,
  cloudflare,
  akamai,
  apiGateway,
  cloudfront,
  fastly,
  azureFrontDoor,
  googleLb,
  awsElb,
  s3,
  gcs,
  azureBlob,
  heroku,
  vercel,
  netlify,
  envoy,
  varnish,
  tengine,
  nginx,
  apache,
  django,
  djangoRest,
  rails,
  nextjs,
  express,
  wordpress,
  laravel,
  drupal,
  flask,
  generic,
];

/** What the response is, by the first recogniser that knows it; null for a plain answer nobody claims. */
export function recognise(response: ResponseView): Recognition | null {
  for (const r of RECOGNISERS) {
    const seen = r.recognise(response);
    if (seen) return seen;
  }
  return null;
}
