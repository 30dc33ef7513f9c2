/** The shape of a list-and-detail screen (orders, reservations): its toolbar, then the list beside the detail. */
import { tokens, type GriffelStyle } from '@fluentui/react-components';

/** The row of controls above a list: filters, refresh, how old the data is. */
export const toolbarStyle: GriffelStyle = {
  display: 'flex',
  gap: tokens.spacingHorizontalM,
  alignItems: 'center',
  flexWrap: 'wrap',
  marginBottom: tokens.spacingVerticalM,
};

/** The list on the left, the chosen item's detail panel beside it. */
export const listAndDetailStyle: GriffelStyle = {
  display: 'grid',
  gridTemplateColumns: 'minmax(0, 3fr) minmax(280px, 2fr)',
  gap: tokens.spacingHorizontalXL,
};
