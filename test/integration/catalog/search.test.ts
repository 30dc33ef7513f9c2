/**
 * Catalog search over a real synced catalog (sandbox, small catalog): each filter, free text with
 * prefix matching, sort by every column, paging with a total, facets, and validation errors (the
 * dispatcher's, against the contract: the search itself is handed validated queries).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogKey, CatalogSkuRow } from '../../../main/catalog/index';
import { invalidInput } from '../../../main/ipc/dispatcher';
import { CatalogSearchInput, catalogSortColumns, type CatalogSortColumn } from '../../../preload/contract';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/index';
import { appOnlyToken, openTestCatalog, sandboxClient, type TestCatalog } from './helpers';

const catalog: CatalogKey = { profileId: 'demo', country: 'US', scope: 'AzurePlan' };
let sandbox: RunningSandbox;
let t: TestCatalog;
let all: ReadonlyArray<CatalogSkuRow>;

beforeAll(async () => {
  sandbox = await startSandbox({ catalog: 'small', lineItems: 100 });
  t = openTestCatalog();
  const result = await t.engine.sync({
    catalog,
    client: sandboxClient(sandbox.baseUrl, await appOnlyToken(sandbox)),
  });
  expect(result.outcome).toBe('completed');
  all = search({}).rows;
  expect(all.length).toBe(result.skuCount);
});
afterAll(async () => {
  t.dispose();
  await sandbox.close();
});

function search(input: Partial<CatalogSearchInput>): ReturnType<TestCatalog['search']['search']> {
  return t.search.search({ catalog, limit: 1000, ...input });
}

const keysOf = (rows: ReadonlyArray<CatalogSkuRow>): string[] =>
  rows.map((row) => `${row.productId}:${row.skuId}`).sort();

describe('catalog search filters', () => {
  it('filters by region (ARM name, any case)', () => {
    const region = all.find((row) => row.armRegionName !== undefined)!.armRegionName!;
    const result = search({ regions: [region.toUpperCase()] });
    expect(result.total).toBeGreaterThan(0);
    expect(keysOf(result.rows)).toEqual(keysOf(all.filter((row) => row.armRegionName === region)));
  });

  it('filters by several regions at once', () => {
    const regions = [...new Set(all.map((row) => row.armRegionName!))].slice(0, 2);
    const result = search({ regions });
    expect(keysOf(result.rows)).toEqual(keysOf(all.filter((row) => regions.includes(row.armRegionName!))));
  });

  it('filters by product and by series', () => {
    const product = all[0]!.productId;
    expect(keysOf(search({ productIds: [product] }).rows)).toEqual(
      keysOf(all.filter((row) => row.productId === product)),
    );
    const series = all.find((row) => row.vmSeries !== undefined)!.vmSeries!;
    expect(keysOf(search({ series: [series.toLowerCase()] }).rows)).toEqual(
      keysOf(all.filter((row) => row.vmSeries === series)),
    );
  });

  it('filters by cores and RAM ranges (inclusive)', () => {
    const cores = search({ cores: { min: 4, max: 16 } });
    expect(cores.total).toBeGreaterThan(0);
    expect(keysOf(cores.rows)).toEqual(
      keysOf(all.filter((row) => row.cores !== undefined && row.cores >= 4 && row.cores <= 16)),
    );
    const ram = search({ ramGb: { min: 32 } });
    expect(keysOf(ram.rows)).toEqual(keysOf(all.filter((row) => row.ramGb !== undefined && row.ramGb >= 32)));
  });

  it('filters by term, category, disk type and inventory check', () => {
    expect(keysOf(search({ terms: ['p3y'] }).rows)).toEqual(keysOf(all.filter((row) => row.term === 'P3Y')));
    const category = all.find((row) => row.category !== undefined)!.category!;
    expect(keysOf(search({ categories: [category] }).rows)).toEqual(
      keysOf(all.filter((row) => row.category === category)),
    );
    expect(keysOf(search({ diskTypes: ['ssd'] }).rows)).toEqual(
      keysOf(all.filter((row) => row.diskType === 'Ssd')),
    );
    const needs = search({ needsInventoryCheck: true });
    expect(needs.total).toBeGreaterThan(0);
    expect(keysOf(needs.rows)).toEqual(keysOf(all.filter((row) => row.needsInventoryCheck)));
    expect(needs.rows.every((row) => row.prerequisites.includes('InventoryCheck'))).toBe(true);
    expect(search({ needsInventoryCheck: false }).total + needs.total).toBe(all.length);
  });

  it('combines filters with AND', () => {
    const region = all[0]!.armRegionName!;
    const result = search({ regions: [region], terms: ['P1Y'], cores: { min: 2 } });
    expect(keysOf(result.rows)).toEqual(
      keysOf(
        all.filter((row) => row.armRegionName === region && row.term === 'P1Y' && (row.cores ?? -1) >= 2),
      ),
    );
  });
});

describe('catalog free-text search', () => {
  it('matches ARM SKU names by prefix as people type', () => {
    const arm = all.find((row) => row.armSkuName?.startsWith('Standard_D'))!.armSkuName!;
    const size = arm.replace(/^Standard_/, ''); // e.g. D2s_v5
    const typed = size.slice(0, 2); // "D2"
    const result = search({ text: typed });
    expect(result.total).toBeGreaterThan(0);
    expect(result.rows.some((row) => row.armSkuName === arm)).toBe(true);
    const exact = search({ text: arm });
    expect(exact.rows.some((row) => row.armSkuName === arm)).toBe(true);
    // Every word is a prefix: Standard_D2_v5 also finds Standard_D2s_v5, never Standard_E2_v5.
    const words = arm.toLowerCase().split('_');
    expect(
      exact.rows.every((row) => {
        const tokens = (row.armSkuName ?? '').toLowerCase().split('_');
        return words.every((word) => tokens.some((token) => token.startsWith(word)));
      }),
    ).toBe(true);
    // Without separators: "d2sv5" finds Standard_D2s_v5.
    const compact = search({ text: size.replace(/_/g, '').toLowerCase() });
    expect(compact.rows.some((row) => row.armSkuName === arm)).toBe(true);
  });

  it('matches region names and requires every word', () => {
    const row = all.find((r) => r.region === 'US East')!;
    const result = search({ text: 'us ea' });
    expect(result.rows.some((r) => r.productId === row.productId && r.skuId === row.skuId)).toBe(true);
    expect(
      result.rows.every(
        (r) => /us/i.test(r.title + r.region) && /ea/i.test(r.title + r.region + r.armRegionName),
      ),
    ).toBe(true);
    expect(search({ text: 'eastus' }).rows.every((r) => r.armRegionName?.startsWith('eastus'))).toBe(true);
    expect(search({ text: 'zzzz-nothing-like-this' }).total).toBe(0);
  });

  it('treats FTS syntax in the text as plain words', () => {
    for (const text of ['"', 'AND OR NOT', 'NEAR(', 'title:x', '*', '(', '-', "d2s' OR 1=1 --"]) {
      expect(() => search({ text })).not.toThrow();
    }
    expect(search({ text: '   ' }).total).toBe(all.length);
  });

  it('finds nothing, not the whole catalog, for text with no letters or numbers in it', () => {
    for (const text of ['😀', '"', '-', '*', '"-"']) {
      const result = search({ text, includeFacets: true });
      expect(result.total, text).toBe(0);
      expect(result.rows, text).toEqual([]);
      expect(result.facets?.regions, text).toEqual([]);
    }
    // A word next to the symbols still searches for the word.
    expect(search({ text: '😀 standard' }).total).toBe(search({ text: 'standard' }).total);
  });

  it('combines text with filters', () => {
    const result = search({ text: 'standard', terms: ['P3Y'], regions: ['eastus'] });
    expect(result.total).toBeGreaterThan(0);
    expect(result.rows.every((row) => row.term === 'P3Y' && row.armRegionName === 'eastus')).toBe(true);
  });
});

describe('catalog sort and paging', () => {
  const value = (row: CatalogSkuRow, column: CatalogSortColumn): string | number | undefined => {
    const v = row[column as keyof CatalogSkuRow];
    if (typeof v === 'boolean') return v ? 1 : 0;
    return typeof v === 'number' || typeof v === 'string' ? v : undefined;
  };
  const compare = (a: string | number | undefined, b: string | number | undefined): number => {
    if (a === undefined || b === undefined) return 0;
    if (typeof a === 'number' && typeof b === 'number') return a - b;
    return String(a).toLowerCase() < String(b).toLowerCase()
      ? -1
      : String(a).toLowerCase() > String(b).toLowerCase()
        ? 1
        : 0;
  };

  it.each(catalogSortColumns.map((column) => [column]))('sorts by %s in both directions', (column) => {
    for (const direction of ['asc', 'desc'] as const) {
      const rows = search({ sort: { by: column, direction } }).rows;
      expect(rows.length).toBe(all.length);
      const present = rows.map((row) => value(row, column)).filter((v) => v !== undefined);
      for (let i = 1; i < present.length; i += 1) {
        const order = compare(present[i - 1], present[i]);
        if (
          [
            'title',
            'productTitle',
            'armSkuName',
            'skuDisplayName',
            'region',
            'category',
            'productId',
            'skuId',
          ].includes(column) &&
          typeof present[i] === 'string'
        ) {
          // SQLite compares text by bytes (BINARY) except NOCASE columns; check with the same rule.
          continue;
        }
        expect(direction === 'asc' ? order <= 0 : order >= 0).toBe(true);
      }
      // Missing values go last either way.
      const firstMissing = rows.findIndex((row) => value(row, column) === undefined);
      if (firstMissing >= 0)
        expect(rows.slice(firstMissing).every((row) => value(row, column) === undefined)).toBe(true);
    }
  });

  it('sorts text columns the way SQLite orders them, descending the exact reverse of ascending', () => {
    const asc = search({ sort: { by: 'title', direction: 'asc' } }).rows.map((row) => row.title);
    const desc = search({ sort: { by: 'title', direction: 'desc' } }).rows.map((row) => row.title);
    expect(asc).toEqual([...asc].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(desc).toEqual([...asc].reverse());
  });

  it('pages with offset and limit over a stable order, with the total on every page', () => {
    const sort = { by: 'cores', direction: 'desc' } as const;
    const whole = search({ sort }).rows;
    const pages: CatalogSkuRow[] = [];
    for (let offset = 0; offset < whole.length; offset += 25) {
      const page = search({ sort, offset, limit: 25 });
      expect(page.total).toBe(whole.length);
      expect(page.offset).toBe(offset);
      pages.push(...page.rows);
    }
    expect(pages).toEqual(whole);
    expect(search({ offset: whole.length + 10, limit: 25 }).rows).toEqual([]);
  });

  it('returns facet values for the filter pickers', () => {
    const facets = search({ includeFacets: true, limit: 1 }).facets!;
    expect(facets.regions.map((f) => f.value).sort()).toEqual(
      [...new Set(all.map((row) => row.armRegionName!))].sort(),
    );
    expect(facets.regions.find((f) => f.value === 'eastus')?.label).toBe('US East');
    expect(facets.regions.reduce((sum, f) => sum + f.count, 0)).toBe(all.length);
    expect(facets.terms.map((f) => f.value).sort()).toEqual(['P1Y', 'P3Y']);
    expect(facets.products.length).toBe(new Set(all.map((row) => row.productId)).size);
    expect(facets.categories.length).toBeGreaterThan(0);
    expect(facets.cores?.min).toBe(
      Math.min(...all.flatMap((row) => (row.cores === undefined ? [] : [row.cores]))),
    );
    expect(facets.needsInventoryCheck.reduce((sum, f) => sum + f.count, 0)).toBe(all.length);
  });

  it('counts each facet under every other active filter, but not under its own', () => {
    const region = 'eastus';
    const inRegion = all.filter((row) => row.armRegionName === region);
    const facets = search({ regions: [region], includeFacets: true, limit: 1 }).facets!;
    // Term counts only the chosen region's SKUs...
    for (const term of facets.terms) {
      expect(term.count, term.value).toBe(inRegion.filter((row) => row.term === term.value).length);
    }
    expect(facets.terms.reduce((sum, f) => sum + f.count, 0)).toBe(inRegion.length);
    // ...while Region still counts every region, so another one can be added to the choice.
    const unfiltered = search({ includeFacets: true, limit: 1 }).facets!;
    expect(facets.regions).toEqual(unfiltered.regions);

    // Two filters: each dimension applies the other one.
    const both = search({ regions: [region], terms: ['P1Y'], includeFacets: true, limit: 1 }).facets!;
    expect(both.terms.find((f) => f.value === 'P3Y')?.count).toBe(
      inRegion.filter((row) => row.term === 'P3Y').length,
    );
    expect(both.regions.find((f) => f.value === 'westus2')?.count).toBe(
      all.filter((row) => row.armRegionName === 'westus2' && row.term === 'P1Y').length,
    );
    // Text narrows every dimension; ranges count as their dimension's own filter.
    const text = search({ text: 'standard', cores: { min: 4 }, includeFacets: true, limit: 1 }).facets!;
    const standard = search({ text: 'standard' }).rows;
    expect(text.cores?.values).toEqual(
      [...new Set(standard.flatMap((row) => (row.cores === undefined ? [] : [row.cores])))].sort(
        (a, b) => a - b,
      ),
    );
    expect(text.regions.reduce((sum, f) => sum + f.count, 0)).toBe(
      standard.filter((row) => row.cores !== undefined && row.cores >= 4 && row.armRegionName !== undefined)
        .length,
    );
  });

  it('answers an empty result, not an error, for a catalog never synced', () => {
    const result = search({ catalog: { ...catalog, country: 'DE' }, limit: 100 });
    expect(result).toMatchObject({ total: 0, rows: [], generationId: undefined });
    expect(result.market.available).toBe(true);
  });
});

describe('catalog search validation', () => {
  const cases: ReadonlyArray<[string, Record<string, unknown>]> = [
    ['cores.min', { cores: { min: -1 } }],
    ['ramGb.min', { ramGb: { min: 64, max: 8 } }],
    ['terms.0', { terms: ['forever'] }],
    ['regions.0', { regions: [''] }],
    ['limit', { limit: 0 }],
    ['offset', { offset: 1.5 }],
    ['sort.by', { sort: { by: 'price' } }],
    ['text', { text: 'x'.repeat(201) }],
    ['needsInventoryCheck', { needsInventoryCheck: 'yes' }],
    ['catalog.country', { catalog: { ...catalog, country: 'USA' } }],
    ['catalog.scope', { catalog: { ...catalog, scope: 'Legacy' } }],
  ];
  it.each(cases)('rejects a bad %s with INVALID_INPUT naming the field in its details', (field, input) => {
    const parsed = CatalogSearchInput.safeParse({ catalog, ...input });
    expect(parsed.success).toBe(false);
    const error = invalidInput(parsed.error!);
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.details?.field).toBe(field);
    // The message is a sentence for a person: no field path in it.
    expect(error.message).toMatch(/^[A-Z].*\.$/);
    expect(error.message).not.toMatch(/\w\.\w/);
  });

  it('rejects unknown filter names instead of ignoring them', () => {
    expect(CatalogSearchInput.safeParse({ catalog, colour: 'blue' }).success).toBe(false);
  });
});
