/**
 * The SKU panel's store: the pure changes in `sku-panel.ts`, bound to zustand and the bridge. The
 * customers and their subscriptions come from the customers store, so they are read once for the app.
 */
import { create } from 'zustand';
import type { CatalogSku } from '../../../preload/contract';
import { getDesk } from '../bridge';
import { useCustomers } from './customers-store';
import { valueOf } from './load';
import {
  availabilitiesSettled,
  customerPicked,
  initialSkuPanelState,
  inventoryCheckRequest,
  inventoryCheckRequested,
  inventoryCheckSettled,
  inventoryCheckStarted,
  openSkuKey,
  preferredCustomer,
  skuClosed,
  skuOpened,
  subscriptionPicked,
  subscriptionsArrived,
  usableSubscriptions,
  type OpenSku,
  type SkuPanelState,
} from './sku-panel';

interface SkuPanelActions {
  /** Shows a SKU in the panel and asks for its availabilities (again, if it was another SKU). */
  readonly open: (sku: OpenSku) => Promise<void>;
  readonly close: () => void;
  /** "Check for a customer…": reads the customers and picks the current one, if there is one. */
  readonly startInventoryCheck: (currentCustomerId: string | null) => Promise<void>;
  /** Checks for this customer: reads its subscriptions and picks the only usable one. */
  readonly pickCustomer: (customerId: string) => Promise<void>;
  readonly pickSubscription: (subscriptionId: string | null) => void;
  /** Asks Partner Center whether the SKU's region has capacity for the chosen subscription. */
  readonly checkInventory: (sku: Pick<CatalogSku, 'armRegionName'>) => Promise<void>;
}

export const useSkuPanel = create<SkuPanelState & SkuPanelActions>((set, get) => {
  const apply = (change: (state: SkuPanelState) => SkuPanelState) => set((state) => change(state));
  const desk = () => getDesk();

  return {
    ...initialSkuPanelState,

    async open(sku) {
      const shown = get().sku;
      if (shown && openSkuKey(shown) === openSkuKey(sku)) return;
      apply((s) => skuOpened(s, sku));
      const { catalog, productId, skuId } = sku;
      const result = await desk().catalog.availabilities({
        catalog,
        productId,
        skuId,
        refresh: 'if-stale',
      });
      apply((s) => availabilitiesSettled(s, sku, result));
    },

    close() {
      set(skuClosed());
    },

    async startInventoryCheck(currentCustomerId) {
      apply(inventoryCheckStarted);
      const customers = useCustomers.getState();
      await customers.loadList();
      const list = valueOf(useCustomers.getState().list) ?? [];
      const preferred = preferredCustomer(list, currentCustomerId);
      // The customer the user works for is the one to check for, unless they already picked another.
      if (preferred && get().inventory.customerId === null) await get().pickCustomer(preferred);
    },

    async pickCustomer(customerId) {
      apply((s) => customerPicked(s, customerId));
      await useCustomers.getState().loadSubscriptions(customerId);
      const scope = get().sku?.catalog.scope;
      if (!scope) return;
      const usable = usableSubscriptions(useCustomers.getState().subscriptions[customerId], scope);
      if (usable.status === 'ready') apply((s) => subscriptionsArrived(s, customerId, usable.value));
    },

    pickSubscription(subscriptionId) {
      apply((s) => subscriptionPicked(s, subscriptionId));
    },

    async checkInventory(sku) {
      const request = inventoryCheckRequest(get(), sku);
      if (!request) return;
      apply(inventoryCheckRequested);
      const result = await desk().catalog.checkInventory(request);
      apply((s) => inventoryCheckSettled(s, request, result));
    },
  };
});
