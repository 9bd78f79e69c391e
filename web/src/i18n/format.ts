import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Settings } from '../api/types';

/** Numbers, money and dates in the user's language and the workspace currency. */
export interface Format {
  locale: string;
  currency: string;
  money(value: string | number | null | undefined): string;
  moneyCompact(value: string | number | null | undefined): string;
  number(value: number | null | undefined, digits?: number): string;
  percent(share: number | null | undefined, digits?: number): string;
  date(value: string | null | undefined): string;
  dateTime(value: string | null | undefined): string;
}

export function localeOf(language: string): string {
  if (language.startsWith('de')) return 'de-DE';
  const browser = typeof navigator === 'undefined' ? 'en-US' : navigator.language;
  return browser.startsWith('en') ? browser : 'en-US';
}

export function makeFormat(locale: string, currency: string): Format {
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 });
  const compact = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    notation: 'compact',
    maximumFractionDigits: 1,
  });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const dash = '—';
  const toNumber = (value: string | number | null | undefined) =>
    value === null || value === undefined || value === '' ? null : Number(value);
  return {
    locale,
    currency,
    money: (value) => {
      const n = toNumber(value);
      return n === null || Number.isNaN(n) ? dash : money.format(n);
    },
    moneyCompact: (value) => {
      const n = toNumber(value);
      return n === null || Number.isNaN(n) ? dash : compact.format(n);
    },
    number: (value, digits = 0) =>
      value === null || value === undefined
        ? dash
        : value.toLocaleString(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }),
    percent: (share, digits = 1) =>
      share === null || share === undefined
        ? dash
        : share.toLocaleString(locale, {
            style: 'percent',
            maximumFractionDigits: digits,
            minimumFractionDigits: digits,
          }),
    date: (value) =>
      value ? date.format(new Date(value.length === 10 ? `${value}T00:00:00Z` : value)) : dash,
    dateTime: (value) => (value ? dateTime.format(new Date(value)) : dash),
  };
}

export function useSettings() {
  return useQuery({
    queryKey: ['settings'],
    queryFn: () => api.get<Settings>('/settings'),
    staleTime: 5 * 60_000,
  });
}

export function useFormat(): Format {
  const { i18n } = useTranslation();
  const settings = useSettings();
  const currency = settings.data?.currency ?? 'EUR';
  return useMemo(() => makeFormat(localeOf(i18n.language), currency), [i18n.language, currency]);
}
