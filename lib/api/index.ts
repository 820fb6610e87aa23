export { createApi, type Api, type ApiOptions, type FetchLike, type QueueResult, type SiteProfilesResult } from './client';
export { ApiError, InvalidResponseError, UnreachableError, describeError } from './errors';
export { normaliseServerUrl, type NormalisedUrl } from './url';
