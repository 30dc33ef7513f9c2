/** Every statement PDF downloaded, from the app's database: it works offline; a moved file shows as missing. */
import { Badge, Button, makeStyles, Spinner, Subtitle2, Text, tokens } from '@fluentui/react-components';
import type { StatementEntry } from '../../../../preload/contract';
import { ErrorBar } from '../../components/error-bar';
import { NoticeBar } from '../../components/notice-bar';
import { SelectableTable, type Column } from '../../components/selectable-table';
import { bulkSubject } from '../../state/billing';
import { useBilling } from '../../state/billing-store';
import { valueOf } from '../../state/load';
import { useStatementViewer } from '../../state/statement-viewer-store';
import { BillingFolderSettings } from './billing-folder-settings';
import { formatDate, formatMoney } from '../orders/format';
import { JobState } from './job-state';
import { StatementViewerDialog } from './statement-viewer-dialog';

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalL },
  bulk: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, alignItems: 'flex-start' },
});

export function StatementLibrary() {
  const styles = useStyles();
  const library = useBilling((s) => s.library);
  const bulk = useBilling((s) => s.bulkStatements);
  const subject = useBilling((s) => bulkSubject(s.filter));
  const profileId = useBilling((s) => s.profileId);
  const notice = useStatementViewer((s) => s.notice);
  const openStatement = useStatementViewer((s) => s.open);
  const { loadLibrary, downloadStatement, downloadStatements } = useBilling.getState();
  const answer = valueOf(library);
  const columns: ReadonlyArray<Column<StatementEntry>> = [
    { header: 'Invoice', cell: (entry) => entry.invoiceId },
    { header: 'Date', cell: (entry) => formatDate(entry.invoiceDate) },
    { header: 'Amount', cell: (entry) => formatMoney(entry.amount, entry.currency) },
    {
      header: 'File',
      cell: (entry) => (
        <>
          {entry.fileName}{' '}
          {!entry.missing && profileId !== null && (
            <Button
              size="small"
              aria-label={`Open the statement of invoice ${entry.invoiceId}`}
              onClick={() => void openStatement(profileId, entry.invoiceId)}
              data-testid="library-open"
            >
              Open
            </Button>
          )}
          {entry.missing && (
            <>
              <Badge appearance="tint" color="warning" data-testid="library-missing">
                Missing
              </Badge>{' '}
              <Button size="small" onClick={() => void downloadStatement(entry.invoiceId)}>
                Download again
              </Button>
            </>
          )}
        </>
      ),
    },
  ];
  return (
    <section
      className={styles.section}
      aria-labelledby="statement-library-title"
      data-testid="statement-library"
    >
      <Subtitle2 as="h2" id="statement-library-title">
        Statement library
      </Subtitle2>
      <div className={styles.bulk}>
        <Button
          disabled={bulk?.taskId !== null && bulk?.taskId !== undefined}
          onClick={() => void downloadStatements()}
          data-testid="download-statements"
        >
          {subject === 'every invoice'
            ? 'Download every statement'
            : `Download every statement of ${subject}`}
        </Button>
        <JobState job={bulk} subject={bulk?.subject ?? ''} testId="bulk" what="Downloading statements" />
      </div>
      {library.status === 'loading' && <Spinner size="tiny" label="Reading the library…" />}
      {library.status === 'error' && (
        <ErrorBar
          title="The library could not be read"
          error={library.error}
          onRetry={() => void loadLibrary()}
        />
      )}
      <BillingFolderSettings />
      {notice && (
        <NoticeBar
          intent={notice.outcome === 'opened' ? 'success' : 'warning'}
          testId="open-statement-message"
        >
          {notice.message}
        </NoticeBar>
      )}
      {answer && answer.statements.length === 0 && (
        <Text as="p">No statements yet: choose an invoice and download its statement.</Text>
      )}
      {answer && answer.statements.length > 0 && (
        <SelectableTable
          testId="library-table"
          columns={columns}
          rows={answer.statements}
          keyOf={(entry) => entry.invoiceId}
          selectedKey={null}
          rowData={(entry) => ({ 'data-testid': 'library-row', 'data-invoice-id': entry.invoiceId })}
        />
      )}
      <StatementViewerDialog />
    </section>
  );
}
