/** The app shell: theme, navigation and the current screen. */
import { FluentProvider, makeStyles, tokens, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { AppNav } from './components/app-nav';
import { RestartBanner } from './components/restart-banner';
import { screenById } from './screens';
import { screenForDigit } from './state/navigation';
import { useNavigation } from './state/navigation-store';
import { useColorScheme } from './use-color-scheme';

const useStyles = makeStyles({
  // The window's height goes on the shell, not on FluentProvider: the provider's classes are copied to
  // the mount node of every portal (menus, popovers), which would then cover the whole window.
  shell: {
    display: 'grid',
    gridTemplateColumns: '220px 1fr',
    height: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  main: {
    overflow: 'auto',
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXXXL}`,
    // Laptop windows (1366 px) give the width to the screen, not to the margins.
    '@media (max-width: 1599px)': { padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalL}` },
    backgroundColor: tokens.colorNeutralBackground1,
    outline: 'none',
  },
  skipLink: {
    position: 'absolute',
    left: '-10000px',
    ':focus': { left: tokens.spacingHorizontalM, top: tokens.spacingVerticalM, zIndex: 1 },
  },
});

export function App() {
  const styles = useStyles();
  const scheme = useColorScheme();
  const { current, go } = useNavigation();
  const mainRef = useRef<HTMLElement>(null);
  const screen = screenById[current];
  const { View } = screen;

  useEffect(() => {
    history.replaceState(null, '', `#/${current}`);
    document.title = `${screen.title} · Reservation Desk`;
  }, [current, screen.title]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      const target = screenForDigit(event.key);
      if (!target) return;
      event.preventDefault();
      go(target);
      mainRef.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);

  return (
    <FluentProvider theme={scheme === 'dark' ? webDarkTheme : webLightTheme}>
      <a href="#main" className={styles.skipLink} onClick={() => mainRef.current?.focus()}>
        Skip to content
      </a>
      <div className={styles.shell} data-testid="app-ready" data-theme={scheme}>
        <AppNav current={current} onNavigate={go} />
        <main id="main" ref={mainRef} tabIndex={-1} className={styles.main} aria-labelledby="screen-title">
          <RestartBanner />
          <View info={screen} />
        </main>
      </div>
    </FluentProvider>
  );
}
