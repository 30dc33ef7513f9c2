/**
 * Long jobs in main (a catalog sync, a registration watch, an export): what the renderer sees of them.
 * One engine (`main/tasks/`) runs them all; each kind belongs to one capability.
 */
import { z } from 'zod';
import { DeskError } from './errors';

/** Every kind of long job. A capability that adds one adds it here. */
export const TaskKind = z.enum([
  'catalog.sync',
  'subscription.registration',
  'orders.watch',
  'reservations.refresh',
  'billing.lineItems',
  'billing.statements',
]);
export type TaskKind = z.infer<typeof TaskKind>;

/** A running task, as progress events and `tasks.list` show it. */
export const TaskProgress = z.object({
  taskId: z.string().min(1),
  kind: TaskKind,
  /** What the task works on (e.g. a catalog key); a second start with the same kind and key joins it. */
  key: z.string(),
  /** What the task does, for a person: "Refreshing the catalog for Germany". */
  label: z.string(),
  /** The step it is at now, in a few words: "Reading the product list…". */
  phase: z.string().optional(),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative().nullable(),
  /**
   * How much of the result can be used before the task ends, when it has such a thing: the SKUs a
   * catalog's first sync has stored (the screen re-reads its rows as this grows).
   */
  available: z.number().int().nonnegative().optional(),
  /** Units per second so far, and the estimated time left, once there is a rate to go by. */
  ratePerSecond: z.number().nonnegative().optional(),
  etaMs: z.number().nonnegative().optional(),
  startedAt: z.iso.datetime(),
});
export type TaskProgress = z.infer<typeof TaskProgress>;

export const TaskOutcome = z.enum(['completed', 'cancelled', 'offline', 'failed']);
export type TaskOutcome = z.infer<typeof TaskOutcome>;

/** How a task ended, sent once with `task.finished`. */
export const TaskFinished = z.object({
  taskId: z.string().min(1),
  kind: TaskKind,
  key: z.string(),
  outcome: TaskOutcome,
  /** One sentence for the screen. */
  message: z.string(),
  /** A small result summary (counts, ids), kind-specific. */
  summary: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
  /** Set when the outcome is `failed` or `offline`. */
  error: DeskError.optional(),
});
export type TaskFinished = z.infer<typeof TaskFinished>;

export const TaskStarted = z.object({ taskId: z.string(), joined: z.boolean() });
export type TaskStarted = z.infer<typeof TaskStarted>;
