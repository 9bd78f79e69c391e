import { useNavigate, useSearch } from '@tanstack/react-router';
import { useCallback, useMemo } from 'react';
import { type PortfolioView, parseView, toSearch } from './view';

/** The dashboard's view lives in the URL's search parameters, so a reload or a shared link keeps it. */
export function usePortfolioView(): [PortfolioView, (next: PortfolioView) => void] {
  const search = useSearch({ strict: false }) as Record<string, unknown>;
  const navigate = useNavigate();
  const view = useMemo(() => parseView(search), [search]);
  const setView = useCallback(
    (next: PortfolioView) => {
      // The route declares no search schema of its own, hence the cast; parseView validates on the way in.
      void navigate({ to: '/', search: toSearch(next) as never, replace: true });
    },
    [navigate],
  );
  return [view, setView];
}
