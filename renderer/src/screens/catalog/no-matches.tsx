/** What the Catalog shows when a search finds nothing: what was searched, and a way back to every SKU. */
import { Button, makeStyles, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { useShallow } from 'zustand/react/shallow';
import { searchSummary, searchTextHint } from '../../state/catalog-labels';
import { useCatalog } from '../../state/catalog-store';
import { catalogFiltersView } from '../../state/catalog-views';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalL}`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export function NoMatches() {
  const styles = useStyles();
  const { facets, filters } = useCatalog(useShallow(catalogFiltersView));
  const clearFilters = useCatalog((s) => s.clearFilters);
  const searched = searchSummary(filters, facets);
  const hint = searchTextHint(filters.text);
  return (
    <div className={styles.root} role="status" data-testid="catalog-no-matches">
      <Subtitle2 as="h2">No SKUs match this search</Subtitle2>
      {searched.length > 0 && (
        <>
          <Text>Searched for:</Text>
          <ul className={styles.list} data-testid="catalog-no-matches-searched">
            {searched.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      )}
      {hint && <Text data-testid="catalog-no-matches-hint">{hint}</Text>}
      <Button appearance="primary" onClick={clearFilters} data-testid="catalog-no-matches-clear">
        Clear filters
      </Button>
    </div>
  );
}
