/**
 * One engine for every long job in main (a catalog sync, a checkout, an export): it starts a task once
 * per key, reports its progress to the renderer (throttled), cancels it through an `AbortSignal`, and
 * ends it with exactly one outcome, sent as `task.finished`.
 *
 * A capability describes its job (`kind`, `key`, `label`, `run`); the engine owns the task ids, the
 * running tasks, the events and the translation of a thrown error into a `DeskError`.
 */
import type { DeskError, TaskFinished, TaskKind, TaskOutcome, TaskProgress } from '../../preload/contract';
import type { EventHub } from '../ipc/event-hub';
import { DeskFailure } from '../ipc/failure';
import { ProgressThrottle, type ProgressUpdate } from './progress-throttle';

export type { ProgressUpdate } from './progress-throttle';

/** A task's result summary: a few counts or ids, sent with `task.finished`. */
export type TaskSummary = Readonly<Record<string, string | number | boolean | null>>;

/** What a running task gets from the engine. */
export interface TaskContext {
  readonly taskId: string;
  /** Aborted when the task is cancelled (by the user, the app's shutdown, or its profile's removal). */
  readonly signal: AbortSignal;
  /** Reports where the task is; cheap to call often (the engine throttles what it sends). */
  readonly progress: (update: ProgressUpdate) => void;
}

/** How a task ended, as its `message` function sees it. */
export interface TaskEnd {
  readonly outcome: TaskOutcome;
  readonly summary?: TaskSummary;
  readonly error?: DeskError;
}

/** A long job to run. */
export interface TaskSpec {
  readonly kind: TaskKind;
  /** What it works on; a second start with the same kind and key joins the running task. */
  readonly key: string;
  /** What it does, for a person: "Refreshing the catalog for Germany". */
  readonly label: string;
  /** The profile it works for: removing the profile cancels it. */
  readonly profileId?: string;
  /**
   * The job. Its resolved value is the result summary; a thrown error becomes `failed` (or `offline`
   * when it means Partner Center cannot be reached), and anything after an abort becomes `cancelled`.
   */
  readonly run: (context: TaskContext) => Promise<TaskSummary | void>;
  /** The sentence the screen shows at the end; the engine's defaults otherwise. */
  readonly message?: (end: TaskEnd) => string;
}

/** What `cancelWhere` can pick tasks by. */
export type TaskIdentity = Pick<TaskSpec, 'kind' | 'key' | 'profileId'>;

/** What `start` answers: the task's id, and whether an already running task was joined. */
export interface TaskStart {
  readonly taskId: string;
  readonly joined: boolean;
}

export interface TaskEngineOptions {
  readonly events: Pick<EventHub, 'emit'>;
  /** Turns a capability's own error types into failures (see `main/failures.ts`). */
  readonly explain?: (error: unknown) => DeskFailure | undefined;
  /** Told of errors no capability explained; they still end the task as `failed`. */
  readonly onUnexpected?: (what: string, error: unknown) => void;
  /** Least time between two progress events of one task (default 100 ms: at most ten a second). */
  readonly progressIntervalMs?: number;
  readonly now?: () => number;
}

interface RunningTask {
  readonly spec: TaskSpec;
  readonly taskId: string;
  readonly startedAt: string;
  readonly controller: AbortController;
  readonly throttle: ProgressThrottle;
  readonly finished: Promise<TaskFinished>;
}

/** The engine's API, for capabilities and the `tasks.*` handlers. */
export interface TaskEngine {
  /** Starts a task on the next turn (so the caller has its id first), or joins the one with its key. */
  start(spec: TaskSpec): TaskStart;
  /** The running task of this kind and key, if any. */
  find(kind: TaskKind, key: string): string | undefined;
  /** Every running task, with its latest progress. */
  list(): TaskProgress[];
  /** Asks a task to stop; false when no such task is running. */
  cancel(taskId: string): boolean;
  /** Cancels every running task the predicate picks, and waits until they have ended. */
  cancelWhere(pick: (task: TaskIdentity) => boolean): Promise<void>;
  /** Resolves with the task's end; undefined when no such task is running. */
  whenFinished(taskId: string): Promise<TaskFinished> | undefined;
  /** App shutdown: cancels everything and waits for the tasks to end. */
  close(): Promise<void>;
}

const defaultMessages: Readonly<Record<TaskOutcome, string>> = {
  completed: 'Done.',
  cancelled: 'Cancelled.',
  offline: 'Partner Center cannot be reached. Try again when you are online.',
  failed: 'Something went wrong. Try again.',
};

/** The outcome of a task that threw: the user's cancel wins, then what the error says. */
export function outcomeOf(aborted: boolean, error: DeskError): Exclude<TaskOutcome, 'completed'> {
  if (aborted || error.code === 'CANCELLED') return 'cancelled';
  return error.code === 'OFFLINE' ? 'offline' : 'failed';
}

export function createTaskEngine(options: TaskEngineOptions): TaskEngine {
  const { events } = options;
  const now = options.now ?? Date.now;
  const intervalMs = options.progressIntervalMs ?? 100;
  const running = new Map<string, RunningTask>();
  const byKey = new Map<string, string>();
  let nextId = 1;

  const keyOf = (kind: TaskKind, key: string) => `${kind}\u0000${key}`;

  const toDeskError = (error: unknown): DeskError => {
    const known = error instanceof DeskFailure ? error : options.explain?.(error);
    if (known) return known.toError();
    if (!isAbort(error)) options.onUnexpected?.('task', error);
    return { code: 'INTERNAL', message: defaultMessages.failed };
  };

  const execute = async (
    spec: TaskSpec,
    taskId: string,
    controller: AbortController,
    throttle: ProgressThrottle,
  ): Promise<TaskFinished> => {
    // The next turn: `start` has returned the id before the first event about it.
    await new Promise((resolve) => setImmediate(resolve));
    let end: TaskEnd;
    try {
      // Cancelled before it started (say, its profile was removed at once): nothing to run.
      controller.signal.throwIfAborted();
      const summary = await spec.run({
        taskId,
        signal: controller.signal,
        progress: (update) => throttle.update(update),
      });
      end = summary ? { outcome: 'completed', summary } : { outcome: 'completed' };
    } catch (error) {
      const deskError = toDeskError(error);
      const outcome = outcomeOf(controller.signal.aborted, deskError);
      end = outcome === 'cancelled' ? { outcome } : { outcome, error: deskError };
    }
    running.delete(taskId);
    byKey.delete(keyOf(spec.kind, spec.key));
    throttle.flush();
    const finished: TaskFinished = {
      taskId,
      kind: spec.kind,
      key: spec.key,
      outcome: end.outcome,
      message: spec.message?.(end) ?? end.error?.message ?? defaultMessages[end.outcome],
      ...(end.summary ? { summary: { ...end.summary } } : {}),
      ...(end.error ? { error: end.error } : {}),
    };
    events.emit('task.finished', finished);
    return finished;
  };

  const cancel = (taskId: string): boolean => {
    const task = running.get(taskId);
    task?.controller.abort();
    return task !== undefined;
  };

  const cancelWhere: TaskEngine['cancelWhere'] = async (pick) => {
    const picked = Array.from(running.values()).filter((task) => pick(task.spec));
    for (const task of picked) task.controller.abort();
    await Promise.all(picked.map((task) => task.finished));
  };

  return {
    start(spec) {
      const existing = byKey.get(keyOf(spec.kind, spec.key));
      if (existing !== undefined) return { taskId: existing, joined: true };
      const taskId = `${spec.kind}-${nextId++}`;
      const startedAt = new Date(now()).toISOString();
      const throttle = new ProgressThrottle({
        intervalMs,
        now,
        send: (snapshot) =>
          events.emit('task.progress', {
            taskId,
            kind: spec.kind,
            key: spec.key,
            label: spec.label,
            startedAt,
            ...snapshot,
          }),
      });
      const controller = new AbortController();
      // `execute` waits a turn before it runs anything, so the task is registered first.
      const finished = execute(spec, taskId, controller, throttle);
      running.set(taskId, { spec, taskId, startedAt, controller, throttle, finished });
      byKey.set(keyOf(spec.kind, spec.key), taskId);
      return { taskId, joined: false };
    },

    find: (kind, key) => byKey.get(keyOf(kind, key)),

    list: () =>
      Array.from(running.values(), ({ spec, taskId, startedAt, throttle }) => ({
        taskId,
        kind: spec.kind,
        key: spec.key,
        label: spec.label,
        startedAt,
        ...throttle.latest(),
      })),

    cancel,

    cancelWhere,

    whenFinished: (taskId) => running.get(taskId)?.finished,

    close: () => cancelWhere(() => true),
  };
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}
