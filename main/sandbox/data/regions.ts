/**
 * Azure regions the sandbox catalog sells reservations in: ARM names and the billing-style display
 * names Partner Center puts in SKU titles and `dynamicAttributes.region` (e.g. `westus2` → `US West 2`).
 */
import type { AzureRegion } from './model';

/** Every region of the full catalog, in a stable order. */
export const AZURE_REGIONS: ReadonlyArray<AzureRegion> = [
  { armName: 'eastus', displayName: 'US East', geography: 'United States' },
  { armName: 'eastus2', displayName: 'US East 2', geography: 'United States' },
  { armName: 'westus2', displayName: 'US West 2', geography: 'United States' },
  { armName: 'westeurope', displayName: 'EU West', geography: 'Europe' },
  { armName: 'northeurope', displayName: 'EU North', geography: 'Europe' },
  { armName: 'uksouth', displayName: 'UK South', geography: 'United Kingdom' },
  { armName: 'swedencentral', displayName: 'SE Central', geography: 'Sweden' },
  { armName: 'germanywestcentral', displayName: 'DE West Central', geography: 'Germany' },
  { armName: 'japaneast', displayName: 'JA East', geography: 'Japan' },
  { armName: 'australiaeast', displayName: 'AU East', geography: 'Australia' },
  { armName: 'centralus', displayName: 'US Central', geography: 'United States' },
  { armName: 'northcentralus', displayName: 'US North Central', geography: 'United States' },
  { armName: 'southcentralus', displayName: 'US South Central', geography: 'United States' },
  { armName: 'westcentralus', displayName: 'US West Central', geography: 'United States' },
  { armName: 'westus', displayName: 'US West', geography: 'United States' },
  { armName: 'westus3', displayName: 'US West 3', geography: 'United States' },
  { armName: 'canadacentral', displayName: 'CA Central', geography: 'Canada' },
  { armName: 'canadaeast', displayName: 'CA East', geography: 'Canada' },
  { armName: 'brazilsouth', displayName: 'BR South', geography: 'Brazil' },
  { armName: 'ukwest', displayName: 'UK West', geography: 'United Kingdom' },
  { armName: 'francecentral', displayName: 'FR Central', geography: 'France' },
  { armName: 'francesouth', displayName: 'FR South', geography: 'France' },
  { armName: 'germanynorth', displayName: 'DE North', geography: 'Germany' },
  { armName: 'norwayeast', displayName: 'NO East', geography: 'Norway' },
  { armName: 'norwaywest', displayName: 'NO West', geography: 'Norway' },
  { armName: 'switzerlandnorth', displayName: 'CH North', geography: 'Switzerland' },
  { armName: 'switzerlandwest', displayName: 'CH West', geography: 'Switzerland' },
  { armName: 'polandcentral', displayName: 'PL Central', geography: 'Poland' },
  { armName: 'italynorth', displayName: 'IT North', geography: 'Italy' },
  { armName: 'spaincentral', displayName: 'ES Central', geography: 'Spain' },
  { armName: 'eastasia', displayName: 'AP East', geography: 'Asia Pacific' },
  { armName: 'southeastasia', displayName: 'AP Southeast', geography: 'Asia Pacific' },
  { armName: 'japanwest', displayName: 'JA West', geography: 'Japan' },
  { armName: 'koreacentral', displayName: 'KR Central', geography: 'Korea' },
  { armName: 'koreasouth', displayName: 'KR South', geography: 'Korea' },
  { armName: 'centralindia', displayName: 'IN Central', geography: 'India' },
  { armName: 'southindia', displayName: 'IN South', geography: 'India' },
  { armName: 'westindia', displayName: 'IN West', geography: 'India' },
  { armName: 'australiasoutheast', displayName: 'AU Southeast', geography: 'Australia' },
  { armName: 'australiacentral', displayName: 'AU Central', geography: 'Australia' },
  { armName: 'uaenorth', displayName: 'AE North', geography: 'UAE' },
  { armName: 'uaecentral', displayName: 'AE Central', geography: 'UAE' },
  { armName: 'southafricanorth', displayName: 'ZA North', geography: 'South Africa' },
  { armName: 'southafricawest', displayName: 'ZA West', geography: 'South Africa' },
  { armName: 'qatarcentral', displayName: 'QA Central', geography: 'Qatar' },
  { armName: 'israelcentral', displayName: 'IL Central', geography: 'Israel' },
  { armName: 'mexicocentral', displayName: 'MX Central', geography: 'Mexico' },
  { armName: 'newzealandnorth', displayName: 'NZ North', geography: 'New Zealand' },
];

/** Regions of the small catalog: the first few, so small and full worlds agree on them. */
export const SMALL_CATALOG_REGION_COUNT = 6;

/** Price multiplier per geography (US regions are the cheapest, as on Azure's price list). */
export function regionPriceFactor(region: AzureRegion): number {
  switch (region.geography) {
    case 'United States':
      return 1;
    case 'Europe':
    case 'Canada':
    case 'United Kingdom':
    case 'Sweden':
    case 'Norway':
    case 'Poland':
    case 'Italy':
    case 'Spain':
    case 'France':
    case 'Germany':
      return 1.08;
    case 'Switzerland':
    case 'Japan':
    case 'Australia':
    case 'New Zealand':
    case 'Korea':
      return 1.18;
    case 'Brazil':
      return 1.45;
    default:
      return 1.12;
  }
}
