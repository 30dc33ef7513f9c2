/**
 * Add or edit a partner profile. Each field is checked as the user leaves it and then as they type
 * (the same rules and words as main's); main's own refusals show next to their fields too. After a
 * refused save, focus goes to the first field in error.
 */
import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState, type FormEvent } from 'react';
import {
  PROFILE_LIMITS,
  type DeskError,
  type ProfileDraft,
  type ProfileView,
} from '../../../../preload/contract';
import { DialogShell } from '../../components/dialog-shell';
import { SelectField } from '../../components/select-field';
import { localMarketName } from '../../state/markets';
import { marketList, useMarkets } from '../../state/markets-store';
import {
  firstInvalidField,
  PROFILE_FORM_FIELDS,
  profileFormErrors,
  type ProfileFormErrors,
  type ProfileFormField,
} from '../../state/profile-form';
import { fieldErrors } from '../../state/profiles';
import { useProfiles } from '../../state/profiles-store';
import { CloudField } from './cloud-field';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalM },
});

const segments = ['commercial', 'education', 'government', 'nonprofit'] as const;
const SEGMENT_CHOICES = segments.map((segment) => ({ value: segment, label: segment }));
const FORM_FIELDS: ReadonlySet<string> = new Set(PROFILE_FORM_FIELDS);

/** The draft's free-text fields: each is one `Field` around one `Input`. */
type TextFieldName = 'name' | 'tenantId' | 'appId' | 'appSecret' | 'country';

interface TextFieldSpec {
  readonly label: string;
  readonly testId: string;
  readonly maxLength: number;
  readonly required?: boolean;
  readonly hint?: string;
  readonly placeholder?: string;
  /** How typed text is kept (GUIDs trimmed, the country upper-cased); as typed without it. */
  readonly clean?: (typed: string) => string;
  /** Masked, and never offered to the browser's autofill. */
  readonly secret?: boolean;
}

const trim = (typed: string) => typed.trim();

/** The two GUIDs a profile needs, entered alike. */
const GUID_FIELDS: ReadonlyArray<readonly [TextFieldName, TextFieldSpec]> = [
  [
    'tenantId',
    {
      label: 'Partner tenant ID',
      hint: 'A GUID, from Partner Center → Account settings → Organization profile.',
      testId: 'profile-tenant',
      required: true,
      placeholder: '00000000-0000-0000-0000-000000000000',
      maxLength: PROFILE_LIMITS.guid,
      clean: trim,
    },
  ],
  [
    'appId',
    {
      label: 'App ID (client ID)',
      hint: 'The Microsoft Entra app registered for Partner Center API access.',
      testId: 'profile-app',
      required: true,
      placeholder: '00000000-0000-0000-0000-000000000000',
      maxLength: PROFILE_LIMITS.guid,
      clean: trim,
    },
  ],
];

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
  const secretStored = useProfiles((s) =>
    props.profile ? s.statuses[props.profile.id]?.hasAppSecret === true : false,
  );
  const markets = useMarkets(marketList);
  const loadMarkets = useMarkets((s) => s.load);
  const [draft, setDraft] = useState<Draft>(() => draftFrom(props.profile));
  const [error, setError] = useState<DeskError | null>(null);
  // Main's refusals, per field, until that field is edited again.
  const [refused, setRefused] = useState<Record<string, string>>({});
  const [touched, setTouched] = useState<ReadonlySet<ProfileFormField>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const checks = profileFormErrors(draft, { secretStored, markets });
  const shown: ProfileFormErrors & Record<string, string | undefined> = { ...refused };
  for (const field of PROFILE_FORM_FIELDS) {
    if (!shown[field] && (submitted || touched.has(field))) shown[field] = checks[field];
  }
  // An error about something the form has no field for is said at the top, so it is never invisible.
  const unplaced = Object.keys(refused).filter((field) => !FORM_FIELDS.has(field));
  const editing = props.profile !== undefined;
  const market = markets.find((m) => m.code === draft.country);

  useEffect(() => {
    void loadMarkets();
  }, [loadMarkets]);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setRefused(({ [key]: _edited, ...rest }) => rest);
  };
  const leave = (field: ProfileFormField) => setTouched((t) => new Set(t).add(field));
  // Inputs are named after their fields, so the form finds the one to focus without refs.
  const bind = (field: ProfileFormField) => ({ name: field, onBlur: () => leave(field) });
  // A function, not a component: a component made here would be new on every render and lose focus.
  const textField = (field: TextFieldName, spec: TextFieldSpec) => (
    <Field
      key={field}
      label={spec.label}
      required={spec.required}
      validationMessage={shown[field]}
      hint={spec.hint}
    >
      <Input
        type={spec.secret ? 'password' : undefined}
        autoComplete={spec.secret ? 'off' : undefined}
        value={draft[field]}
        onChange={(_e, d) => set(field, spec.clean ? spec.clean(d.value) : d.value)}
        placeholder={spec.placeholder}
        maxLength={spec.maxLength}
        {...bind(field)}
        data-testid={spec.testId}
      />
    </Field>
  );
  const focusFirst = (form: HTMLFormElement, errors: Record<string, string | undefined>) => {
    const field = firstInvalidField(errors);
    const target = field
      ? form.elements.namedItem(field)
      : form.querySelector('[data-testid="profile-form-error"]');
    if (target instanceof HTMLElement) target.focus();
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setSubmitted(true);
    if (firstInvalidField(checks)) return focusFirst(form, checks);
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
    if (result.ok) return props.onClose();
    const fields = fieldErrors(result.error);
    setError(result.error);
    setRefused(fields);
    // After React has drawn the messages, so the focused field is read out with its error.
    requestAnimationFrame(() => focusFirst(form, fields));
  }

  return (
    <DialogShell
      open={props.open}
      onClose={props.onClose}
      title={editing ? `Edit ${props.profile?.name}` : 'Add a partner profile'}
      contentClassName={styles.form}
      form={{ onSubmit: (event) => void submit(event), testId: 'profile-form' }}
      actions={
        <>
          <Button onClick={props.onClose} disabled={saving}>
            Cancel
          </Button>
          {/* Focusable while saving, so focus never falls to the page (and Escape still reaches the dialog). */}
          <Button appearance="primary" type="submit" disabledFocusable={saving} data-testid="profile-save">
            {saving ? 'Saving…' : editing ? 'Save changes' : 'Add profile'}
          </Button>
        </>
      }
    >
      {error && (Object.keys(refused).length === 0 || unplaced.length > 0) && (
        <MessageBar intent="error" data-testid="profile-form-error" tabIndex={-1}>
          <MessageBarBody>
            {unplaced.length > 0 ? unplaced.map((field) => refused[field]).join(' ') : error.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {textField('name', {
        label: 'Name',
        testId: 'profile-name',
        required: true,
        placeholder: 'Contoso CSP (production)',
        maxLength: PROFILE_LIMITS.name,
      })}
      {GUID_FIELDS.map(([field, spec]) => textField(field, spec))}
      {draft.cloud !== 'sandbox' && (
        <CloudField value={draft.cloud} onChange={(cloud) => set('cloud', cloud)} error={shown.cloud} />
      )}
      <Field label="Sign in with" validationMessage={shown.authMode}>
        <RadioGroup
          value={draft.authMode}
          onChange={(_e, d) => set('authMode', d.value as Draft['authMode'])}
          layout="horizontal"
        >
          <Radio value="app-user" label="My account, with MFA (App+User)" />
          <Radio value="app-only" label="App secret (App-only)" />
        </RadioGroup>
      </Field>
      {draft.authMode === 'app-only' &&
        textField('appSecret', {
          label: 'App secret',
          testId: 'profile-secret',
          required: !secretStored,
          secret: true,
          maxLength: PROFILE_LIMITS.appSecret,
          hint: secretStored
            ? 'Leave empty to keep the secret already in your keychain.'
            : 'Stored only in your OS keychain; never shown again.',
        })}
      <div className={styles.row}>
        {textField('country', {
          label: 'Default country',
          testId: 'profile-country',
          maxLength: PROFILE_LIMITS.country,
          clean: (typed) => typed.toUpperCase(),
          hint: market
            ? `${localMarketName(market, navigator.language)}${market.reservationsSold ? '' : ': reservations are not sold there'}`
            : 'Two letters, e.g. US.',
        })}
        <SelectField
          label="Segment"
          validationMessage={shown.segment}
          value={draft.segment}
          choices={SEGMENT_CHOICES}
          onChange={(segment) => set('segment', segment)}
        />
      </div>
    </DialogShell>
  );
}
