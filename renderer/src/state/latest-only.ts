/**
 * Asks one question at a time and, while one is out, only ever the latest next: a burst of changes
 * (each keystroke) never queues answers nobody will see. `keyOf` says which question the state asks
 * now (the query's version): when the answer in flight comes back, the question is asked again only
 * if it was asked meanwhile and has changed since.
 */
export function latestOnly<K>(keyOf: () => K, run: (key: K) => Promise<void>): () => void {
  let asking: { key: K } | undefined;
  let askedAgain = false;
  const ask = (): void => {
    if (asking !== undefined) {
      askedAgain = true;
      return;
    }
    const key = keyOf();
    asking = { key };
    void run(key).finally(() => {
      asking = undefined;
      const again = askedAgain && keyOf() !== key;
      askedAgain = false;
      if (again) ask();
    });
  };
  return ask;
}
