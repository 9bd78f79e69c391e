import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import type { SettingsDocument } from '../api/types';
import type { SettingsPatch } from './settings.form';

/** The same key as useSettings() in i18n/format.ts: a saved currency reaches every amount at once. */
export const SETTINGS_KEY = ['settings'] as const;

export function useSettingsDocument() {
  return useQuery({ queryKey: SETTINGS_KEY, queryFn: () => api.get<SettingsDocument>('/settings') });
}

export function useSaveSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: SettingsPatch) => api.patch<SettingsDocument>('/settings', patch),
    onSuccess: (document) => client.setQueryData(SETTINGS_KEY, document),
  });
}
