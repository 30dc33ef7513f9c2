/** Which catalog (market and scope), the free-text search, and the sync with its progress. */
import {
  Button,
  Caption1,
  makeStyles,
  ProgressBar,
  SearchBox,
  Select,
  Tab,
  TabList,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowSyncRegular, DismissRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { CatalogScope } from '../../../../preload/contract';
import { formatEta, formatSyncedAt } from '../../state/catalog';
import { useCatalog } from '../../state/catalog-store';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'center' },
  market: { minWidth: '240px' },
  search: { flexGrow: 1, minWidth: '220px', maxWidth: '420px' },
  sync: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minHeight: '32px' },
  progress: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: '260px' },
});

/** Typing is debounced so every keystroke does not start a query. */
const TEXT_DEBOUNCE_MS = 120;

export function CatalogToolbar() {
  const styles = useStyles();
  const {
    markets,
    selection,
    status,
    progress,
    filters,
    setCountry,
    setScope,
    setFilters,
    sync,
    cancelSync,
  } = useCatalog();
  const [text, setText] = useState(filters.text);

  useEffect(() => {
    if (text === filters.text) return;
    const timer = setTimeout(() => setFilters({ text }), TEXT_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, filters.text, setFilters]);

  const syncing = status?.syncTaskId !== null && status?.syncTaskId !== undefined;
  const percent = progress?.total ? progress.done / progress.total : undefined;

  return (
    <div className={styles.bar}>
      <Select
        className={styles.market}
        aria-label="Market"
        data-testid="catalog-market"
        value={selection?.country ?? ''}
        onChange={(_e, data) => void setCountry(data.value)}
      >
        {markets.map((market) => (
          <option key={market.code} value={market.code}>
            {market.name} ({market.code}){market.reservationsSold ? '' : ' · not sold'}
          </option>
        ))}
      </Select>
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
    </div>
  );
}
