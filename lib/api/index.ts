export {
  createApi,
  type Api,
  type ApiOptions,
  type FetchLike,
  type QueueResult,
  type SiteProfilesResult,
  type PolicyResult,
} from './client';
export { ApiError, InvalidResponseError, UnreachableError, describeError } from './errors';
export { normaliseServerUrl, type NormalisedUrl } from './url';
