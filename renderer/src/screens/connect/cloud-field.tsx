/** The profile form's cloud choice: which of Microsoft's clouds the partner tenant lives in. */
import { CLOUD_LABELS, PARTNER_CLOUDS, type PartnerCloud } from '../../../../preload/contract';
import { SelectField } from '../../components/select-field';

const CLOUD_CHOICES = PARTNER_CLOUDS.map((cloud) => ({ value: cloud, label: CLOUD_LABELS[cloud] }));

export function CloudField(props: {
  value: PartnerCloud;
  onChange: (cloud: PartnerCloud) => void;
  error: string | undefined;
}) {
  return (
    <SelectField
      label="Cloud"
      validationMessage={props.error}
      hint="Partners in US Government or China (21Vianet) sign in at their own cloud; most partners use Global."
      value={props.value}
      choices={CLOUD_CHOICES}
      onChange={props.onChange}
      testId="profile-cloud"
    />
  );
}
