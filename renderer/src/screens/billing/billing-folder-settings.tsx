/**
 * Where statements and CSV exports go, per profile: the desktop app chooses with the native folder
 * dialog; the web build takes a typed full path, which main checks (exists or can be made, writable)
 * and refuses with a sentence otherwise.
 */
import { Button, Field, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { BillingFolders } from '../../../../preload/contract';
import type { FolderKind } from '../../state/billing';
import { useBilling } from '../../state/billing-store';
import { valueOf } from '../../state/load';

const LABELS: Record<FolderKind, string> = {
  statements: 'Statement PDFs go to',
  exports: 'CSV exports go to',
};

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
  field: { minWidth: '360px', flexGrow: 1, maxWidth: '640px' },
});

function FolderRow(props: { kind: FolderKind; folders: BillingFolders }) {
  const styles = useStyles();
  const { kind, folders } = props;
  const { folder, chosen } = folders[kind];
  const { setFolder, chooseFolder } = useBilling.getState();
  const [typed, setTyped] = useState(folder);
  const [error, setError] = useState<string | null>(null);
  const ask = (call: Promise<string | null>) => void call.then(setError);
  const reset = chosen && (
    <Button onClick={() => ask(setFolder(kind, null))} data-testid={`folder-${kind}-default`}>
      Use the default
    </Button>
  );
  if (folders.nativeDialog) {
    return (
      <div className={styles.row}>
        <Text>
          {LABELS[kind]} <Text weight="semibold">{folder}</Text>
        </Text>
        <Button onClick={() => ask(chooseFolder(kind))} data-testid={`folder-${kind}-choose`}>
          Choose folder…
        </Button>
        {reset}
        {error && (
          <Text role="alert" data-testid={`folder-${kind}-error`}>
            {error}
          </Text>
        )}
      </div>
    );
  }
  return (
    <form
      className={styles.row}
      onSubmit={(event) => {
        event.preventDefault();
        ask(setFolder(kind, typed.trim() === '' ? null : typed));
      }}
    >
      <Field
        className={styles.field}
        label={LABELS[kind]}
        hint={chosen ? undefined : 'The app’s data folder, one folder per profile.'}
        validationMessage={error ?? undefined}
        validationState={error ? 'error' : 'none'}
      >
        <Input value={typed} onChange={(_e, data) => setTyped(data.value)} data-testid={`folder-${kind}`} />
      </Field>
      <Button type="submit" disabled={typed === folder} data-testid={`folder-${kind}-save`}>
        Save folder
      </Button>
      {reset}
    </form>
  );
}

export function BillingFolderSettings() {
  const styles = useStyles();
  const load = useBilling((s) => s.folders);
  const folders = valueOf(load);
  if (!folders) return null;
  return (
    <div className={styles.group} data-testid="billing-folders">
      {(['statements', 'exports'] as const).map((kind) => (
        <FolderRow
          // A saved or reset folder starts the field again from what main stored.
          key={`${kind}:${folders[kind].folder}`}
          kind={kind}
          folders={folders}
        />
      ))}
    </div>
  );
}
