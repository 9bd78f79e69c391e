import type { TFunction } from 'i18next';
import type { ApiSummary } from '../api/types';
import type { Format } from '../i18n/format';

/** The summary as the API sends it: each list's first rows and every list's length (listTotals). */
export type Summary = ApiSummary;
type Warning = Summary['warnings'][number];
export type PortfolioT = TFunction<'portfolio'>;

/** A setting's share as people write it: 0.25 → "25%", 0.125 → "12.5%" (in the user's locale). */
export function settingPercent(format: Format, share: number): string {
  const tenths = Math.round(share * 1000);
  return format.percent(share, tenths % 10 === 0 ? 0 : 1);
}

/**
 * METHOD P1 in words, as the CLI says it (src/cli/analysis-report.ts): "The top 25% of customers (1,000)
 * bring 81.5% of revenue; 1,312 customers (32.8%) make up 80%". The 25% and 80% follow the settings.
 */
export function headline(report: Summary, t: PortfolioT, format: Format): string {
  const c = report.concentration;
  if (c.positiveCustomers === 0) return t('headline.none', { value: t(`headline.valueWord.${report.by}`) });
  const top = t('headline.top', {
    top: settingPercent(format, c.topShare),
    customers: format.number(c.top25Count),
    share: format.percent(c.top25Share),
    ofValue: t(`headline.ofValue.${report.by}`),
  });
  const reach = t('headline.reach', {
    count: c.customersTo80,
    customers: format.number(c.customersTo80),
    share: format.percent(c.customersTo80Share),
    reach: settingPercent(format, c.reachShare),
  });
  return `${top}; ${reach}`;
}

const share = (figures: Warning['figures'], key: string) => Number(figures[key] ?? 0);

/**
 * METHOD P4 warnings in the user's language, from their code and figures; the server's English message
 * is kept for a code this version of the app does not know yet.
 */
export function warningText(warning: Warning, by: Summary['by'], t: PortfolioT, format: Format): string {
  const f = warning.figures;
  const ofValue = t(`headline.ofValue.${by}`);
  switch (warning.code) {
    case 'largest_customer_dependence':
      return t('warnings.largest_customer_dependence', {
        share: format.percent(share(f, 'largestShare')),
        limit: settingPercent(format, share(f, 'limit')),
        ofValue,
      });
    case 'top5_dependence':
      return t('warnings.top5_dependence', {
        count: share(f, 'top5Count'),
        share: format.percent(share(f, 'top5Share')),
        limit: settingPercent(format, share(f, 'limit')),
        ofValue,
      });
    case 'few_customers_make_80':
      return t('warnings.few_customers_make_80', {
        count: share(f, 'customersTo80'),
        customers: format.number(share(f, 'customersTo80')),
        reach: settingPercent(format, share(f, 'reachShare')),
        limit: format.number(share(f, 'limit')),
        ofValue,
      });
    case 'no_prioritisation': {
      const faults = [
        f.abcPolicyInUse ? null : t('warnings.noAbcPolicy'),
        f.serviceLevelsDiffer ? null : t('warnings.sameService'),
      ].filter((fault) => fault !== null);
      return t('warnings.no_prioritisation', {
        customers: format.number(share(f, 'customers')),
        faults: faults.join(t('warnings.and')),
      });
    }
    default:
      return warning.message;
  }
}
