import { describe, expect, it } from 'vitest';
import { cloudAuthority } from '../../../main/auth/authority';
import { onSandbox, ofMicrosoft, standInFromEnvironment } from '../../../main/connect/cloud-directory';
import type { SandboxEndpoint } from '../../../main/connect/embedded-sandbox';
import {
  authorityUrl,
  CLOUDS,
  missingServiceNote,
  partnerCenterScopes,
} from '../../../main/partner-center/clouds';
import { parseCliOptions, UsageError } from '../../../main/sandbox/cli-options';
import { SettingsSchema } from '../../../main/settings';
import { storedProfile, TENANT } from '../settings/fixtures';

const SANDBOX: SandboxEndpoint = {
  baseUrl: 'http://127.0.0.1:4567',
  graphBaseUrl: 'http://127.0.0.1:4567/graph/v1.0',
  blobBaseUrl: 'http://127.0.0.1:4567/blob',
  authority: `http://127.0.0.1:4567/login.microsoftonline.us/${TENANT}`,
  tenantId: TENANT,
  clientId: '1950a258-227b-4e31-a9cf-717495945fc2',
  clientSecret: 'sbx~not-a-real-secret',
  user: 'demo.user@contoso.example',
};

describe('the cloud table', () => {
  it('Global: login.microsoftonline.com, the global API, Graph reconciliation and the price sheet', () => {
    expect(authorityUrl('global', TENANT)).toBe(`https://login.microsoftonline.com/${TENANT}`);
    expect(ofMicrosoft('global')).toEqual({
      authorityBase: 'https://login.microsoftonline.com',
      onSandbox: false,
      apiBaseUrl: 'https://api.partnercenter.microsoft.com',
      graphReconciliation: {
        graphBaseUrl: 'https://graph.microsoft.com/v1.0',
        blobBaseUrl: 'https://*.blob.core.windows.net',
      },
      priceSheetOrigin: 'https://api.partner.microsoft.com',
    });
    expect(partnerCenterScopes('global', 'app-only')).toEqual([
      'https://api.partnercenter.microsoft.com/.default',
    ]);
    expect(missingServiceNote('global', 'graphReconciliation')).toBeNull();
    expect(missingServiceNote('global', 'priceSheet')).toBeNull();
  });

  it('US Government: its own authority, the global Partner Center API, no Graph, no price sheet', () => {
    expect(authorityUrl('usgov', TENANT)).toBe(`https://login.microsoftonline.us/${TENANT}`);
    expect(ofMicrosoft('usgov')).toEqual({
      authorityBase: 'https://login.microsoftonline.us',
      onSandbox: false,
      apiBaseUrl: 'https://api.partnercenter.microsoft.com',
      graphReconciliation: null,
      priceSheetOrigin: null,
    });
    expect(partnerCenterScopes('usgov', 'app-user')).toEqual([
      'https://api.partnercenter.microsoft.com/user_impersonation',
      'offline_access',
    ]);
    expect(missingServiceNote('usgov', 'graphReconciliation')).toBe(
      "Microsoft Graph reconciliation is not offered in the US Government cloud, so line items come from Partner Center's invoice line items (v1), page by page.",
    );
    expect(missingServiceNote('usgov', 'priceSheet')).toMatch(
      /^Partner Center's price sheet is not offered in the US Government cloud, so the review shows no partner prices/,
    );
  });

  it("China (21Vianet): login.chinacloudapi.cn and 21Vianet's own Partner Center API and audience", () => {
    expect(authorityUrl('china', TENANT)).toBe(`https://login.chinacloudapi.cn/${TENANT}`);
    expect(ofMicrosoft('china')).toEqual({
      authorityBase: 'https://login.chinacloudapi.cn',
      onSandbox: false,
      apiBaseUrl: 'https://partner.partnercenterapi.microsoftonline.cn',
      graphReconciliation: null,
      priceSheetOrigin: null,
    });
    expect(partnerCenterScopes('china', 'app-only')).toEqual([
      'https://partner.partnercenterapi.microsoftonline.cn/.default',
    ]);
    expect(missingServiceNote('china', 'graphReconciliation')).toContain('China (21Vianet) cloud');
  });

  it('the demo sandbox behaves like Global', () => {
    expect(missingServiceNote('sandbox', 'graphReconciliation')).toBeNull();
    expect(partnerCenterScopes('sandbox', 'app-only')).toEqual(partnerCenterScopes('global', 'app-only'));
    expect(onSandbox('sandbox', SANDBOX)).toMatchObject({
      authorityBase: SANDBOX.baseUrl,
      apiBaseUrl: SANDBOX.baseUrl,
      graphReconciliation: { graphBaseUrl: SANDBOX.graphBaseUrl, blobBaseUrl: SANDBOX.blobBaseUrl },
      priceSheetOrigin: SANDBOX.baseUrl,
    });
  });

  it('a sandbox standing in for US Government signs in under that cloud and offers only what it has', () => {
    expect(onSandbox('usgov', SANDBOX)).toEqual({
      authorityBase: 'http://127.0.0.1:4567/login.microsoftonline.us',
      onSandbox: true,
      apiBaseUrl: SANDBOX.baseUrl,
      graphReconciliation: null,
      priceSheetOrigin: null,
    });
    const line = JSON.stringify({ event: 'ready', cloud: 'usgov', ...SANDBOX });
    expect(standInFromEnvironment(line)).toEqual({ cloud: 'usgov', endpoint: SANDBOX });
    expect(standInFromEnvironment(undefined)).toBeUndefined();
    expect(() => standInFromEnvironment(JSON.stringify({ ...SANDBOX, cloud: 'global' }))).toThrow(/--cloud/);
  });
});

describe('MSAL authority per cloud', () => {
  it('names a sovereign host in knownAuthorities so MSAL never falls back to the global cloud', () => {
    expect(cloudAuthority('global', TENANT)).toEqual({
      authority: `https://login.microsoftonline.com/${TENANT}`,
      knownAuthorities: [],
    });
    expect(cloudAuthority('usgov', TENANT)).toEqual({
      authority: `https://login.microsoftonline.us/${TENANT}`,
      knownAuthorities: ['login.microsoftonline.us'],
    });
    expect(cloudAuthority('china', TENANT)).toEqual({
      authority: `https://login.chinacloudapi.cn/${TENANT}`,
      knownAuthorities: ['login.chinacloudapi.cn'],
    });
    for (const row of Object.values(CLOUDS)) expect(row.partnerCenterApi).toMatch(/^https:\/\//);
  });
});

describe('settings files and clouds', () => {
  const profile = storedProfile({ name: 'Written before clouds' });

  it('reads a profile without a cloud as Global, and keeps sandbox and the new clouds', () => {
    const settings = SettingsSchema.parse({
      profiles: [
        profile,
        { ...profile, id: 'demo', name: 'Demo', cloud: 'sandbox' },
        { ...profile, id: 'gov', name: 'Gov', cloud: 'usgov' },
        { ...profile, id: 'cn', name: 'CN', cloud: 'china' },
      ],
    });
    expect(settings.profiles.map((p) => p.cloud)).toEqual(['global', 'sandbox', 'usgov', 'china']);
  });
});

describe('the sandbox command line', () => {
  it('takes --cloud usgov|china and refuses any other cloud', () => {
    expect(parseCliOptions(['--cloud', 'usgov'])).toEqual({ cloud: 'usgov' });
    expect(parseCliOptions(['--cloud', 'china'])).toEqual({ cloud: 'china' });
    expect(() => parseCliOptions(['--cloud', 'germany'])).toThrow(UsageError);
    expect(() => parseCliOptions(['--cloud', 'germany'])).toThrow('--cloud must be global, usgov or china');
  });
});
