/** Why a portfolio analysis could not be computed; callers map the code to a message or HTTP status. */
export type PortfolioErrorCode =
  | 'no_margin_data'
  | 'invalid_figures'
  | 'duplicate_account_id'
  | 'invalid_settings';

export class PortfolioError extends Error {
  readonly code: PortfolioErrorCode;

  constructor(code: PortfolioErrorCode, message: string) {
    super(message);
    this.name = 'PortfolioError';
    this.code = code;
  }
}
