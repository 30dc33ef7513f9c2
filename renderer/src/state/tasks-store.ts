/**
 * The one tasks store: fed by `task.progress` and `task.finished`, it holds every running task's
 * progress, and tells the screen that owns a kind of task when one of them ends, so it can refresh.
 */
import { create } from 'zustand';
import type { TaskFinished, TaskKind, TaskProgress } from '../../../preload/contract';
import { getDesk } from '../bridge';
import { once } from './once';
import { initialTasksState, progressReceived, taskFinished, tasksListed, type TasksState } from './tasks';

interface TasksStore extends TasksState {
  /** Asks main to stop a task; its end arrives as `task.finished`. */
  readonly cancel: (taskId: string) => Promise<void>;
}

type FinishListener = (finished: TaskFinished) => void;
const finishListeners = new Map<TaskKind, Set<FinishListener>>();

/** Subscribes to the task events once, and picks up the tasks that were running before. */
const listen = once(() => {
  const desk = getDesk();
  const apply = (change: (state: TasksState) => TasksState) => useTasks.setState((state) => change(state));
  desk.on('task.progress', (progress) => apply((s) => progressReceived(s, progress)));
  desk.on('task.finished', (finished) => {
    apply((s) => taskFinished(s, finished));
    for (const listener of finishListeners.get(finished.kind) ?? []) listener(finished);
  });
  void desk.tasks.list().then((listed) => {
    if (listed.ok) apply((s) => tasksListed(s, listed.value.tasks));
  });
});

export const useTasks = create<TasksStore>(() => ({
  ...initialTasksState,
  async cancel(taskId) {
    await getDesk().tasks.cancel({ taskId });
  },
}));

/** Calls `listener` whenever a task of this kind ends; returns the function that stops it. */
export function onTaskFinished(kind: TaskKind, listener: FinishListener): () => void {
  listen();
  const listeners = finishListeners.get(kind) ?? new Set<FinishListener>();
  finishListeners.set(kind, listeners);
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The latest progress of one task, for a component that shows it (re-renders only for that task). */
export function useTaskProgress(taskId: string | null): TaskProgress | undefined {
  listen();
  return useTasks((s) => (taskId === null ? undefined : s.running[taskId]));
}
