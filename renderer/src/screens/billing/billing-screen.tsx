/**
 * Billing: the balance with its per-currency summaries, the invoice list (filter by period and
 * currency, search by number), an invoice's detail with its CSV export and statement download, and
 * the statement library. Everything opens from the cache with its age, also offline.
 */
import { Button, Input, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { periodLabel, type BalanceSummary, type InvoiceRow } from '../../../../preload/contract';
import { ErrorBar } from '../../components/error-bar';
import { FilterSelect } from '../../components/filter-select';
import { toolbarStyle } from '../../components/list-detail-style';
import { NoticeBar } from '../../components/notice-bar';
import { NEED_PROFILE, PrerequisiteScreen } from '../../components/prerequisite-screen';
import { ScreenHeader } from '../../components/screen-header';
import { RowSelectButton, SelectableTable, type Column } from '../../components/selectable-table';
import type { ScreenInfo } from '../../screens';
import { cacheAgeSentence, currenciesOf, invoicePageSentence, selectedInvoice } from '../../state/billing';
import { useBilling } from '../../state/billing-store';
import { fieldsOf } from '../../state/fields';
import { valueOf } from '../../state/load';
import { ageInWords } from '../../state/track';
import { useProfileScreen } from '../../use-active-profile';
import { formatDate, formatMoney } from '../orders/format';
import { InvoiceDetail } from './invoice-detail';
import { LineItemTable } from './line-item-table';
import { StatementLibrary } from './statement-library';
import { UnbilledExport } from './unbilled-export';

/** The invoice types a list can be narrowed to. */
const INVOICE_TYPES = [
  { value: 'Recurring', label: 'Recurring' },
  { value: 'OneTime', label: 'One-time' },
] as const;

/** Typing a number waits this long before the list is asked again. */
const SEARCH_DEBOUNCE_MS = 250;

const useStyles = makeStyles({
  toolbar: toolbarStyle,
  balances: {
    display: 'flex',
    gap: tokens.spacingHorizontalXL,
    flexWrap: 'wrap',
    marginBottom: tokens.spacingVerticalM,
  },
  balance: { display: 'flex', flexDirection: 'column' },
  layout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr)',
    gap: tokens.spacingHorizontalXL,
  },
  list: { maxHeight: '360px', overflowY: 'auto' },
  pager: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
    marginTop: tokens.spacingVerticalS,
  },
});

function Balance(props: { summary: BalanceSummary; main?: boolean }) {
  const styles = useStyles();
  const { summary } = props;
  return (
    <div className={styles.balance} data-testid={props.main ? 'billing-balance' : 'billing-summary'}>
      <Text weight="semibold" size={props.main ? 500 : 300}>
        {formatMoney(summary.balanceAmount, summary.currencyCode)}
      </Text>
      <Text size={200}>
        {props.main ? `Balance in ${summary.currencyCode}, the default currency` : summary.currencyCode} ·
        recurring {formatMoney(summary.recurring, summary.currencyCode)} · one-time{' '}
        {formatMoney(summary.oneTime, summary.currencyCode)}
      </Text>
    </div>
  );
}

export function BillingScreen({ info }: { info: ScreenInfo }) {
  const styles = useStyles();
  const { open, refresh, setFilter, select, movePage } = useBilling.getState();
  const { loaded, profile } = useProfileScreen(open);
  const billing = useBilling(
    useShallow((s) => ({
      ...fieldsOf(s, ['overview', 'invoices', 'filter', 'selectedInvoiceId', 'offset']),
      currencies: currenciesOf(s).join(','),
      selected: selectedInvoice(s),
      pageSentence: invoicePageSentence(s),
    })),
  );
  const [search, setSearch] = useState(billing.filter.search);

  useEffect(() => {
    if (search === billing.filter.search) return;
    const timer = setTimeout(() => void setFilter({ search }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [search, billing.filter.search, setFilter]);

  if (loaded && !profile) {
    return <PrerequisiteScreen info={info} need={NEED_PROFILE} />;
  }

  const overview = valueOf(billing.overview);
  const invoices = valueOf(billing.invoices);
  const busy = billing.overview.status === 'loading' || billing.invoices.status === 'loading';
  const columns: ReadonlyArray<Column<InvoiceRow>> = [
    {
      header: 'Invoice',
      cell: (invoice) => (
        <>
          <RowSelectButton
            id
            selected={invoice.id === billing.selectedInvoiceId}
            onSelect={() => select(invoice.id)}
          >
            {invoice.id}
          </RowSelectButton>
          {invoice.amendments.length > 0 && (
            <Text size={200}> +{invoice.amendments.length} amendment(s)</Text>
          )}
        </>
      ),
    },
    { header: 'Date', cell: (invoice) => formatDate(invoice.invoiceDate) },
    { header: 'Type', cell: (invoice) => invoice.invoiceType ?? '—' },
    { header: 'Total', cell: (invoice) => formatMoney(invoice.totalCharges, invoice.currencyCode) },
  ];
  return (
    <section data-testid="screen-billing">
      <ScreenHeader info={info} />
      {billing.overview.status === 'error' && (
        <ErrorBar
          title="The balance could not be read"
          error={billing.overview.error}
          onRetry={() => void refresh()}
        />
      )}
      {overview && (
        <div className={styles.balances}>
          <Balance summary={overview.balance} main />
          {overview.perCurrency.map((summary) => (
            <Balance key={summary.currencyCode} summary={summary} />
          ))}
        </div>
      )}
      <div className={styles.toolbar} role="search" aria-label="Invoices">
        <FilterSelect
          label="Billing period"
          all="Every period"
          value={billing.filter.period}
          choices={(invoices?.periods ?? []).map((period) => ({ value: period, label: periodLabel(period) }))}
          onChange={(value) => void setFilter({ period: value })}
          testId="billing-period"
        />
        <FilterSelect
          label="Currency"
          all="Every currency"
          value={billing.filter.currencyCode}
          choices={billing.currencies
            .split(',')
            .filter(Boolean)
            .map((code) => ({ value: code, label: code }))}
          onChange={(value) => void setFilter({ currencyCode: value })}
          testId="billing-currency"
        />
        <FilterSelect
          label="Invoice type"
          all="Every type"
          value={billing.filter.invoiceType}
          choices={INVOICE_TYPES}
          onChange={(value) =>
            void setFilter({ invoiceType: value === 'Recurring' || value === 'OneTime' ? value : '' })
          }
          testId="billing-type"
        />
        <Input
          aria-label="Search by invoice number"
          placeholder="Invoice number"
          value={search}
          onChange={(_e, data) => setSearch(data.value)}
          data-testid="billing-search"
        />
        <Button onClick={() => void refresh()} disabled={busy}>
          Refresh
        </Button>
        {busy && <Spinner size="tiny" label="Reading billing…" />}
        {invoices && <Text data-testid="billing-age">{cacheAgeSentence(invoices, ageInWords)}</Text>}
      </div>
      {billing.invoices.status === 'error' && (
        <ErrorBar
          title="Invoices could not be read"
          error={billing.invoices.error}
          onRetry={() => void refresh()}
        />
      )}
      {invoices && invoices.items.length === 0 && (
        <NoticeBar intent="info">No invoices match these filters.</NoticeBar>
      )}
      {invoices && invoices.items.length > 0 && (
        <div className={styles.layout}>
          <div className={styles.list}>
            <SelectableTable
              testId="invoices-table"
              columns={columns}
              rows={invoices.items}
              keyOf={(invoice) => invoice.id}
              selectedKey={billing.selectedInvoiceId}
              rowData={(invoice) => ({
                'data-testid': 'invoice-row',
                'data-invoice-id': invoice.id,
                'data-period': (invoice.billingPeriodStartDate ?? invoice.invoiceDate ?? '').slice(0, 7),
              })}
            />
            {billing.pageSentence && (
              <nav className={styles.pager} aria-label="Pages of invoices">
                <Button
                  size="small"
                  disabled={billing.offset === 0 || busy}
                  onClick={() => void movePage(-1)}
                  data-testid="invoices-previous"
                >
                  Previous
                </Button>
                <Text size={200} data-testid="invoices-page" aria-live="polite">
                  {billing.pageSentence}
                </Text>
                <Button
                  size="small"
                  disabled={billing.offset + invoices.items.length >= invoices.total || busy}
                  onClick={() => void movePage(1)}
                  data-testid="invoices-next"
                >
                  Next
                </Button>
              </nav>
            )}
          </div>
          <InvoiceDetail invoice={billing.selected} />
        </div>
      )}
      <LineItemTable />
      <UnbilledExport currencies={billing.currencies.split(',').filter(Boolean)} />
      <StatementLibrary />
    </section>
  );
}
