/**
 * Customer-base models for "Customer potential" (METHOD G1: potential at or above the top-20% cut):
 * BG/NBD and Pareto/NBD for how many purchases a customer will still make, Gamma-Gamma for what each
 * will be worth, and CLV combining them. Pure functions over plain column data; no I/O.
 */

export { bgNbdLogLikelihood, fitBgNbd } from './bgnbd.js';
export {
  bgNbdConditionalExpectedTransactions,
  bgNbdExpectedTransactions,
  bgNbdModel,
  bgNbdProbabilityAlive,
  bgNbdProbabilityOfTransactions,
} from './bgnbd-predict.js';
export { type ClvOptions, clv, customerClv } from './clv.js';
export { ModelFitError, type ModelFitErrorCode } from './errors.js';
export {
  fitGammaGamma,
  gammaGammaExpectedSpend,
  gammaGammaLogLikelihood,
  pearson,
} from './gamma-gamma.js';
export { fitParetoNbd, paretoNbdLogLikelihood } from './pareto-nbd.js';
export {
  paretoNbdConditionalExpectedTransactions,
  paretoNbdExpectedTransactions,
  paretoNbdModel,
  paretoNbdProbabilityAlive,
  paretoNbdProbabilityOfTransactions,
} from './pareto-nbd-predict.js';
export { type CustomerPredictions, predictCustomers } from './predict.js';
export { collapseRfm } from './rfm.js';
export {
  type CustomerSummary,
  dayFromYmd,
  type SummaryOptions,
  summarizeTransactions,
  type Transaction,
} from './summary.js';
export type {
  BgNbdFit,
  BgNbdParams,
  FitOptions,
  FitResult,
  GammaGammaFit,
  GammaGammaParams,
  ParetoNbdFit,
  ParetoNbdParams,
  RfmData,
  SpendData,
  TransactionModel,
} from './types.js';
