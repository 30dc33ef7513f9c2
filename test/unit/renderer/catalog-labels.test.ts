import { describe, expect, it } from 'vitest';
import type { CatalogSku } from '../../../preload/contract';
import { noFilters } from '../../../renderer/src/state/catalog';
import {
  attributeLabel,
  quantityLabel,
  searchSummary,
  searchTextHint,
  skuDetailRows,
  termLabel,
} from '../../../renderer/src/state/catalog-labels';

const sku: CatalogSku = {
  productId: 'DZH318Z0BQ4Z',
  skuId: '00C1',
  productTitle: 'Reserved VM Instance, Dsv5',
  title: 'Standard_D4s_v5, US East, 3 Years',
  description: '',
  armSkuName: 'Standard_D4s_v5',
  skuDisplayName: null,
  region: 'US East',
  armRegionName: 'eastus',
  cores: 4,
  ramGb: 16,
  term: 'P3Y',
  duration: '3Years',
  category: 'General purpose',
  diskType: null,
  vmSeries: 'Dsv5',
  needsInventoryCheck: true,
  prerequisites: ['InventoryCheck'],
  minimumQuantity: 1,
  maximumQuantity: 999_999_999,
  attributes: { armSkuName: 'Standard_D4s_v5', instanceFlexibilityGroup: 'Dsv5 Series', duration: '3Years' },
};

describe('catalog labels', () => {
  it('writes a term the same way whether it came as ISO 8601 or as Partner Center’s duration', () => {
    expect(termLabel('P1Y')).toBe('1 year');
    expect(termLabel('P3Y')).toBe('3 years');
    expect(termLabel('1Year')).toBe('1 year');
    expect(termLabel('3Years')).toBe('3 years');
    expect(termLabel('36 Months')).toBe('36 months');
    expect(termLabel('Monthly')).toBe('Monthly');
    expect(termLabel(null)).toBe('');
  });

  it('shows the SKU panel with human labels, "no limit" for the sentinel and terms in words', () => {
    const rows = Object.fromEntries(skuDetailRows(sku));
    expect(rows['Maximum quantity']).toBe('no limit');
    expect(rows['Minimum quantity']).toBe('1');
    expect(rows['Azure SKU name']).toBe('Standard_D4s_v5');
    expect(rows['Instance size flexibility group']).toBe('Dsv5 Series');
    expect(rows['Term']).toBe('3 years');
    expect(rows['Prerequisites']).toBe('Inventory check');
    const labels = skuDetailRows(sku).map(([label]) => label);
    expect(labels).not.toContain('armSkuName');
    expect(labels).not.toContain('instanceFlexibilityGroup');
    expect(labels).not.toContain('duration');
  });

  it('puts an unknown attribute key into words and a real limit as a number', () => {
    expect(attributeLabel('someNewKey')).toBe('Some new key');
    expect(quantityLabel(100_000)).toBe('100,000');
  });

  it('says what an empty search searched for, by the facets’ names', () => {
    const facets = {
      regions: [{ value: 'eastus', label: 'US East', count: 3 }],
      products: [],
      series: [],
      categories: [],
      terms: [],
      diskTypes: [],
      needsInventoryCheck: [],
      cores: null,
      ramGb: null,
    };
    expect(
      searchSummary(
        { ...noFilters, text: ' d4s ', regions: ['eastus'], terms: ['P1Y'], cores: { min: 4 } },
        facets,
      ),
    ).toEqual(['“d4s”', 'Region: US East', 'Term: 1 year', 'vCPUs: at least 4']);
  });

  it('hints how to search when the text has no letters or numbers', () => {
    expect(searchTextHint('😀')).toMatch(/letters and numbers/);
    expect(searchTextHint('"')).not.toBeNull();
    expect(searchTextHint('d4s')).toBeNull();
    expect(searchTextHint('')).toBeNull();
  });
});
