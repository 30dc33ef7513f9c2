/**
 * One labelled single choice: Fluent's `Field` around a native `Select` (Fluent's Dropdown does not
 * open on a click in this setup). It only ever reports one of its choices' values.
 */
import { Field, Select } from '@fluentui/react-components';

/** One choice: the value the form keeps and the words the user sees. */
export interface Choice<V extends string> {
  readonly value: V;
  readonly label: string;
}

export interface SelectFieldProps<V extends string> {
  readonly label: string;
  readonly value: V | '';
  readonly choices: ReadonlyArray<Choice<V>>;
  readonly onChange: (value: V) => void;
  /** Shown while nothing is chosen yet; it cannot be chosen back. */
  readonly placeholder?: string;
  readonly hint?: string;
  readonly validationMessage?: string;
  readonly disabled?: boolean;
  readonly testId?: string;
}

export function SelectField<V extends string>(props: SelectFieldProps<V>) {
  const { choices, onChange } = props;
  return (
    <Field label={props.label} hint={props.hint} validationMessage={props.validationMessage}>
      <Select
        value={props.value}
        onChange={(_e, data) => {
          const choice = choices.find((c) => c.value === data.value);
          if (choice) onChange(choice.value);
        }}
        disabled={props.disabled}
        data-testid={props.testId}
      >
        {props.placeholder !== undefined && (
          <option value="" disabled>
            {props.placeholder}
          </option>
        )}
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}
