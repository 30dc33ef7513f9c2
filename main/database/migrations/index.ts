/**
 * The app's migrations, in order. Append only; see ../README.md for the planned ones.
 */
import type { Migration } from '../migrate';
import { catalogMigration } from './0001-catalog';
import { trackMigration } from './0005-track';

/**
 * Versions 2–4 are being written on other branches (customers and registrations, cart drafts, the
 * checkout journal); until they are merged these empty steps hold their numbers, so versions stay
 * gapless. On merge, each is replaced by the real migration of that number.
 */
function pendingSlot(version: number, name: string): Migration {
  return { version, name, up: () => undefined };
}

/** Every migration the app knows, oldest first. */
export const migrations: ReadonlyArray<Migration> = [
  catalogMigration,
  pendingSlot(2, 'pending-2'),
  pendingSlot(3, 'pending-3'),
  pendingSlot(4, 'pending-4'),
  trackMigration,
];
