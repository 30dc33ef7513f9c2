/** One partner profile: who it signs in as, whether it is signed in, and what you can do with it. */
import {
  Badge,
  Button,
  Caption1,
  Card,
  CardHeader,
  makeStyles,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { MoreHorizontalRegular } from '@fluentui/react-icons';
import { CLOUD_LABELS, type ProfileView } from '../../../../preload/contract';
import { NoticeBar } from '../../components/notice-bar';
import { activeProfileIdOf } from '../../state/profiles';
import { useProfiles } from '../../state/profiles-store';

const useStyles = makeStyles({
  card: { maxWidth: '760px' },
  facts: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
    color: tokens.colorNeutralForeground3,
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  check: { color: tokens.colorPaletteGreenForeground1 },
});

const activityLabel = {
  'signing-in': 'Signing in…',
  'signing-out': 'Signing out…',
  testing: 'Testing the connection…',
  removing: 'Removing…',
} as const;

export function ProfileCard(props: {
  profile: ProfileView;
  /** The card whose next step is the view's one primary action (the active profile's). */
  leads: boolean;
  onEdit: () => void;
  onRemove: () => void;
  /** The step after signing in: choosing a customer to work for. */
  onNext: () => void;
}) {
  const styles = useStyles();
  const { profile } = props;
  const status = useProfiles((s) => s.statuses[profile.id]);
  const activity = useProfiles((s) => s.activity[profile.id]);
  const check = useProfiles((s) => s.checks[profile.id]);
  const error = useProfiles((s) => s.errors[profile.id]);
  const isActive = useProfiles((s) => activeProfileIdOf(s) === profile.id);
  const { signIn, signOut, test, activate } = useProfiles.getState();
  const signedIn = status?.state === 'signed-in';
  const busy = activity !== undefined;
  const primaryIfLeading = props.leads ? 'primary' : 'secondary';

  return (
    <Card
      className={styles.card}
      data-testid={`profile-${profile.id}`}
      data-state={status?.state ?? 'unknown'}
    >
      <CardHeader
        header={
          <Text weight="semibold" size={400}>
            {profile.name} {isActive && <Badge appearance="tint">Active</Badge>}{' '}
            {profile.isDemo && <Badge appearance="outline">Demo</Badge>}
          </Text>
        }
        description={
          <div className={styles.facts}>
            <Caption1 data-testid="profile-card-cloud">
              {profile.cloud === 'sandbox' ? CLOUD_LABELS.sandbox : `${CLOUD_LABELS[profile.cloud]} cloud`}
            </Caption1>
            <Caption1>Tenant {profile.tenantId}</Caption1>
            <Caption1>{profile.authMode === 'app-user' ? 'App+User (MFA)' : 'App-only'}</Caption1>
            <Caption1 data-testid="profile-status">{status ? status.message : 'Checking sign-in…'}</Caption1>
          </div>
        }
        action={
          <Menu>
            <MenuTrigger disableButtonEnhancement>
              <Button
                appearance="subtle"
                icon={<MoreHorizontalRegular />}
                aria-label={`More for ${profile.name}`}
              />
            </MenuTrigger>
            <MenuPopover>
              <MenuList>
                {!isActive && <MenuItem onClick={() => void activate(profile.id)}>Make active</MenuItem>}
                {!profile.isDemo && <MenuItem onClick={props.onEdit}>Edit…</MenuItem>}
                <MenuItem onClick={props.onRemove}>Remove…</MenuItem>
              </MenuList>
            </MenuPopover>
          </Menu>
        }
      />
      {error && (
        <NoticeBar intent="error" testId="profile-error" code={error.code}>
          {error.message}
        </NoticeBar>
      )}
      {check && !error && (
        <Text className={styles.check} data-testid="profile-check">
          Connected as {check.identity.name} · Partner Center answered in {Math.round(check.roundTripMs)} ms
        </Text>
      )}
      <div className={styles.actions}>
        {signedIn ? (
          <>
            {isActive && (
              <Button appearance={primaryIfLeading} onClick={props.onNext} data-testid="profile-next">
                Choose a customer
              </Button>
            )}
            <Button disabled={busy} onClick={() => void test(profile.id)} data-testid="profile-test">
              Test connection
            </Button>
            <Button disabled={busy} onClick={() => void signOut(profile.id)} data-testid="profile-sign-out">
              Sign out
            </Button>
          </>
        ) : (
          <Button
            appearance={primaryIfLeading}
            disabled={busy}
            onClick={() => void signIn(profile.id)}
            data-testid="profile-sign-in"
          >
            Sign in
          </Button>
        )}
        {activity && <Spinner size="tiny" label={activityLabel[activity]} />}
      </div>
    </Card>
  );
}
