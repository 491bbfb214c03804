// Timers for components (kept out of .vue files, whose lint config has no browser globals).
export function later(fn: () => void, ms: number): void {
  setTimeout(fn, ms);
}

/** A debounced caller: each call restarts the wait. */
export function debounce(fn: () => void, ms: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };
}
