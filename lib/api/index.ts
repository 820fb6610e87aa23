export { createApi, type Api, type ApiOptions, type FetchLike, type QueueResult } from './client';
export { ApiError, InvalidResponseError, UnreachableError, describeError } from './errors';
export { normaliseServerUrl, type NormalisedUrl } from './url';
