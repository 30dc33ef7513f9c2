/** The filter panel: facets from the cached catalog, numeric ranges, and "needs inventory check". */
import {
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  mergeClasses,
  Switch,
  tokens,
} from '@fluentui/react-components';
import type { FacetValue } from '../../../../preload/contract';
import { useMemo, useState } from 'react';
import { hasFilters, type Range } from '../../state/catalog';
import { catalogFieldLabels, termLabel } from '../../state/catalog-labels';
import {
  checkRange,
  draftOf,
  rangeRules,
  sameRange,
  type RangeDraft,
  type RangeRule,
} from '../../state/catalog-range';
import { MultiPicker } from '../../components/picker';
import { useShallow } from 'zustand/react/shallow';
import { useCatalog } from '../../state/catalog-store';
import { catalogFiltersView } from '../../state/catalog-views';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    width: '240px',
    flexShrink: 0,
    overflowY: 'auto',
    paddingRight: tokens.spacingHorizontalS,
    // A tall column of filters scrolls; it never squeezes a filter (or "Clear filters") to fit.
    '& > *': { flexShrink: 0 },
  },
  // Narrow windows make room for the SKU panel: the filters return when the panel closes.
  hiddenWhenNarrow: { '@media (max-width: 1599px)': { display: 'none' } },
  // Both ends of a range share the panel's width; an input's default width would overflow it.
  range: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)',
    gap: tokens.spacingHorizontalS,
  },
  rangeInput: { minWidth: 0 },
  // "Clear filters" stays in sight while the filters above it scroll.
  clear: {
    position: 'sticky',
    bottom: 0,
    boxShadow: `0 0 0 ${tokens.spacingVerticalS} ${tokens.colorNeutralBackground1}`,
  },
  rangeInputField: { minWidth: 0, width: '100%' },
});

type ListFilter = 'regions' | 'productIds' | 'series' | 'categories' | 'diskTypes';

function FacetPicker(props: {
  label: string;
  values: ReadonlyArray<FacetValue>;
  selected: ReadonlyArray<string>;
  onChange: (selected: string[]) => void;
  testId: string;
}) {
  // Only when the counts change: the panel renders again at every keystroke (the text is a filter),
  // and formatting hundreds of counts each time held up the keystroke's rows.
  const options = useMemo(
    () =>
      props.values.map((facet) => ({
        value: facet.value,
        label: `${facet.label} (${facet.count.toLocaleString('en-US')})`,
      })),
    [props.values],
  );
  return (
    <Field label={props.label}>
      <MultiPicker
        label={props.label}
        options={options}
        selected={props.selected}
        onChange={props.onChange}
        testId={props.testId}
      />
    </Field>
  );
}

/**
 * Two fields for a range, checked as the user types: an invalid range is explained next to the fields
 * and never searched for; the search keeps the last valid one until the fields are fixed.
 */
function RangeInputs(props: {
  label: string;
  value: Range;
  rule: RangeRule;
  onChange: (range: Range) => void;
  testId: string;
}) {
  const styles = useStyles();
  const [draft, setDraft] = useState<RangeDraft>(() => draftOf(props.value));
  // "Clear filters" (or another catalog) changes the range from outside: the fields follow it.
  const [shown, setShown] = useState(props.value);
  if (!sameRange(shown, props.value)) {
    setShown(props.value);
    setDraft(draftOf(props.value));
  }
  const check = checkRange(draft, props.rule);
  const edit = (patch: Partial<RangeDraft>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    const checked = checkRange(next, props.rule);
    if (checked.ok && !sameRange(checked.range, props.value)) {
      setShown(checked.range);
      props.onChange(checked.range);
    }
  };
  const input = (end: 'min' | 'max') => (
    <Input
      className={styles.rangeInput}
      input={{ className: styles.rangeInputField }}
      inputMode={props.rule.whole ? 'numeric' : 'decimal'}
      placeholder={end}
      aria-label={`${props.label} ${end === 'min' ? 'from' : 'to'}`}
      aria-invalid={!check.ok && check.field === end}
      maxLength={9}
      value={draft[end]}
      onChange={(_e, data) => edit({ [end]: data.value })}
      data-testid={`${props.testId}-${end}`}
    />
  );
  return (
    <Field
      label={props.label}
      validationState={check.ok ? 'none' : 'error'}
      validationMessage={check.ok ? undefined : check.message}
      data-testid={`${props.testId}-field`}
    >
      <div className={styles.range}>
        {input('min')}
        {input('max')}
      </div>
    </Field>
  );
}

/** `makeRoom`: a SKU panel is open, so narrow windows hide the filters until it closes. */
export function CatalogFiltersPanel({ makeRoom = false }: { makeRoom?: boolean }) {
  const styles = useStyles();
  const { facets, filters } = useCatalog(useShallow(catalogFiltersView));
  const setFilters = useCatalog((s) => s.setFilters);
  const clearFilters = useCatalog((s) => s.clearFilters);
  const list = (key: ListFilter) => (selected: string[]) => setFilters({ [key]: selected });
  const toggleTerm = (term: string, on: boolean) =>
    setFilters({ terms: on ? [...filters.terms, term] : filters.terms.filter((t) => t !== term) });

  return (
    <aside className={mergeClasses(styles.panel, makeRoom && styles.hiddenWhenNarrow)} aria-label="Filters">
      <FacetPicker
        label={catalogFieldLabels.region}
        values={facets?.regions ?? []}
        selected={filters.regions}
        onChange={list('regions')}
        testId="filter-region"
      />
      <FacetPicker
        label={catalogFieldLabels.product}
        values={facets?.products ?? []}
        selected={filters.productIds}
        onChange={list('productIds')}
        testId="filter-product"
      />
      <FacetPicker
        label={catalogFieldLabels.series}
        values={facets?.series ?? []}
        selected={filters.series}
        onChange={list('series')}
        testId="filter-series"
      />
      <RangeInputs
        label={catalogFieldLabels.cores}
        rule={rangeRules.cores}
        value={filters.cores}
        onChange={(cores) => setFilters({ cores })}
        testId="filter-cores"
      />
      <RangeInputs
        label={catalogFieldLabels.ramGb}
        rule={rangeRules.ramGb}
        value={filters.ramGb}
        onChange={(ramGb) => setFilters({ ramGb })}
        testId="filter-ram"
      />
      <Field label={catalogFieldLabels.term}>
        {(facets?.terms ?? []).map((term) => (
          <Checkbox
            key={term.value}
            label={`${termLabel(term.value)} (${term.count.toLocaleString('en-US')})`}
            checked={filters.terms.includes(term.value)}
            onChange={(_e, data) => toggleTerm(term.value, data.checked === true)}
            data-testid={`filter-term-${term.value}`}
          />
        ))}
      </Field>
      <FacetPicker
        label={catalogFieldLabels.category}
        values={facets?.categories ?? []}
        selected={filters.categories}
        onChange={list('categories')}
        testId="filter-category"
      />
      <FacetPicker
        label={catalogFieldLabels.diskType}
        values={facets?.diskTypes ?? []}
        selected={filters.diskTypes}
        onChange={list('diskTypes')}
        testId="filter-disk"
      />
      <Switch
        label="Needs inventory check only"
        checked={filters.needsInventoryCheck === true}
        onChange={(_e, data) => setFilters({ needsInventoryCheck: data.checked ? true : undefined })}
        data-testid="filter-inventory"
      />
      <Button
        className={styles.clear}
        disabled={!hasFilters(filters)}
        onClick={clearFilters}
        data-testid="filter-clear"
      >
        Clear filters
      </Button>
    </aside>
  );
}
