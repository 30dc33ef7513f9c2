/** Schemas of the current customer: the one a profile works for, remembered across restarts. */
import { z } from 'zod';

/**
 * The customer a profile works for now: enough to show who it is and which market applies (its
 * billing country), without asking Partner Center. Main reads it from Partner Center when the user
 * chooses the customer, and keeps it in settings.
 */
export const CurrentCustomer = z.strictObject({
  id: z.string().trim().min(1, 'must not be empty').max(64, 'is too long'),
  name: z.string().trim().min(1, 'must not be empty').max(200, 'is too long'),
  /** Billing country (ISO 3166 alpha-2), or null when Partner Center has none for the customer. */
  country: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, 'must be a two-letter ISO country code such as US')
    .transform((code) => code.toUpperCase())
    .nullable(),
});
export type CurrentCustomer = z.infer<typeof CurrentCustomer>;

/** A profile's current customer, or null when none is chosen. */
export const CurrentCustomerAnswer = z.object({ customer: CurrentCustomer.nullable() });
export type CurrentCustomerAnswer = z.infer<typeof CurrentCustomerAnswer>;
