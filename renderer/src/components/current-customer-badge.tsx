/** The shell's note of who the user works for, on every screen, with a way to change it. */
import { Button, Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import { countryName } from '../state/customers';
import { useCustomers } from '../state/customers-store';
import { useActiveProfile } from '../use-active-profile';

const useStyles = makeStyles({
  badge: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    marginTop: 'auto',
  },
  label: { color: tokens.colorNeutralForeground3 },
  name: { overflowWrap: 'anywhere' },
});

export function CurrentCustomerBadge(props: { onChange: () => void }) {
  const styles = useStyles();
  const { profile, currentReady } = useActiveProfile();
  const current = useCustomers((s) => s.current);
  if (!profile || !currentReady) return null;
  return (
    <div className={styles.badge} data-testid="shell-current-customer" aria-live="polite">
      <Caption1 className={styles.label}>Customer</Caption1>
      {current ? (
        <>
          <Text weight="semibold" className={styles.name} data-testid="shell-current-customer-name">
            {current.name}
          </Text>
          <Caption1>Billing country: {countryName(current.country)}</Caption1>
        </>
      ) : (
        <Text className={styles.name} data-testid="shell-current-customer-name">
          None chosen
        </Text>
      )}
      <Button size="small" appearance="subtle" onClick={props.onChange}>
        {current ? 'Change customer' : 'Choose a customer'}
      </Button>
    </div>
  );
}
