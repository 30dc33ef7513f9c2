/**
 * A function that runs `start` on its first call and does nothing on later ones: a store subscribes
 * to main's events when it is first used, and only once per window.
 */
export function once(start: () => void): () => void {
  let started = false;
  return () => {
    if (started) return;
    started = true;
    start();
  };
}
