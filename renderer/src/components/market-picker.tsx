/**
 * The market picker: markets named in the user's language, the customer's and recent ones first,
 * the ones where reservations are not sold marked so. A native select: keyboard and type-ahead work.
 */
import { Select } from '@fluentui/react-components';
import { useMemo } from 'react';
import { marketOptions, type MarketOption } from '../state/markets';
import { marketList, useMarkets } from '../state/markets-store';

function label(option: MarketOption): string {
  return `${option.name}${option.reservationsSold ? '' : ' · not sold'}`;
}

export function MarketPicker(props: {
  value: string;
  customerCountry: string | null;
  onPick: (code: string) => void;
  describedBy?: string;
  testId?: string;
}) {
  const markets = useMarkets(marketList);
  const recent = useMarkets((s) => s.recent);
  const options = useMemo(
    () =>
      marketOptions(markets, { locale: navigator.language, customerCountry: props.customerCountry, recent }),
    [markets, recent, props.customerCountry],
  );
  const suggested = options.filter((option) => option.group === 'suggested');
  const all = options.filter((option) => option.group === 'all');
  const render = (option: MarketOption) => (
    <option key={option.code} value={option.code}>
      {label(option)}
    </option>
  );
  return (
    <Select
      aria-label="Market"
      aria-describedby={props.describedBy}
      data-testid={props.testId}
      value={props.value}
      onChange={(_e, data) => props.onPick(data.value)}
    >
      {suggested.length > 0 && <optgroup label="Your customer and recent">{suggested.map(render)}</optgroup>}
      <optgroup label="All markets">{all.map(render)}</optgroup>
    </Select>
  );
}
