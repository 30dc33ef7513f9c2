/**
 * INTERIM: runs Track's tasks until the shared task engine (`main/tasks/`, branch h1-machinery) is
 * merged; then `createAppCore` passes that engine instead and this file goes. It keeps only what the
 * Track capabilities need: one task per kind and key, cancel through an AbortSignal, progress and the
 * end announced as `task.progress` (state `succeeded`, `failed` or `cancelled` at the end).
 */
import type { TaskFinished } from '../../preload/schemas/tasks';
import type { EventHub } from '../ipc/event-hub';
import type { TaskPort, TaskRunSpec } from './task-port';

interface Running {
  readonly controller: AbortController;
  readonly finished: Promise<TaskFinished>;
}

export function createInterimTaskRunner(events: Pick<EventHub, 'emit'>): TaskPort {
  const running = new Map<string, Running>();
  const byKey = new Map<string, string>();
  let nextId = 1;

  const start = (spec: TaskRunSpec) => {
    const keyOf = `${spec.kind}\u0000${spec.key}`;
    const existing = byKey.get(keyOf);
    if (existing !== undefined) return { taskId: existing, joined: true };
    const taskId = `track-${nextId++}`;
    const controller = new AbortController();
    let last = { done: 0, total: null as number | null };
    const send = (state: 'running' | 'succeeded' | 'failed' | 'cancelled') =>
      events.emit('task.progress', { taskId, label: spec.label, done: last.done, total: last.total, state });
    const finished = (async (): Promise<TaskFinished> => {
      await Promise.resolve();
      const end = (outcome: TaskFinished['outcome'], summary?: TaskFinished['summary']): TaskFinished => ({
        taskId,
        kind: spec.kind,
        key: spec.key,
        outcome,
        message: spec.message?.({ outcome, ...(summary ? { summary } : {}) }) ?? outcome,
        ...(summary ? { summary } : {}),
      });
      try {
        const summary = await spec.run({
          signal: controller.signal,
          progress: (update) => {
            last = { done: update.done, total: update.total ?? null };
            send('running');
          },
        });
        send('succeeded');
        return end('completed', summary ?? undefined);
      } catch {
        send(controller.signal.aborted ? 'cancelled' : 'failed');
        return end(controller.signal.aborted ? 'cancelled' : 'failed');
      } finally {
        running.delete(taskId);
        byKey.delete(keyOf);
      }
    })();
    running.set(taskId, { controller, finished });
    byKey.set(keyOf, taskId);
    return { taskId, joined: false };
  };

  return {
    start,
    cancel(taskId) {
      const task = running.get(taskId);
      task?.controller.abort();
      return task !== undefined;
    },
    whenFinished: (taskId) => running.get(taskId)?.finished,
  };
}
