/** Who the user works for now: remembered by main, so it shows offline too. */
import { Button, Card, CardHeader, makeStyles, Text, tokens } from '@fluentui/react-components';
import { DismissRegular, GridRegular } from '@fluentui/react-icons';
import type { CurrentCustomer } from '../../../../preload/contract';
import { countryName } from '../../state/customers';

const useStyles = makeStyles({
  card: { maxWidth: '760px', marginBottom: tokens.spacingVerticalL },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

export function CurrentCustomerCard(props: {
  current: CurrentCustomer | null;
  onClear: () => void;
  onOpenCatalog: () => void;
}) {
  const styles = useStyles();
  const { current } = props;
  return (
    <Card className={styles.card} data-testid="current-customer">
      <CardHeader
        header={
          <Text weight="semibold" data-testid="current-customer-name">
            {current ? `You work for ${current.name}` : 'No customer chosen'}
          </Text>
        }
        description={
          current
            ? current.country
              ? `The catalog opens in ${countryName(current.country)}, the customer’s billing country.`
              : 'This customer has no billing country, so the catalog opens in your profile’s default market.'
            : 'Choose the customer you buy for below; the catalog then opens in its billing country.'
        }
      />
      {current && (
        <div className={styles.actions}>
          <Button appearance="primary" icon={<GridRegular />} onClick={props.onOpenCatalog}>
            Open the catalog
          </Button>
          <Button icon={<DismissRegular />} onClick={props.onClear} data-testid="current-customer-clear">
            Stop working for this customer
          </Button>
        </div>
      )}
    </Card>
  );
}
