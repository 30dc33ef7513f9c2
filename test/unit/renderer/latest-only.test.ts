import { describe, expect, it } from 'vitest';
import { latestOnly } from '../../../renderer/src/state/latest-only';

/** A question asker whose answers come back when the test says so. */
function asker() {
  let version = 0;
  const asked: number[] = [];
  const answers: Array<() => void> = [];
  const ask = latestOnly(
    () => version,
    (key) =>
      new Promise<void>((resolve) => {
        asked.push(key);
        answers.push(resolve);
      }),
  );
  const answer = async () => {
    answers.shift()?.();
    // Let the finally handler run.
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { ask, asked, answer, change: () => version++ };
}

describe('latestOnly', () => {
  it('asks the latest question once the one in flight is answered, skipping those in between', async () => {
    const a = asker();
    a.ask();
    for (let keystroke = 0; keystroke < 5; keystroke++) {
      a.change();
      a.ask();
    }
    expect(a.asked).toEqual([0]);
    await a.answer();
    // Versions 1 to 4 were superseded while 0 was out: nobody would see their answers.
    expect(a.asked).toEqual([0, 5]);
    await a.answer();
    expect(a.asked).toEqual([0, 5]);
  });

  it('does not ask again when the question did not change while it was out', async () => {
    const a = asker();
    a.ask();
    a.ask();
    await a.answer();
    expect(a.asked).toEqual([0]);
  });

  it('does not ask again when nobody asked while the answer was out', async () => {
    const a = asker();
    a.ask();
    a.change();
    await a.answer();
    expect(a.asked).toEqual([0]);
    a.ask();
    expect(a.asked).toEqual([0, 1]);
  });
});
