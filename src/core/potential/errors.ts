/** Why a customer-base model could not be fitted or evaluated; callers map the code to a message. */
export type ModelFitErrorCode =
  | 'invalid_input'
  | 'no_repeat_customers'
  | 'too_few_repeat_customers'
  | 'did_not_converge'
  | 'no_finite_mean';

export class ModelFitError extends Error {
  readonly code: ModelFitErrorCode;

  constructor(code: ModelFitErrorCode, message: string) {
    super(message);
    this.name = 'ModelFitError';
    this.code = code;
  }
}
