/**
 * The lenient SKU reader and the free-text query builder.
 */
import { describe, expect, it } from 'vitest';
import { ftsQueryOf, normalizeSku, skuPageSchema, termOf } from '../../../main/catalog/index';

describe('termOf', () => {
  it.each([
    ['1Year', 'P1Y'],
    ['3Years', 'P3Y'],
    ['3Year', 'P3Y'],
    ['3years', 'P3Y'],
    ['P1Y', 'P1Y'],
    ['p3y', 'P3Y'],
    ['36 Months', 'P3Y'],
    ['6 months', 'P6M'],
  ])('reads %s as %s', (raw, term) => {
    expect(termOf(raw)).toBe(term);
  });
  it('leaves unknown spellings undefined', () => {
    expect(termOf('forever')).toBeUndefined();
    expect(termOf(undefined)).toBeUndefined();
  });
});

describe('normalizeSku', () => {
  it('lifts the filterable dynamicAttributes into fields, leniently', () => {
    const sku = normalizeSku(
      {
        id: 1,
        productId: 'OTHER',
        title: 'Reserved VM Instance, Standard_ND12s, US West 2, 1 Year',
        description: null,
        minimumQuantity: '1',
        maximumQuantity: 999999999,
        supportedBillingCycles: ['OneTime'],
        purchasePrerequisites: ['azureSubscriptionRegistration', 'INVENTORYCHECK', 'SomethingNew'],
        inventoryVariables: ['CustomerId'],
        provisioningVariables: null,
        dynamicAttributes: {
          armSkuName: 'Standard_ND12s',
          cores: '12',
          ram: 224,
          category: 'GPU',
          armRegionName: 'WestUS2',
          duration: '1Year',
          region: 'US West 2',
          diskType: 'Hdd',
        },
      },
      'DZH318Z0BQ5S',
    )!;
    expect(sku).toMatchObject({
      productId: 'DZH318Z0BQ5S',
      skuId: '1',
      description: sku.title,
      cores: 12,
      ramGb: 224,
      armRegionName: 'westus2',
      term: 'P1Y',
      duration: '1Year',
      needsInventoryCheck: true,
      prerequisites: ['AzureSubscriptionRegistration', 'InventoryCheck', 'SomethingNew'],
      billingCycles: ['one_time'],
      provisioningVariables: [],
      minimumQuantity: 1,
    });
    expect(sku.attributes.armSkuName).toBe('Standard_ND12s');
  });

  it('skips items without an id and rejects a body that is not a collection', () => {
    expect(normalizeSku({ title: 'no id' }, 'P')).toBeUndefined();
    expect(normalizeSku('text', 'P')).toBeUndefined();
    const page = skuPageSchema('P').parse({ items: [{ id: 'A' }, null, { id: '' }, { id: 'B' }] });
    expect(page.map((sku) => sku.skuId)).toEqual(['A', 'B']);
    expect(skuPageSchema('P').parse({ totalCount: 0 })).toEqual([]);
    expect(skuPageSchema('P').safeParse({ items: 'nope' }).success).toBe(false);
    expect(skuPageSchema('P').safeParse(null).success).toBe(false);
  });
});

describe('ftsQueryOf', () => {
  it('turns every word into a quoted prefix term', () => {
    expect(ftsQueryOf('Standard_D4s us-ea')).toBe('"standard"* "d4s"* "us"* "ea"*');
  });
  it('never passes FTS5 syntax through', () => {
    expect(ftsQueryOf('"a" OR b* NEAR(c) title:d -e')).toBe(
      '"a"* "or"* "b"* "near"* "c"* "title"* "d"* "e"*',
    );
  });
  it('folds accents and case, drops duplicates, and ignores empty input', () => {
    expect(ftsQueryOf('Réunion RÉUNION')).toBe('"reunion"*');
    expect(ftsQueryOf('  -- ')).toBeUndefined();
    expect(ftsQueryOf(undefined)).toBeUndefined();
  });
});
