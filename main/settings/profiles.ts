import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  ProfileInputSchema,
  ProfilePatchSchema,
  ProfileSchema,
  SettingsSchema,
  UiPreferencesPatchSchema,
  type Profile,
  type ProfileInput,
  type Settings,
  type UiPreferences,
} from './schema';

/**
 * Profile CRUD as pure functions over the settings state: each returns a new state (or a failure as
 * data), so the bridge can report field errors and the store stays a thin persistence layer.
 */

/** Field name (dotted path, e.g. `defaults.country`) → plain message for the form. */
export type FieldErrors = Record<string, string>;

/** Why a settings change was refused. */
export type SettingsFailureCode = 'invalid' | 'not-found' | 'duplicate-name';

/** A refused change: a stable code, a summary message and per-field messages. */
export interface SettingsFailure {
  readonly ok: false;
  readonly code: SettingsFailureCode;
  readonly message: string;
  readonly fieldErrors: FieldErrors;
}

/** An accepted change: the new state and the profile it concerns. */
export interface ProfileChange {
  readonly ok: true;
  readonly settings: Settings;
  readonly profile: Profile;
}

/** Result of a profile operation. */
export type ProfileResult = ProfileChange | SettingsFailure;

/** Id of the built-in demo profile that talks to the embedded sandbox. */
export const DEMO_PROFILE_ID = 'demo';

const SECRET_LIKE_KEY = /secret|password|token|credential|key$/i;

/** Turns zod issues into per-field messages; a secret-looking extra field gets a message that says why. */
export function toFieldErrors(error: z.ZodError): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = [...issue.path, key].join('.');
        fieldErrors[path] = SECRET_LIKE_KEY.test(key)
          ? 'Secrets are never stored in settings: they go to the OS keychain.'
          : `Unknown field "${key}".`;
      }
      continue;
    }
    const path = issue.path.join('.') || '_';
    fieldErrors[path] ??= issue.message;
  }
  return fieldErrors;
}

function failure(code: SettingsFailureCode, message: string, fieldErrors: FieldErrors = {}): SettingsFailure {
  return { ok: false, code, message, fieldErrors };
}

/** A refused change naming each invalid field; the first field's message is the summary. */
export function invalid(error: z.ZodError): SettingsFailure {
  const fieldErrors = toFieldErrors(error);
  const first = Object.values(fieldErrors)[0] ?? 'The profile is not valid.';
  return failure('invalid', first, fieldErrors);
}

/** Validates what the Connect form submits; returns the normalized input or field errors. */
export function validateProfileInput(
  input: unknown,
): { ok: true; value: z.infer<typeof ProfileInputSchema> } | SettingsFailure {
  const parsed = ProfileInputSchema.safeParse(input);
  return parsed.success ? { ok: true, value: parsed.data } : invalid(parsed.error);
}

/** A new random profile id. */
export function newProfileId(): string {
  return randomUUID();
}

function nameTaken(settings: Settings, name: string, exceptId?: string): boolean {
  const wanted = name.trim().toLowerCase();
  return settings.profiles.some(
    (profile) => profile.id !== exceptId && profile.name.toLowerCase() === wanted,
  );
}

/** The profile with this id, if any. */
export function findProfile(settings: Settings, id: string): Profile | undefined {
  return settings.profiles.find((profile) => profile.id === id);
}

/** Adds a profile; the first profile added becomes the active one. */
export function addProfile(
  settings: Settings,
  input: unknown,
  options: { id?: string; now?: Date } = {},
): ProfileResult {
  const validated = validateProfileInput(input);
  if (!validated.ok) return validated;
  if (nameTaken(settings, validated.value.name)) {
    return failure('duplicate-name', 'A profile with this name already exists.', {
      name: 'A profile with this name already exists.',
    });
  }
  const id = options.id ?? newProfileId();
  if (findProfile(settings, id)) {
    return failure('invalid', `A profile with id "${id}" already exists.`, { id: 'This id is taken.' });
  }
  const stamp = (options.now ?? new Date()).toISOString();
  const parsed = ProfileSchema.safeParse({ id, ...validated.value, createdAt: stamp, updatedAt: stamp });
  if (!parsed.success) return invalid(parsed.error);
  const profile = parsed.data;
  return {
    ok: true,
    profile,
    settings: {
      ...settings,
      profiles: [...settings.profiles, profile],
      activeProfileId: settings.activeProfileId ?? profile.id,
    },
  };
}

/** Changes some fields of a profile (`defaults` may be given in part). */
export function updateProfile(
  settings: Settings,
  id: string,
  patch: unknown,
  options: { now?: Date } = {},
): ProfileResult {
  const current = findProfile(settings, id);
  if (!current) return failure('not-found', 'This profile no longer exists.');
  const parsedPatch = ProfilePatchSchema.safeParse(patch);
  if (!parsedPatch.success) return invalid(parsedPatch.error);
  const { defaults, ...rest } = parsedPatch.data;
  const { id: _id, createdAt: _createdAt, updatedAt: _updatedAt, ...currentInput } = current;
  const merged: ProfileInput = {
    ...currentInput,
    ...stripUndefined(rest),
    defaults: { ...current.defaults, ...stripUndefined(defaults ?? {}) },
  };
  const validated = validateProfileInput(merged);
  if (!validated.ok) return validated;
  if (nameTaken(settings, validated.value.name, id)) {
    return failure('duplicate-name', 'A profile with this name already exists.', {
      name: 'A profile with this name already exists.',
    });
  }
  const profile: Profile = {
    ...current,
    ...validated.value,
    updatedAt: (options.now ?? new Date()).toISOString(),
  };
  return {
    ok: true,
    profile,
    settings: { ...settings, profiles: settings.profiles.map((item) => (item.id === id ? profile : item)) },
  };
}

/** Removes a profile (its keychain entries are the auth service's business: call signOut first). */
export function removeProfile(settings: Settings, id: string): ProfileResult {
  const profile = findProfile(settings, id);
  if (!profile) return failure('not-found', 'This profile no longer exists.');
  const profiles = settings.profiles.filter((item) => item.id !== id);
  const activeProfileId =
    settings.activeProfileId === id ? (profiles[0]?.id ?? null) : settings.activeProfileId;
  // The profile's current customer goes with it.
  const { [id]: _customer, ...currentCustomers } = settings.currentCustomers;
  // So do the folders chosen for its statements and exports (the files stay: they are the user's).
  const { [id]: _folders, ...billingFolders } = settings.billingFolders;
  return {
    ok: true,
    profile,
    settings: { ...settings, profiles, activeProfileId, currentCustomers, billingFolders },
  };
}

/** Makes a profile the active one. */
export function setActiveProfile(settings: Settings, id: string): ProfileResult {
  const profile = findProfile(settings, id);
  if (!profile) return failure('not-found', 'This profile no longer exists.');
  return { ok: true, profile, settings: { ...settings, activeProfileId: id } };
}

/**
 * Adds the demo profile (embedded sandbox) or points it at the sandbox's current tenant and app,
 * so a first run is usable with one click.
 */
export function ensureDemoProfile(
  settings: Settings,
  sandbox: { tenantId: string; clientId: string },
  options: { now?: Date; authMode?: 'app-only' | 'app-user' } = {},
): ProfileResult {
  const existing = findProfile(settings, DEMO_PROFILE_ID);
  if (existing) {
    if (
      existing.tenantId === sandbox.tenantId.toLowerCase() &&
      existing.appId === sandbox.clientId.toLowerCase()
    ) {
      return { ok: true, settings, profile: existing };
    }
    return updateProfile(
      settings,
      DEMO_PROFILE_ID,
      { tenantId: sandbox.tenantId, appId: sandbox.clientId },
      options,
    );
  }
  const name = nameTaken(settings, 'Demo (sandbox)') ? 'Demo (built-in sandbox)' : 'Demo (sandbox)';
  return addProfile(
    settings,
    {
      name,
      tenantId: sandbox.tenantId,
      appId: sandbox.clientId,
      authMode: options.authMode ?? 'app-user',
      cloud: 'sandbox',
    },
    { id: DEMO_PROFILE_ID, ...(options.now ? { now: options.now } : {}) },
  );
}

/** Sets (or clears, with `null`) the folder statement PDFs and CSV exports go to by default. */
export function setDownloadFolder(
  settings: Settings,
  folder: string | null,
): { ok: true; settings: Settings } | SettingsFailure {
  const parsed = SettingsSchema.shape.downloadFolder.safeParse(folder);
  if (!parsed.success) return invalid(parsed.error);
  return { ok: true, settings: { ...settings, downloadFolder: parsed.data } };
}

/** Changes some UI preferences. */
export function setUiPreferences(
  settings: Settings,
  patch: unknown,
): { ok: true; settings: Settings } | SettingsFailure {
  const parsedPatch = UiPreferencesPatchSchema.safeParse(patch);
  if (!parsedPatch.success) return invalid(parsedPatch.error);
  const ui: UiPreferences = { ...settings.ui, ...stripUndefined(parsedPatch.data) };
  return { ok: true, settings: { ...settings, ui } };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as Partial<T>;
}
