import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode } from '../errors.js';

/** The one code → HTTP status table (the CLI has its own exit-code table in errors.ts). */
export const HTTP_STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  usage: 400,
  validation: 400,
  not_found: 404,
  file_not_found: 404,
  unsupported_file: 422,
  bad_data: 422,
  ambiguous_date_format: 422,
  unknown_header: 422,
  missing_column: 422,
  mixed_currencies: 422,
  no_sales_data: 422,
  no_margin_data: 422,
  store_locked: 503,
  conflict: 409,
  model_fit_failed: 422,
  unauthenticated: 401,
  forbidden: 403,
  rate_limited: 429,
  payload_too_large: 413,
};
