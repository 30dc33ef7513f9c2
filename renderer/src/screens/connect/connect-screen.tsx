/** Connect: partner profiles, sign-in, connection checks, and the one-click demo. */
import { Button, Card, CardHeader, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { AddRegular, PlayRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { ProfileView } from '../../../../preload/contract';
import { DialogShell } from '../../components/dialog-shell';
import { ErrorBar } from '../../components/error-bar';
import { ScreenHeader } from '../../components/screen-header';
import type { ScreenInfo } from '../../screens';
import { useNavigation } from '../../state/navigation-store';
import { activeProfileIdOf, profilesAnswered, profilesOf, screenErrorOf } from '../../state/profiles';
import { useProfiles } from '../../state/profiles-store';
import { DeviceCodeDialog } from './device-code-dialog';
import { KeychainBanner } from './keychain-banner';
import { ProfileCard } from './profile-card';
import { ProfileFormDialog } from './profile-form-dialog';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  toolbar: { display: 'flex', gap: tokens.spacingHorizontalS, marginBottom: tokens.spacingVerticalL },
  demo: { maxWidth: '760px', backgroundColor: tokens.colorBrandBackground2 },
});

type Editing = { kind: 'closed' } | { kind: 'new' } | { kind: 'edit'; profile: ProfileView };

export function ConnectScreen({ info }: { info: ScreenInfo }) {
  const styles = useStyles();
  const loaded = useProfiles(profilesAnswered);
  const profiles = useProfiles(profilesOf);
  const screenError = useProfiles(screenErrorOf);
  const activeId = useProfiles(activeProfileIdOf);
  const go = useNavigation((s) => s.go);
  const { load, tryDemo, remove } = useProfiles.getState();
  const [editing, setEditing] = useState<Editing>({ kind: 'closed' });
  const [removing, setRemoving] = useState<ProfileView | null>(null);
  const [startingDemo, setStartingDemo] = useState(false);
  const hasDemo = profiles.some((p) => p.isDemo);
  // One primary action per view: the active profile's next step, or the demo while none is active.
  const leadingId = profiles.some((p) => p.id === activeId) ? activeId : null;

  useEffect(() => {
    void load();
  }, [load]);

  async function startDemo() {
    setStartingDemo(true);
    await tryDemo();
    setStartingDemo(false);
  }

  return (
    <section data-testid="screen-connect">
      <ScreenHeader info={info} />
      <KeychainBanner />
      {screenError && (
        <ErrorBar title="Could not load your profiles" error={screenError} onRetry={() => void load()} />
      )}
      <div className={styles.toolbar}>
        <Button icon={<AddRegular />} onClick={() => setEditing({ kind: 'new' })} data-testid="add-profile">
          Add profile
        </Button>
      </div>
      {!loaded ? (
        <Spinner label="Loading profiles…" />
      ) : (
        <div className={styles.list}>
          {!hasDemo && (
            <Card className={styles.demo} data-testid="demo-card">
              <CardHeader
                header={<Text weight="semibold">New here? Try the built-in demo</Text>}
                description="A simulated Partner Center with customers, a catalog, orders and invoices. No credentials needed, and nothing is bought for real."
              />
              <div>
                <Button
                  appearance={leadingId === null ? 'primary' : 'secondary'}
                  icon={<PlayRegular />}
                  disabled={startingDemo}
                  onClick={() => void startDemo()}
                  data-testid="try-demo"
                >
                  {startingDemo ? 'Starting the demo…' : 'Try the demo'}
                </Button>
              </div>
            </Card>
          )}
          {profiles.map((profile) => (
            <ProfileCard
              key={profile.id}
              profile={profile}
              leads={profile.id === leadingId}
              onNext={() => go('customers')}
              onEdit={() => setEditing({ kind: 'edit', profile })}
              onRemove={() => setRemoving(profile)}
            />
          ))}
        </div>
      )}
      {editing.kind !== 'closed' && (
        <ProfileFormDialog
          open
          profile={editing.kind === 'edit' ? editing.profile : undefined}
          onClose={() => setEditing({ kind: 'closed' })}
        />
      )}
      <DeviceCodeDialog />
      <DialogShell
        open={removing !== null}
        onClose={() => setRemoving(null)}
        title={<>Remove {removing?.name}?</>}
        actions={
          <>
            <Button onClick={() => setRemoving(null)}>Keep it</Button>
            <Button
              appearance="primary"
              data-testid="confirm-remove"
              onClick={() => {
                if (removing) void remove(removing.id);
                setRemoving(null);
              }}
            >
              Remove
            </Button>
          </>
        }
      >
        The profile, its sign-in and its app secret are removed from this computer. Nothing changes in Partner
        Center.
      </DialogShell>
    </section>
  );
}
