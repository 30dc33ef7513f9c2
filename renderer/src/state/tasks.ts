/**
 * Long jobs running in main (syncs, checkouts, exports), as the renderer follows them: the latest
 * progress of each running task. Pure changes, tested without React or a bridge.
 */
import type { TaskFinished, TaskProgress } from '../../../preload/contract';

export interface TasksState {
  /** Running tasks by id, with their latest progress. */
  readonly running: Readonly<Record<string, TaskProgress>>;
}

export const initialTasksState: TasksState = { running: {} };

/** A task moved on. */
export function progressReceived(state: TasksState, progress: TaskProgress): TasksState {
  return { running: { ...state.running, [progress.taskId]: progress } };
}

/** A task ended: it is no longer running. */
export function taskFinished(state: TasksState, finished: Pick<TaskFinished, 'taskId'>): TasksState {
  if (!Object.hasOwn(state.running, finished.taskId)) return state;
  const { [finished.taskId]: _ended, ...running } = state.running;
  return { running };
}

/** The tasks main says are running (at start-up): progress already received is newer, so it stays. */
export function tasksListed(state: TasksState, tasks: ReadonlyArray<TaskProgress>): TasksState {
  const listed = Object.fromEntries(tasks.map((task) => [task.taskId, task]));
  return { running: { ...listed, ...state.running } };
}
