/**
 * The part of the task engine (`main/tasks/`, contract in common-context: `start`, `cancel`,
 * `whenFinished`) that the Track capabilities use. Declared structurally so the orders and
 * reservations services depend only on the engine's documented API: the engine itself fits it.
 */
import type { TaskFinished, TaskKind } from '../../preload/schemas/tasks';

/** A task's result summary. */
export type TaskSummary = Readonly<Record<string, string | number | boolean | null>>;

/** What a running task gets. */
export interface TaskRunContext {
  readonly signal: AbortSignal;
  readonly progress: (update: {
    readonly done: number;
    readonly total?: number | null;
    readonly phase?: string;
  }) => void;
}

/** A long job. */
export interface TaskRunSpec {
  readonly kind: TaskKind;
  readonly key: string;
  readonly label: string;
  readonly run: (context: TaskRunContext) => Promise<TaskSummary | void>;
  readonly message?: (end: {
    readonly outcome: TaskFinished['outcome'];
    readonly summary?: TaskSummary;
  }) => string;
}

/** Starts, cancels and awaits tasks. */
export interface TaskPort {
  start(spec: TaskRunSpec): { readonly taskId: string; readonly joined: boolean };
  cancel(taskId: string): boolean;
  whenFinished(taskId: string): Promise<TaskFinished> | undefined;
}
