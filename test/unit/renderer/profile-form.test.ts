import { describe, expect, it } from 'vitest';
import { PROFILE_LIMITS, type Market } from '../../../preload/contract';
import {
  firstInvalidField,
  profileFormErrors,
  type ProfileFormValues,
} from '../../../renderer/src/state/profile-form';

const markets: Market[] = [
  { code: 'US', name: 'United States', reservationsSold: true },
  { code: 'BR', name: 'Brazil', reservationsSold: false },
];
const valid: ProfileFormValues = {
  name: 'Contoso CSP',
  tenantId: '8f3c2a1e-5b6d-4c7e-9f80-1a2b3c4d5e6f',
  appId: '0d1e2f30-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
  authMode: 'app-user',
  appSecret: '',
  country: 'US',
};
const context = { secretStored: false, markets };

describe('the profile form’s checks', () => {
  it('accept a complete profile', () => {
    expect(profileFormErrors(valid, context)).toEqual({});
  });

  it('say what is wrong in sentences, field by field', () => {
    const errors = profileFormErrors(
      { ...valid, name: '  ', tenantId: 'not-a-guid', appId: '', country: 'U1' },
      context,
    );
    expect(errors).toEqual({
      name: 'Name is required.',
      tenantId: 'Tenant ID must be a GUID such as 72f988bf-86f1-41af-91ab-2d7cd011db47.',
      appId: 'App ID is required.',
      country: 'Country must be a two-letter ISO 3166 code such as US.',
    });
    expect(firstInvalidField(errors)).toBe('name');
  });

  it('refuse a name longer than main keeps', () => {
    const errors = profileFormErrors({ ...valid, name: 'x'.repeat(PROFILE_LIMITS.name + 1) }, context);
    expect(errors.name).toBe(`Name must be at most ${PROFILE_LIMITS.name} characters.`);
  });

  it('check the country against the markets Partner Center serves, once they are known', () => {
    expect(profileFormErrors({ ...valid, country: 'ZZ' }, context).country).toMatch(
      /^Partner Center does not serve this country/,
    );
    // A market where reservations are not sold is still a market: a customer may bill there.
    expect(profileFormErrors({ ...valid, country: 'BR' }, context)).toEqual({});
    expect(profileFormErrors({ ...valid, country: 'ZZ' }, { ...context, markets: [] })).toEqual({});
  });

  it('ask an App-only profile for its secret, unless the keychain already has one', () => {
    const appOnly = { ...valid, authMode: 'app-only' as const };
    expect(profileFormErrors(appOnly, context).appSecret).toBe(
      'Enter the app secret: an App-only profile signs in with it.',
    );
    expect(firstInvalidField(profileFormErrors({ ...appOnly, appId: 'x' }, context))).toBe('appId');
    expect(profileFormErrors(appOnly, { ...context, secretStored: true })).toEqual({});
    expect(profileFormErrors({ ...appOnly, appSecret: 's3cret' }, context)).toEqual({});
  });
});
