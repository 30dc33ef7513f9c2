/**
 * Settings and partner profiles: schema-checked JSON in the data folder, never a secret
 * (secrets are in main/vault). Plain Node (`conf`, not electron-store), so the web build uses it too.
 */
export * from './schema';
export * from './profiles';
export * from './settings-store';
export * from './preferences';
export * from './current-customers';
