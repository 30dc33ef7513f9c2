/** The selected SKU: every attribute, its availabilities (asked on demand), and an inventory check. */
import { Button, Caption1, makeStyles, Spinner, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useEffect } from 'react';
import type { CatalogSku } from '../../../../preload/contract';
import { ErrorBar } from '../../components/error-bar';
import { NoticeBar } from '../../components/notice-bar';
import { SelectField } from '../../components/select-field';
import type { CatalogSelection } from '../../state/catalog';
import { skuDetailRows, termLabel } from '../../state/catalog-labels';
import { useCustomers } from '../../state/customers-store';
import { usableSubscriptions } from '../../state/sku-panel';
import { useSkuPanel } from '../../state/sku-panel-store';
import { AddToCart } from './add-to-cart';

const useStyles = makeStyles({
  panel: {
    width: '320px',
    // On a laptop the table keeps room for every column next to the panel.
    '@media (max-width: 1599px)': { width: '300px' },
    flexShrink: 0,
    overflowY: 'auto',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    paddingLeft: tokens.spacingHorizontalL,
    borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  head: { display: 'flex', justifyContent: 'space-between', alignItems: 'start' },
  attributes: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, wordBreak: 'break-word' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export function SkuDetail(props: {
  sku: CatalogSku;
  catalog: CatalogSelection;
  /** The current customer, preselected in the inventory check. */
  preferredCustomerId: string | null;
  onClose: () => void;
}) {
  const styles = useStyles();
  const { sku, catalog } = props;
  const availabilities = useSkuPanel((s) => s.availabilities);
  const open = useSkuPanel((s) => s.open);
  const close = useSkuPanel((s) => s.close);

  useEffect(() => {
    void open({ catalog, productId: sku.productId, skuId: sku.skuId });
  }, [open, catalog, sku.productId, sku.skuId]);

  // Closing the panel forgets it: opening it again asks Partner Center again.
  useEffect(() => close, [close]);

  const attributes = skuDetailRows(sku);

  return (
    <aside
      className={styles.panel}
      aria-label="SKU details"
      data-testid="sku-detail"
      // Escape closes the panel from anywhere in it (a native select open handles its own Escape).
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || event.defaultPrevented) return;
        event.preventDefault();
        props.onClose();
      }}
    >
      <div className={styles.head}>
        <div>
          <Subtitle2 as="h2" block>
            {sku.armSkuName ?? sku.title}
          </Subtitle2>
          <Caption1 block>
            {[sku.region ?? sku.armRegionName, termLabel(sku.term)].filter(Boolean).join(' · ')}
          </Caption1>
        </div>
        <Button
          appearance="subtle"
          icon={<DismissRegular />}
          aria-label="Close details"
          onClick={props.onClose}
        />
      </div>
      {sku.description && <Text>{sku.description}</Text>}
      <dl className={styles.attributes}>
        {attributes.map(([name, value]) => (
          <div key={name} style={{ display: 'contents' }}>
            <dt className={styles.term}>{name}</dt>
            <dd className={styles.value}>{value}</dd>
          </div>
        ))}
      </dl>
      <Subtitle2 as="h3">Availabilities</Subtitle2>
      {availabilities.status === 'loading' && <Spinner size="tiny" label="Asking Partner Center…" />}
      {availabilities.status === 'error' && (
        <ErrorBar title="Could not read availabilities" error={availabilities.error} />
      )}
      {availabilities.status === 'ready' && (
        <div data-testid="sku-availabilities">
          {availabilities.value.fromCache && (
            <Caption1 as="p">Offline: these are from the cache and may be out of date.</Caption1>
          )}
          {availabilities.value.availabilities.length === 0 ? (
            <Text>None: this SKU cannot be bought in this market and scope right now.</Text>
          ) : (
            availabilities.value.availabilities.map((availability) => (
              <Text as="p" key={availability.availabilityId} block>
                {availability.terms.map((t) => t.description ?? t.duration).join(', ') || 'No terms listed'}
                {availability.currencyCode ? ` · ${availability.currencyCode}` : ''}
                <br />
                <Caption1>{availability.catalogItemId}</Caption1>
              </Text>
            ))
          )}
        </div>
      )}
      {availabilities.status === 'ready' && (
        <AddToCart sku={sku} catalog={catalog} availabilities={availabilities.value.availabilities} />
      )}
      {sku.needsInventoryCheck && (
        <InventoryCheck sku={sku} catalog={catalog} preferredCustomerId={props.preferredCustomerId} />
      )}
    </aside>
  );
}

function InventoryCheck(props: {
  sku: CatalogSku;
  catalog: CatalogSelection;
  preferredCustomerId: string | null;
}) {
  const { sku, catalog, preferredCustomerId } = props;
  const customers = useCustomers((s) => s.list);
  const { started, customerId, subscriptionId, result: check } = useSkuPanel((s) => s.inventory);
  const allSubscriptions = useCustomers((s) => (customerId ? s.subscriptions[customerId] : undefined));
  const subscriptions = usableSubscriptions(allSubscriptions, catalog.scope);
  const { startInventoryCheck, pickCustomer, pickSubscription, checkInventory } = useSkuPanel.getState();
  const styles = useStyles();

  return (
    <section aria-label="Inventory check" className={styles.section} data-testid="inventory-check">
      <Subtitle2 as="h3" block>
        Inventory check
      </Subtitle2>
      <Caption1 as="p" block>
        This SKU needs an inventory check before it can be bought.
      </Caption1>
      {!started && (
        <Button onClick={() => void startInventoryCheck(preferredCustomerId)} data-testid="inventory-start">
          Check for a customer…
        </Button>
      )}
      {started && customers.status === 'loading' && <Spinner size="tiny" label="Loading customers…" />}
      {started && customers.status === 'error' && (
        <ErrorBar
          title="Could not load customers"
          error={customers.error}
          onRetry={() => void startInventoryCheck(preferredCustomerId)}
        />
      )}
      {started && customers.status === 'ready' && (
        <>
          <SelectField
            label="Customer"
            placeholder="Choose a customer"
            value={customerId ?? ''}
            choices={customers.value.map((customer) => ({ value: customer.id, label: customer.name }))}
            onChange={(id) => void pickCustomer(id)}
            testId="inventory-customer"
          />
          {subscriptions.status === 'loading' && <Spinner size="tiny" label="Loading subscriptions…" />}
          {subscriptions.status === 'error' && (
            <ErrorBar title="Could not load subscriptions" error={subscriptions.error} />
          )}
          {subscriptions.status === 'ready' &&
            (subscriptions.value.length === 0 ? (
              <Text>
                This customer has no {catalog.scope === 'AzurePlan' ? 'Azure plan' : 'MS-AZR-0145P'}{' '}
                subscription.
              </Text>
            ) : (
              <SelectField
                label="Subscription"
                placeholder="Choose a subscription"
                value={subscriptionId ?? ''}
                choices={subscriptions.value.map((s) => ({ value: s.id, label: s.name }))}
                onChange={pickSubscription}
                testId="inventory-subscription"
              />
            ))}
          <Button
            appearance="primary"
            disabled={!subscriptionId || check.status === 'loading'}
            onClick={() => void checkInventory(sku)}
            data-testid="inventory-run"
          >
            Check {sku.region ?? sku.armRegionName}
          </Button>
        </>
      )}
      {check.status === 'loading' && <Spinner size="tiny" label="Checking inventory…" />}
      {check.status === 'error' && <ErrorBar title="The inventory check failed" error={check.error} />}
      {check.status === 'ready' && (
        <NoticeBar
          intent={check.value.restricted ? 'warning' : 'success'}
          title={check.value.restricted ? 'Not available for this subscription' : 'Available to buy'}
          testId="inventory-result"
        >
          {check.value.restricted
            ? check.value.restrictions.map((r) => r.description).join(' ')
            : `Capacity is available in ${sku.region ?? sku.armRegionName}.`}
        </NoticeBar>
      )}
    </section>
  );
}
