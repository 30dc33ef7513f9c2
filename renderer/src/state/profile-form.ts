/**
 * The profile form's own checks, run as the user types: the same rules main applies, said as the same
 * sentences, so a save is refused only for what the form cannot know (a duplicate name, the keychain).
 * Pure, so every rule is tested without React.
 */
import { PROFILE_LIMITS, type Market } from '../../../preload/contract';
import { isKnownMarket } from './markets';

/** The fields of the form, in the order they appear (focus goes to the first one in error). */
export const PROFILE_FORM_FIELDS = [
  'name',
  'tenantId',
  'appId',
  'authMode',
  'appSecret',
  'country',
  'segment',
] as const;
export type ProfileFormField = (typeof PROFILE_FORM_FIELDS)[number];

export type ProfileFormErrors = Partial<Record<ProfileFormField, string>>;

export interface ProfileFormValues {
  readonly name: string;
  readonly tenantId: string;
  readonly appId: string;
  readonly authMode: 'app-only' | 'app-user';
  readonly appSecret: string;
  readonly country: string;
}

export interface ProfileFormContext {
  /** An edited profile may keep the secret already in the keychain. */
  readonly secretStored: boolean;
  /** The markets Partner Center serves; empty while not read yet (the country is then checked by main). */
  readonly markets: ReadonlyArray<Market>;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function guidError(label: string, value: string): string | undefined {
  const trimmed = value.trim();
  if (!trimmed) return `${label} is required.`;
  if (!GUID.test(trimmed)) return `${label} must be a GUID such as 72f988bf-86f1-41af-91ab-2d7cd011db47.`;
  return undefined;
}

function countryError(value: string, markets: ReadonlyArray<Market>): string | undefined {
  if (!/^[A-Za-z]{2}$/.test(value.trim())) return 'Country must be a two-letter ISO 3166 code such as US.';
  if (isKnownMarket(markets, value.trim()) === false) {
    return 'Partner Center does not serve this country: use a code such as US or DE.';
  }
  return undefined;
}

/** Every field's problem, in words, or nothing for a field that is fine. */
export function profileFormErrors(values: ProfileFormValues, context: ProfileFormContext): ProfileFormErrors {
  const errors: ProfileFormErrors = {};
  const name = values.name.trim();
  if (!name) errors.name = 'Name is required.';
  else if (name.length > PROFILE_LIMITS.name) {
    errors.name = `Name must be at most ${PROFILE_LIMITS.name} characters.`;
  }
  const tenant = guidError('Tenant ID', values.tenantId);
  if (tenant) errors.tenantId = tenant;
  const app = guidError('App ID', values.appId);
  if (app) errors.appId = app;
  if (values.authMode === 'app-only' && !values.appSecret.trim() && !context.secretStored) {
    errors.appSecret = 'Enter the app secret: an App-only profile signs in with it.';
  }
  const country = countryError(values.country, context.markets);
  if (country) errors.country = country;
  return errors;
}

/** The first field (in form order) that has an error, for focus after a refused save. */
export function firstInvalidField(errors: ProfileFormErrors): ProfileFormField | undefined {
  return PROFILE_FORM_FIELDS.find((field) => errors[field] !== undefined);
}
