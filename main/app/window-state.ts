/** Remembers where the main window was, and puts it back only where a display can show it. */

export interface Bounds {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface WindowState {
  readonly bounds?: Bounds;
  readonly maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 820 } as const;
export const MIN_SIZE = { width: 960, height: 600 } as const;

/**
 * The bounds to open with: the saved ones if at least a usable part of the window lands on one of
 * today's displays (a monitor may have been unplugged), clamped to the minimum size; else the default.
 */
export function boundsToRestore(
  saved: Bounds | undefined,
  workAreas: ReadonlyArray<Bounds>,
): Partial<Bounds> & { width: number; height: number } {
  if (!saved || ![saved.x, saved.y, saved.width, saved.height].every(Number.isFinite)) {
    return { ...DEFAULT_SIZE };
  }
  const width = Math.max(saved.width, MIN_SIZE.width);
  const height = Math.max(saved.height, MIN_SIZE.height);
  const visible = workAreas.some((area) => {
    const overlapX = Math.min(saved.x + width, area.x + area.width) - Math.max(saved.x, area.x);
    const overlapY = Math.min(saved.y + height, area.y + area.height) - Math.max(saved.y, area.y);
    return overlapX >= 100 && overlapY >= 50;
  });
  return visible ? { x: saved.x, y: saved.y, width, height } : { width, height };
}
