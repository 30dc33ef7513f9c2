/**
 * Customers and their subscriptions. Six demo customers with fixed ids come first (each shows one
 * situation the purchase journey must handle); generated customers follow, enough for several pages.
 */
import type {
  Address,
  Customer,
  CustomerWorld,
  RegistrationState,
  ReservationScope,
  Subscription,
  SubscriptionStatus,
} from './model';
import { createRandom, type Random } from './random';
import { addDays, addYears, getLink, startOfDay, wireDate } from './wire';

/** Ids of the demo customers (tenant ids); stable across seeds so tests and docs can name them. */
export const DEMO_CUSTOMERS = {
  /** Contoso (US): an active, registered Azure plan. The happy path. */
  azurePlan: '4f6c1a52-0c7e-4b59-9a3d-1f0c2b7e5a01',
  /** Fabrikam (GB): an active, registered legacy MS-AZR-0145P subscription. */
  legacyAzure: '4f6c1a52-0c7e-4b59-9a3d-1f0c2b7e5a02',
  /** Northwind (DE): an active Azure plan that is not registered for reservations yet. */
  unregistered: '4f6c1a52-0c7e-4b59-9a3d-1f0c2b7e5a03',
  /** Tailspin (SE): a registered Azure plan that is suspended. */
  suspended: '4f6c1a52-0c7e-4b59-9a3d-1f0c2b7e5a04',
  /** Adventure Works (FR): only a Microsoft 365 subscription, no Azure at all. */
  noAzure: '4f6c1a52-0c7e-4b59-9a3d-1f0c2b7e5a05',
  /** Wide World Importers (BR): a registered Azure plan in a market where reservations are not sold. */
  unavailableMarket: '4f6c1a52-0c7e-4b59-9a3d-1f0c2b7e5a06',
} as const;

/** Ids of the demo customers' Azure subscriptions (Azure plan or MS-AZR-0145P). */
export const DEMO_SUBSCRIPTIONS = {
  azurePlan: '8d0f7f9d-0d22-4d8b-9d8e-7b2f1b7f7a01',
  legacyAzure: '8d0f7f9d-0d22-4d8b-9d8e-7b2f1b7f7a02',
  unregistered: '8d0f7f9d-0d22-4d8b-9d8e-7b2f1b7f7a03',
  suspended: '8d0f7f9d-0d22-4d8b-9d8e-7b2f1b7f7a04',
  unavailableMarket: '8d0f7f9d-0d22-4d8b-9d8e-7b2f1b7f7a06',
} as const;

/** Product id of the Azure plan; an Azure plan subscription's `offerId` starts with it (§13). */
export const AZURE_PLAN_PRODUCT_ID = 'DZH318Z0BPS6';
/** `offerId` of an Azure plan subscription. */
export const AZURE_PLAN_OFFER_ID = `${AZURE_PLAN_PRODUCT_ID}:0001:DZH318Z0BML6`;
/** `offerId` of a legacy Microsoft Azure subscription. */
export const LEGACY_AZURE_OFFER_ID = 'MS-AZR-0145P';

/** True when a subscription can be registered for and used to buy reservations (§8). */
export function isAzureSubscription(subscription: Subscription): boolean {
  return (
    subscription.offerId === LEGACY_AZURE_OFFER_ID || subscription.offerId.startsWith(AZURE_PLAN_PRODUCT_ID)
  );
}

/** The catalog scope a subscription buys reservations in, or undefined when it cannot buy any (§8). */
export function reservationScopeOf(subscription: Subscription): ReservationScope | undefined {
  if (subscription.offerId === LEGACY_AZURE_OFFER_ID) return 'Legacy';
  return subscription.offerId.startsWith(AZURE_PLAN_PRODUCT_ID) ? 'AzurePlan' : undefined;
}

/** The country whose catalog applies to a customer's purchases: its billing address country (§13). */
export function customerCountry(customer: Customer): string {
  return customer.billingProfile.defaultAddress.country;
}

/** How many customers a world has in total (at 20 per page that is 4 pages). */
export const CUSTOMER_COUNT = 66;

/** What a country's customers have in common: locale, phone prefix and the cities they live in. */
interface CountryFacts {
  readonly culture: string;
  readonly language: string;
  readonly phonePrefix: string;
  readonly cities: ReadonlyArray<readonly [city: string, state: string, postalCode: string]>;
}

/** The locale and phone prefix of each country customers live in. */
const LOCALES: Readonly<Record<string, Omit<CountryFacts, 'cities'>>> = {
  US: { culture: 'en-US', language: 'en', phonePrefix: '+1 ' },
  GB: { culture: 'en-GB', language: 'en', phonePrefix: '+44 ' },
  DE: { culture: 'de-DE', language: 'de', phonePrefix: '+49 ' },
  SE: { culture: 'sv-SE', language: 'sv', phonePrefix: '+46 ' },
  FR: { culture: 'fr-FR', language: 'fr', phonePrefix: '+33 ' },
  NL: { culture: 'nl-NL', language: 'nl', phonePrefix: '+31 ' },
  IE: { culture: 'en-IE', language: 'en', phonePrefix: '+353 ' },
  NO: { culture: 'nb-NO', language: 'nb', phonePrefix: '+47 ' },
  CH: { culture: 'de-CH', language: 'de', phonePrefix: '+41 ' },
  JP: { culture: 'ja-JP', language: 'ja', phonePrefix: '+81 ' },
  AU: { culture: 'en-AU', language: 'en', phonePrefix: '+61 ' },
  CA: { culture: 'en-CA', language: 'en', phonePrefix: '+1 ' },
  BR: { culture: 'pt-BR', language: 'pt', phonePrefix: '+55 ' },
  CN: { culture: 'zh-CN', language: 'zh', phonePrefix: '+86 ' },
  RU: { culture: 'ru-RU', language: 'ru', phonePrefix: '+7 ' },
};

/** Cities customers live in, `[country, city, state, postal code]`, grouped by country in pick order. */
const CITIES: ReadonlyArray<readonly [country: string, city: string, state: string, postalCode: string]> = [
  ['US', 'Redmond', 'WA', '98052'],
  ['US', 'Austin', 'TX', '78701'],
  ['US', 'Chicago', 'IL', '60601'],
  ['US', 'Boston', 'MA', '02110'],
  ['GB', 'London', '', 'EC1A 1BB'],
  ['GB', 'Manchester', '', 'M1 1AE'],
  ['GB', 'Reading', '', 'RG1 1AA'],
  ['DE', 'München', 'BY', '80331'],
  ['DE', 'Berlin', 'BE', '10115'],
  ['DE', 'Hamburg', 'HH', '20095'],
  ['SE', 'Stockholm', '', '111 20'],
  ['SE', 'Göteborg', '', '411 04'],
  ['SE', 'Malmö', '', '211 20'],
  ['FR', 'Paris', '', '75001'],
  ['FR', 'Lyon', '', '69001'],
  ['FR', 'Toulouse', '', '31000'],
  ['NL', 'Amsterdam', '', '1012 AB'],
  ['NL', 'Utrecht', '', '3511 AA'],
  ['IE', 'Dublin', '', 'D02 X285'],
  ['IE', 'Cork', '', 'T12 W8DE'],
  ['NO', 'Oslo', '', '0150'],
  ['NO', 'Bergen', '', '5003'],
  ['CH', 'Zürich', 'ZH', '8001'],
  ['CH', 'Genève', 'GE', '1201'],
  ['JP', 'Tokyo', 'Tokyo', '100-0001'],
  ['JP', 'Osaka', 'Osaka', '530-0001'],
  ['AU', 'Sydney', 'NSW', '2000'],
  ['AU', 'Melbourne', 'VIC', '3000'],
  ['CA', 'Toronto', 'ON', 'M5H 2N2'],
  ['CA', 'Vancouver', 'BC', 'V6B 1A1'],
  ['BR', 'São Paulo', 'SP', '01000-000'],
  ['BR', 'Rio de Janeiro', 'RJ', '20000-000'],
  ['CN', 'Shanghai', 'SH', '200000'],
  ['CN', 'Beijing', 'BJ', '100000'],
  ['RU', 'Moscow', '', '101000'],
];

const COUNTRIES: Readonly<Record<string, CountryFacts>> = Object.fromEntries(
  Object.entries(LOCALES).map(([country, locale]): [string, CountryFacts] => [
    country,
    {
      ...locale,
      cities: CITIES.filter((row) => row[0] === country).map(
        ([, city, state, postalCode]) => [city, state, postalCode] as const,
      ),
    },
  ]),
);

/** Countries generated customers live in (weighted by repetition); BR, CN and RU exercise unavailable markets. */
const GENERATED_COUNTRIES = [
  'US',
  'US',
  'US',
  'GB',
  'GB',
  'DE',
  'DE',
  'SE',
  'FR',
  'NL',
  'IE',
  'NO',
  'CH',
  'JP',
  'AU',
  'CA',
  'BR',
  'CN',
  'RU',
];

const NAME_FIRST = [
  'Alpine',
  'Blue Yonder',
  'Coho',
  'Datum',
  'Fourth Coffee',
  'Graphic Design',
  'Humongous',
  'Lamna',
  'Litware',
  'Lucerne',
  'Margie’s',
  'Munson’s',
  'Nod',
  'Proseware',
  'Relecloud',
  'Southridge',
  'Trey',
  'VanArsdel',
  'Woodgrove',
  'Wingtip',
  'Bellows',
  'Consolidated',
  'First Up',
  'Fincher',
  'Liberty’s',
  'Best For You',
  'Boulder',
  'Cedar',
  'Harbor',
  'Meridian',
  'Northwind',
  'Polaris',
  'Quantum',
  'Summit',
  'Tidewater',
];
const NAME_SECOND = [
  'Ski House',
  'Airlines',
  'Winery',
  'Corporation',
  'Insurance',
  'Institute',
  'Publishing',
  'Healthcare',
  'Bank',
  'Electronics',
  'Travel',
  'Logistics',
  'Foods',
  'Energy',
  'Studios',
  'Consulting',
  'Motors',
  'Pharmaceuticals',
  'Retail',
  'Analytics',
];
const FIRST_NAMES = [
  'Alex',
  'Sam',
  'Maria',
  'Jonas',
  'Aiko',
  'Priya',
  'Lars',
  'Chloé',
  'Owen',
  'Fatima',
  'Diego',
  'Ingrid',
  'Mei',
  'Noah',
  'Elena',
  'Tomás',
];
const LAST_NAMES = [
  'Johnson',
  'Svensson',
  'Müller',
  'Dubois',
  'Tanaka',
  'Patel',
  'Silva',
  'Kowalski',
  'Nguyen',
  'O’Brien',
  'Rossi',
  'Andersen',
];

interface CustomerDraft {
  readonly id: string;
  readonly companyName: string;
  readonly domainStem: string;
  readonly country: string;
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase();
}

function buildCustomer(draft: CustomerDraft, random: Random): Customer {
  const facts = COUNTRIES[draft.country] ?? COUNTRIES.US;
  if (!facts) throw new Error('country facts missing');
  const [city, state, postalCode] = random.pick(facts.cities);
  const firstName = random.pick(FIRST_NAMES);
  const lastName = random.pick(LAST_NAMES);
  const domain = `${draft.domainStem}.onmicrosoft.com`;
  const email = `${slug(firstName)}.${slug(lastName)}@${draft.domainStem}.com`;
  const phoneNumber = `${facts.phonePrefix}${random.int(200, 989)} ${random.int(100, 999)} ${random.int(1000, 9999)}`;
  const address: Address = {
    country: draft.country,
    region: state,
    state,
    city,
    addressLine1: `${random.int(1, 250)} ${random.pick(['Main Street', 'Harbour Road', 'Park Avenue', 'Market Square', 'Station Road'])}`,
    postalCode,
    phoneNumber,
  };
  return {
    id: draft.id,
    commerceId: random.guid(),
    companyProfile: {
      tenantId: draft.id,
      domain,
      companyName: draft.companyName,
      email,
      address,
      attributes: { objectType: 'CustomerCompanyProfile' },
    },
    billingProfile: {
      id: random.guid(),
      firstName,
      lastName,
      email,
      culture: facts.culture,
      language: facts.language,
      companyName: draft.companyName,
      defaultAddress: { ...address, firstName, lastName },
      attributes: { objectType: 'CustomerBillingProfile' },
    },
    relationshipToPartner: 'reseller',
    allowDelegatedAccess: true,
    customDomains: [domain, `${draft.domainStem}.com`],
    links: { self: getLink(`/customers/${draft.id}`) },
    attributes: { objectType: 'Customer' },
  };
}

type SubscriptionKind = 'azurePlan' | 'legacy' | 'm365';

function buildSubscription(
  kind: SubscriptionKind,
  customerId: string,
  id: string,
  country: string,
  status: SubscriptionStatus,
  created: Date,
  random: Random,
): Subscription {
  const commitmentEnd = addYears(created, 100);
  const base = {
    id,
    quantity: 1,
    hasPurchasableAddons: false,
    creationDate: wireDate(created),
    effectiveStartDate: wireDate(startOfDay(created)),
    status,
    isTrial: false,
    contractType: 'subscription' as const,
    orderId: random.chars('0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ', 33),
    attributes: { objectType: 'Subscription' },
  };
  const self = getLink(`/customers/${customerId}/subscriptions/${id}`);
  // Both Azure kinds are usage-based and run for a century; only the offer and its links differ.
  const azure = (offerId: string, offerName: string) =>
    ({
      offerId,
      offerName,
      friendlyName: offerName,
      productType: { id: 'Azure', displayName: 'Azure' },
      unitType: 'Usage-based',
      commitmentEndDate: wireDate(commitmentEnd),
      autoRenewEnabled: false,
      billingType: 'usage',
      billingCycle: 'monthly',
      publisherName: 'Microsoft Corporation',
    }) as const;
  if (kind === 'azurePlan') {
    return {
      ...base,
      ...azure(AZURE_PLAN_OFFER_ID, 'Azure plan'),
      links: {
        self,
        product: getLink(`/products/${AZURE_PLAN_PRODUCT_ID}?country=${country}`),
        sku: getLink(`/products/${AZURE_PLAN_PRODUCT_ID}/skus/0001?country=${country}`),
        availability: getLink(
          `/products/${AZURE_PLAN_PRODUCT_ID}/skus/0001/availabilities/DZH318Z0BML6?country=${country}`,
        ),
      },
    };
  }
  if (kind === 'legacy')
    return { ...base, ...azure(LEGACY_AZURE_OFFER_ID, 'Microsoft Azure'), links: { self } };
  const seats = random.int(5, 400);
  return {
    ...base,
    quantity: seats,
    offerId: 'CFQ7TTC0LFLZ:0001:CFQ7TTC0LFK5',
    offerName: 'Microsoft 365 E3',
    friendlyName: 'Microsoft 365 E3',
    productType: { id: 'OnlineServices', displayName: 'OnlineServices' },
    unitType: 'Licenses',
    commitmentEndDate: wireDate(addYears(created, 1)),
    autoRenewEnabled: true,
    billingType: 'license',
    billingCycle: 'monthly',
    termDuration: 'P1Y',
    publisherName: 'Microsoft Corporation',
    links: { self },
  };
}

/**
 * Generates the customers: the six demo customers first, then generated ones up to `count`
 * (`CUSTOMER_COUNT` by default). A larger count only appends customers: the first ones stay the same.
 */
export function generateCustomers(seed: number, now: Date, count: number = CUSTOMER_COUNT): CustomerWorld {
  const random = createRandom(seed ^ 0x5eed0c0);
  const customers: Customer[] = [];
  const subscriptionsByCustomer = new Map<string, Subscription[]>();
  const registrations = new Map<string, RegistrationState>();
  const createdAgo = (): Date => addDays(now, -random.int(200, 1500));

  const add = (
    draft: CustomerDraft,
    subscriptions: ReadonlyArray<{
      kind: SubscriptionKind;
      id?: string;
      status?: SubscriptionStatus;
      registration?: RegistrationState;
    }>,
  ): void => {
    const customer = buildCustomer(draft, random);
    customers.push(customer);
    const list = subscriptions.map((spec) => {
      const subscription = buildSubscription(
        spec.kind,
        customer.id,
        spec.id ?? random.guid(),
        draft.country,
        spec.status ?? 'active',
        createdAgo(),
        random,
      );
      if (spec.kind !== 'm365') registrations.set(subscription.id, spec.registration ?? 'NotRegistered');
      return subscription;
    });
    subscriptionsByCustomer.set(customer.id, list);
  };

  add({ id: DEMO_CUSTOMERS.azurePlan, companyName: 'Contoso Ltd.', domainStem: 'contoso', country: 'US' }, [
    { kind: 'azurePlan', id: DEMO_SUBSCRIPTIONS.azurePlan, registration: 'Registered' },
    { kind: 'm365' },
  ]);
  add(
    {
      id: DEMO_CUSTOMERS.legacyAzure,
      companyName: 'Fabrikam UK Ltd',
      domainStem: 'fabrikamuk',
      country: 'GB',
    },
    [{ kind: 'legacy', id: DEMO_SUBSCRIPTIONS.legacyAzure, registration: 'Registered' }],
  );
  add(
    {
      id: DEMO_CUSTOMERS.unregistered,
      companyName: 'Northwind Traders GmbH',
      domainStem: 'northwindtraders',
      country: 'DE',
    },
    [{ kind: 'azurePlan', id: DEMO_SUBSCRIPTIONS.unregistered, registration: 'NotRegistered' }],
  );
  add(
    {
      id: DEMO_CUSTOMERS.suspended,
      companyName: 'Tailspin Toys AB',
      domainStem: 'tailspintoys',
      country: 'SE',
    },
    [
      {
        kind: 'azurePlan',
        id: DEMO_SUBSCRIPTIONS.suspended,
        status: 'suspended',
        registration: 'Registered',
      },
    ],
  );
  add(
    {
      id: DEMO_CUSTOMERS.noAzure,
      companyName: 'Adventure Works SARL',
      domainStem: 'adventureworks',
      country: 'FR',
    },
    [{ kind: 'm365' }],
  );
  add(
    {
      id: DEMO_CUSTOMERS.unavailableMarket,
      companyName: 'Wide World Importers Ltda',
      domainStem: 'wideworldimporters',
      country: 'BR',
    },
    [{ kind: 'azurePlan', id: DEMO_SUBSCRIPTIONS.unavailableMarket, registration: 'Registered' }],
  );

  const usedNames = new Set(customers.map((customer) => customer.companyProfile.companyName));
  while (customers.length < count) {
    const base = `${random.pick(NAME_FIRST)} ${random.pick(NAME_SECOND)}`;
    // 35 × 20 names run out above ~700 customers: number the repeats instead of looping forever.
    const companyName =
      usedNames.has(base) && usedNames.size >= NAME_FIRST.length * NAME_SECOND.length * 0.5
        ? `${base} ${usedNames.size + 1}`
        : base;
    if (usedNames.has(companyName)) continue;
    usedNames.add(companyName);
    const country = random.pick(GENERATED_COUNTRIES);
    const roll = random.next();
    const subscriptions: Array<{
      kind: SubscriptionKind;
      status?: SubscriptionStatus;
      registration?: RegistrationState;
    }> =
      roll < 0.55
        ? [{ kind: 'azurePlan', registration: random.chance(0.8) ? 'Registered' : 'NotRegistered' }]
        : roll < 0.7
          ? [{ kind: 'legacy', registration: random.chance(0.7) ? 'Registered' : 'NotRegistered' }]
          : roll < 0.8
            ? [
                { kind: 'azurePlan', registration: 'Registered' },
                { kind: 'legacy', registration: random.chance(0.5) ? 'Registered' : 'NotRegistered' },
              ]
            : roll < 0.85
              ? [{ kind: 'azurePlan', status: 'suspended', registration: 'Registered' }]
              : [];
    if (random.chance(0.5)) subscriptions.push({ kind: 'm365' });
    add({ id: random.guid(), companyName, domainStem: slug(companyName), country }, subscriptions);
  }
  return { customers, subscriptionsByCustomer, registrations };
}
