/**
 * Unbilled line items (the current or the last period, one currency at a time): exported from the
 * Microsoft Graph reconciliation export as a task with progress and Cancel, then shown in the table.
 */
import { Button, makeStyles, Select, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { unbilledSubject } from '../../state/billing';
import { useBilling } from '../../state/billing-store';
import { useLineItems } from '../../state/line-items-store';
import { JobState } from './job-state';
import { billingSectionStyle } from './section-style';

const useStyles = makeStyles({
  section: billingSectionStyle,
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

export function UnbilledExport(props: { currencies: ReadonlyArray<string> }) {
  const styles = useStyles();
  const profileId = useBilling((s) => s.profileId);
  const job = useBilling((s) => s.unbilledExport);
  const exportUnbilled = useBilling((s) => s.exportUnbilled);
  const showLineItems = useLineItems((s) => s.show);
  const [picked, setPicked] = useState('');
  const [period, setPeriod] = useState<'current' | 'last'>('current');
  const currency = picked || props.currencies[0] || '';
  const subject = unbilledSubject(currency, period);
  const running = job?.subject === subject && job.taskId !== null;
  return (
    <section className={styles.section} aria-labelledby="unbilled-title" data-testid="unbilled-export">
      <Subtitle2 as="h2" id="unbilled-title">
        Unbilled line items
      </Subtitle2>
      <Text size={200}>
        Estimates of what the next invoices will bill, from Microsoft’s reconciliation export, one currency at
        a time.
      </Text>
      <div className={styles.row}>
        <Select
          aria-label="Currency of the unbilled line items"
          value={currency}
          onChange={(_e, data) => setPicked(data.value)}
          data-testid="unbilled-currency"
        >
          {props.currencies.map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
        </Select>
        <Select
          aria-label="Billing period of the unbilled line items"
          value={period}
          onChange={(_e, data) => setPeriod(data.value === 'last' ? 'last' : 'current')}
          data-testid="unbilled-period"
        >
          <option value="current">Current period</option>
          <option value="last">Last period</option>
        </Select>
        <Button
          disabled={!currency || running}
          onClick={() => void exportUnbilled(currency, period)}
          data-testid="export-unbilled"
        >
          Export unbilled line items (CSV)
        </Button>
        <Button
          disabled={!currency || profileId === null}
          onClick={() =>
            profileId && showLineItems(profileId, { kind: 'unbilled', currencyCode: currency, period })
          }
          data-testid="show-unbilled"
        >
          Show line items
        </Button>
      </div>
      <JobState job={job} subject={subject} testId="unbilled" what="Exporting unbilled line items" />
    </section>
  );
}
