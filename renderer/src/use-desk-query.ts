/** Loads something from main once (and again on retry), tracking loading and failure for the UI. */
import { useCallback, useEffect, useState } from 'react';
import type { DeskError, DeskResult } from '../../preload/contract';

export type QueryState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly value: T }
  | { readonly status: 'failed'; readonly error: DeskError };

/** `query` must be stable (defined at module level or memoized), or it runs on every render. */
export function useDeskQuery<T>(query: () => Promise<DeskResult<T>>): [QueryState<T>, () => void] {
  const [state, setState] = useState<QueryState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    void query().then((result) => {
      if (!current) return;
      setState(
        result.ok ? { status: 'ready', value: result.value } : { status: 'failed', error: result.error },
      );
    });
    return () => {
      current = false;
    };
  }, [query, attempt]);
  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  return [state, retry];
}
