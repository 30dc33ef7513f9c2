/**
 * The SKU panel's state: the open SKU, its availabilities, and the inventory check (for which customer
 * and subscription, and its answer). Pure changes, tested without React or a bridge. The customers and
 * their subscriptions themselves live in the customers store, read once for every screen.
 */
import type {
  AvailabilitiesResult,
  CatalogSku,
  CustomerSummary,
  DeskResult,
  InventoryCheckResult,
  SubscriptionSummary,
} from '../../../preload/contract';
import type { CatalogSelection } from './catalog';
import { idle, loading, mapLoad, settle, type Load } from './load';

/** The SKU a panel is open for, in its catalog. */
export interface OpenSku {
  readonly catalog: CatalogSelection;
  readonly productId: string;
  readonly skuId: string;
}

export interface InventoryCheckState {
  /** The user asked to check ("Check for a customer…"), so the customer choice shows. */
  readonly started: boolean;
  readonly customerId: string | null;
  readonly subscriptionId: string | null;
  readonly result: Load<InventoryCheckResult>;
}

export interface SkuPanelState {
  readonly sku: OpenSku | null;
  readonly availabilities: Load<AvailabilitiesResult>;
  readonly inventory: InventoryCheckState;
}

const noInventoryCheck: InventoryCheckState = {
  started: false,
  customerId: null,
  subscriptionId: null,
  result: idle,
};

export const initialSkuPanelState: SkuPanelState = {
  sku: null,
  availabilities: idle,
  inventory: noInventoryCheck,
};

/** Which SKU of which catalog: answers for another one are late and ignored. */
export function openSkuKey(sku: OpenSku): string {
  const { profileId, country, scope } = sku.catalog;
  return `${profileId}|${country}|${scope}|${sku.productId}/${sku.skuId}`;
}

const isOpen = (state: SkuPanelState, sku: OpenSku) =>
  state.sku !== null && openSkuKey(state.sku) === openSkuKey(sku);

/**
 * A SKU's panel opens (or shows another SKU): its availabilities are asked again. Who the check is for
 * stays while the profile and scope stay, so several SKUs can be checked for one customer; an answer
 * about another SKU never does.
 */
export function skuOpened(state: SkuPanelState, sku: OpenSku): SkuPanelState {
  if (isOpen(state, sku)) return state;
  const sameBuyer =
    state.sku?.catalog.profileId === sku.catalog.profileId && state.sku.catalog.scope === sku.catalog.scope;
  return {
    sku,
    availabilities: { status: 'loading' },
    inventory: sameBuyer ? { ...state.inventory, result: idle } : noInventoryCheck,
  };
}

export function skuClosed(): SkuPanelState {
  return initialSkuPanelState;
}

export function availabilitiesSettled(
  state: SkuPanelState,
  sku: OpenSku,
  result: DeskResult<AvailabilitiesResult>,
): SkuPanelState {
  if (!isOpen(state, sku)) return state;
  return { ...state, availabilities: settle(state.availabilities, result) };
}

export function inventoryCheckStarted(state: SkuPanelState): SkuPanelState {
  return { ...state, inventory: { ...state.inventory, started: true } };
}

/** Another customer: its subscriptions are other ones, and an answer for the old one no longer applies. */
export function customerPicked(state: SkuPanelState, customerId: string): SkuPanelState {
  if (state.inventory.customerId === customerId) return state;
  return {
    ...state,
    inventory: { ...state.inventory, customerId, subscriptionId: null, result: idle },
  };
}

/** The customer's subscriptions arrived: with exactly one usable, it is the one to check for. */
export function subscriptionsArrived(
  state: SkuPanelState,
  customerId: string,
  usable: ReadonlyArray<SubscriptionSummary>,
): SkuPanelState {
  const { inventory } = state;
  if (inventory.customerId !== customerId || inventory.subscriptionId !== null || usable.length !== 1) {
    return state;
  }
  return { ...state, inventory: { ...inventory, subscriptionId: usable[0]!.id } };
}

export function subscriptionPicked(state: SkuPanelState, subscriptionId: string | null): SkuPanelState {
  if (state.inventory.subscriptionId === subscriptionId) return state;
  return { ...state, inventory: { ...state.inventory, subscriptionId, result: idle } };
}

export type InventoryCheckRequest = Readonly<{
  catalog: CatalogSelection;
  productId: string;
  skuId: string;
  customerId: string;
  subscriptionId: string;
  armRegionName: string;
}>;

/** The check to send for this SKU, once a customer and subscription are chosen and the SKU has a region. */
export function inventoryCheckRequest(
  state: SkuPanelState,
  sku: Pick<CatalogSku, 'armRegionName'>,
): InventoryCheckRequest | null {
  const { customerId, subscriptionId } = state.inventory;
  if (!state.sku || !customerId || !subscriptionId || !sku.armRegionName) return null;
  return {
    catalog: state.sku.catalog,
    productId: state.sku.productId,
    skuId: state.sku.skuId,
    customerId,
    subscriptionId,
    armRegionName: sku.armRegionName,
  };
}

export function inventoryCheckRequested(state: SkuPanelState): SkuPanelState {
  return { ...state, inventory: { ...state.inventory, result: loading(state.inventory.result) } };
}

/** The answer counts only if the SKU, customer and subscription are still the ones it was asked for. */
export function inventoryCheckSettled(
  state: SkuPanelState,
  request: InventoryCheckRequest,
  result: DeskResult<InventoryCheckResult>,
): SkuPanelState {
  const { inventory } = state;
  const current =
    isOpen(state, request) &&
    inventory.customerId === request.customerId &&
    inventory.subscriptionId === request.subscriptionId;
  if (!current) return state;
  return { ...state, inventory: { ...inventory, result: settle(inventory.result, result) } };
}

/** The customer to check for first: the one the user works for, if the list has it. */
export function preferredCustomer(
  customers: ReadonlyArray<CustomerSummary>,
  currentCustomerId: string | null,
): string | null {
  return currentCustomerId && customers.some((c) => c.id === currentCustomerId) ? currentCustomerId : null;
}

/** Of a customer's subscriptions, those reservations of this scope can be bought for. */
export function usableSubscriptions(
  subscriptions: Load<ReadonlyArray<SubscriptionSummary>> | undefined,
  scope: CatalogSelection['scope'],
): Load<ReadonlyArray<SubscriptionSummary>> {
  return mapLoad(subscriptions ?? idle, (all) => all.filter((s) => s.scope === scope));
}
