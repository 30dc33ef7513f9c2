/** Says once, on Connect, that there is no OS keychain: what is missing, how to get it, what the demo does. */
import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { getDesk } from '../../bridge';
import { useDeskQuery } from '../../use-desk-query';

const useStyles = makeStyles({ bar: { marginBottom: tokens.spacingVerticalM } });

const readKeychain = () => getDesk().keychain.status();

export function KeychainBanner() {
  const styles = useStyles();
  const [load] = useDeskQuery(readKeychain);
  if (load.status !== 'ready' || load.value.available) return null;
  return (
    <MessageBar className={styles.bar} intent="warning" layout="multiline" data-testid="keychain-banner">
      <MessageBarBody>
        <MessageBarTitle>No keychain for your secrets</MessageBarTitle>
        {load.value.message} {load.value.demoNote}
      </MessageBarBody>
    </MessageBar>
  );
}
