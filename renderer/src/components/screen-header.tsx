/** The title and one-line purpose at the top of every screen. */
import { Body1, makeStyles, Title2, tokens } from '@fluentui/react-components';
import type { ScreenInfo } from '../screens';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    marginBottom: tokens.spacingVerticalL,
  },
  title: { margin: 0 },
  purpose: { margin: 0, color: tokens.colorNeutralForeground2 },
});

export function ScreenHeader({ info }: { info: ScreenInfo }) {
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <Title2 as="h1" id="screen-title" className={styles.title}>
        {info.title}
      </Title2>
      <Body1 as="p" className={styles.purpose}>
        {info.purpose}
      </Body1>
    </header>
  );
}
