/** Schemas of the Connect calls: partner profiles, sign-in, connection checks. */
import { z } from 'zod';
import { Named } from './common';
import { Cloud } from './clouds';

/** How a profile signs in: with an app secret (App-only) or as a user with MFA (App+User). */
export const AuthMode = z.enum(['app-only', 'app-user']);
export type AuthMode = z.infer<typeof AuthMode>;

export { Cloud, CLOUD_LABELS, PARTNER_CLOUDS, type PartnerCloud } from './clouds';

export const Segment = z.enum(['commercial', 'education', 'government', 'nonprofit']);
export type Segment = z.infer<typeof Segment>;

/** A profile's defaults for catalog browsing and carts. */
export const ProfileDefaults = z.object({
  country: z.string().max(8),
  segment: Segment,
  locale: z.string().max(16),
});
export type ProfileDefaults = z.infer<typeof ProfileDefaults>;

/** A partner profile as the renderer sees it. It has no secret field, by design. */
export const ProfileView = Named.extend({
  tenantId: z.string(),
  appId: z.string(),
  authMode: AuthMode,
  cloud: Cloud,
  defaults: ProfileDefaults,
  isDemo: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ProfileView = z.infer<typeof ProfileView>;

/**
 * How long a profile's fields may be. Main refuses longer values with a sentence; the form stops the
 * typing at the limit (`maxLength`), so the refusal is never needed from the UI.
 */
export const PROFILE_LIMITS = {
  name: 80,
  /** A GUID as Entra ID prints it: 36 characters. */
  guid: 36,
  appSecret: 2048,
  /** ISO 3166-1 alpha-2. */
  country: 2,
} as const;

/**
 * What the Connect form sends. Field rules (GUIDs, lengths) are checked in main, which answers
 * INVALID_INPUT with `details.fields` (field → message) so the form can show each next to its field.
 * `appSecret` goes to the OS keychain and never comes back.
 */
const ProfileFields = {
  name: z.string().max(200),
  tenantId: z.string().max(200),
  appId: z.string().max(200),
  authMode: AuthMode,
  cloud: Cloud.optional(),
  defaults: ProfileDefaults.partial().optional(),
  appSecret: z.string().min(1).max(PROFILE_LIMITS.appSecret).optional(),
};
export const ProfileDraft = z.strictObject(ProfileFields);
export type ProfileDraft = z.input<typeof ProfileDraft>;

export const ProfileId = z.strictObject({ profileId: z.string().min(1).max(64) });

export const ProfileList = z.object({
  profiles: z.array(ProfileView).readonly(),
  activeProfileId: z.string().nullable(),
});
export type ProfileList = z.infer<typeof ProfileList>;

/** Where a profile stands: read from the keychain, no network. */
export const AuthStatus = z.object({
  profileId: z.string(),
  state: z.enum(['signed-in', 'signed-out', 'sign-in-required', 'secret-missing']),
  message: z.string(),
  account: z.object({ username: z.string(), name: z.string().optional() }).optional(),
  hasAppSecret: z.boolean().optional(),
});
export type AuthStatus = z.infer<typeof AuthStatus>;

export const SignInMethod = z.enum(['auto', 'browser', 'device-code']);

export const SignInOutcome = z.object({
  profileId: z.string(),
  method: z.enum(['client-credentials', 'browser', 'device-code']),
  account: z.object({ username: z.string(), name: z.string().optional() }).optional(),
  expiresOn: z.string().nullable(),
});
export type SignInOutcome = z.infer<typeof SignInOutcome>;

/** A cheap call to Partner Center: proof the profile works, and how fast. */
export const ConnectionCheck = z.object({
  profileId: z.string(),
  roundTripMs: z.number().nonnegative(),
  identity: z.object({ kind: z.enum(['app', 'user']), name: z.string(), tenantId: z.string() }),
  checkedAt: z.iso.datetime(),
});
export type ConnectionCheck = z.infer<typeof ConnectionCheck>;
