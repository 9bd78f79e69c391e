/**
 * One error type for the whole application. Each code maps to one CLI exit code here and one HTTP
 * status in the server, so a caller can rely on the code rather than parse the message.
 */
export type ErrorCode =
  | 'usage'
  | 'validation'
  | 'not_found'
  | 'file_not_found'
  | 'unsupported_file'
  | 'bad_data'
  | 'ambiguous_date_format'
  | 'unknown_header'
  | 'missing_column'
  | 'mixed_currencies'
  | 'no_sales_data'
  | 'no_margin_data'
  | 'store_locked'
  | 'conflict'
  | 'model_fit_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'rate_limited'
  | 'payload_too_large';

export interface ErrorDetail {
  field?: string;
  line?: number;
  message: string;
}

export class KontorError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[];

  constructor(code: ErrorCode, message: string, details: ErrorDetail[] = []) {
    super(message);
    this.name = 'KontorError';
    this.code = code;
    this.details = details;
  }
}

/** CLI exit codes: 1 = the command was used wrongly, 2 = the data could not be used. */
export const EXIT_CODE: Record<ErrorCode, 1 | 2> = {
  usage: 1,
  validation: 1,
  not_found: 1,
  file_not_found: 1,
  unsupported_file: 2,
  bad_data: 2,
  ambiguous_date_format: 2,
  unknown_header: 1,
  missing_column: 2,
  mixed_currencies: 2,
  no_sales_data: 2,
  no_margin_data: 2,
  store_locked: 1,
  conflict: 1,
  model_fit_failed: 2,
  unauthenticated: 1,
  forbidden: 1,
  rate_limited: 1,
  payload_too_large: 2,
};
