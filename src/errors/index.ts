export { BatonError, isBatonError, type BatonErrorOptions } from './baton-error.js';
export { ERROR_CODES, isErrorCode, type ErrorCode, type ErrorCodeInfo, type ErrorFault } from './error-codes.js';
export { toBatonError } from './to-baton-error.js';
export { formatZodIssues } from './format-zod-issues.js';
