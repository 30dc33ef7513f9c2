/** A single-choice filter: "All …" (the empty value) or one of the values the data holds. */
import { Select } from '@fluentui/react-components';

export interface FilterSelectProps {
  readonly label: string;
  /** The words of the empty choice, e.g. "All regions". */
  readonly all: string;
  /** The chosen value; '' is "all". */
  readonly value: string;
  readonly choices: ReadonlyArray<{ readonly value: string; readonly label: string }>;
  readonly onChange: (value: string) => void;
  readonly className?: string;
  readonly testId?: string;
}

export function FilterSelect(props: FilterSelectProps) {
  return (
    <Select
      className={props.className}
      aria-label={props.label}
      value={props.value}
      onChange={(_event, data) => props.onChange(data.value)}
      data-testid={props.testId}
    >
      <option value="">{props.all}</option>
      {props.choices.map((choice) => (
        <option key={choice.value} value={choice.value}>
          {choice.label}
        </option>
      ))}
    </Select>
  );
}
