/**
 * A compact picker of the current customer (Catalog toolbar): a menu of radio items, because Fluent's
 * Combobox and Dropdown do not open on a mouse click in this setup (see picker.tsx). The list is read
 * from Partner Center when the menu opens; offline, the remembered customer stays and says why.
 */
import {
  Button,
  makeStyles,
  Menu,
  MenuDivider,
  MenuItem,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
} from '@fluentui/react-components';
import { ChevronDownRegular } from '@fluentui/react-icons';
import { useShallow } from 'zustand/react/shallow';
import { countryName } from '../state/customers';
import { useCustomers } from '../state/customers-store';

const useStyles = makeStyles({
  trigger: { fontWeight: 'normal', maxWidth: '320px' },
  list: { maxHeight: '360px', overflowY: 'auto' },
});

/** The radio value of "no customer" (customer ids are GUIDs, so it cannot clash). */
const NO_CUSTOMER = '';

/** "Northwind Traders GmbH · Germany", or "No customer". */
export function customerLabel(customer: { name: string; country: string | null } | null): string {
  return customer ? `${customer.name} · ${countryName(customer.country)}` : 'No customer';
}

export function CustomerPicker(props: { onManage: () => void }) {
  const styles = useStyles();
  const { current, list, loadList, choose } = useCustomers(
    useShallow((s) => ({ current: s.current, list: s.list, loadList: s.loadList, choose: s.choose })),
  );
  const customers = list.status === 'ready' ? list.value : [];
  const label = customerLabel(current);

  const pick = (id: string) => {
    if (id === (current?.id ?? NO_CUSTOMER)) return;
    if (id === NO_CUSTOMER) return void choose(null);
    const customer = customers.find((c) => c.id === id);
    if (customer) void choose(customer);
  };

  return (
    <Menu
      checkedValues={{ customer: [current?.id ?? NO_CUSTOMER] }}
      onCheckedValueChange={(_e, data) => pick(data.checkedItems[0] ?? NO_CUSTOMER)}
      onOpenChange={(_e, data) => {
        if (data.open) void loadList();
      }}
    >
      <MenuTrigger disableButtonEnhancement>
        <Button
          className={styles.trigger}
          icon={<ChevronDownRegular />}
          iconPosition="after"
          aria-label={`Customer: ${label}`}
          data-testid="catalog-customer"
        >
          {label}
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList className={styles.list}>
          <MenuItemRadio name="customer" value={NO_CUSTOMER}>
            No customer (the profile’s default market)
          </MenuItemRadio>
          {current && !customers.some((c) => c.id === current.id) && (
            <MenuItemRadio name="customer" value={current.id}>
              {label}
            </MenuItemRadio>
          )}
          {customers.map((customer) => (
            <MenuItemRadio key={customer.id} name="customer" value={customer.id}>
              {customerLabel(customer)}
            </MenuItemRadio>
          ))}
          {list.status === 'loading' && <MenuItem disabled>Loading customers…</MenuItem>}
          {list.status === 'error' && (
            <MenuItem disabled>
              {list.error.code === 'OFFLINE'
                ? 'Offline: other customers appear when Partner Center can be reached'
                : 'Customers could not be loaded'}
            </MenuItem>
          )}
          <MenuDivider />
          <MenuItem onClick={props.onManage}>All customers…</MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
