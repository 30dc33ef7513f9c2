/**
 * Which catalog (customer, market and scope), the free-text search, the sync with its progress, and
 * when the catalog refreshes itself next.
 */
import {
  Button,
  Caption1,
  Link,
  makeStyles,
  ProgressBar,
  SearchBox,
  Tab,
  TabList,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowSyncRegular, DismissRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { CatalogScope } from '../../../../preload/contract';
import { CustomerPicker } from '../../components/customer-picker';
import { MarketPicker } from '../../components/market-picker';
import { formatEta, formatSyncedAt } from '../../state/catalog';
import type { MarketSource } from '../../state/catalog-market';
import { useCatalog } from '../../state/catalog-store';
import { valueOf } from '../../state/load';
import { useTaskProgress } from '../../state/tasks-store';
import { useCustomers } from '../../state/customers-store';
import { autoRefreshLine } from '../../state/preferences';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'center' },
  market: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: '240px' },
  marketSource: { color: tokens.colorNeutralForeground3 },
  freshness: { flexBasis: '100%', color: tokens.colorNeutralForeground3 },
  search: { flexGrow: 1, minWidth: '220px', maxWidth: '420px' },
  sync: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minHeight: '32px' },
  progress: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: '260px' },
});

/**
 * Typing waits one frame, so keystrokes of the same frame start one query, not one each; short,
 * because the store asks one first page at a time and only ever the latest query, so a query
 * started too early costs the person nothing but its own few milliseconds.
 */
const TEXT_DEBOUNCE_MS = 16;

/** Why the market is the one it is, under the market picker. */
function marketSourceNote(source: MarketSource | null, customerName: string | null): string {
  if (source === 'customer' && customerName) return `Billing country of ${customerName}`;
  if (source === 'manual') return 'Picked by hand';
  return 'Your profile’s default market';
}

export function CatalogToolbar(props: {
  marketSource: MarketSource | null;
  customerChoice: number;
  onManageCustomers: () => void;
  onOpenSettings: () => void;
}) {
  const styles = useStyles();
  const customerName = useCustomers((s) => s.current?.name ?? null);
  const customerCountry = useCustomers((s) => s.current?.country ?? null);
  // Only what the toolbar shows: rows and facets arriving (each keystroke) must not render it again.
  const {
    selection,
    catalogStatus,
    syncTaskId,
    filterText,
    pickMarket,
    setScope,
    setFilters,
    sync,
    cancelSync,
  } = useCatalog(
    useShallow((s) => ({
      selection: s.selection,
      catalogStatus: s.status,
      syncTaskId: s.syncTaskId,
      filterText: s.filters.text,
      pickMarket: s.pickMarket,
      setScope: s.setScope,
      setFilters: s.setFilters,
      sync: s.sync,
      cancelSync: s.cancelSync,
    })),
  );
  const status = valueOf(catalogStatus);
  const progress = useTaskProgress(syncTaskId);
  const [text, setText] = useState(filterText);
  // The text this box last searched for, and the one the filters hold: when the filters change it
  // from elsewhere ("Clear filters"), the box follows instead of searching its old text again.
  const [sent, setSent] = useState(filterText);
  const [seen, setSeen] = useState(filterText);
  if (seen !== filterText) {
    setSeen(filterText);
    if (filterText !== sent) {
      setText(filterText);
      setSent(filterText);
    }
  }

  useEffect(() => {
    if (text === filterText) return;
    const timer = setTimeout(() => {
      setSent(text);
      setFilters({ text });
    }, TEXT_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, filterText, setFilters]);

  const syncing = status?.syncTaskId !== null && status?.syncTaskId !== undefined;
  const percent = progress?.total ? progress.done / progress.total : undefined;

  return (
    <div className={styles.bar}>
      <CustomerPicker onManage={props.onManageCustomers} />
      <div className={styles.market}>
        <MarketPicker
          value={selection?.country ?? ''}
          customerCountry={customerCountry}
          onPick={(code) => pickMarket(code, props.customerChoice)}
          describedBy="catalog-market-source"
          testId="catalog-market"
        />
        <Caption1
          id="catalog-market-source"
          className={styles.marketSource}
          data-testid="catalog-market-source"
        >
          {marketSourceNote(props.marketSource, customerName)}
        </Caption1>
      </div>
      <TabList
        size="small"
        selectedValue={selection?.scope ?? 'AzurePlan'}
        onTabSelect={(_e, data) => void setScope(data.value as CatalogScope)}
        aria-label="Reservation scope"
      >
        <Tab value="AzurePlan" data-testid="scope-azure-plan">
          Azure plan
        </Tab>
        <Tab value="MS-AZR-0145P" data-testid="scope-legacy">
          MS-AZR-0145P
        </Tab>
      </TabList>
      <SearchBox
        className={styles.search}
        placeholder="Search SKUs, e.g. d4s v5 east us"
        aria-label="Search the catalog"
        value={text}
        onChange={(_e, data) => setText(data.value)}
        data-testid="catalog-search"
      />
      <div className={styles.sync}>
        {syncing ? (
          <>
            <div className={styles.progress} data-testid="catalog-progress">
              <ProgressBar value={percent} thickness="large" aria-label="Catalog sync progress" />
              <Caption1>
                {progress?.total
                  ? `${progress.done} of ${progress.total} products${
                      progress.ratePerSecond ? ` · ${progress.ratePerSecond.toFixed(1)}/s` : ''
                    } · ${formatEta(progress.etaMs)}`
                  : 'Reading the product list…'}
              </Caption1>
            </div>
            <Button
              icon={<DismissRegular />}
              onClick={() => void cancelSync()}
              data-testid="catalog-cancel-sync"
            >
              Cancel
            </Button>
          </>
        ) : (
          <>
            {status?.syncedAt && (
              <Text size={200} data-testid="catalog-synced-at">
                Catalog from {formatSyncedAt(status.syncedAt)} · {status.skuCount.toLocaleString('en-US')}{' '}
                SKUs
              </Text>
            )}
            <Button
              icon={<ArrowSyncRegular />}
              onClick={() => void sync()}
              disabled={!selection || status?.market.reservationsSold === false}
              data-testid="catalog-sync"
            >
              {status?.syncedAt ? 'Refresh' : 'Download catalog'}
            </Button>
          </>
        )}
      </div>
      {status?.autoRefresh && (
        <Caption1 className={styles.freshness} data-testid="catalog-auto-refresh">
          {autoRefreshLine(status.autoRefresh)} ·{' '}
          <Link as="button" inline onClick={props.onOpenSettings} data-testid="catalog-auto-refresh-change">
            Change
          </Link>
        </Caption1>
      )}
    </div>
  );
}
