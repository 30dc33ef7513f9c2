/** The shape of every failure that crosses the bridge. */
import { z } from 'zod';

/** Stable error codes the renderer can switch on. Never rename one: add a new one instead. */
export const ErrorCode = z.enum([
  'INVALID_INPUT',
  'UNKNOWN_CHANNEL',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'UNAUTHENTICATED',
  'OFFLINE',
  'THROTTLED',
  'CANCELLED',
  'PARTNER_CENTER',
  'BRIDGE_UNAVAILABLE',
  'TIMEOUT',
  'KEYCHAIN_UNAVAILABLE',
  'MISCONFIGURED',
  'INTERNAL',
  /** The disk holding the data folder is full (ENOSPC, SQLITE_FULL); the message names the folder. */
  'DISK_FULL',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** A failure as the renderer sees it: a code to switch on and a message a person can act on. */
export const DeskError = z.object({
  code: ErrorCode,
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type DeskError = z.infer<typeof DeskError>;
