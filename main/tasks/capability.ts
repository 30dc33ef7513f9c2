/**
 * What a capability that caches a profile's Partner Center reads and refreshes them as tasks (orders,
 * reservations) is given by `main/services.ts`.
 */
import type { PartnerCenterClient } from '../partner-center';
import type { TaskEngine } from './task-engine';

/** A capability's store, the profile's client, the task engine, the profile's sign-in mode and time. */
export interface CachedCapabilityOptions<Store> {
  readonly store: Store;
  readonly clientFor: (profileId: string) => Promise<PartnerCenterClient>;
  readonly tasks: Pick<TaskEngine, 'start'>;
  /** `app-only` profiles cannot read entitlements or provisioning status; undefined for an unknown profile. */
  readonly authModeOf: (profileId: string) => 'app-only' | 'app-user' | undefined;
  readonly now?: () => number;
}
