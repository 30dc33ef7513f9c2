/**
 * What main refuses when a profile is saved, over the real dispatcher: every message is a sentence for
 * its field, an App-only profile needs its secret, and the country must be a market Partner Center
 * serves. A refused profile is not kept half made.
 */
import { describe, expect, it } from 'vitest';
import type { DeskError, ProfileList } from '../../../preload/contract';
import { appPerFile } from './app-core';

const app = appPerFile('desk-profile-input-', { signIn: false });

const base = {
  name: 'Contoso CSP',
  tenantId: '8f3c2a1e-5b6d-4c7e-9f80-1a2b3c4d5e6f',
  appId: '0d1e2f30-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
};

async function refusal(input: unknown): Promise<DeskError> {
  const result = await app.call('profiles.create', input);
  if (result.ok) throw new Error('the profile was saved');
  return result.error;
}

const profileCount = async () => (await app.value<ProfileList>('profiles.list')).profiles.length;

describe('saving a profile', () => {
  it('refuses an App-only profile without its secret, next to the secret field, and keeps nothing', async () => {
    const error = await refusal({ ...base, authMode: 'app-only' });
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.details?.fields).toEqual({
      appSecret: 'Enter the app secret: an App-only profile signs in with it.',
    });
    expect(await profileCount()).toBe(0);
  });

  it('names the secret together with the other fields in error', async () => {
    const error = await refusal({ ...base, appId: 'nope', authMode: 'app-only' });
    expect(Object.keys(error.details?.fields as object).sort()).toEqual(['appId', 'appSecret']);
  });

  it('refuses a country Partner Center does not serve, in a sentence', async () => {
    for (const country of ['ZZ', 'CU']) {
      const error = await refusal({ ...base, authMode: 'app-user', defaults: { country } });
      expect(error.details?.fields).toEqual({
        'defaults.country': 'Partner Center does not serve this country: use a code such as US or DE.',
      });
    }
    expect(await profileCount()).toBe(0);
  });

  it('says a name is too long as a sentence, not as a validator’s text', async () => {
    const error = await refusal({ ...base, authMode: 'app-user', name: 'x'.repeat(81) });
    expect(error.message).toBe('Name must be at most 80 characters.');
  });

  it('keeps a complete App-only profile, and lets it be edited without typing the secret again', async () => {
    const saved = await app.value<{ id: string }>('profiles.create', {
      ...base,
      authMode: 'app-only',
      appSecret: 'S3cret~for-the-test',
    });
    const edited = await app.call('profiles.update', { profileId: saved.id, changes: { name: 'Contoso' } });
    expect(edited.ok).toBe(true);
  });

  it('refuses to turn an App+User profile into App-only without a secret', async () => {
    const saved = await app.value<{ id: string }>('profiles.create', {
      ...base,
      name: 'Fabrikam',
      authMode: 'app-user',
    });
    const result = await app.call('profiles.update', {
      profileId: saved.id,
      changes: { authMode: 'app-only' },
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { field: 'appSecret' } },
    });
  });
});
