import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateWorld, worldToJson } from '../../../main/sandbox/data/index';
import { NOW } from './fixtures';

describe('generateWorld determinism', () => {
  it('gives byte-identical JSON for the same options', () => {
    const a = worldToJson(generateWorld({ seed: 11, catalog: 'small', lineItems: 50, now: NOW }));
    const b = worldToJson(generateWorld({ seed: 11, catalog: 'small', lineItems: 50, now: new Date(NOW) }));
    expect(a.length).toBeGreaterThan(10_000);
    expect(b).toBe(a);
  });

  it('gives a different world for another seed', () => {
    const a = generateWorld({ seed: 11, catalog: 'small', lineItems: 50, now: NOW });
    const b = generateWorld({ seed: 12, catalog: 'small', lineItems: 50, now: NOW });
    expect(worldToJson(b)).not.toBe(worldToJson(a));
    // Generated customers, partner and invoices all move with the seed.
    expect(b.partner.id).not.toBe(a.partner.id);
    expect(b.customers[10]?.id).not.toBe(a.customers[10]?.id);
    expect(b.invoices.map((invoice) => invoice.totalCharges)).not.toEqual(
      a.invoices.map((i) => i.totalCharges),
    );
  });

  it('keeps the full catalog deterministic too', () => {
    const options = { seed: 99, catalog: 'full', lineItems: 10, now: NOW } as const;
    const a = generateWorld(options);
    const b = generateWorld(options);
    // A fingerprint of every SKU (the full world's JSON is ~80 MB: too slow to compare in a unit test).
    const fingerprint = (world: typeof a): string => {
      const hash = createHash('sha256');
      for (const sku of world.catalog.skusByKey.values()) {
        hash.update(
          `${sku.productId}:${sku.id}|${sku.title}|${sku.unitPriceUsdCents}|${JSON.stringify(sku.availabilityIds)}|${sku.purchasePrerequisites.join()}\n`,
        );
      }
      hash.update(JSON.stringify([...world.catalog.restrictedRegions]));
      hash.update(JSON.stringify(world.invoices));
      return hash.digest('hex');
    };
    expect(fingerprint(b)).toBe(fingerprint(a));
  });

  it('dates history relative to now, not the clock', () => {
    const later = new Date('2030-06-15T08:00:00.000Z');
    const world = generateWorld({ seed: 3, catalog: 'small', lineItems: 20, now: later });
    const newest = world.invoices[0];
    expect(newest).toBeDefined();
    const age = later.getTime() - new Date(newest?.invoiceDate ?? 0).getTime();
    expect(age).toBeGreaterThanOrEqual(0);
    expect(age).toBeLessThan(40 * 86_400_000);
  });

  it('rejects invalid options', () => {
    expect(() => generateWorld({ seed: 1, catalog: 'small', lineItems: -1, now: NOW })).toThrow(RangeError);
    expect(() => generateWorld({ seed: 1, catalog: 'small', lineItems: 1, now: new Date('nope') })).toThrow(
      RangeError,
    );
  });

  // How long this takes is measured by `npm run bench` (test/bench/sandbox.bench.ts), not asserted here.
  it('generates the full world with a large invoice', () => {
    const world = generateWorld({ seed: 5, catalog: 'full', lineItems: 100_000, now: NOW });
    expect(world.catalog.skuCount).toBeGreaterThan(30_000);
  });
});
