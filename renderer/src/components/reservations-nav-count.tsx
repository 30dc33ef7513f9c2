/** The number on the Reservations navigation item: reservations that expire within 90 days. */
import { CounterBadge } from '@fluentui/react-components';
import { useEffect } from 'react';
import { useReservations } from '../state/track-store';
import { useActiveProfile } from '../use-active-profile';

export function ReservationsNavCount() {
  const { profile } = useActiveProfile();
  const count = useReservations((s) => s.count);
  const loadCount = useReservations((s) => s.loadCount);
  useEffect(() => {
    if (profile) void loadCount(profile.id);
  }, [profile, loadCount]);
  if (!count || count.expiringSoon === 0) return null;
  return (
    <CounterBadge
      count={count.expiringSoon}
      overflowCount={999}
      size="small"
      color="important"
      data-testid="nav-reservations-count"
      title={`${count.expiringSoon} reservations expire within 90 days`}
    />
  );
}
