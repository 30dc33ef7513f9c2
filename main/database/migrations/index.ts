/**
 * The app's migrations, in order. Append only; see ../README.md for the planned ones.
 */
import type { Migration } from '../migrate';
import { catalogMigration } from './0001-catalog';
import { buyMigration } from './0002-buy';
import { trackMigration } from './0004-track';

/** Holds version 3 (subscription registrations) until its branch is merged: versions stay gapless. */
const registrationsSlot: Migration = { version: 3, name: 'registrations', up: () => undefined };

/** Every migration the app knows, oldest first. */
export const migrations: ReadonlyArray<Migration> = [
  catalogMigration,
  buyMigration,
  registrationsSlot,
  trackMigration,
];
