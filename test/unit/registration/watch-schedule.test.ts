import { describe, expect, it } from 'vitest';
import { knownRegistration } from '../../../main/registration/registration-service';
import { MAX_POLL_DELAY_MS, nextPollDelayMs } from '../../../main/registration/watch-schedule';

describe('the registration watch', () => {
  it('asks soon at first, then less often, never more rarely than every 30 s', () => {
    const delays = Array.from({ length: 20 }, (_, i) => nextPollDelayMs(i + 1));
    expect(delays.slice(0, 3)).toEqual([1000, 1500, 2250]);
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1]!);
    expect(Math.max(...delays)).toBe(MAX_POLL_DELAY_MS);
  });

  it('reads only the statuses it knows; anything else is unknown, not a guess', () => {
    expect(knownRegistration('Registered')).toBe('Registered');
    expect(knownRegistration('NotRegistered')).toBe('NotRegistered');
    expect(knownRegistration('Pending')).toBeNull();
  });
});
