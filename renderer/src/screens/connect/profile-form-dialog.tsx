/** Add or edit a partner profile. Field errors come from main and show next to their fields. */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { DeskError, ProfileDraft, ProfileView } from '../../../../preload/contract';
import { fieldErrors } from '../../state/profiles';
import { useProfiles } from '../../state/profiles-store';
import { CloudField } from './cloud-field';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalM },
});

const segments = ['commercial', 'education', 'government', 'nonprofit'] as const;
const FORM_FIELDS = new Set([
  'name',
  'tenantId',
  'appId',
  'authMode',
  'appSecret',
  'country',
  'segment',
  'cloud',
]);

interface Draft {
  name: string;
  tenantId: string;
  appId: string;
  authMode: 'app-only' | 'app-user';
  appSecret: string;
  country: string;
  segment: (typeof segments)[number];
  /** `sandbox` only for the demo profile, which the form never edits. */
  cloud: ProfileView['cloud'];
}

function draftFrom(profile: ProfileView | undefined): Draft {
  return {
    name: profile?.name ?? '',
    tenantId: profile?.tenantId ?? '',
    appId: profile?.appId ?? '',
    authMode: profile?.authMode ?? 'app-user',
    appSecret: '',
    country: profile?.defaults.country ?? 'US',
    segment: profile?.defaults.segment ?? 'commercial',
    cloud: profile?.cloud ?? 'global',
  };
}

export function ProfileFormDialog(props: { profile?: ProfileView; open: boolean; onClose: () => void }) {
  const styles = useStyles();
  const save = useProfiles((s) => s.save);
  const [draft, setDraft] = useState<Draft>(() => draftFrom(props.profile));
  const [error, setError] = useState<DeskError | null>(null);
  const [saving, setSaving] = useState(false);
  const errors = fieldErrors(error);
  // An error about something the form has no field for is said at the top, so it is never invisible.
  const unplaced = Object.keys(errors).filter((field) => !FORM_FIELDS.has(field));
  const editing = props.profile !== undefined;
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    const payload: ProfileDraft = {
      name: draft.name,
      tenantId: draft.tenantId,
      appId: draft.appId,
      authMode: draft.authMode,
      defaults: { country: draft.country, segment: draft.segment },
      ...(draft.cloud !== 'sandbox' ? { cloud: draft.cloud } : {}),
      ...(draft.authMode === 'app-only' && draft.appSecret ? { appSecret: draft.appSecret } : {}),
    };
    const result = await save(payload, props.profile?.id);
    setSaving(false);
    if (result.ok) props.onClose();
    else setError(result.error);
  }

  return (
    <Dialog open={props.open} onOpenChange={(_e, data) => !data.open && props.onClose()}>
      <DialogSurface aria-describedby={undefined}>
        {/* noValidate: main checks every field and says what is wrong next to it. */}
        <form noValidate onSubmit={(event) => void submit(event)} data-testid="profile-form">
          <DialogBody>
            <DialogTitle>{editing ? `Edit ${props.profile?.name}` : 'Add a partner profile'}</DialogTitle>
            <DialogContent className={styles.form}>
              {error && (Object.keys(errors).length === 0 || unplaced.length > 0) && (
                <MessageBar intent="error" data-testid="profile-form-error">
                  <MessageBarBody>
                    {unplaced.length > 0 ? unplaced.map((field) => errors[field]).join(' ') : error.message}
                  </MessageBarBody>
                </MessageBar>
              )}
              <Field label="Name" required validationMessage={errors.name}>
                <Input
                  value={draft.name}
                  onChange={(_e, d) => set('name', d.value)}
                  placeholder="Contoso CSP (production)"
                  data-testid="profile-name"
                />
              </Field>
              <Field
                label="Partner tenant ID"
                required
                validationMessage={errors.tenantId}
                hint="A GUID, from Partner Center → Account settings → Organization profile."
              >
                <Input
                  value={draft.tenantId}
                  onChange={(_e, d) => set('tenantId', d.value.trim())}
                  placeholder="00000000-0000-0000-0000-000000000000"
                  data-testid="profile-tenant"
                />
              </Field>
              <Field
                label="App ID (client ID)"
                required
                validationMessage={errors.appId}
                hint="The Microsoft Entra app registered for Partner Center API access."
              >
                <Input
                  value={draft.appId}
                  onChange={(_e, d) => set('appId', d.value.trim())}
                  placeholder="00000000-0000-0000-0000-000000000000"
                  data-testid="profile-app"
                />
              </Field>
              {draft.cloud !== 'sandbox' && (
                <CloudField
                  value={draft.cloud}
                  onChange={(cloud) => set('cloud', cloud)}
                  error={errors.cloud}
                />
              )}
              <Field label="Sign in with" validationMessage={errors.authMode}>
                <RadioGroup
                  value={draft.authMode}
                  onChange={(_e, d) => set('authMode', d.value as Draft['authMode'])}
                  layout="horizontal"
                >
                  <Radio value="app-user" label="My account, with MFA (App+User)" />
                  <Radio value="app-only" label="App secret (App-only)" />
                </RadioGroup>
              </Field>
              {draft.authMode === 'app-only' && (
                <Field
                  label="App secret"
                  validationMessage={errors.appSecret}
                  hint={
                    editing
                      ? 'Leave empty to keep the secret already in your keychain.'
                      : 'Stored only in your OS keychain; never shown again.'
                  }
                >
                  <Input
                    type="password"
                    value={draft.appSecret}
                    onChange={(_e, d) => set('appSecret', d.value)}
                    autoComplete="off"
                    data-testid="profile-secret"
                  />
                </Field>
              )}
              <div className={styles.row}>
                <Field
                  label="Default country"
                  validationMessage={errors.country}
                  hint="Two letters, e.g. US."
                >
                  <Input
                    value={draft.country}
                    maxLength={2}
                    onChange={(_e, d) => set('country', d.value.toUpperCase())}
                    data-testid="profile-country"
                  />
                </Field>
                <Field label="Segment" validationMessage={errors.segment}>
                  <Select
                    value={draft.segment}
                    onChange={(_e, d) => set('segment', d.value as Draft['segment'])}
                  >
                    {segments.map((segment) => (
                      <option key={segment} value={segment}>
                        {segment}
                      </option>
                    ))}
                  </Select>
                </Field>
              </div>
            </DialogContent>
            <DialogActions>
              <Button onClick={props.onClose} disabled={saving}>
                Cancel
              </Button>
              <Button appearance="primary" type="submit" disabled={saving} data-testid="profile-save">
                {saving ? 'Saving…' : editing ? 'Save changes' : 'Add profile'}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
