/** Fields every cart line form has (add to cart, savings plan, change a line): scope and friendly name. */
import { Field, Input, Radio, RadioGroup } from '@fluentui/react-components';
import type { BenefitScope } from '../../../../preload/contract';
import { checkFriendlyName, FRIENDLY_NAME_MAX_LENGTH } from '../../state/cart-form';

/** Shared or single scope, with words that say what each means for this kind of line. */
export function ScopeField(props: {
  value: BenefitScope;
  onChange: (scope: BenefitScope) => void;
  sharedLabel: string;
  singleLabel: string;
  testId?: string;
}) {
  return (
    <Field label="Scope">
      <RadioGroup
        value={props.value}
        onChange={(_e, d) => props.onChange(d.value as BenefitScope)}
        data-testid={props.testId}
      >
        <Radio value="shared" label={props.sharedLabel} />
        <Radio value="single" label={props.singleLabel} />
      </RadioGroup>
    </Field>
  );
}

/** The line's friendly name: optional (the placeholder is used when empty), within the length limit. */
export function FriendlyNameField(props: {
  value: string;
  onChange: (name: string) => void;
  placeholder?: string;
  testId: string;
}) {
  const name = checkFriendlyName(props.value);
  return (
    <Field
      label="Friendly name"
      hint={`Optional, at most ${FRIENDLY_NAME_MAX_LENGTH} characters`}
      validationMessage={name.ok ? undefined : name.error}
    >
      <Input
        value={props.value}
        placeholder={props.placeholder}
        maxLength={FRIENDLY_NAME_MAX_LENGTH}
        onChange={(_e, d) => props.onChange(d.value)}
        data-testid={props.testId}
      />
    </Field>
  );
}
