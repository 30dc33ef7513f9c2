/** The framed side panel that shows one item's detail (an order, a reservation, an invoice). */
import { tokens, type GriffelStyle } from '@fluentui/react-components';

export const detailPanelStyle: GriffelStyle = {
  display: 'flex',
  flexDirection: 'column',
  gap: tokens.spacingVerticalS,
  padding: tokens.spacingHorizontalL,
  border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  borderRadius: tokens.borderRadiusMedium,
  alignSelf: 'start',
};
