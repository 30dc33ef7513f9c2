/** Shows the device code while a sign-in waits for the user to enter it in a browser. */
import { Body1, Button, Link, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { DialogShell } from '../../components/dialog-shell';
import { useProfiles } from '../../state/profiles-store';

const useStyles = makeStyles({
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeHero800,
    letterSpacing: '0.2em',
    textAlign: 'center',
    margin: `${tokens.spacingVerticalL} 0`,
  },
});

export function DeviceCodeDialog() {
  const styles = useStyles();
  const prompt = useProfiles((s) => s.deviceCode);
  const cancel = useProfiles((s) => s.cancelSignIn);
  if (!prompt) return null;
  return (
    <DialogShell
      modalType="alert"
      testId="device-code"
      title="Finish signing in"
      actions={
        <>
          <Button onClick={() => void navigator.clipboard?.writeText(prompt.userCode)}>Copy code</Button>
          <Button onClick={() => void cancel(prompt.profileId)}>Cancel sign-in</Button>
        </>
      }
    >
      <Body1 as="p">
        Open{' '}
        <Link href={prompt.verificationUri} target="_blank" rel="noreferrer">
          {prompt.verificationUri}
        </Link>{' '}
        on any device and enter this code:
      </Body1>
      <div className={styles.code} data-testid="device-code-value">
        {prompt.userCode}
      </div>
      <Spinner size="tiny" label="Waiting for you to finish in the browser…" />
    </DialogShell>
  );
}
