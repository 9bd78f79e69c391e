import { Button, Group, ScrollArea } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';

export const FIRST_ROWS = 10;

/**
 * The first rows of a long ranking, and all of them on request inside a scroll box of bounded height
 * (a list of 1,300 A accounts must not stretch the page).
 */
export function ShowMore<T>({
  items,
  render,
}: {
  items: readonly T[];
  render: (rows: readonly T[]) => ReactNode;
}) {
  const { t } = useTranslation('portfolio');
  const [all, setAll] = useState(false);
  const rows = all ? items : items.slice(0, FIRST_ROWS);
  return (
    <>
      {all ? (
        <ScrollArea.Autosize mah={440} type="auto" offsetScrollbars>
          {render(rows)}
        </ScrollArea.Autosize>
      ) : (
        render(rows)
      )}
      {items.length > FIRST_ROWS && (
        <Group justify="flex-start">
          <Button variant="subtle" size="compact-sm" onClick={() => setAll(!all)} aria-expanded={all}>
            {all ? t('table.showFewer') : t('table.showAll', { count: items.length })}
          </Button>
        </Group>
      )}
    </>
  );
}
