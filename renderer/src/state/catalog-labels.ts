/**
 * Every label the catalog shows for its data, declared once: the filter panel, the SKU table, the SKU
 * panel and the cart read them from here, so "1 year" in a filter is "1 year" in a row.
 */
import type { CatalogFacets, CatalogSku, FacetValue } from '../../../preload/contract';
import type { CatalogFilters, Range } from './catalog';

/** The catalog's fields, as filters, column headings and the SKU panel name them. */
export const catalogFieldLabels = {
  product: 'Product',
  sku: 'SKU',
  region: 'Region',
  series: 'VM series',
  cores: 'vCPUs',
  ramGb: 'RAM (GB)',
  term: 'Term',
  category: 'Category',
  diskType: 'Disk type',
  prerequisite: 'Prerequisite',
} as const;

/**
 * A term in words: ISO 8601 (`P1Y`, `P3Y`, `P6M`) or Partner Center's duration attribute (`1Year`,
 * `3Years`, `36 Months`) becomes "1 year", "3 years", "6 months"; anything else stays as it came.
 */
export function termLabel(term: string | null | undefined): string {
  if (!term) return '';
  const match = /^P?\s*(\d{1,3})\s*(Y|YEARS?|M|MONTHS?)$/i.exec(term.trim());
  if (!match) return term;
  const count = Number(match[1]);
  const unit = match[2]!.toUpperCase().startsWith('Y') ? 'year' : 'month';
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/**
 * A quantity limit in words. Partner Center writes "no limit" as a huge sentinel (999999999), which
 * nobody should read as a number.
 */
export function quantityLabel(quantity: number | null | undefined): string {
  if (quantity === null || quantity === undefined) return '—';
  return quantity >= 99_999_999 ? 'no limit' : quantity.toLocaleString('en-US');
}

/** Partner Center's dynamic attributes by their keys: what the SKU panel calls them. */
const attributeLabels: Readonly<Record<string, string>> = {
  armSkuName: 'Azure SKU name',
  skuDisplayName: 'SKU display name',
  armRegionName: 'Azure region name',
  region: catalogFieldLabels.region,
  duration: catalogFieldLabels.term,
  category: catalogFieldLabels.category,
  reservationType: 'Reservation type',
  cores: catalogFieldLabels.cores,
  ram: catalogFieldLabels.ramGb,
  diskType: catalogFieldLabels.diskType,
  vmSeries: catalogFieldLabels.series,
  instanceFlexibilityGroup: 'Instance size flexibility group',
  capacity: 'Capacity',
  capacityUnit: 'Capacity unit',
};

/** An attribute's label: the declared one, or its key in words (`someNewKey` → "Some new key"). */
export function attributeLabel(key: string): string {
  const known = attributeLabels[key];
  if (known) return known;
  const words = key
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Any attribute value in words: terms as terms, lists joined, nothing as a dash. */
export function attributeValue(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (key === 'duration' && typeof value === 'string') return termLabel(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return value.toString();
  if (Array.isArray(value)) return value.map((item) => attributeValue(key, item)).join(', ');
  return JSON.stringify(value) ?? '—';
}

/** The SKU panel's list: what a buyer needs first, then every attribute Partner Center sent, in words. */
export function skuDetailRows(sku: CatalogSku): ReadonlyArray<readonly [label: string, value: string]> {
  return [
    [catalogFieldLabels.product, sku.productTitle],
    ['Product ID', sku.productId],
    ['SKU ID', sku.skuId],
    ['Title', sku.title],
    ['Minimum quantity', quantityLabel(sku.minimumQuantity)],
    ['Maximum quantity', quantityLabel(sku.maximumQuantity)],
    ['Prerequisites', sku.prerequisites.map(prerequisiteLabel).join(', ') || 'none'],
    ...Object.entries(sku.attributes).map(
      ([key, value]) => [attributeLabel(key), attributeValue(key, value)] as const,
    ),
  ];
}

/** A purchase prerequisite in words (`InventoryCheck` → "Inventory check"). */
export function prerequisiteLabel(prerequisite: string): string {
  return attributeLabel(prerequisite);
}

/** A range in words: "4–16", "at least 4", "at most 16". */
function rangeLabel(range: Range): string {
  if (range.min !== undefined && range.max !== undefined) return `${range.min}–${range.max}`;
  return range.min !== undefined ? `at least ${range.min}` : `at most ${range.max}`;
}

/**
 * What was searched, one line per filter ("“d4s”", "Region: US East", "vCPUs: 4–16"), for an empty
 * result to say what found nothing. Facet labels name the values where the facets know them.
 */
export function searchSummary(filters: CatalogFilters, facets: CatalogFacets | null): string[] {
  const named = (values: ReadonlyArray<string>, known: ReadonlyArray<FacetValue> | undefined) =>
    values.map((value) => known?.find((facet) => facet.value === value)?.label ?? value).join(', ');
  const lines: string[] = [];
  if (filters.text.trim() !== '') lines.push(`“${filters.text.trim()}”`);
  const lists: Array<[string, ReadonlyArray<string>, ReadonlyArray<FacetValue> | undefined]> = [
    [catalogFieldLabels.region, filters.regions, facets?.regions],
    [catalogFieldLabels.product, filters.productIds, facets?.products],
    [catalogFieldLabels.series, filters.series, facets?.series],
    [catalogFieldLabels.category, filters.categories, facets?.categories],
    [catalogFieldLabels.diskType, filters.diskTypes, facets?.diskTypes],
  ];
  for (const [label, values, known] of lists) {
    if (values.length > 0) lines.push(`${label}: ${named(values, known)}`);
  }
  if (filters.terms.length > 0) {
    lines.push(`${catalogFieldLabels.term}: ${filters.terms.map(termLabel).join(', ')}`);
  }
  if (filters.cores.min !== undefined || filters.cores.max !== undefined) {
    lines.push(`${catalogFieldLabels.cores}: ${rangeLabel(filters.cores)}`);
  }
  if (filters.ramGb.min !== undefined || filters.ramGb.max !== undefined) {
    lines.push(`${catalogFieldLabels.ramGb}: ${rangeLabel(filters.ramGb)}`);
  }
  if (filters.needsInventoryCheck === true) lines.push('Needs an inventory check');
  return lines;
}

/** A hint when the search text has nothing to search for (only symbols or emoji); null otherwise. */
export function searchTextHint(text: string): string | null {
  if (text.trim() === '' || /[\p{L}\p{N}]/u.test(text)) return null;
  return 'The search looks for letters and numbers, such as “D4s v5” or “east us”.';
}
