/**
 * Some of a state's fields as one object: with `useShallow`, a component reads several fields of a
 * store in one selector and draws again only when one of them changes.
 */
export function fieldsOf<S, K extends keyof S>(state: S, keys: ReadonlyArray<K>): Pick<S, K> {
  const picked = {} as Pick<S, K>;
  for (const key of keys) picked[key] = state[key];
  return picked;
}
