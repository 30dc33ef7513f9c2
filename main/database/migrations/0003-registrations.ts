/**
 * Migration 3: customers' subscriptions and their reservation registration status (contract §4.2, §8),
 * cached so the Customers screen and the cart can show them offline, with their age.
 *
 * Frozen once shipped: later changes go in new migrations. The SQL is inline on purpose.
 */
import type { Migration } from '../migrate';

const sql = `
-- When a customer's subscription list was last read from Partner Center (a customer with no
-- subscriptions still has a row here, so "none" and "never read" differ).
CREATE TABLE customer_subscription_reads (
  profile_id TEXT NOT NULL,
  customer_id TEXT NOT NULL,
  read_at INTEGER NOT NULL,
  PRIMARY KEY (profile_id, customer_id)
) STRICT, WITHOUT ROWID;

-- One subscription of a customer; scope is NULL for subscriptions that cannot hold reservations.
-- registration is NULL until its status was read; checked_at says when it was.
CREATE TABLE subscription_registrations (
  profile_id TEXT NOT NULL,
  customer_id TEXT NOT NULL,
  subscription_id TEXT NOT NULL COLLATE NOCASE,
  name TEXT NOT NULL,
  offer_id TEXT,
  subscription_status TEXT,
  scope TEXT CHECK (scope IN ('AzurePlan', 'MS-AZR-0145P')),
  registration TEXT CHECK (registration IN ('Registered', 'Registering', 'NotRegistered')),
  checked_at INTEGER,
  PRIMARY KEY (profile_id, customer_id, subscription_id)
) STRICT, WITHOUT ROWID;
`;

export const registrationsMigration: Migration = {
  version: 3,
  name: 'registrations',
  up(db) {
    db.exec(sql);
  },
};
