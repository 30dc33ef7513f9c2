import { z } from 'zod';
import {
  CatalogMaxAge,
  Cloud as CloudIds,
  CurrentCustomer,
  DEFAULT_CATALOG_MAX_AGE_MINUTES,
  PROFILE_LIMITS,
} from '../../preload/contract';
import { isServedMarket } from '../markets';

/**
 * Settings schemas. There is deliberately no field for a secret anywhere: app secrets and token caches
 * live in the OS keychain (main/vault). Objects are strict on input, so a stray `clientSecret` is
 * rejected instead of being written to disk.
 */

/** A GUID as Entra ID prints tenant and application IDs (any version, any case). */
export const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Profile ids: short, URL- and keychain-key-safe. */
export const PROFILE_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

const guid = (label: string) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .regex(GUID_PATTERN, `${label} must be a GUID such as 72f988bf-86f1-41af-91ab-2d7cd011db47.`)
    .transform((value) => value.toLowerCase());

/** How a profile signs in: app secret only, or a user with MFA (Secure Application Model). */
export const AuthModeSchema = z.enum(['app-only', 'app-user'], {
  error: 'Sign-in mode must be "app-only" or "app-user".',
});
/**
 * Which identity and API endpoints a profile uses: one of Microsoft's clouds (main/partner-center/clouds.ts),
 * or the built-in sandbox. Files written before US Government and China existed hold `global` or
 * `sandbox`, or no cloud at all (read as `global`), so they load unchanged.
 */
export const CloudSchema = z.enum(CloudIds.options, {
  error: 'Cloud must be Global, US Government or China (21Vianet).',
});
/** Partner Center `targetSegment` values. */
export const SegmentSchema = z.enum(['commercial', 'education', 'government', 'nonprofit'], {
  error: 'Segment must be commercial, education, government or nonprofit.',
});

/** A profile's defaults for catalog browsing and carts. */
export const ProfileDefaultsSchema = z.strictObject({
  country: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, 'Country must be a two-letter ISO 3166 code such as US.')
    .transform((value) => value.toUpperCase())
    .refine(isServedMarket, 'Partner Center does not serve this country: use a code such as US or DE.'),
  segment: SegmentSchema,
  locale: z
    .string()
    .trim()
    .regex(/^[a-z]{2,3}-[A-Za-z]{2}$/, 'Locale must look like en-US.')
    .transform((value) => `${value.slice(0, -2)}${value.slice(-2).toUpperCase()}`),
});

const name = z
  .string({ error: 'Name is required.' })
  .trim()
  .min(1, 'Name is required.')
  .max(PROFILE_LIMITS.name, `Name must be at most ${PROFILE_LIMITS.name} characters.`);

/** The fields a user edits on the Connect screen (no id, no timestamps, no secret). */
export const ProfileInputSchema = z.strictObject({
  name,
  tenantId: guid('Tenant ID'),
  appId: guid('App ID'),
  authMode: AuthModeSchema,
  cloud: CloudSchema.default('global'),
  defaults: ProfileDefaultsSchema.default({ country: 'US', segment: 'commercial', locale: 'en-US' }),
});

/** A partial edit of a profile; no defaults here, so an omitted field keeps its current value. */
export const ProfilePatchSchema = z.strictObject({
  name: name.optional(),
  tenantId: guid('Tenant ID').optional(),
  appId: guid('App ID').optional(),
  authMode: AuthModeSchema.optional(),
  cloud: CloudSchema.optional(),
  defaults: ProfileDefaultsSchema.partial().optional(),
});

/** A stored partner profile. */
export const ProfileSchema = z.strictObject({
  id: z.string().regex(PROFILE_ID_PATTERN, 'Profile id must be 1-64 lowercase letters, digits or dashes.'),
  ...ProfileInputSchema.shape,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

/** UI preferences the renderer remembers between runs. */
export const UiPreferencesSchema = z.strictObject({
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  density: z.enum(['comfortable', 'compact']).default('comfortable'),
  reduceMotion: z.boolean().default(false),
});

/** A partial edit of the UI preferences (no defaults: omitted fields keep their value). */
export const UiPreferencesPatchSchema = z.strictObject({
  theme: z.enum(['system', 'light', 'dark']).optional(),
  density: z.enum(['comfortable', 'compact']).optional(),
  reduceMotion: z.boolean().optional(),
});

/** App preferences changed on the Settings screen (the contract declares the allowed values). */
export const AppPreferencesSchema = z.strictObject({
  catalogMaxAgeMinutes: CatalogMaxAge.default(DEFAULT_CATALOG_MAX_AGE_MINUTES),
});

/** The customer each profile works for, by profile id: a label and a market, never a secret. */
export const CurrentCustomersSchema = z.record(
  z.string().regex(PROFILE_ID_PATTERN, 'Profile id must be 1-64 lowercase letters, digits or dashes.'),
  CurrentCustomer,
);

/** Where a profile's statements and CSV exports go when the user chose a folder (absolute paths). */
export const BillingFolderSchema = z
  .string()
  .trim()
  .min(1)
  .max(1000)
  .refine((value) => /^([A-Za-z]:[\\/]|[\\/])/.test(value), 'The folder must be a full path.');
export const BillingFoldersSchema = z.record(
  z.string().regex(PROFILE_ID_PATTERN, 'Profile id must be 1-64 lowercase letters, digits or dashes.'),
  z.strictObject({ statements: BillingFolderSchema.optional(), exports: BillingFolderSchema.optional() }),
);

/**
 * The whole settings file. Fields added after version 1 have defaults, so a file written before they
 * existed reads as valid (no version bump needed); an older app reading a newer file drops them.
 */
export const SettingsSchema = z.strictObject({
  version: z.literal(1).default(1),
  profiles: z.array(ProfileSchema).default([]),
  activeProfileId: z.string().regex(PROFILE_ID_PATTERN).nullable().default(null),
  downloadFolder: z
    .string()
    .trim()
    .min(1)
    .refine((value) => /^([A-Za-z]:[\\/]|[\\/])/.test(value), 'The download folder must be an absolute path.')
    .nullable()
    .default(null),
  ui: UiPreferencesSchema.default({ theme: 'system', density: 'comfortable', reduceMotion: false }),
  preferences: AppPreferencesSchema.default({ catalogMaxAgeMinutes: DEFAULT_CATALOG_MAX_AGE_MINUTES }),
  currentCustomers: CurrentCustomersSchema.default({}),
  /** Per profile: the folders chosen for statements and exports (the data folder when absent). */
  billingFolders: BillingFoldersSchema.default({}),
});

/** A user's sign-in mode. */
export type AuthMode = z.infer<typeof AuthModeSchema>;
/** A profile's cloud. */
export type Cloud = z.infer<typeof CloudSchema>;
/** A Partner Center customer segment. */
export type Segment = z.infer<typeof SegmentSchema>;
/** Catalog/cart defaults of a profile. */
export type ProfileDefaults = z.infer<typeof ProfileDefaultsSchema>;
/** A partial profile edit. */
export type ProfilePatch = z.input<typeof ProfilePatchSchema>;
/** What the Connect form submits (before defaults are applied). */
export type ProfileInput = z.input<typeof ProfileInputSchema>;
/** A stored partner profile. */
export type Profile = z.infer<typeof ProfileSchema>;
/** UI preferences. */
export type UiPreferences = z.infer<typeof UiPreferencesSchema>;
/** App preferences. */
export type AppPreferences = z.infer<typeof AppPreferencesSchema>;
/** The settings state. */
export type Settings = z.infer<typeof SettingsSchema>;

/** Settings of a first run. */
export function defaultSettings(): Settings {
  return SettingsSchema.parse({});
}
