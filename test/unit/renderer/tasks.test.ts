import { describe, expect, it } from 'vitest';
import type { TaskProgress } from '../../../preload/contract';
import {
  initialTasksState,
  progressReceived,
  taskFinished,
  tasksListed,
} from '../../../renderer/src/state/tasks';

const progress = (taskId: string, done: number): TaskProgress => ({
  taskId,
  kind: 'catalog.sync',
  key: 'us',
  label: 'Catalog for United States',
  done,
  total: 10,
  startedAt: '2026-11-29T10:00:00.000Z',
});

describe('tasks state', () => {
  it('keeps the latest progress of each running task', () => {
    let state = progressReceived(initialTasksState, progress('a', 1));
    state = progressReceived(state, progress('b', 2));
    state = progressReceived(state, progress('a', 5));
    expect(state.running).toEqual({ a: progress('a', 5), b: progress('b', 2) });
  });

  it('forgets a task when it ends, and leaves the others', () => {
    const state = progressReceived(progressReceived(initialTasksState, progress('a', 1)), progress('b', 2));
    expect(taskFinished(state, { taskId: 'a' }).running).toEqual({ b: progress('b', 2) });
    expect(taskFinished(state, { taskId: 'unknown' })).toBe(state);
  });

  it('adds the tasks main lists at start-up without going back on newer progress', () => {
    const state = progressReceived(initialTasksState, progress('a', 7));
    const listed = tasksListed(state, [progress('a', 3), progress('c', 1)]);
    expect(listed.running).toEqual({ a: progress('a', 7), c: progress('c', 1) });
  });
});
