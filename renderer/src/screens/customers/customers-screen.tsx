/**
 * Customers: the profile's customers from Partner Center, filtered as you type, and the one you work
 * for. Choosing one makes its billing country the catalog's market; the choice is remembered across
 * restarts, and shown (from settings) even when Partner Center cannot be reached.
 */
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  SearchBox,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useEffect } from 'react';
import type { DeskError } from '../../../../preload/contract';
import { ErrorBar } from '../../components/error-bar';
import { NoticeBar } from '../../components/notice-bar';
import { ScreenHeader } from '../../components/screen-header';
import type { ScreenInfo } from '../../screens';
import { useShallow } from 'zustand/react/shallow';
import { customerPage, visibleCustomers } from '../../state/customers';
import { useCustomers } from '../../state/customers-store';
import { fieldsOf } from '../../state/fields';
import { isOffline } from '../../state/load';
import { useNavigation } from '../../state/navigation-store';
import { useActiveProfile } from '../../use-active-profile';
import { CurrentCustomerCard } from './current-customer-card';
import { CustomerList } from './customer-list';
import { SubscriptionRegistrations } from './subscription-registrations';

const useStyles = makeStyles({
  toolbar: {
    display: 'flex',
    gap: tokens.spacingHorizontalL,
    alignItems: 'center',
    marginBottom: tokens.spacingVerticalM,
  },
  filter: { minWidth: '280px', maxWidth: '420px', flexGrow: 1 },
});

export function CustomersScreen({ info }: { info: ScreenInfo }) {
  const styles = useStyles();
  const go = useNavigation((s) => s.go);
  const { loaded, profile, currentReady } = useActiveProfile();
  const customers = useCustomers(
    useShallow((s) =>
      fieldsOf(s, [
        'profileId',
        'list',
        'filter',
        'sort',
        'page',
        'current',
        'currentError',
        'expandedId',
        'subscriptions',
      ]),
    ),
  );
  const { loadList, choose, setFilter, sortBy, showPage, toggleSubscriptions } = useCustomers.getState();
  const customersProfileId = customers.profileId;

  useEffect(() => {
    if (profile && customersProfileId === profile.id) void loadList();
  }, [profile, customersProfileId, loadList]);

  if (loaded && !profile) {
    return (
      <section data-testid="screen-customers">
        <ScreenHeader info={info} />
        <MessageBar intent="info">
          <MessageBarBody>
            <MessageBarTitle>Connect first</MessageBarTitle>
            Customers are read with a partner profile. Add one, or try the built-in demo.
          </MessageBarBody>
          <Button onClick={() => go('connect')}>Go to Connect</Button>
        </MessageBar>
      </section>
    );
  }

  const { list, filter, current } = customers;
  const shown = list.status === 'ready' ? visibleCustomers(list.value, filter) : [];
  const paged = customerPage(shown, customers.sort, customers.page);

  return (
    <section data-testid="screen-customers">
      <ScreenHeader info={info} />
      {currentReady && (
        <CurrentCustomerCard
          current={current}
          onClear={() => void choose(null)}
          onOpenCatalog={() => go('catalog')}
        />
      )}
      {currentReady && current && profile && (
        <SubscriptionRegistrations
          profileId={profile.id}
          customerId={current.id}
          customerName={current.name}
        />
      )}
      {customers.currentError && (
        <ErrorBar
          title="The current customer could not be read or saved"
          error={customers.currentError}
          testId="current-customer-error"
        />
      )}
      <div className={styles.toolbar}>
        <SearchBox
          className={styles.filter}
          placeholder="Filter by name, domain or country"
          aria-label="Filter customers"
          value={filter}
          onChange={(_e, data) => setFilter(data.value)}
          data-testid="customers-filter"
        />
        {list.status === 'ready' && (
          <Text aria-live="polite" data-testid="customers-count">
            {shown.length === list.value.length
              ? `${list.value.length.toLocaleString('en-US')} customers`
              : `${shown.length.toLocaleString('en-US')} of ${list.value.length.toLocaleString('en-US')} customers`}
          </Text>
        )}
      </div>
      {(list.status === 'loading' || list.status === 'idle') && (
        <Spinner label="Reading your customers from Partner Center…" />
      )}
      {list.status === 'error' && (
        <ListFailure
          error={list.error}
          rememberedName={current?.name ?? null}
          onRetry={() => void loadList(true)}
          onConnect={() => go('connect')}
        />
      )}
      {list.status === 'ready' &&
        (shown.length === 0 ? (
          <Text data-testid="customers-none">
            {list.value.length === 0
              ? 'This partner has no customers yet.'
              : 'No customer matches the filter.'}
          </Text>
        ) : (
          <CustomerList
            customers={paged.rows}
            sort={customers.sort}
            page={paged.page}
            pageCount={paged.pageCount}
            onSort={sortBy}
            onPage={showPage}
            currentId={current?.id ?? null}
            expandedId={customers.expandedId}
            subscriptions={customers.subscriptions}
            onChoose={(customer) => void choose(customer)}
            onToggleSubscriptions={(id) => void toggleSubscriptions(id)}
          />
        ))}
    </section>
  );
}

/** Offline is a normal state on a laptop: say so calmly, and what still works. */
function ListFailure(props: {
  error: DeskError;
  rememberedName: string | null;
  onRetry: () => void;
  onConnect: () => void;
}) {
  const { error } = props;
  if (isOffline(error)) {
    return (
      <NoticeBar
        intent="warning"
        title="Offline"
        testId="customers-offline"
        action={{ label: 'Try again', onClick: props.onRetry, size: 'small' }}
      >
        Partner Center cannot be reached, so the customer list cannot be shown right now.
        {props.rememberedName
          ? ` You still work for ${props.rememberedName}, and the catalog works from its cache.`
          : ' The catalog still works from its cache.'}
      </NoticeBar>
    );
  }
  if (error.code === 'UNAUTHENTICATED') {
    return (
      <NoticeBar
        intent="info"
        title="Sign in to see your customers"
        testId="customers-sign-in"
        action={{ label: 'Go to Connect', onClick: props.onConnect, size: 'small' }}
      >
        {error.message}
      </NoticeBar>
    );
  }
  return (
    <ErrorBar
      title="Your customers could not be read"
      error={error}
      onRetry={props.onRetry}
      testId="customers-error"
    />
  );
}
