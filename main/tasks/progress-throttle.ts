/**
 * A task's progress, sent at most once per interval: a sync reports every product (thousands a
 * second), and the bridge needs a few updates a second. The latest update is never lost: it goes out
 * when the interval has passed, or at the end (`flush`).
 */

/** What a task reports. */
export interface ProgressUpdate {
  readonly done: number;
  /** Undefined or null while the task does not know yet. */
  readonly total?: number | null;
  /** The step it is at, in a few words. */
  readonly phase?: string;
  /** Units of the result usable before the task ends (e.g. the SKUs a first sync has stored). */
  readonly available?: number;
}

/** What is sent: the update, with the rate and time left worked out by the engine. */
export interface ProgressSnapshot {
  readonly done: number;
  readonly total: number | null;
  readonly phase?: string;
  readonly available?: number;
  readonly ratePerSecond?: number;
  readonly etaMs?: number;
}

/** The rate follows the last three seconds of work, so a pace that changes is followed too. */
const RATE_WINDOW_MS = 3_000;

export interface ProgressThrottleOptions {
  readonly intervalMs: number;
  readonly now: () => number;
  readonly send: (snapshot: ProgressSnapshot) => void;
}

export class ProgressThrottle {
  private last: ProgressUpdate = { done: 0 };
  /**
   * When `done` changed, oldest first, within the rate window. The first is the last moment before
   * the work started moving: work done before a resume does not inflate the rate, and a wait before
   * the first unit (a product list to read) does not drag it down.
   */
  private samples: Array<{ readonly done: number; readonly at: number }> = [];
  private unsent = false;
  private sentAt = Number.NEGATIVE_INFINITY;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: ProgressThrottleOptions) {}

  /** Records an update; sends it now, or when the interval since the last send has passed. */
  update(update: ProgressUpdate): void {
    const at = this.options.now();
    this.sample(update.done, at);
    this.last = update;
    this.unsent = true;
    const wait = this.sentAt + this.options.intervalMs - at;
    if (wait <= 0) this.send(at);
    else this.timer ??= setTimeout(() => this.send(this.options.now()), wait);
  }

  /** Sends the latest update if it has not gone out yet, and stops the timer. */
  flush(): void {
    if (this.unsent) this.send(this.options.now());
    this.stopTimer();
  }

  /** The latest update, with its rate and time left. */
  latest(at: number = this.options.now()): ProgressSnapshot {
    const { done, total, phase, available } = this.last;
    const first = this.samples[0];
    const seconds = first === undefined ? 0 : (at - first.at) / 1000;
    const rate = seconds > 0 && first !== undefined ? (done - first.done) / seconds : 0;
    const known = total ?? null;
    return {
      done,
      total: known,
      ...(phase === undefined ? {} : { phase }),
      ...(available === undefined ? {} : { available }),
      ...(rate > 0 ? { ratePerSecond: rate } : {}),
      ...(rate > 0 && known !== null ? { etaMs: Math.round((Math.max(0, known - done) / rate) * 1000) } : {}),
    };
  }

  private sample(done: number, at: number): void {
    const last = this.samples.at(-1);
    if (last !== undefined && last.done === done) {
      // Not moving yet: the wait so far does not count.
      if (this.samples.length === 1) this.samples[0] = { done, at };
      return;
    }
    this.samples.push({ done, at });
    while (this.samples.length > 2 && at - this.samples[1]!.at >= RATE_WINDOW_MS) this.samples.shift();
  }

  private send(at: number): void {
    this.stopTimer();
    if (!this.unsent) return;
    this.unsent = false;
    this.sentAt = at;
    this.options.send(this.latest(at));
  }

  private stopTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
