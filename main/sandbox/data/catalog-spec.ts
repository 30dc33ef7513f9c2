/**
 * What the sandbox sells: reservation product families and their sizes, as data.
 * `catalog.ts` multiplies these by regions and terms into SKUs. Prices are rough list prices in USD,
 * good enough to make totals look real; they are not Microsoft's price list.
 */
import type { ReservationScope, ReservationTargetView, TermDuration } from './model';

/** One size/tier of a product (becomes one SKU per region and term). */
export interface VariantSpec {
  readonly armSkuName: string;
  readonly skuDisplayName: string;
  /** Text used in SKU titles, e.g. `Standard_D4s_v5` or `1 vCore`. */
  readonly label: string;
  readonly cores?: number;
  readonly ramGb?: number;
  readonly diskType?: 'Ssd' | 'Hdd';
  readonly capacity?: string;
  readonly capacityUnit?: string;
  /** List price of one unit for one year, in US dollars (before the reservation discount). */
  readonly usdPerYear: number;
}

/** One reservation product. */
export interface ProductSpec {
  /** Stable key: the product id is derived from it. */
  readonly key: string;
  readonly title: string;
  readonly description: string;
  /** `productType.subType.id`. */
  readonly subType: string;
  readonly reservationType: string;
  readonly category: string;
  readonly targetViews: ReadonlyArray<ReservationTargetView>;
  readonly scopes: ReadonlyArray<ReservationScope>;
  readonly terms: ReadonlyArray<TermDuration>;
  /** Share of regions it is sold in (0–1); `eastus` always. */
  readonly regionShare: number;
  /** Share of its SKUs that need an inventory check (0–1). */
  readonly inventoryShare: number;
  /** Prefix of SKU titles, e.g. `Reserved VM Instance`. */
  readonly titlePrefix: string;
  readonly descriptionPrefix: string;
  readonly vmSeries?: string;
  readonly variants: ReadonlyArray<VariantSpec>;
  /** Part of the small test catalog. */
  readonly small: boolean;
}

const BOTH: ReadonlyArray<ReservationScope> = ['AzurePlan', 'Legacy'];
const PLAN_ONLY: ReadonlyArray<ReservationScope> = ['AzurePlan'];
const BOTH_TERMS: ReadonlyArray<TermDuration> = ['P1Y', 'P3Y'];
const HOURS_PER_YEAR = 8760;

interface VmSeries {
  readonly series: string;
  readonly category: string;
  /** ARM name with `{n}` for the size number. */
  readonly template: string;
  /** Size numbers; `[label, cores]` when the number is not the core count (e.g. `D3_v2` has 4 cores). */
  readonly sizes: ReadonlyArray<number | readonly [number, number]>;
  readonly ramPerCore: number;
  /** Pay-as-you-go USD per core-hour. */
  readonly rate: number;
  readonly regionShare?: number;
  readonly inventoryShare?: number;
  readonly planOnly?: boolean;
  readonly small?: boolean;
}

const D_SIZES = [2, 4, 8, 16, 32, 48, 64, 96];
const D_SIZES_OLD = [2, 4, 8, 16, 32, 48, 64];
/** Dv2 sizes are numbered, not named by cores: `[size number, cores]`. */
const V2_SIZES: ReadonlyArray<readonly [number, number]> = [
  [1, 1],
  [2, 2],
  [3, 4],
  [4, 8],
  [5, 16],
];
const E_SIZES = [2, 4, 8, 16, 20, 32, 48, 64, 96];

const GP = 'General purpose';
const MEM = 'Memory optimized';
const CPU = 'Compute optimized';
const STO = 'Storage optimized';
const GPU = 'GPU';
const HPC = 'High performance compute';

/** One VM series row: name, category, ARM name template, sizes, GB RAM per core, USD per core-hour. */
function vm(
  series: string,
  category: string,
  template: string,
  sizes: VmSeries['sizes'],
  ramPerCore: number,
  rate: number,
  options: Pick<VmSeries, 'regionShare' | 'inventoryShare' | 'planOnly' | 'small'> = {},
): VmSeries {
  return { series, category, template, sizes, ramPerCore, rate, ...options };
}

const VM_SERIES: ReadonlyArray<VmSeries> = [
  // General purpose
  vm('Dv5', GP, 'Standard_D{n}_v5', D_SIZES, 4, 0.048, { small: true }),
  vm('Dsv5', GP, 'Standard_D{n}s_v5', D_SIZES, 4, 0.048, { small: true }),
  vm('Ddv5', GP, 'Standard_D{n}d_v5', D_SIZES, 4, 0.057),
  vm('Ddsv5', GP, 'Standard_D{n}ds_v5', D_SIZES, 4, 0.057),
  vm('Dasv5', GP, 'Standard_D{n}as_v5', D_SIZES, 4, 0.043),
  vm('Dadsv5', GP, 'Standard_D{n}ads_v5', D_SIZES, 4, 0.052),
  vm('Dv4', GP, 'Standard_D{n}_v4', D_SIZES_OLD, 4, 0.048),
  vm('Dsv4', GP, 'Standard_D{n}s_v4', D_SIZES_OLD, 4, 0.048),
  vm('Ddv4', GP, 'Standard_D{n}d_v4', D_SIZES_OLD, 4, 0.056),
  vm('Ddsv4', GP, 'Standard_D{n}ds_v4', D_SIZES_OLD, 4, 0.056),
  vm('Dav4', GP, 'Standard_D{n}a_v4', D_SIZES, 4, 0.048),
  vm('Dasv4', GP, 'Standard_D{n}as_v4', D_SIZES, 4, 0.048),
  vm('Dv3', GP, 'Standard_D{n}_v3', D_SIZES_OLD, 4, 0.048),
  vm('Dsv3', GP, 'Standard_D{n}s_v3', D_SIZES_OLD, 4, 0.048),
  vm('Dv2', GP, 'Standard_D{n}_v2', V2_SIZES, 3.5, 0.057),
  vm('DSv2', GP, 'Standard_DS{n}_v2', V2_SIZES, 3.5, 0.057),
  vm('Dlsv5', GP, 'Standard_D{n}ls_v5', D_SIZES, 2, 0.042),
  vm('Dldsv5', GP, 'Standard_D{n}lds_v5', D_SIZES, 2, 0.05),
  vm('Dpsv5', GP, 'Standard_D{n}ps_v5', [2, 4, 8, 16, 32, 48, 64], 4, 0.0385, { regionShare: 0.6 }),
  vm('Dpdsv5', GP, 'Standard_D{n}pds_v5', [2, 4, 8, 16, 32, 48, 64], 4, 0.045, { regionShare: 0.6 }),
  vm('Dplsv5', GP, 'Standard_D{n}pls_v5', [2, 4, 8, 16, 32, 48, 64], 2, 0.034, { regionShare: 0.6 }),
  vm('Dsv6', GP, 'Standard_D{n}s_v6', [2, 4, 8, 16, 32, 48, 64, 96, 128], 4, 0.047, {
    regionShare: 0.5,
    planOnly: true,
    small: true,
  }),
  vm('Ddsv6', GP, 'Standard_D{n}ds_v6', [2, 4, 8, 16, 32, 48, 64, 96, 128], 4, 0.055, {
    regionShare: 0.5,
    planOnly: true,
  }),
  vm('Dasv6', GP, 'Standard_D{n}as_v6', D_SIZES, 4, 0.042, { regionShare: 0.5, planOnly: true }),
  vm('Dalsv6', GP, 'Standard_D{n}als_v6', D_SIZES, 2, 0.037, { regionShare: 0.5, planOnly: true }),
  vm('Bsv2', GP, 'Standard_B{n}s_v2', [2, 4, 8, 16, 32], 4, 0.042),
  vm('Basv2', GP, 'Standard_B{n}as_v2', [2, 4, 8, 16, 32], 4, 0.038),
  vm('Bpsv2', GP, 'Standard_B{n}ps_v2', [2, 4, 8, 16], 4, 0.034, { regionShare: 0.6 }),
  // Memory optimized
  vm('Ev5', MEM, 'Standard_E{n}_v5', E_SIZES, 8, 0.063),
  vm('Esv5', MEM, 'Standard_E{n}s_v5', E_SIZES, 8, 0.063, { small: true }),
  vm('Edv5', MEM, 'Standard_E{n}d_v5', E_SIZES, 8, 0.072),
  vm('Edsv5', MEM, 'Standard_E{n}ds_v5', E_SIZES, 8, 0.072),
  vm('Easv5', MEM, 'Standard_E{n}as_v5', E_SIZES, 8, 0.057),
  vm('Eadsv5', MEM, 'Standard_E{n}ads_v5', E_SIZES, 8, 0.065),
  vm('Ev4', MEM, 'Standard_E{n}_v4', E_SIZES, 8, 0.063),
  vm('Esv4', MEM, 'Standard_E{n}s_v4', E_SIZES, 8, 0.063),
  vm('Edv4', MEM, 'Standard_E{n}d_v4', E_SIZES, 8, 0.072),
  vm('Edsv4', MEM, 'Standard_E{n}ds_v4', E_SIZES, 8, 0.072),
  vm('Eav4', MEM, 'Standard_E{n}a_v4', E_SIZES, 8, 0.063),
  vm('Easv4', MEM, 'Standard_E{n}as_v4', E_SIZES, 8, 0.063),
  vm('Ev3', MEM, 'Standard_E{n}_v3', [2, 4, 8, 16, 20, 32, 48, 64], 8, 0.063),
  vm('Esv3', MEM, 'Standard_E{n}s_v3', [2, 4, 8, 16, 20, 32, 48, 64], 8, 0.063),
  vm('Epsv5', MEM, 'Standard_E{n}ps_v5', [2, 4, 8, 16, 20, 32], 8, 0.05, { regionShare: 0.6 }),
  vm('Epdsv5', MEM, 'Standard_E{n}pds_v5', [2, 4, 8, 16, 20, 32], 8, 0.057, { regionShare: 0.6 }),
  vm('Ebsv5', MEM, 'Standard_E{n}bs_v5', [2, 4, 8, 16, 32, 48, 64, 96], 8, 0.07, { regionShare: 0.7 }),
  vm('Ebdsv5', MEM, 'Standard_E{n}bds_v5', [2, 4, 8, 16, 32, 48, 64, 96], 8, 0.078, { regionShare: 0.7 }),
  vm('Esv6', MEM, 'Standard_E{n}s_v6', [2, 4, 8, 16, 20, 32, 48, 64, 96, 128], 8, 0.062, {
    regionShare: 0.5,
    planOnly: true,
  }),
  vm('Edsv6', MEM, 'Standard_E{n}ds_v6', [2, 4, 8, 16, 20, 32, 48, 64, 96, 128], 8, 0.07, {
    regionShare: 0.5,
    planOnly: true,
  }),
  // Compute optimized
  vm('Fsv2', CPU, 'Standard_F{n}s_v2', [2, 4, 8, 16, 32, 48, 64, 72], 2, 0.0423, { small: true }),
  vm('Fasv6', CPU, 'Standard_F{n}as_v6', [2, 4, 8, 16, 32, 48, 64], 4, 0.046, {
    regionShare: 0.5,
    planOnly: true,
  }),
  vm('Falsv6', CPU, 'Standard_F{n}als_v6', [2, 4, 8, 16, 32, 48, 64], 2, 0.041, {
    regionShare: 0.5,
    planOnly: true,
  }),
  vm('Famsv6', CPU, 'Standard_F{n}ams_v6', [2, 4, 8, 16, 32, 48, 64], 8, 0.058, {
    regionShare: 0.5,
    planOnly: true,
  }),
  vm('FX', CPU, 'Standard_FX{n}mds', [4, 12, 24, 36, 48], 21, 0.087, {
    regionShare: 0.4,
    inventoryShare: 0.6,
  }),
  // Storage optimized
  vm('Lsv2', STO, 'Standard_L{n}s_v2', [8, 16, 32, 48, 64, 80], 8, 0.078, { regionShare: 0.7 }),
  vm('Lsv3', STO, 'Standard_L{n}s_v3', [8, 16, 32, 48, 64, 80], 8, 0.078, { regionShare: 0.7 }),
  vm('Lasv3', STO, 'Standard_L{n}as_v3', [8, 16, 32, 48, 64, 80], 8, 0.07, { regionShare: 0.6 }),
  // Large memory
  vm('M', MEM, 'Standard_M{n}ms', [8, 16, 32, 64, 128], 28, 0.29, { regionShare: 0.5, inventoryShare: 0.8 }),
  vm('Msv2', MEM, 'Standard_M{n}s_v2', [32, 64, 128, 192], 21, 0.25, {
    regionShare: 0.4,
    inventoryShare: 0.8,
  }),
  vm('Mdsv2', MEM, 'Standard_M{n}ds_v2', [32, 64, 128, 192], 21, 0.27, {
    regionShare: 0.4,
    inventoryShare: 0.8,
  }),
  vm('Mv2', MEM, 'Standard_M{n}ms_v2', [208, 416], 28, 0.34, { regionShare: 0.3, inventoryShare: 1 }),
  // GPU
  vm('NCasT4_v3', GPU, 'Standard_NC{n}as_T4_v3', [4, 8, 16, 64], 7, 0.132, {
    regionShare: 0.6,
    inventoryShare: 1,
    small: true,
  }),
  vm('NCv3', GPU, 'Standard_NC{n}s_v3', [6, 12, 24], 18.5, 0.51, { regionShare: 0.5, inventoryShare: 1 }),
  vm('NCadsA100_v4', GPU, 'Standard_NC{n}ads_A100_v4', [24, 48, 96], 9.25, 0.153, {
    regionShare: 0.35,
    inventoryShare: 1,
  }),
  vm('NDasrA100_v4', GPU, 'Standard_ND{n}asr_v4', [96], 9.5, 0.284, { regionShare: 0.3, inventoryShare: 1 }),
  vm('NDisrH100_v5', GPU, 'Standard_ND{n}isr_H100_v5', [96], 19, 1.024, {
    regionShare: 0.25,
    inventoryShare: 1,
    planOnly: true,
  }),
  vm('NCadsH100_v5', GPU, 'Standard_NC{n}ads_H100_v5', [40, 80], 8, 0.174, {
    regionShare: 0.3,
    inventoryShare: 1,
    planOnly: true,
  }),
  vm('NVadsA10_v5', GPU, 'Standard_NV{n}ads_A10_v5', [6, 12, 18, 36, 72], 9.2, 0.091, {
    regionShare: 0.55,
    inventoryShare: 0.7,
  }),
  vm('NVv3', GPU, 'Standard_NV{n}s_v3', [12, 24, 48], 9.5, 0.095, { regionShare: 0.5, inventoryShare: 0.7 }),
  vm('NVv4', GPU, 'Standard_NV{n}as_v4', [4, 8, 16, 32], 3.5, 0.057, {
    regionShare: 0.5,
    inventoryShare: 0.7,
  }),
  // High performance compute
  vm('HBv3', HPC, 'Standard_HB{n}rs_v3', [16, 32, 64, 96, 120], 3.7, 0.03, {
    regionShare: 0.3,
    inventoryShare: 1,
  }),
  vm('HBv4', HPC, 'Standard_HB{n}rs_v4', [16, 32, 48, 96, 144, 176], 4, 0.041, {
    regionShare: 0.25,
    inventoryShare: 1,
    planOnly: true,
  }),
  vm('HC', HPC, 'Standard_HC{n}rs', [44], 8, 0.072, { regionShare: 0.3, inventoryShare: 1 }),
  vm('HX', HPC, 'Standard_HX{n}rs', [176], 7.9, 0.048, { regionShare: 0.25, inventoryShare: 1 }),
];

function vmProduct(spec: VmSeries): ProductSpec {
  const variants = spec.sizes.map((size): VariantSpec => {
    const [n, cores] = typeof size === 'number' ? [size, size] : size;
    const armSkuName = spec.template.replace('{n}', String(n));
    // Names with an `s` capability letter support premium SSD; the others are the classic HDD-backed kind.
    const capabilities = armSkuName.replace(/^Standard_[A-Za-z]+\d+/, '').split('_')[0] ?? '';
    const premium = capabilities.includes('s') || armSkuName.startsWith('Standard_DS');
    return {
      armSkuName,
      skuDisplayName: armSkuName.replace(/^Standard_/, ''),
      label: armSkuName,
      cores,
      ramGb: Math.round(cores * spec.ramPerCore),
      diskType: premium ? 'Ssd' : 'Hdd',
      usdPerYear: spec.rate * cores * HOURS_PER_YEAR,
    };
  });
  return {
    key: `vm-${spec.series}`,
    title: `Virtual Machines ${spec.series} Series`,
    description: `${spec.series}-series virtual machines (${spec.category.toLowerCase()}). Reserve capacity for one or three years and save over pay-as-you-go.`,
    subType: 'VirtualMachines',
    reservationType: 'virtualmachines',
    category: spec.category,
    targetViews: ['AzureReservations', 'AzureReservationsVM'],
    scopes: spec.planOnly ? PLAN_ONLY : BOTH,
    terms: BOTH_TERMS,
    regionShare: spec.regionShare ?? 0.95,
    inventoryShare: spec.inventoryShare ?? 0.25,
    titlePrefix: 'Reserved VM Instance',
    descriptionPrefix: 'Reserved Virtual Machines Instance',
    vmSeries: spec.series,
    variants,
    small: spec.small ?? false,
  };
}

interface ServiceSpec {
  readonly key: string;
  readonly title: string;
  readonly subType: string;
  readonly reservationType: string;
  readonly category: string;
  readonly views?: ReadonlyArray<ReservationTargetView>;
  readonly unit: string;
  /** `[armSkuName, capacity, usdPerYear]` per variant. */
  readonly variants: ReadonlyArray<readonly [string, string, number]>;
  readonly regionShare?: number;
  readonly inventoryShare?: number;
  readonly planOnly?: boolean;
  readonly oneYearOnly?: boolean;
  readonly small?: boolean;
}

const SQL: ReadonlyArray<ReservationTargetView> = ['AzureReservations', 'AzureReservationsSQL'];
const COSMOS: ReadonlyArray<ReservationTargetView> = ['AzureReservations', 'AzureReservationsCosmosDb'];

const perVcore = (name: string, usd: number): ReadonlyArray<readonly [string, string, number]> => [
  [name, '1', usd],
  [`${name}_ZoneRedundant`, '1', usd * 1.5],
];

const STORAGE_REDUNDANCY = ['LRS', 'ZRS', 'GRS', 'RA-GRS', 'GZRS', 'RA-GZRS'] as const;
const storageVariants = (
  tier: string,
  usdPer100Tb: number,
): ReadonlyArray<readonly [string, string, number]> =>
  STORAGE_REDUNDANCY.flatMap((redundancy, index) => {
    const factor = 1 + index * 0.35;
    return [
      [`${tier}_${redundancy}_100TB`, '100', usdPer100Tb * factor] as const,
      [`${tier}_${redundancy}_1PB`, '1000', usdPer100Tb * factor * 9.2] as const,
    ];
  });

const SERVICES: ReadonlyArray<ServiceSpec> = [
  // SQL Database
  {
    key: 'sqldb-gp-gen5',
    title: 'SQL Database General Purpose - Compute Gen5',
    subType: 'SqlDatabases',
    reservationType: 'sqldatabases',
    category: 'SQL Database',
    views: SQL,
    unit: 'vCore',
    variants: perVcore('SQLDB_GP_Compute_Gen5', 1108),
    small: true,
  },
  {
    key: 'sqldb-bc-gen5',
    title: 'SQL Database Business Critical - Compute Gen5',
    subType: 'SqlDatabases',
    reservationType: 'sqldatabases',
    category: 'SQL Database',
    views: SQL,
    unit: 'vCore',
    variants: perVcore('SQLDB_BC_Compute_Gen5', 2990),
  },
  {
    key: 'sqldb-hs-gen5',
    title: 'SQL Database Hyperscale - Compute Gen5',
    subType: 'SqlDatabases',
    reservationType: 'sqldatabases',
    category: 'SQL Database',
    views: SQL,
    unit: 'vCore',
    variants: perVcore('SQLDB_HS_Compute_Gen5', 1212),
  },
  {
    key: 'sqldb-hs-premium',
    title: 'SQL Database Hyperscale - Premium-series',
    subType: 'SqlDatabases',
    reservationType: 'sqldatabases',
    category: 'SQL Database',
    views: SQL,
    unit: 'vCore',
    variants: perVcore('SQLDB_HS_Compute_PremiumSeries', 1330),
    regionShare: 0.6,
    planOnly: true,
  },
  {
    key: 'sqldb-hs-premium-mem',
    title: 'SQL Database Hyperscale - Premium-series Memory Optimized',
    subType: 'SqlDatabases',
    reservationType: 'sqldatabases',
    category: 'SQL Database',
    views: SQL,
    unit: 'vCore',
    variants: perVcore('SQLDB_HS_Compute_PremiumSeriesMemoryOptimized', 1610),
    regionShare: 0.5,
    planOnly: true,
  },
  {
    key: 'sqldb-gp-dc',
    title: 'SQL Database General Purpose - Compute DC-Series',
    subType: 'SqlDatabases',
    reservationType: 'sqldatabases',
    category: 'SQL Database',
    views: SQL,
    unit: 'vCore',
    variants: perVcore('SQLDB_GP_Compute_DC', 1370),
    regionShare: 0.4,
    inventoryShare: 0.5,
  },
  {
    key: 'sqldb-bc-dc',
    title: 'SQL Database Business Critical - Compute DC-Series',
    subType: 'SqlDatabases',
    reservationType: 'sqldatabases',
    category: 'SQL Database',
    views: SQL,
    unit: 'vCore',
    variants: perVcore('SQLDB_BC_Compute_DC', 3560),
    regionShare: 0.4,
    inventoryShare: 0.5,
  },
  // SQL Managed Instance
  {
    key: 'sqlmi-gp-gen5',
    title: 'SQL Managed Instance General Purpose - Compute Gen5',
    subType: 'SqlManagedInstance',
    reservationType: 'sqldatabases',
    category: 'SQL Managed Instance',
    views: SQL,
    unit: 'vCore',
    variants: perVcore('SQLMI_GP_Compute_Gen5', 1108),
    small: true,
  },
  {
    key: 'sqlmi-bc-gen5',
    title: 'SQL Managed Instance Business Critical - Compute Gen5',
    subType: 'SqlManagedInstance',
    reservationType: 'sqldatabases',
    category: 'SQL Managed Instance',
    views: SQL,
    unit: 'vCore',
    variants: perVcore('SQLMI_BC_Compute_Gen5', 2990),
  },
  {
    key: 'sqlmi-gp-premium',
    title: 'SQL Managed Instance General Purpose - Premium-series',
    subType: 'SqlManagedInstance',
    reservationType: 'sqldatabases',
    category: 'SQL Managed Instance',
    views: SQL,
    unit: 'vCore',
    variants: perVcore('SQLMI_GP_Compute_PremiumSeries', 1190),
    regionShare: 0.6,
  },
  {
    key: 'sqlmi-bc-premium-mem',
    title: 'SQL Managed Instance Business Critical - Premium-series Memory Optimized',
    subType: 'SqlManagedInstance',
    reservationType: 'sqldatabases',
    category: 'SQL Managed Instance',
    views: SQL,
    unit: 'vCore',
    variants: perVcore('SQLMI_BC_Compute_PremiumSeriesMemoryOptimized', 3900),
    regionShare: 0.5,
    planOnly: true,
  },
  // Cosmos DB
  {
    key: 'cosmos-single',
    title: 'Azure Cosmos DB reserved capacity - Single-region write',
    subType: 'CosmosDb',
    reservationType: 'cosmosdb',
    category: 'Cosmos DB',
    views: COSMOS,
    unit: 'RU/s',
    variants: [100, 5000, 10000, 30000, 50000, 100000, 1000000].map(
      (ru) => [`CosmosDB_SingleRegion_${ru}_RUs`, String(ru), ru * 0.584] as const,
    ),
    small: true,
  },
  {
    key: 'cosmos-multi',
    title: 'Azure Cosmos DB reserved capacity - Multi-region write',
    subType: 'CosmosDb',
    reservationType: 'cosmosdb',
    category: 'Cosmos DB',
    views: COSMOS,
    unit: 'RU/s',
    variants: [100, 5000, 10000, 30000, 50000, 100000, 1000000].map(
      (ru) => [`CosmosDB_MultiRegion_${ru}_RUs`, String(ru), ru * 1.168] as const,
    ),
  },
  // Storage
  {
    key: 'blob-hot',
    title: 'Azure Blob Storage reserved capacity - Hot',
    subType: 'Storage',
    reservationType: 'blockblob',
    category: 'Storage',
    unit: 'TB',
    variants: storageVariants('Hot', 18_000),
    small: true,
  },
  {
    key: 'blob-cool',
    title: 'Azure Blob Storage reserved capacity - Cool',
    subType: 'Storage',
    reservationType: 'blockblob',
    category: 'Storage',
    unit: 'TB',
    variants: storageVariants('Cool', 11_500),
  },
  {
    key: 'blob-archive',
    title: 'Azure Blob Storage reserved capacity - Archive',
    subType: 'Storage',
    reservationType: 'blockblob',
    category: 'Storage',
    unit: 'TB',
    variants: storageVariants('Archive', 1_900),
  },
  {
    key: 'adls-hot',
    title: 'Azure Data Lake Storage Gen2 reserved capacity - Hot',
    subType: 'Storage',
    reservationType: 'datalakestorage',
    category: 'Storage',
    unit: 'TB',
    variants: storageVariants('ADLS_Hot', 18_500),
  },
  {
    key: 'adls-cool',
    title: 'Azure Data Lake Storage Gen2 reserved capacity - Cool',
    subType: 'Storage',
    reservationType: 'datalakestorage',
    category: 'Storage',
    unit: 'TB',
    variants: storageVariants('ADLS_Cool', 11_900),
  },
  {
    key: 'files-premium',
    title: 'Azure Files reserved capacity - Premium',
    subType: 'Storage',
    reservationType: 'azurefiles',
    category: 'Storage',
    unit: 'TiB',
    variants: [
      ['Files_Premium_LRS_10TiB', '10', 16_500],
      ['Files_Premium_LRS_100TiB', '100', 158_000],
      ['Files_Premium_ZRS_10TiB', '10', 20_600],
      ['Files_Premium_ZRS_100TiB', '100', 198_000],
    ],
  },
  {
    key: 'files-hot',
    title: 'Azure Files reserved capacity - Hot',
    subType: 'Storage',
    reservationType: 'azurefiles',
    category: 'Storage',
    unit: 'TiB',
    variants: storageVariants('Files_Hot', 2_300).slice(0, 8),
  },
  {
    key: 'files-cool',
    title: 'Azure Files reserved capacity - Cool',
    subType: 'Storage',
    reservationType: 'azurefiles',
    category: 'Storage',
    unit: 'TiB',
    variants: storageVariants('Files_Cool', 1_500).slice(0, 8),
  },
  {
    key: 'disks-premium',
    title: 'Azure Premium SSD Managed Disks',
    subType: 'ManagedDisks',
    reservationType: 'manageddisk',
    category: 'Managed Disks',
    unit: 'disk',
    variants: [
      ['P30', '1024', 1_480],
      ['P40', '2048', 2_830],
      ['P50', '4096', 5_660],
      ['P60', '8192', 10_620],
      ['P70', '16384', 20_100],
      ['P80', '32767', 38_400],
    ],
    oneYearOnly: true,
  },
  // App Service
  {
    key: 'appsvc-pv3',
    title: 'App Service Premium v3',
    subType: 'AppService',
    reservationType: 'appservice',
    category: 'App Service',
    unit: 'instance',
    variants: [
      ['P0v3', '1', 680],
      ['P1v3', '2', 1_360],
      ['P2v3', '4', 2_720],
      ['P3v3', '8', 5_440],
      ['P1mv3', '2', 1_640],
      ['P2mv3', '4', 3_280],
      ['P3mv3', '8', 6_560],
      ['P4mv3', '16', 13_120],
      ['P5mv3', '32', 26_240],
    ],
    small: true,
  },
  {
    key: 'appsvc-iv2',
    title: 'App Service Isolated v2',
    subType: 'AppService',
    reservationType: 'appservice',
    category: 'App Service',
    unit: 'instance',
    variants: [
      ['I1v2', '2', 2_650],
      ['I2v2', '4', 5_300],
      ['I3v2', '8', 10_600],
      ['I4v2', '16', 21_200],
      ['I5v2', '32', 42_400],
      ['I6v2', '64', 84_800],
    ],
  },
  {
    key: 'appsvc-pv4',
    title: 'App Service Premium v4',
    subType: 'AppService',
    reservationType: 'appservice',
    category: 'App Service',
    unit: 'instance',
    variants: [
      ['P0v4', '1', 650],
      ['P1v4', '2', 1_300],
      ['P2v4', '4', 2_600],
      ['P3v4', '8', 5_200],
    ],
    regionShare: 0.4,
    planOnly: true,
  },
  // Open-source databases
  {
    key: 'mysql-gp',
    title: 'Azure Database for MySQL - Flexible Server General Purpose',
    subType: 'MySql',
    reservationType: 'mysql',
    category: 'Azure Database for MySQL',
    unit: 'vCore',
    variants: perVcore('MySQL_Flexible_GP_Compute', 530),
  },
  {
    key: 'mysql-bc',
    title: 'Azure Database for MySQL - Flexible Server Business Critical',
    subType: 'MySql',
    reservationType: 'mysql',
    category: 'Azure Database for MySQL',
    unit: 'vCore',
    variants: perVcore('MySQL_Flexible_BC_Compute', 1_090),
  },
  {
    key: 'postgres-gp',
    title: 'Azure Database for PostgreSQL - Flexible Server General Purpose',
    subType: 'PostgreSql',
    reservationType: 'postgresql',
    category: 'Azure Database for PostgreSQL',
    unit: 'vCore',
    variants: perVcore('PostgreSQL_Flexible_GP_Compute', 550),
  },
  {
    key: 'postgres-mo',
    title: 'Azure Database for PostgreSQL - Flexible Server Memory Optimized',
    subType: 'PostgreSql',
    reservationType: 'postgresql',
    category: 'Azure Database for PostgreSQL',
    unit: 'vCore',
    variants: perVcore('PostgreSQL_Flexible_MO_Compute', 740),
  },
  {
    key: 'postgres-cosmos',
    title: 'Azure Cosmos DB for PostgreSQL - Compute',
    subType: 'PostgreSql',
    reservationType: 'postgresql',
    category: 'Azure Database for PostgreSQL',
    unit: 'vCore',
    variants: perVcore('CosmosDB_PostgreSQL_Compute', 610),
    regionShare: 0.6,
  },
  // Cache
  {
    key: 'redis-premium',
    title: 'Azure Cache for Redis Premium',
    subType: 'Redis',
    reservationType: 'rediscache',
    category: 'Azure Cache for Redis',
    unit: 'node',
    variants: [
      ['P1', '6', 3_620],
      ['P2', '13', 7_240],
      ['P3', '26', 14_480],
      ['P4', '53', 28_960],
      ['P5', '120', 68_120],
    ],
    small: true,
  },
  {
    key: 'redis-enterprise',
    title: 'Azure Cache for Redis Enterprise',
    subType: 'Redis',
    reservationType: 'rediscache',
    category: 'Azure Cache for Redis',
    unit: 'unit',
    variants: [
      ['E5', '4', 7_900],
      ['E10', '12', 14_000],
      ['E20', '24', 28_000],
      ['E50', '60', 56_000],
      ['E100', '120', 112_000],
      ['E200', '240', 224_000],
      ['E400', '480', 448_000],
    ],
    regionShare: 0.7,
  },
  {
    key: 'redis-flash',
    title: 'Azure Cache for Redis Enterprise Flash',
    subType: 'Redis',
    reservationType: 'rediscache',
    category: 'Azure Cache for Redis',
    unit: 'unit',
    variants: [
      ['F300', '384', 36_000],
      ['F700', '715', 72_000],
      ['F1500', '1455', 144_000],
    ],
    regionShare: 0.5,
  },
  // Analytics
  {
    key: 'databricks',
    title: 'Azure Databricks pre-purchase plan',
    subType: 'Databricks',
    reservationType: 'databricks',
    category: 'Azure Databricks',
    unit: 'DBCU',
    variants: [25_000, 50_000, 100_000, 200_000, 350_000, 500_000, 750_000, 1_000_000].map(
      (units) => [`Databricks_${units}_DBCU`, String(units), units * 0.96] as const,
    ),
    regionShare: 0.7,
  },
  {
    key: 'synapse',
    title: 'Azure Synapse Analytics Dedicated SQL pool',
    subType: 'Synapse',
    reservationType: 'sqldatawarehouse',
    category: 'Azure Synapse Analytics',
    unit: 'cDWU',
    variants: [
      ['DW100c', '100', 10_600],
      ['DW1000c', '1000', 106_000],
      ['DW5000c', '5000', 530_000],
    ],
    regionShare: 0.8,
  },
  {
    key: 'adx',
    title: 'Azure Data Explorer markup units',
    subType: 'DataExplorer',
    reservationType: 'dataexplorer',
    category: 'Azure Data Explorer',
    unit: 'vCore',
    variants: [['ADX_Markup', '1', 960]],
  },
  {
    key: 'adf-gp',
    title: 'Azure Data Factory data flows - General Purpose',
    subType: 'DataFactory',
    reservationType: 'datafactory',
    category: 'Azure Data Factory',
    unit: 'vCore',
    variants: [
      ['ADF_DataFlow_GP_8vCore', '8', 16_800],
      ['ADF_DataFlow_GP_16vCore', '16', 33_600],
      ['ADF_DataFlow_GP_32vCore', '32', 67_200],
    ],
  },
  {
    key: 'adf-mo',
    title: 'Azure Data Factory data flows - Memory Optimized',
    subType: 'DataFactory',
    reservationType: 'datafactory',
    category: 'Azure Data Factory',
    unit: 'vCore',
    variants: [
      ['ADF_DataFlow_MO_8vCore', '8', 24_400],
      ['ADF_DataFlow_MO_16vCore', '16', 48_800],
      ['ADF_DataFlow_MO_32vCore', '32', 97_600],
    ],
  },
  {
    key: 'fabric',
    title: 'Microsoft Fabric capacity reservation',
    subType: 'Fabric',
    reservationType: 'fabric',
    category: 'Microsoft Fabric',
    unit: 'CU',
    variants: [2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048].map(
      (cu) => [`F${cu}`, String(cu), cu * 1_576] as const,
    ),
    planOnly: true,
    oneYearOnly: true,
  },
  // Infrastructure
  {
    key: 'avs',
    title: 'Azure VMware Solution',
    subType: 'VMwareSolution',
    reservationType: 'avs',
    category: 'Azure VMware Solution',
    unit: 'node',
    variants: [
      ['AV36', '36', 73_000],
      ['AV36P', '36', 81_000],
      ['AV52', '52', 118_000],
      ['AV64', '64', 96_000],
    ],
    regionShare: 0.35,
    inventoryShare: 1,
  },
  {
    key: 'host-dsv3',
    title: 'Azure Dedicated Host - DSv3 Type 3',
    subType: 'DedicatedHost',
    reservationType: 'dedicatedhost',
    category: 'Azure Dedicated Host',
    unit: 'host',
    variants: [['DSv3-Type3', '80', 43_700]],
    regionShare: 0.6,
    inventoryShare: 1,
  },
  {
    key: 'host-esv3',
    title: 'Azure Dedicated Host - ESv3 Type 4',
    subType: 'DedicatedHost',
    reservationType: 'dedicatedhost',
    category: 'Azure Dedicated Host',
    unit: 'host',
    variants: [['ESv3-Type4', '84', 52_300]],
    regionShare: 0.6,
    inventoryShare: 1,
  },
  {
    key: 'host-fsv2',
    title: 'Azure Dedicated Host - FSv2 Type 2',
    subType: 'DedicatedHost',
    reservationType: 'dedicatedhost',
    category: 'Azure Dedicated Host',
    unit: 'host',
    variants: [['FSv2-Type2', '72', 34_400]],
    regionShare: 0.6,
    inventoryShare: 1,
  },
  {
    key: 'host-dadsv5',
    title: 'Azure Dedicated Host - Dadsv5 Type 1',
    subType: 'DedicatedHost',
    reservationType: 'dedicatedhost',
    category: 'Azure Dedicated Host',
    unit: 'host',
    variants: [['Dadsv5-Type1', '112', 49_800]],
    regionShare: 0.5,
    inventoryShare: 1,
  },
  {
    key: 'netapp-standard',
    title: 'Azure NetApp Files - Standard',
    subType: 'NetAppFiles',
    reservationType: 'netappfiles',
    category: 'Azure NetApp Files',
    unit: 'TiB',
    variants: [
      ['ANF_Standard_100TiB', '100', 154_000],
      ['ANF_Standard_1PiB', '1024', 1_500_000],
    ],
    regionShare: 0.6,
  },
  {
    key: 'netapp-premium',
    title: 'Azure NetApp Files - Premium',
    subType: 'NetAppFiles',
    reservationType: 'netappfiles',
    category: 'Azure NetApp Files',
    unit: 'TiB',
    variants: [
      ['ANF_Premium_100TiB', '100', 308_000],
      ['ANF_Premium_1PiB', '1024', 3_000_000],
    ],
    regionShare: 0.6,
  },
  {
    key: 'netapp-ultra',
    title: 'Azure NetApp Files - Ultra',
    subType: 'NetAppFiles',
    reservationType: 'netappfiles',
    category: 'Azure NetApp Files',
    unit: 'TiB',
    variants: [
      ['ANF_Ultra_100TiB', '100', 400_000],
      ['ANF_Ultra_1PiB', '1024', 3_900_000],
    ],
    regionShare: 0.5,
  },
];

function serviceProduct(spec: ServiceSpec): ProductSpec {
  return {
    key: spec.key,
    title: spec.title,
    description: `${spec.title}: prepay for one${spec.oneYearOnly ? '' : ' or three'} year${spec.oneYearOnly ? '' : 's'} of capacity and save over pay-as-you-go.`,
    subType: spec.subType,
    reservationType: spec.reservationType,
    category: spec.category,
    targetViews: spec.views ?? ['AzureReservations'],
    scopes: spec.planOnly ? PLAN_ONLY : BOTH,
    terms: spec.oneYearOnly ? ['P1Y'] : BOTH_TERMS,
    regionShare: spec.regionShare ?? 0.9,
    inventoryShare: spec.inventoryShare ?? 0,
    titlePrefix: spec.title,
    descriptionPrefix: `Reserved capacity, ${spec.title}`,
    variants: spec.variants.map(([armSkuName, capacity, usdPerYear]) => ({
      armSkuName,
      skuDisplayName: armSkuName.replace(/_/g, ' '),
      label: `${armSkuName} (${capacity} ${spec.unit})`,
      capacity,
      capacityUnit: spec.unit,
      usdPerYear,
    })),
    small: spec.small ?? false,
  };
}

/** Every product family of the full catalog, in a stable order. */
export const PRODUCT_SPECS: ReadonlyArray<ProductSpec> = [
  ...VM_SERIES.map(vmProduct),
  ...SERVICES.map(serviceProduct),
];
