/** Catalog: the reservation catalog of a market, from the local cache, searchable as fast as people type. */
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useRef } from 'react';
import { ErrorBar } from '../../components/error-bar';
import { ScreenHeader } from '../../components/screen-header';
import type { ScreenInfo } from '../../screens';
import { formatSyncedAt, matchCount, skuKey } from '../../state/catalog';
import { catalogMarket } from '../../state/catalog-market';
import { useShallow } from 'zustand/react/shallow';
import { useCatalog } from '../../state/catalog-store';
import { catalogScreenView } from '../../state/catalog-views';
import { valueOf } from '../../state/load';
import { useCustomers } from '../../state/customers-store';
import { useNavigation } from '../../state/navigation-store';
import { useProfiles } from '../../state/profiles-store';
import { useRememberedMarket } from '../../state/remembered-market-store';
import { useActiveProfile } from '../../use-active-profile';
import { CatalogFiltersPanel } from './catalog-filters';
import { CatalogTable, type CatalogTableHandle } from './catalog-table';
import { NoMatches } from './no-matches';
import { CatalogToolbar } from './catalog-toolbar';
import { SkuDetail } from './sku-detail';

const useStyles = makeStyles({
  screen: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, height: '100%' },
  body: { display: 'flex', gap: tokens.spacingHorizontalL, minHeight: 0, flexGrow: 1 },
  results: {
    display: 'flex',
    flexDirection: 'column',
    flexGrow: 1,
    minWidth: 0,
    gap: tokens.spacingVerticalS,
  },
});

export function CatalogScreen({ info }: { info: ScreenInfo }) {
  const styles = useStyles();
  const { loaded, profile, currentReady } = useActiveProfile();
  // Not the sync's progress: its events re-render the toolbar only, never the table below.
  const catalog = useCatalog(useShallow(catalogScreenView));
  const open = useCatalog((s) => s.open);
  const sync = useCatalog((s) => s.sync);
  const select = useCatalog((s) => s.select);
  const lastSync = useCatalog((s) => s.lastSync);
  const customer = useCustomers((s) => s.current);
  const customerChoice = useCustomers((s) => s.choice);
  const go = useNavigation((s) => s.go);
  const remembered = useRememberedMarket((s) => s.remembered);
  const authState = useProfiles((s) => (profile ? s.statuses[profile.id]?.state : undefined));
  const tableRef = useRef<CatalogTableHandle>(null);
  const { selection, manualMarket } = catalog;
  const wanted =
    profile && currentReady
      ? catalogMarket({
          profileId: profile.id,
          profileCountry: profile.defaults.country,
          customer,
          choice: customerChoice,
          manual: manualMarket,
          remembered,
        })
      : null;
  const profileId = profile?.id;
  const country = wanted?.country;

  // One way in: on arrival, and whenever the customer or a hand-picked market changes the market.
  // Waits for the current customer, so a customer's catalog never first opens in the default market.
  useEffect(() => {
    if (profileId && country) void open(profileId, country);
  }, [profileId, country, open]);

  const selected = useMemo(() => {
    if (!catalog.selectedKey || catalog.total.status !== 'ready') return undefined;
    for (const rows of Object.values(catalog.pages)) {
      const sku = rows.find((row) => skuKey(row) === catalog.selectedKey);
      if (sku) return sku;
    }
    return undefined;
  }, [catalog.selectedKey, catalog.pages, catalog.total]);

  if (loaded && !profile) {
    return (
      <section data-testid="screen-catalog" className={styles.screen}>
        <ScreenHeader info={info} />
        <MessageBar intent="info">
          <MessageBarBody>
            <MessageBarTitle>Connect first</MessageBarTitle>
            The catalog is read with a partner profile. Add one, or try the built-in demo.
          </MessageBarBody>
          <Button onClick={() => go('connect')}>Go to Connect</Button>
        </MessageBar>
      </section>
    );
  }

  const { market, cached } = catalog;
  const status = valueOf(catalog.status);
  const total = matchCount(catalog);
  // Opening or syncing the catalog failed, or the search did: one bar says so.
  const error =
    catalog.status.status === 'error'
      ? catalog.status.error
      : catalog.total.status === 'error'
        ? catalog.total.error
        : null;
  const unavailable = (market ?? status?.market)?.reservationsSold === false;
  const syncing = Boolean(status?.syncTaskId);

  // Signed out with nothing cached: nothing here can work yet, so one message and one way forward.
  if (authState !== undefined && authState !== 'signed-in' && !cached && !syncing) {
    return (
      <section data-testid="screen-catalog" className={styles.screen}>
        <ScreenHeader info={info} />
        <MessageBar intent="info" data-testid="catalog-sign-in">
          <MessageBarBody>
            <MessageBarTitle>Sign in to download the catalog</MessageBarTitle>
            {profile?.name} is not signed in, and there is no catalog on this computer for it yet.
          </MessageBarBody>
          <Button appearance="primary" onClick={() => go('connect')} data-testid="catalog-go-connect">
            Go to Connect
          </Button>
        </MessageBar>
      </section>
    );
  }

  return (
    <section data-testid="screen-catalog" className={styles.screen}>
      <ScreenHeader info={info} />
      <CatalogToolbar
        marketSource={wanted?.source ?? null}
        customerChoice={customerChoice}
        onManageCustomers={() => go('customers')}
        onOpenSettings={() => go('settings')}
      />
      {status?.offlineSince && (
        <MessageBar intent="warning" data-testid="catalog-offline">
          <MessageBarBody>
            <MessageBarTitle>Offline</MessageBarTitle>
            {status.syncedAt
              ? `Catalog from ${formatSyncedAt(status.syncedAt)}. Searching works; it refreshes when Partner Center can be reached again.`
              : 'Partner Center cannot be reached, and there is no cached catalog for this market yet.'}
          </MessageBarBody>
        </MessageBar>
      )}
      {lastSync && lastSync.outcome !== 'completed' && !status?.offlineSince && (
        <MessageBar
          intent={lastSync.outcome === 'cancelled' ? 'info' : 'error'}
          data-testid="catalog-sync-message"
        >
          <MessageBarBody>{lastSync.message}</MessageBarBody>
        </MessageBar>
      )}
      {error && <ErrorBar title="The catalog could not be read" error={error} testId="catalog-error" />}
      {unavailable ? (
        <MessageBar intent="info" data-testid="catalog-unavailable">
          <MessageBarBody>
            <MessageBarTitle>
              Azure reservations are not sold in {(market ?? status?.market)?.name}
            </MessageBarTitle>
            {(market ?? status?.market)?.reason ??
              'Microsoft does not offer Azure reservations in this market.'}
          </MessageBarBody>
        </MessageBar>
      ) : !cached && status?.offlineSince ? null : !cached && !syncing && total === 0 ? (
        <MessageBar intent="info" data-testid="catalog-empty">
          <MessageBarBody>
            <MessageBarTitle>No catalog for this market yet</MessageBarTitle>
            Download it once; after that it opens instantly, also offline.
          </MessageBarBody>
          <Button appearance="primary" onClick={() => void sync()}>
            Download catalog
          </Button>
        </MessageBar>
      ) : (
        <div className={styles.body}>
          <CatalogFiltersPanel makeRoom={Boolean(selected && selection)} />
          <div className={styles.results}>
            <Text aria-live="polite" data-testid="catalog-count">
              {!cached && syncing
                ? total
                  ? `Downloading the catalog: ${total.toLocaleString('en-US')} SKUs so far…`
                  : 'Downloading the catalog; its first products appear here in a moment.'
                : total === null || catalog.replacing
                  ? error
                    ? 'The search did not finish.'
                    : 'Searching…'
                  : `${total.toLocaleString('en-US')} SKU${total === 1 ? '' : 's'}`}
            </Text>
            {cached && total === 0 ? <NoMatches /> : <CatalogTable handle={tableRef} />}
          </div>
          {selected && selection && (
            <SkuDetail
              sku={selected}
              catalog={selection}
              preferredCustomerId={customer?.id ?? null}
              onClose={() => {
                select(null);
                // Back where the user was: the row whose panel just closed.
                tableRef.current?.focusSelectedRow();
              }}
            />
          )}
        </div>
      )}
    </section>
  );
}
