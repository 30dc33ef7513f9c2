/** The clouds a partner profile can belong to: their ids and the names people read. */
import { z } from 'zod';

/**
 * Microsoft's clouds that run Partner Center, or the built-in sandbox (the demo profile). US
 * Government and China (21Vianet) sign in at their own Entra ID authority (issue 15).
 */
export const Cloud = z.enum(['global', 'usgov', 'china', 'sandbox']);
export type Cloud = z.infer<typeof Cloud>;

/** The clouds a user may choose for a profile (the sandbox belongs to the demo profile only). */
export const PARTNER_CLOUDS = ['global', 'usgov', 'china'] as const satisfies readonly Cloud[];
/** A cloud a user may choose for a profile. */
export type PartnerCloud = (typeof PARTNER_CLOUDS)[number];

/** What the profile form and the Connect card call each cloud. */
export const CLOUD_LABELS: Readonly<Record<Cloud, string>> = {
  global: 'Global',
  usgov: 'US Government',
  china: 'China (21Vianet)',
  sandbox: 'Built-in sandbox',
};
