/** Schemas of the app's preferences: choices a person makes once and the app keeps across restarts. */
import { z } from 'zod';

/**
 * How old the offline catalog may get before opening it refreshes it in the background, in minutes:
 * 1 h, 6 h, 12 h, 24 h, 3 days or 7 days. A fixed list rather than any number, so the Settings screen
 * and main agree on what a valid choice is.
 */
export const catalogMaxAgeChoices = [60, 6 * 60, 12 * 60, 24 * 60, 3 * 24 * 60, 7 * 24 * 60] as const;

/** What a new install uses: a day, the age the catalog always had. */
export const DEFAULT_CATALOG_MAX_AGE_MINUTES = 24 * 60;

/** A catalog age limit, or null: never refresh automatically (a catalog never downloaded still is, once). */
export const CatalogMaxAge = z
  .literal(catalogMaxAgeChoices, {
    error: `must be one of ${catalogMaxAgeChoices.join(', ')} minutes, or null for never`,
  })
  .nullable();
export type CatalogMaxAge = z.infer<typeof CatalogMaxAge>;

/** The app's preferences as main keeps them. */
export const Preferences = z.object({ catalogMaxAgeMinutes: CatalogMaxAge });
export type Preferences = z.infer<typeof Preferences>;

/** A change of some preferences; an omitted field keeps its value. */
export const PreferencesPatch = z.strictObject({ catalogMaxAgeMinutes: CatalogMaxAge.optional() });
export type PreferencesPatch = z.input<typeof PreferencesPatch>;

/** When the open catalog refreshes itself next, as main worked it out from the preference. */
export const AutoRefresh = z.object({
  /** The age limit that applied, or null when automatic refresh is off. */
  maxAgeMinutes: z.number().int().nonnegative().nullable(),
  /** When the cached catalog turns stale; null when it is off, never downloaded, or not sold here. */
  dueAt: z.iso.datetime().nullable(),
});
export type AutoRefresh = z.infer<typeof AutoRefresh>;
