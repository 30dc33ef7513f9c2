/**
 * A multi-select picker: a button that opens a menu of checkable items. Fluent's Combobox and
 * Dropdown do not open on a mouse click in this setup (their click-outside guard closes them in the
 * same click), while menus do, so the app uses menus for multi-select and native selects for one value.
 */
import {
  Button,
  makeStyles,
  Menu,
  MenuItemCheckbox,
  MenuList,
  MenuPopover,
  MenuTrigger,
} from '@fluentui/react-components';
import { ChevronDownRegular } from '@fluentui/react-icons';

const useStyles = makeStyles({
  trigger: { width: '100%', justifyContent: 'space-between', fontWeight: 'normal' },
  list: { maxHeight: '360px', overflowY: 'auto' },
});

export interface PickerOption {
  readonly value: string;
  readonly label: string;
}

export function MultiPicker(props: {
  label: string;
  options: ReadonlyArray<PickerOption>;
  selected: ReadonlyArray<string>;
  onChange: (selected: string[]) => void;
  testId: string;
}) {
  const styles = useStyles();
  const summary =
    props.selected.length === 0
      ? 'Any'
      : props.selected.length === 1
        ? (props.options.find((o) => o.value === props.selected[0])?.label ?? props.selected[0])
        : `${props.selected.length} selected`;
  return (
    <Menu
      checkedValues={{ [props.label]: [...props.selected] }}
      onCheckedValueChange={(_e, data) => props.onChange(data.checkedItems)}
    >
      <MenuTrigger disableButtonEnhancement>
        <Button
          className={styles.trigger}
          icon={<ChevronDownRegular />}
          iconPosition="after"
          aria-label={`${props.label}: ${summary}`}
          data-testid={props.testId}
        >
          {summary}
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList className={styles.list}>
          {props.options.length === 0 && (
            <MenuItemCheckbox name={props.label} value="" disabled>
              Nothing to pick yet
            </MenuItemCheckbox>
          )}
          {props.options.map((option) => (
            <MenuItemCheckbox key={option.value} name={props.label} value={option.value}>
              {option.label}
            </MenuItemCheckbox>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
