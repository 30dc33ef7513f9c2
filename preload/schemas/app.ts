/** Schemas of the app's own calls: facts about the run. */
import { z } from 'zod';

/** How the renderer is connected to main. */
export const TransportKind = z.enum(['electron-ipc', 'websocket']);
export type TransportKind = z.infer<typeof TransportKind>;

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  transport: TransportKind,
  dataDir: z.string(),
  platform: z.string(),
  arch: z.string(),
  versions: z.object({
    node: z.string(),
    electron: z.string().optional(),
    chrome: z.string().optional(),
  }),
  startedAt: z.iso.datetime(),
});
export type AppInfo = z.infer<typeof AppInfo>;
