/** Every statement PDF downloaded, from the app's database: it works offline; a moved file shows as missing. */
import {
  Badge,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ErrorBar } from '../../components/error-bar';
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
  table: { width: '100%', borderCollapse: 'collapse' },
  cell: {
    textAlign: 'left',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
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
        <MessageBar intent={notice.outcome === 'opened' ? 'success' : 'warning'}>
          <MessageBarBody data-testid="open-statement-message">{notice.message}</MessageBarBody>
        </MessageBar>
      )}
      {answer && answer.statements.length === 0 && (
        <Text as="p">No statements yet: choose an invoice and download its statement.</Text>
      )}
      {answer && answer.statements.length > 0 && (
        <table className={styles.table}>
          <thead>
            <tr>
              <th className={styles.cell}>Invoice</th>
              <th className={styles.cell}>Date</th>
              <th className={styles.cell}>Amount</th>
              <th className={styles.cell}>File</th>
            </tr>
          </thead>
          <tbody>
            {answer.statements.map((entry) => (
              <tr key={entry.invoiceId} data-testid="library-row" data-invoice-id={entry.invoiceId}>
                <td className={styles.cell}>{entry.invoiceId}</td>
                <td className={styles.cell}>{formatDate(entry.invoiceDate)}</td>
                <td className={styles.cell}>{formatMoney(entry.amount, entry.currency)}</td>
                <td className={styles.cell}>
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
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <StatementViewerDialog />
    </section>
  );
}
