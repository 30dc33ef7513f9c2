/**
 * One invoice: its totals, its amendments, and what can be done with it: export its line items to a
 * CSV file (a task, with progress and cancel) and download its statement PDF into the library.
 */
import { Button, makeStyles, Subtitle2, Text, tokens } from '@fluentui/react-components';
import type { InvoiceRow } from '../../../../preload/contract';
import { detailPanelStyle } from '../../components/detail-panel-style';
import { useBilling } from '../../state/billing-store';
import { useLineItems } from '../../state/line-items-store';
import { formatDate, formatMoney } from '../orders/format';
import { JobState } from './job-state';

const useStyles = makeStyles({
  panel: detailPanelStyle,
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

const SOURCE_WORDS = {
  v2: 'Line items come from the Microsoft Graph reconciliation export (new commerce).',
  v1: 'Line items come from Partner Center’s paged line items (legacy commerce or an older period).',
} as const;

export function InvoiceDetail(props: { invoice: InvoiceRow | undefined }) {
  const styles = useStyles();
  const lineItemExport = useBilling((s) => s.lineItemExport);
  const statement = useBilling((s) => s.statement);
  const profileId = useBilling((s) => s.profileId);
  const showLineItems = useLineItems((s) => s.show);
  const { exportLineItems, downloadStatement } = useBilling.getState();
  const { invoice } = props;
  if (!invoice) {
    return (
      <aside className={styles.panel} aria-label="Invoice detail">
        <Text>Choose an invoice to export its line items or download its statement.</Text>
      </aside>
    );
  }
  const exporting = lineItemExport?.subject === invoice.id && lineItemExport.taskId !== null;
  const downloading = statement?.subject === invoice.id && statement.taskId !== null;
  return (
    <aside className={styles.panel} aria-label="Invoice detail" data-testid="invoice-detail">
      <Subtitle2 as="h2">Invoice {invoice.id}</Subtitle2>
      <Text>
        {invoice.invoiceType ?? 'Invoice'} · dated {formatDate(invoice.invoiceDate)} · period from{' '}
        {formatDate(invoice.billingPeriodStartDate)}
      </Text>
      <Text>
        Total {formatMoney(invoice.totalCharges, invoice.currencyCode)} · paid{' '}
        {formatMoney(invoice.paidAmount, invoice.currencyCode)}
      </Text>
      {invoice.amendments.length > 0 && (
        <Text data-testid="invoice-amendments">
          Amendments:{' '}
          {invoice.amendments
            .map((a) => `${a.id} (${formatMoney(a.totalCharges, invoice.currencyCode)})`)
            .join(', ')}
        </Text>
      )}
      {/* A cloud without Graph reconciliation (US Government, China) says why v1 is used instead. */}
      <Text size={200} data-testid="line-item-source">
        {invoice.lineItemNote ?? SOURCE_WORDS[invoice.lineItemSource]}
      </Text>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={exporting}
          onClick={() => void exportLineItems(invoice.id)}
          data-testid="export-line-items"
        >
          Export line items (CSV)
        </Button>
        <Button
          disabled={downloading}
          onClick={() => void downloadStatement(invoice.id)}
          data-testid="download-statement"
        >
          Download statement
        </Button>
        <Button
          disabled={profileId === null}
          onClick={() => profileId && showLineItems(profileId, { kind: 'invoice', invoiceId: invoice.id })}
          data-testid="show-line-items"
        >
          Show line items
        </Button>
      </div>
      <JobState job={lineItemExport} subject={invoice.id} testId="export" what="Exporting line items" />
      <JobState job={statement} subject={invoice.id} testId="statement" what="Downloading the statement" />
    </aside>
  );
}
