/** Settings: the app's preferences, kept by main across restarts. */
import { Caption1, makeStyles, Spinner, Subtitle2, tokens } from '@fluentui/react-components';
import { useEffect, useId } from 'react';
import { ErrorBar } from '../components/error-bar';
import { ScreenHeader } from '../components/screen-header';
import { SelectField } from '../components/select-field';
import type { ScreenInfo } from '../screens';
import { valueOf } from '../state/load';
import { maxAgeOptions, maxAgeToOption, optionToMaxAge } from '../state/preferences';
import { usePreferences } from '../state/preferences-store';

const useStyles = makeStyles({
  group: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '560px',
  },
  saved: { minHeight: '1.5em', color: tokens.colorPaletteGreenForeground1 },
});

export function SettingsScreen({ info }: { info: ScreenInfo }) {
  const styles = useStyles();
  const headingId = useId();
  const { preferences: loadState, saves, load, update } = usePreferences();
  const preferences = valueOf(loadState);
  const busy = loadState.status === 'loading';
  const error = loadState.status === 'error' ? loadState.error : null;

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section data-testid="screen-settings">
      <ScreenHeader info={info} />
      {error && (
        <ErrorBar
          title="The settings could not be read or saved"
          error={error}
          onRetry={() => void load()}
          testId="settings-error"
        />
      )}
      {!preferences && busy && <Spinner label="Reading your settings…" />}
      {preferences && (
        <section className={styles.group} aria-labelledby={headingId}>
          <Subtitle2 as="h2" id={headingId}>
            Offline catalog
          </Subtitle2>
          <SelectField
            label="Refresh the cached catalog automatically"
            hint="Opening the catalog refreshes it in the background when it is older than this. The cached catalog answers at once either way, also offline."
            value={maxAgeToOption(preferences.catalogMaxAgeMinutes)}
            choices={maxAgeOptions}
            disabled={busy}
            onChange={(option) => {
              const maxAge = optionToMaxAge(option);
              if (maxAge !== undefined) void update({ catalogMaxAgeMinutes: maxAge });
            }}
            testId="settings-catalog-max-age"
          />
          <Caption1 className={styles.saved} aria-live="polite" data-testid="settings-saved">
            {saves > 0 && !busy && !error ? 'Saved.' : ''}
          </Caption1>
        </section>
      )}
    </section>
  );
}
