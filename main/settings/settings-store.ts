import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import type { z } from 'zod';
import type { CurrentCustomer } from '../../preload/contract';
import {
  addProfile,
  removeProfile,
  setActiveProfile,
  setDownloadFolder,
  setUiPreferences,
  updateProfile,
  type ProfileResult,
  type SettingsFailure,
} from './profiles';
import { setCurrentCustomer } from './current-customers';
import { setPreferences } from './preferences';
import {
  AppPreferencesSchema,
  BillingFoldersSchema,
  CurrentCustomersSchema,
  ProfileSchema,
  SettingsSchema,
  UiPreferencesSchema,
  defaultSettings,
  type AppPreferences,
  type Profile,
  type Settings,
} from './schema';

/** Options of {@link createSettingsStore}. */
export interface SettingsStoreOptions {
  /** Absolute data folder (the app's, or a temp dir in tests). */
  cwd: string;
  /** File name without extension; default `settings`. */
  configName?: string;
}

/**
 * Schema-checked settings persisted as JSON with `conf` (the library under electron-store, minus the
 * Electron import, so the web build and tests use the same code). Every write is validated against
 * {@link SettingsSchema}, which has no field a secret could go into.
 */
export interface SettingsStore {
  /** The settings file. */
  readonly path: string;
  /** What was repaired when the file was read (unreadable file moved aside, invalid entries dropped). */
  readonly notices: readonly string[];
  /** The current settings, re-read from disk so changes by another process are seen. */
  read(): Settings;
  /** Applies a pure change and persists its result; returns the persisted state. */
  update(change: (settings: Settings) => Settings): Settings;
  /** All profiles. */
  listProfiles(): Profile[];
  /** Adds a profile from form input. */
  addProfile(input: unknown, options?: { id?: string }): ProfileResult;
  /** Edits a profile. */
  updateProfile(id: string, patch: unknown): ProfileResult;
  /** Removes a profile. */
  removeProfile(id: string): ProfileResult;
  /** Makes a profile the active one. */
  setActiveProfile(id: string): ProfileResult;
  /** Sets or clears the default download folder. */
  setDownloadFolder(folder: string | null): { ok: true; settings: Settings } | SettingsFailure;
  /** Changes some UI preferences. */
  setUiPreferences(patch: unknown): { ok: true; settings: Settings } | SettingsFailure;
  /** Changes some app preferences (the catalog's age limit). */
  setPreferences(
    patch: unknown,
  ): { ok: true; settings: Settings; preferences: AppPreferences } | SettingsFailure;
  /** Makes a customer a profile's current one, or forgets it with `null`. */
  setCurrentCustomer(
    profileId: string,
    customer: unknown,
  ): { ok: true; settings: Settings; customer: CurrentCustomer | null } | SettingsFailure;
}

/** Opens (or creates) the settings file in `cwd`. */
export function createSettingsStore(options: SettingsStoreOptions): SettingsStore {
  if (!path.isAbsolute(options.cwd)) throw new Error('The settings folder must be an absolute path.');
  const configName = options.configName ?? 'settings';
  const notices: string[] = [];

  const open = (): Conf<Record<string, unknown>> =>
    new Conf<Record<string, unknown>>({
      cwd: options.cwd,
      configName,
      projectSuffix: '',
      // We validate with zod ourselves; an unreadable file is moved aside below rather than silently wiped.
      clearInvalidConfig: false,
      accessPropertiesByDotNotation: false,
      configFileMode: 0o600,
      watch: false,
    });

  let conf: Conf<Record<string, unknown>>;
  try {
    conf = open();
    void conf.store;
  } catch (error) {
    const file = path.join(options.cwd, `${configName}.json`);
    const aside = path.join(options.cwd, `${configName}.unreadable-${Date.now()}.json`);
    if (!fs.existsSync(file)) throw error;
    fs.renameSync(file, aside);
    notices.push(`The settings file could not be read and was moved to ${aside}; starting with defaults.`);
    conf = open();
  }

  const read = (): Settings => {
    const parsed = SettingsSchema.safeParse(conf.store);
    if (parsed.success) return parsed.data;
    const salvaged = salvage(conf.store, notices);
    conf.store = salvaged;
    return salvaged;
  };

  const write = (next: Settings): Settings => {
    // Strict parse: anything not in the schema (a secret included) is refused, never written.
    const checked = SettingsSchema.parse(next);
    conf.store = checked;
    return checked;
  };

  const apply = <R extends { ok: true; settings: Settings } | SettingsFailure>(result: R): R => {
    if (result.ok) write(result.settings);
    return result;
  };

  return {
    path: conf.path,
    notices,
    read,
    update: (change) => write(change(read())),
    listProfiles: () => read().profiles,
    addProfile: (input, addOptions) => apply(addProfile(read(), input, addOptions)),
    updateProfile: (id, patch) => apply(updateProfile(read(), id, patch)),
    removeProfile: (id) => apply(removeProfile(read(), id)),
    setActiveProfile: (id) => apply(setActiveProfile(read(), id)),
    setDownloadFolder: (folder) => apply(setDownloadFolder(read(), folder)),
    setUiPreferences: (patch) => apply(setUiPreferences(read(), patch)),
    setPreferences: (patch) => apply(setPreferences(read(), patch)),
    setCurrentCustomer: (profileId, customer) => apply(setCurrentCustomer(read(), profileId, customer)),
  };
}

/**
 * Keeps what is valid in a settings file that does not match the schema (hand edits, a newer
 * version): valid profiles survive, unknown fields are dropped (so they are not written back).
 */
function salvage(raw: unknown, notices: string[]): Settings {
  const result = defaultSettings();
  if (typeof raw !== 'object' || raw === null) return result;
  const record = raw as Record<string, unknown>;
  const profileKeys = Object.keys(ProfileSchema.shape);
  if (Array.isArray(record.profiles)) {
    for (const item of record.profiles as unknown[]) {
      const candidate =
        typeof item === 'object' && item !== null
          ? Object.fromEntries(Object.entries(item).filter(([key]) => profileKeys.includes(key)))
          : item;
      const profile = ProfileSchema.safeParse(candidate);
      if (profile.success && !result.profiles.some((existing) => existing.id === profile.data.id)) {
        result.profiles.push(profile.data);
      } else {
        notices.push('A profile in the settings file was not valid and was dropped.');
      }
    }
  }
  const active = SettingsSchema.shape.activeProfileId.safeParse(record.activeProfileId);
  if (active.success && result.profiles.some((profile) => profile.id === active.data)) {
    result.activeProfileId = active.data;
  } else {
    result.activeProfileId = result.profiles[0]?.id ?? null;
  }
  const folder = SettingsSchema.shape.downloadFolder.safeParse(record.downloadFolder);
  if (folder.success) result.downloadFolder = folder.data;
  if (typeof record.ui === 'object' && record.ui !== null) {
    const uiKeys = Object.keys(UiPreferencesSchema.shape);
    const ui = UiPreferencesSchema.safeParse(
      Object.fromEntries(Object.entries(record.ui).filter(([key]) => uiKeys.includes(key))),
    );
    if (ui.success) result.ui = ui.data;
  }
  result.preferences = salvagePreferences(record.preferences);
  result.currentCustomers = salvagePerProfile(
    CurrentCustomersSchema,
    record.currentCustomers,
    result.profiles,
  );
  result.billingFolders = salvagePerProfile(BillingFoldersSchema, record.billingFolders, result.profiles);
  notices.push('The settings file did not match the expected format and was repaired.');
  return result;
}

/** Each preference that is valid on its own survives; the others fall back to their defaults. */
function salvagePreferences(raw: unknown): AppPreferences {
  if (typeof raw !== 'object' || raw === null) return AppPreferencesSchema.parse({});
  const record = raw as Record<string, unknown>;
  const kept = Object.entries(AppPreferencesSchema.shape).filter(
    ([key, schema]) => Object.hasOwn(record, key) && schema.safeParse(record[key]).success,
  );
  return AppPreferencesSchema.parse(Object.fromEntries(kept.map(([key]) => [key, record[key]])));
}

/**
 * The entries of a per-profile map (current customers, billing folders) that are valid and belong to
 * a profile that survived.
 */
function salvagePerProfile<S extends z.ZodType<Record<string, unknown>>>(
  schema: S,
  raw: unknown,
  profiles: ReadonlyArray<Profile>,
): z.output<S> {
  if (typeof raw !== 'object' || raw === null) return schema.parse({});
  const ids = new Set(profiles.map((profile) => profile.id));
  const kept = Object.entries(raw as Record<string, unknown>).filter(
    ([profileId, value]) => ids.has(profileId) && schema.safeParse({ [profileId]: value }).success,
  );
  return schema.parse(Object.fromEntries(kept));
}
