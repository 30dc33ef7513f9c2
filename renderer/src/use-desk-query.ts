/** Loads something from main once (and again on retry), as the renderer's one `Load<T>` shape. */
import { useCallback, useEffect, useState } from 'react';
import type { DeskResult } from '../../preload/contract';
import { loading, settle, type Load } from './state/load';

/**
 * For a screen's one-off read that no other screen shares (About); shared or long-lived state
 * belongs in a store. `query` must be stable (defined at module level or memoized), or it runs on
 * every render.
 */
export function useDeskQuery<T>(query: () => Promise<DeskResult<T>>): [Load<T>, () => void] {
  const [state, setState] = useState<Load<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    void query().then((result) => {
      if (current) setState((previous) => settle(previous, result));
    });
    return () => {
      current = false;
    };
  }, [query, attempt]);
  const retry = useCallback(() => {
    setState(loading);
    setAttempt((n) => n + 1);
  }, []);
  return [state, retry];
}
