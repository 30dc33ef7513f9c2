/** Shows the device code while a sign-in waits for the user to enter it in a browser. */
import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Link,
  makeStyles,
  Spinner,
  tokens,
} from '@fluentui/react-components';
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
    <Dialog open modalType="alert">
      <DialogSurface data-testid="device-code">
        <DialogBody>
          <DialogTitle>Finish signing in</DialogTitle>
          <DialogContent>
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
          </DialogContent>
          <DialogActions>
            <Button onClick={() => void navigator.clipboard?.writeText(prompt.userCode)}>Copy code</Button>
            <Button onClick={() => void cancel(prompt.profileId)}>Cancel sign-in</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
