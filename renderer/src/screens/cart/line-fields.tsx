/** Fields every cart line form has (add to cart, savings plan, change a line): term, scope and friendly name. */
import { Field, Input, Radio, RadioGroup } from '@fluentui/react-components';
import type { BenefitScope, TermDuration } from '../../../../preload/contract';
import { SelectField } from '../../components/select-field';
import { checkFriendlyName, FRIENDLY_NAME_MAX_LENGTH, termLabel } from '../../state/cart-form';

/** The line's term, among the terms this kind of line can be bought for. */
export function TermField(props: {
  value: TermDuration | '';
  terms: ReadonlyArray<TermDuration>;
  onChange: (term: TermDuration) => void;
  testId: string;
}) {
  return (
    <SelectField
      label="Term"
      value={props.value}
      choices={props.terms.map((term) => ({ value: term, label: termLabel(term) }))}
      onChange={props.onChange}
      testId={props.testId}
    />
  );
}

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
