/**
 * Throws random and malformed inputs at every channel: input the contract refuses must end in a clean
 * INVALID_INPUT (and no handler runs); input it accepts must end in a valid result or a deliberate,
 * coded failure (e.g. NOT_FOUND for a profile that does not exist), never a crash, an INTERNAL error or
 * an unhandled rejection.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { channelNames, DeskError, findCall } from '../../../preload/contract';
import { realDispatcher } from './fixtures';

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeAll(() => process.on('unhandledRejection', onUnhandled));
afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
});

/** Inputs shaped like real ones (objects with plausible keys) as well as arbitrary junk. */
const hostileInput = fc.oneof(
  fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true }),
  fc.dictionary(
    fc.constantFrom(
      'id',
      'profileId',
      'tenantId',
      'country',
      'quantity',
      '__proto__',
      'constructor',
      'toString',
    ),
    fc.anything(),
  ),
  fc.constantFrom(null, undefined, {}, [], '', 0, -1, Number.NaN, Infinity, 'x'.repeat(100_000)),
);

describe('every channel, under fuzz', () => {
  for (const channel of channelNames()) {
    it(`${channel}: a clean answer for any input`, async () => {
      const spec = findCall(channel)!;
      const unexpected: unknown[] = [];
      const { dispatcher, context, close } = realDispatcher((_c, error) => unexpected.push(error));
      onTestFinished(close);
      await fc.assert(
        fc.asyncProperty(hostileInput, async (input) => {
          const result = await dispatcher.dispatch(channel, input, context);
          const accepted = spec.input.safeParse(input).success;
          if (result.ok) {
            expect(accepted).toBe(true);
            expect(spec.output.safeParse(result.value).success).toBe(true);
          } else if (!accepted) {
            expect(DeskError.parse(result.error).code).toBe('INVALID_INPUT');
            expect(result.error.details).toHaveProperty('field');
          } else {
            expect(DeskError.parse(result.error).code).not.toBe('INTERNAL');
          }
        }),
        { numRuns: 300 },
      );
      expect(unexpected).toEqual([]);
      expect(unhandled).toEqual([]);
    });
  }

  it('random channel names get UNKNOWN_CHANNEL', async () => {
    const { dispatcher, context } = realDispatcher();
    const known = new Set<string>(channelNames());
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.anything()), hostileInput, async (channel, input) => {
        fc.pre(!(typeof channel === 'string' && known.has(channel)));
        const result = await dispatcher.dispatch(channel as string, input, context);
        expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
      }),
      { numRuns: 300 },
    );
  });
});
