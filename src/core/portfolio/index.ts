/** METHOD P1–P4, G1 and G3 as pure functions over per-account aggregates. */
export {
  ABC_CLASSES,
  type AbcAssignment,
  type AbcClassSummary,
  type AbcCounts,
  type AbcInput,
  type AbcResult,
  abcClasses,
} from './abc.js';
export { type AbcMatrix, type AbcMatrixCell, type AbcMatrixKey, abcMatrix } from './abc-matrix.js';
export { analyzePortfolio, type PortfolioAnalysis, type PortfolioContext } from './analyze.js';
export { type ConcentrationResult, concentration } from './concentration.js';
export { PortfolioError, type PortfolioErrorCode } from './errors.js';
export {
  type GreenCircleAccount,
  type GreenCircleCut,
  type GreenCircleInput,
  type GreenCircleResult,
  type GreenReason,
  greenCircle,
} from './green-circle.js';
export { type GrowthFigures, type GrowthInput, type GrowthRankRow, growth, rankByGrowth } from './growth.js';
export type { PortfolioRow } from './rows.js';
export {
  type AbcSettings,
  type ConcentrationSettings,
  DEFAULT_PORTFOLIO_SETTINGS,
  type GreenCircleSettings,
  type PortfolioSettings,
  type PortfolioSettingsInput,
  resolvePortfolioSettings,
  type WarningSettings,
} from './settings.js';
export type { AbcClass, AccountFigures, CurvePoint, RankBy, Tier, ValueEntry } from './types.js';
export {
  type PortfolioWarning,
  type PortfolioWarningCode,
  type PrioritisationFacts,
  portfolioWarnings,
  type RevenueAtRisk,
  revenueAtRisk,
  type WarningInput,
  type WarningSeverity,
} from './warnings.js';
