/** The journey's navigation: a vertical tab list (arrow keys move, Enter/Space open). */
import { makeStyles, Tab, TabList, Text, tokens } from '@fluentui/react-components';
import {
  BuildingMultipleRegular,
  CalendarLtrRegular,
  CartRegular,
  GridRegular,
  InfoRegular,
  PlugConnectedRegular,
  ReceiptMoneyRegular,
  SettingsRegular,
  TextBulletListSquareRegular,
} from '@fluentui/react-icons';
import type { JSX } from 'react';
import { screens, type ScreenId } from '../screens';
import { CartCount } from './cart-count';
import { CurrentCustomerBadge } from './current-customer-badge';
import { ReservationsNavCount } from './reservations-nav-count';

const icons: Record<ScreenId, JSX.Element> = {
  connect: <PlugConnectedRegular />,
  customers: <BuildingMultipleRegular />,
  catalog: <GridRegular />,
  cart: <CartRegular />,
  orders: <TextBulletListSquareRegular />,
  reservations: <CalendarLtrRegular />,
  billing: <ReceiptMoneyRegular />,
  about: <InfoRegular />,
  settings: <SettingsRegular />,
};

const useStyles = makeStyles({
  nav: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalS}`,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  brand: { paddingLeft: tokens.spacingHorizontalM },
});

export function AppNav(props: { current: ScreenId; onNavigate: (id: ScreenId) => void }) {
  const styles = useStyles();
  return (
    <nav className={styles.nav} aria-label="Reservation Desk">
      <Text weight="semibold" size={500} className={styles.brand}>
        Reservation Desk
      </Text>
      <TabList
        vertical
        size="large"
        selectedValue={props.current}
        onTabSelect={(_event, data) => props.onNavigate(data.value as ScreenId)}
      >
        {screens.map((screen, index) => (
          <Tab
            key={screen.id}
            value={screen.id}
            icon={icons[screen.id]}
            data-testid={`nav-${screen.id}`}
            title={`${screen.title} (Ctrl+${index + 1})`}
          >
            {screen.title}
            {screen.id === 'reservations' && <ReservationsNavCount />}
            {screen.id === 'cart' && <CartCount />}
          </Tab>
        ))}
      </TabList>
      <CurrentCustomerBadge onChange={() => props.onNavigate('customers')} />
    </nav>
  );
}
