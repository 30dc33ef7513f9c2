/**
 * Reservations: the expiry radar across every customer of the partner, from the local cache: buckets
 * (expired, 30, 60, 90 days, later) with their counts, filters by customer, type and region, sorted by
 * date, a CSV of what is shown, and a detail that says where exchanges, refunds, scope changes and
 * renewals are done. "Refresh all customers" reads Partner Center as one task that resumes.
 */
import { Button, makeStyles, ProgressBar, Text, ToggleButton } from '@fluentui/react-components';
import { useShallow } from 'zustand/react/shallow';
import type { ExpiryBucket, ReservationView } from '../../../../preload/contract';
import { ErrorBar } from '../../components/error-bar';
import { FilterSelect } from '../../components/filter-select';
import { listAndDetailStyle, toolbarStyle } from '../../components/list-detail-style';
import { NEED_PROFILE, PrerequisiteScreen } from '../../components/prerequisite-screen';
import { ScreenHeader } from '../../components/screen-header';
import { NoticeBar } from '../../components/notice-bar';
import { RowSelectButton, SelectableTable, type Column } from '../../components/selectable-table';
import type { ScreenInfo } from '../../screens';
import { fieldsOf } from '../../state/fields';
import { valueOf } from '../../state/load';
import { reservationsCsv } from '../../state/reservations-csv';
import { useTaskProgress } from '../../state/tasks-store';
import { ageInWords } from '../../state/track';
import { useReservations } from '../../state/track-store';
import { useProfileScreen } from '../../use-active-profile';
import { formatDate } from '../orders/format';
import { ReservationDetail } from './reservation-detail';

const bucketLabels: ReadonlyArray<readonly [ExpiryBucket, string]> = [
  ['expired', 'Expired'],
  ['within30', '≤ 30 days'],
  ['within60', '31–60 days'],
  ['within90', '61–90 days'],
  ['later', 'Later'],
];

const useStyles = makeStyles({
  toolbar: toolbarStyle,
  layout: listAndDetailStyle,
  select: { maxWidth: '220px' },
});

function download(csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `reservations-${new Date().toISOString().slice(0, 10)}.csv`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

export function ReservationsScreen({ info }: { info: ScreenInfo }) {
  const styles = useStyles();
  const { open, setFilters, select, refresh, cancelRefresh } = useReservations.getState();
  const { loaded, profile } = useProfileScreen(open);
  const state = useReservations(
    useShallow((s) => fieldsOf(s, ['radar', 'filters', 'selectedKey', 'refreshTaskId'])),
  );
  const progress = useTaskProgress(state.refreshTaskId);

  if (loaded && !profile) {
    return <PrerequisiteScreen info={info} need={NEED_PROFILE} />;
  }

  const radar = valueOf(state.radar);
  const nothingRead = radar !== undefined && radar.customersRead === 0;
  const refreshing = state.refreshTaskId !== null;
  const toggleBucket = (bucket: ExpiryBucket) => {
    const on = state.filters.buckets.includes(bucket);
    void setFilters({
      buckets: on ? state.filters.buckets.filter((b) => b !== bucket) : [...state.filters.buckets, bucket],
    });
  };
  const one = (value: string) => (value === '' ? [] : [value]);
  const same = (value: string) => ({ value, label: value });
  const columns: ReadonlyArray<Column<ReservationView>> = [
    { header: 'Expires', cell: (row) => formatDate(row.expiryDate) },
    { header: 'Days left', cell: (row) => row.daysLeft ?? '—' },
    { header: 'Customer', cell: (row) => row.customerName },
    {
      header: 'Reservation',
      cell: (row) => (
        <RowSelectButton selected={row.key === state.selectedKey} onSelect={() => select(row.key)}>
          {row.displayName ?? row.reservationType ?? 'Reservation'}
        </RowSelectButton>
      ),
    },
    { header: 'Region', cell: (row) => row.region ?? '—' },
    { header: 'Qty', cell: (row) => row.quantity ?? '—' },
  ];

  return (
    <section data-testid="screen-reservations">
      <ScreenHeader info={info} />
      <div className={styles.toolbar}>
        {refreshing ? (
          <Button onClick={() => void cancelRefresh()} data-testid="radar-stop">
            Stop
          </Button>
        ) : (
          <Button
            appearance={nothingRead ? 'primary' : 'secondary'}
            onClick={() => void refresh()}
            data-testid="radar-refresh"
          >
            {radar?.refreshIncomplete ? 'Resume reading customers' : 'Read every customer’s reservations'}
          </Button>
        )}
        {refreshing && (
          <div style={{ minWidth: 220 }}>
            <ProgressBar
              value={progress && progress.total ? progress.done / progress.total : undefined}
              aria-label="Reading customers"
            />
            <Text size={200}>
              {progress?.total ? `${progress.done} of ${progress.total} customers` : 'Listing customers…'}
            </Text>
          </div>
        )}
        {radar && (
          <Text data-testid="radar-age">
            {radar.customersRead} customer{radar.customersRead === 1 ? '' : 's'} read
            {radar.oldestFetchedAt ? `, oldest ${ageInWords(radar.oldestFetchedAt)}` : ''}
            {radar.refreshIncomplete ? ' (the last refresh stopped part-way)' : ''}.
          </Text>
        )}
      </div>
      {state.radar.status === 'error' && (
        <ErrorBar title="Reservations could not be read" error={state.radar.error} />
      )}
      {nothingRead && !refreshing && (
        <NoticeBar intent="info">
          No reservations read yet. Reading every customer takes a while and runs in the background.
        </NoticeBar>
      )}
      {radar && !nothingRead && (
        <>
          <div className={styles.toolbar} role="group" aria-label="Expiry">
            {bucketLabels.map(([bucket, label]) => (
              <ToggleButton
                key={bucket}
                checked={state.filters.buckets.includes(bucket)}
                onClick={() => toggleBucket(bucket)}
                data-testid={`bucket-${bucket}`}
              >
                {label}: {radar.counts[bucket]}
              </ToggleButton>
            ))}
          </div>
          <div className={styles.toolbar}>
            <FilterSelect
              className={styles.select}
              label="Customer"
              all="All customers"
              value={state.filters.customerIds[0] ?? ''}
              choices={radar.customers.map((c) => ({ value: c.id, label: c.name }))}
              onChange={(value) => void setFilters({ customerIds: one(value) })}
            />
            <FilterSelect
              className={styles.select}
              label="Reservation type"
              all="All types"
              value={state.filters.reservationTypes[0] ?? ''}
              choices={radar.reservationTypes.map(same)}
              onChange={(value) => void setFilters({ reservationTypes: one(value) })}
            />
            <FilterSelect
              className={styles.select}
              label="Region"
              all="All regions"
              value={state.filters.regions[0] ?? ''}
              choices={radar.regions.map(same)}
              onChange={(value) => void setFilters({ regions: one(value) })}
            />
            <Button onClick={() => download(reservationsCsv(radar.rows))} disabled={radar.rows.length === 0}>
              Export CSV ({radar.rows.length})
            </Button>
          </div>
          <div className={styles.layout}>
            <SelectableTable
              testId="radar-table"
              columns={columns}
              rows={radar.rows}
              keyOf={(row) => row.key}
              selectedKey={state.selectedKey}
              rowData={(row) => ({ 'data-testid': 'radar-row', 'data-bucket': row.bucket ?? '' })}
            />
            <ReservationDetail />
          </div>
          {radar.total > radar.rows.length && (
            <Text>
              Showing the first {radar.rows.length} of {radar.total}; narrow the filters to see the rest.
            </Text>
          )}
        </>
      )}
    </section>
  );
}
