/** The profile form's cloud choice: which of Microsoft's clouds the partner tenant lives in. */
import { Field, Select } from '@fluentui/react-components';
import { CLOUD_LABELS, PARTNER_CLOUDS, type PartnerCloud } from '../../../../preload/contract';

/** Whether a select value is a cloud a user may choose. */
export function isPartnerCloud(value: string): value is PartnerCloud {
  return (PARTNER_CLOUDS as readonly string[]).includes(value);
}

export function CloudField(props: {
  value: PartnerCloud;
  onChange: (cloud: PartnerCloud) => void;
  error: string | undefined;
}) {
  return (
    <Field
      label="Cloud"
      validationMessage={props.error}
      hint="Partners in US Government or China (21Vianet) sign in at their own cloud; most partners use Global."
    >
      <Select
        value={props.value}
        onChange={(_e, d) => isPartnerCloud(d.value) && props.onChange(d.value)}
        data-testid="profile-cloud"
      >
        {PARTNER_CLOUDS.map((cloud) => (
          <option key={cloud} value={cloud}>
            {CLOUD_LABELS[cloud]}
          </option>
        ))}
      </Select>
    </Field>
  );
}
