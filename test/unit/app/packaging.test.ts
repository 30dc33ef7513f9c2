/**
 * The packaged app's Electron fuses, as electron-builder will flip them (its `electronFuses` key):
 * no Node mode, no NODE_OPTIONS or --inspect, only the integrity-checked app archive, encrypted cookies.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';

describe('electron-builder.yml', () => {
  it('sets the Electron fuses that close the packaged app to misuse', () => {
    const config = parseYaml(readFileSync('electron-builder.yml', 'utf8')) as Record<string, unknown>;
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
