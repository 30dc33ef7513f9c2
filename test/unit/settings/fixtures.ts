/** Values the settings tests share: a tenant, an app, a secret that must never reach disk, and stored profiles. */

export const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const APP = '1950a258-227b-4e31-a9cf-717495945fc2';
export const SECRET = 'S3cr3t-never-on-disk~1234567890';

/**
 * A profile as an earlier version of the app wrote it in settings.json (raw JSON, not parsed); it has
 * no `cloud` unless `fields` gives one, like files written before clouds existed.
 */
export function storedProfile(fields: Readonly<Record<string, unknown>> = {}): Record<string, unknown> {
  return {
    id: 'p1',
    name: 'Written by version 0.1',
    tenantId: TENANT,
    appId: APP,
    authMode: 'app-user',
    defaults: { country: 'US', segment: 'commercial', locale: 'en-US' },
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...fields,
  };
}
