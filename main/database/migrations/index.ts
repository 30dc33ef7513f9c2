/**
 * The app's migrations, in order. Append only; see ../README.md for the planned ones.
 */
import type { Migration } from '../migrate';
import { catalogMigration } from './0001-catalog';
import { buyMigration } from './0002-buy';
import { registrationsMigration } from './0003-registrations';
import { trackMigration } from './0004-track';
import { billingMigration } from './0005-billing';

/** Every migration the app knows, oldest first. */
export const migrations: ReadonlyArray<Migration> = [
  catalogMigration,
  buyMigration,
  registrationsMigration,
  trackMigration,
  billingMigration,
];
