/** A section below the invoice list (line items, unbilled export): its heading, then its rows, stacked. */
import { tokens, type GriffelStyle } from '@fluentui/react-components';

export const billingSectionStyle: GriffelStyle = {
  marginTop: tokens.spacingVerticalL,
  display: 'flex',
  flexDirection: 'column',
  gap: tokens.spacingVerticalS,
};
