// Azure Blob Storage: `x-ms-error-code` (or `server: Windows-Azure-Blob`, `x-ms-request-id` with an XML
// `<Error><Code>`). Public access switched off answers 409 PublicAccessNotPermitted: access denied.

import { header, jsonObject, stringAt, xmlErrorCode } from './read';
import { found, type Meaning, type Recogniser } from './types';

const CODES: Record<string, Meaning> = {
  PublicAccessNotPermitted: 'access-denied',
  AuthorizationFailure: 'access-denied',
  AuthorizationPermissionMismatch: 'access-denied',
  AuthorizationSourceIPMismatch: 'firewall-block',
  AuthorizationProtocolMismatch: 'access-denied',
  AuthorizationResourceTypeMismatch: 'access-denied',
  AuthorizationServiceMismatch: 'access-denied',
  InsufficientAccountPermissions: 'access-denied',
  AccountIsDisabled: 'access-denied',
  AuthenticationFailed: 'token-rejected',
  NoAuthenticationInformation: 'token-rejected',
  InvalidAuthenticationInfo: 'token-rejected',
  BlobNotFound: 'not-found',
  ContainerNotFound: 'not-found',
  ResourceNotFound: 'not-found',
  ServerBusy: 'rate-limited',
  OperationTimedOut: 'origin-timeout',
  InternalError: 'origin-error',
};

/** Azure Blob Storage. */
export const azureBlob = {
  id: 'azure-blob',
  name: 'Azure Blob Storage',
  recognise(r) {
    const marked =
      'x-ms-error-code' in r.headers ||
      header(r, 'server').startsWith('windows-azure') ||
      'x-ms-request-id' in r.headers;
    if (!marked || r.status < 400) return null;
    const code =
      r.headers['x-ms-error-code']?.trim() ||
      xmlErrorCode(r.body) ||
      stringAt(jsonObject(r), 'error', 'code');
    if (!code) return null;
    const meaning = CODES[code] ?? (r.status === 403 ? 'access-denied' : null);
    return meaning ? found(this, 'storage', meaning, code) : null;
  },
} satisfies Recogniser;
