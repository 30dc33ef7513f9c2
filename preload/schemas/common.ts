/** Building blocks shared by the schemas of several steps. */
import { z } from 'zod';

/** Something a person picks by name (a customer, a subscription, a profile): its id and its name. */
export const Named = z.object({ id: z.string(), name: z.string() });
export type Named = z.infer<typeof Named>;
