// Amazon Web Services: Elastic Load Balancing (ALB/ELB), CloudFront, API Gateway and S3, each told
// apart by its own headers (`server: awselb/2.0`, `x-cache: Error from cloudfront`, `x-amzn-errortype`,
// `x-amz-request-id` with an XML `<Code>`).

import { hasHeaderPrefix, header, jsonObject, title, xmlErrorCode } from './read';
import { found, type Meaning, type Recogniser } from './types';

/** Application / classic Load Balancer errors (`server: awselb/2.0`, or the classic ELB's bare 503). */
export const awsElb = {
  id: 'aws-elb',
  name: 'AWS Elastic Load Balancing',
  recognise(r) {
    const server = header(r, 'server');
    // The classic ELB sends bare answers; only its reason phrases (`GATEWAY_TIMEOUT`, "Back-end server
    // is at capacity") tell it apart.
    const reason = r.reason ?? '';
    if (/back-end server is at capacity/i.test(reason + r.body.slice(0, 512)))
      return found(this, 'load-balancer', 'origin-unreachable');
    if (r.status === 504 && reason === 'GATEWAY_TIMEOUT' && r.body.trim() === '')
      return found(this, 'load-balancer', 'origin-timeout');
    if (!server.startsWith('awselb')) return null;
    if (r.status === 502) return found(this, 'load-balancer', 'origin-unreachable');
    if (r.status === 503) return found(this, 'load-balancer', 'origin-unreachable');
    if (r.status === 504) return found(this, 'load-balancer', 'origin-timeout');
    if (r.status === 403) return found(this, 'load-balancer', 'firewall-block');
    if (r.status === 460 || r.status === 463) return found(this, 'load-balancer', 'origin-error');
    if (r.status === 500) return found(this, 'load-balancer', 'origin-error');
    return null;
  },
} satisfies Recogniser;

/** CloudFront's own answers (`x-cache: Error from cloudfront`, "The request could not be satisfied"). */
export const cloudfront = {
  id: 'aws-cloudfront',
  name: 'Amazon CloudFront',
  recognise(r) {
    const own =
      /error from cloudfront|lambdaexecutionerror|lambdalimitexceeded/.test(header(r, 'x-cache')) ||
      (/cloudfront/.test(header(r, 'server') + header(r, 'via')) &&
        /request could not be satisfied/i.test(title(r.body)));
    if (!own || r.status < 400) return null;
    const body = r.body.slice(0, 8192);
    if (/block access from your country/i.test(body)) return found(this, 'cdn', 'geo-block');
    if (r.status === 403 && /request blocked/i.test(body)) return found(this, 'cdn', 'firewall-block');
    if (r.status === 403) return found(this, 'cdn', 'access-denied');
    if (r.status === 429) return found(this, 'cdn', 'rate-limited');
    if (r.status === 504) return found(this, 'cdn', 'origin-timeout');
    if (r.status === 502 && /ssl|tls|certificate/i.test(body)) return found(this, 'cdn', 'origin-tls');
    if (r.status === 502 || r.status === 503) return found(this, 'cdn', 'origin-unreachable');
    if (r.status === 404) return found(this, 'cdn', 'not-found');
    return found(this, 'cdn', 'origin-error');
  },
} satisfies Recogniser;

/** What API Gateway's `x-amzn-errortype` values mean. */
const API_GATEWAY_TYPES: Record<string, Meaning> = {
  ForbiddenException: 'access-denied',
  AccessDeniedException: 'access-denied',
  MissingAuthenticationTokenException: 'not-found',
  UnauthorizedException: 'token-rejected',
  IncompleteSignatureException: 'token-rejected',
  InvalidSignatureException: 'token-rejected',
  ExpiredTokenException: 'token-rejected',
  TooManyRequestsException: 'rate-limited',
  ThrottlingException: 'rate-limited',
  LimitExceededException: 'rate-limited',
  InternalServerErrorException: 'app-crash',
  BadGatewayException: 'app-crash',
  IntegrationTimeout: 'origin-timeout',
  ServiceUnavailableException: 'origin-unreachable',
  NotFoundException: 'not-found',
};

/** API Gateway's default gateway-response bodies (`{"message":…}`, nothing else). */
const API_GATEWAY_MESSAGES: Record<string, Meaning> = {
  'Internal server error': 'app-crash',
  'Endpoint request timed out': 'origin-timeout',
  'Missing Authentication Token': 'not-found',
  'Too Many Requests': 'rate-limited',
  'Limit Exceeded': 'rate-limited',
};

/** API Gateway (REST and HTTP APIs): `x-amzn-errortype`, or `x-amzn-requestid`/`apigw-requestid` with `{"message":…}`. */
export const apiGateway = {
  id: 'aws-api-gateway',
  name: 'Amazon API Gateway',
  recognise(r) {
    const type = (r.headers['x-amzn-errortype'] ?? '').split(':')[0]?.trim() ?? '';
    const json = jsonObject(r);
    // API Gateway's fixed default answers, recognisable even with no headers kept.
    const fixed =
      json !== null && Object.keys(json).length === 1 && typeof json.message === 'string'
        ? API_GATEWAY_MESSAGES[json.message]
        : undefined;
    if (fixed && r.status >= 400) return found(this, 'gateway', fixed);
    const marked =
      type !== '' ||
      'x-amz-apigw-id' in r.headers ||
      'apigw-requestid' in r.headers ||
      'x-amzn-requestid' in r.headers;
    if (!marked || r.status < 400) return null;
    if (type && API_GATEWAY_TYPES[type]) return found(this, 'gateway', API_GATEWAY_TYPES[type], type);
    const message = jsonObject(r)?.message;
    if (typeof message !== 'string') return null;
    if (r.status === 403) return found(this, 'gateway', 'access-denied', type || undefined);
    if (r.status === 401) return found(this, 'gateway', 'token-rejected', type || undefined);
    if (r.status === 429) return found(this, 'gateway', 'rate-limited', type || undefined);
    if (r.status === 504) return found(this, 'gateway', 'origin-timeout', type || undefined);
    if (r.status === 500 || r.status === 502) return found(this, 'gateway', 'app-crash', type || undefined);
    if (r.status === 503) return found(this, 'gateway', 'origin-unreachable', type || undefined);
    return null;
  },
} satisfies Recogniser;

/** What S3's XML error codes mean. */
const S3_CODES: Record<string, Meaning> = {
  AccessDenied: 'access-denied',
  AllAccessDisabled: 'access-denied',
  AccountProblem: 'access-denied',
  InvalidAccessKeyId: 'token-rejected',
  SignatureDoesNotMatch: 'token-rejected',
  ExpiredToken: 'token-rejected',
  InvalidToken: 'token-rejected',
  TokenRefreshRequired: 'token-rejected',
  NoSuchKey: 'not-found',
  NoSuchBucket: 'not-found',
  NoSuchWebsiteConfiguration: 'not-found',
  SlowDown: 'rate-limited',
  ServiceUnavailable: 'origin-unreachable',
  InternalError: 'origin-error',
};

/** Amazon S3: `server: AmazonS3` or `x-amz-request-id`, with an XML `<Error><Code>`. */
export const s3 = {
  id: 'aws-s3',
  name: 'Amazon S3',
  recognise(r) {
    const marked =
      header(r, 'server') === 'amazons3' ||
      'x-amz-request-id' in r.headers ||
      hasHeaderPrefix(r, 'x-amz-id-2');
    if (!marked || r.status < 400) return null;
    const code = xmlErrorCode(r.body);
    // A HEAD answer has no body: its status is all S3 says.
    if (!code) return r.status === 403 ? found(this, 'storage', 'access-denied') : null;
    const meaning = S3_CODES[code] ?? (r.status === 403 ? 'access-denied' : null);
    return meaning ? found(this, 'storage', meaning, code) : null;
  },
} satisfies Recogniser;
