/**
 * The packaged app's Electron fuses, as electron-builder will flip them (its `electronFuses` key):
 * no Node mode, no NODE_OPTIONS or --inspect, only the integrity-checked app archive, encrypted cookies.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// js-yaml comes with electron-builder, which reads this same file; it ships no types of its own here.
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

describe('electron-builder.yml', () => {
  it('sets the Electron fuses that close the packaged app to misuse', () => {
    const config = yaml.load(readFileSync('electron-builder.yml', 'utf8')) as Record<string, unknown>;
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});
