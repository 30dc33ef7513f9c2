/**
 * Adapter between the data layer and the server: builds the world and exposes what billing needs
 * (line items by index, statement PDFs) behind one small interface, so the server does not depend
 * on how the data layer lays out its generators.
 */
import { generateWorld, invoiceLineItemCount, invoiceLineItems } from '../data';
import type { InvoiceLineItem, LineItemProvider, World, WorldOptions } from '../data/model';

/** The world plus lazy line items. */
export interface LoadedWorld {
  readonly world: World;
  /** How many line items an invoice has for one provider. */
  lineItemCount(invoiceId: string, provider: LineItemProvider): number;
  /** Line items `[start, start + count)` of an invoice for one provider. */
  lineItems(invoiceId: string, provider: LineItemProvider, start: number, count: number): InvoiceLineItem[];
}

/** Builds the world for the options. */
export function loadWorld(options: WorldOptions): LoadedWorld {
  const world = generateWorld(options);
  return {
    world,
    lineItemCount: (invoiceId, provider) => invoiceLineItemCount(world, invoiceId, provider),
    lineItems: (invoiceId, provider, start, count) =>
      invoiceLineItems(world, invoiceId, provider, start, count),
  };
}
