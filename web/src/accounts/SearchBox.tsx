import { CloseButton, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export const SEARCH_DELAY_MS = 250;

/**
 * Search as you type: the list follows 250 ms after the last key. A value changed from outside (clear
 * filters, back button) replaces what is in the box; the box's own echo coming back does not.
 */
export function SearchBox({ value, onSearch }: { value: string; onSearch(value: string): void }) {
  const { t } = useTranslation('accounts');
  const [typed, setTyped] = useState(value);
  const [debounced] = useDebouncedValue(typed.trim(), SEARCH_DELAY_MS);
  const sent = useRef(value);
  useEffect(() => {
    if (value !== sent.current) {
      sent.current = value;
      setTyped(value);
    }
  }, [value]);
  useEffect(() => {
    if (debounced !== sent.current) {
      sent.current = debounced;
      onSearch(debounced);
    }
  }, [debounced, onSearch]);
  return (
    <TextInput
      type="search"
      className="accounts-search"
      size="sm"
      w={300}
      maw="100%"
      label={t('search.label')}
      placeholder={t('search.placeholder')}
      value={typed}
      onChange={(event) => setTyped(event.currentTarget.value)}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && typed) setTyped('');
      }}
      maxLength={100}
      autoComplete="off"
      spellCheck={false}
      rightSection={
        typed ? <CloseButton size="sm" aria-label={t('search.clear')} onClick={() => setTyped('')} /> : null
      }
    />
  );
}
