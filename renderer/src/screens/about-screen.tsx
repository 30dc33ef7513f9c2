/** About: facts that come from main through the bridge (proof the bridge works end to end). */
import { makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { getDesk } from '../bridge';
import { ErrorBar } from '../components/error-bar';
import { ScreenHeader } from '../components/screen-header';
import type { ScreenInfo } from '../screens';
import { useDeskQuery } from '../use-desk-query';

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL}`,
    marginTop: tokens.spacingVerticalL,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
});

const readInfo = () => getDesk().app.info();

export function AboutScreen({ info: screen }: { info: ScreenInfo }) {
  const styles = useStyles();
  const [load, retry] = useDeskQuery(readInfo);

  return (
    <section data-testid="screen-about">
      <ScreenHeader info={screen} />
      {load.status === 'loading' && <Spinner label="Asking the app…" />}
      {load.status === 'error' && (
        <ErrorBar
          title="Could not read the app’s details"
          error={load.error}
          onRetry={retry}
          testId="about-error"
        />
      )}
      {load.status === 'ready' && (
        <dl className={styles.facts}>
          <Fact label="Version" value={`${load.value.name} ${load.value.version}`} testId="about-version" />
          <Fact
            label="Connected through"
            value={
              load.value.transport === 'electron-ipc' ? 'Electron IPC (desktop app)' : 'WebSocket (web build)'
            }
            testId="about-transport"
          />
          <Fact label="Data folder" value={load.value.dataDir} testId="about-data-dir" />
          <Fact
            label="Platform"
            value={`${load.value.platform} (${load.value.arch})`}
            testId="about-platform"
          />
          <Fact
            label="Runtime"
            value={[
              `Node ${load.value.versions.node}`,
              load.value.versions.electron && `Electron ${load.value.versions.electron}`,
              load.value.versions.chrome && `Chrome ${load.value.versions.chrome}`,
            ]
              .filter(Boolean)
              .join(' · ')}
            testId="about-runtime"
          />
        </dl>
      )}
    </section>
  );
}

function Fact(props: { label: string; value: string; testId: string }) {
  const styles = useStyles();
  return (
    <>
      <dt className={styles.term}>{props.label}</dt>
      <dd className={styles.value} data-testid={props.testId}>
        {props.value}
      </dd>
    </>
  );
}
