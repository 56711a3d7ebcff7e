// Public face of the status-page reader: what the monitor, CLI and app import.

export {
  StatusPageReader,
  MIN_STATUS_INTERVAL_MS,
  providerLabel,
  type StatusPageReaderOptions,
} from './reader';
export {
  fetchStatusDocument,
  STATUS_FETCH_DEFAULTS,
  type StatusFetchOptions,
  type StatusFetchResult,
} from './fetch';
export { ProviderMemory, rememberedProviders, providerCandidates } from './detect';
export { StatusFormatError, type StatusProvider, type ParseContext } from './provider';
export { STATUS_PROVIDERS, providerById } from './providers';
