import type { AppInfo, TransportKind } from '../../preload/contract';

/** Facts about this run that only the entry point knows (Electron or the web build). */
export interface RuntimeFacts {
  readonly name: string;
  readonly version: string;
  readonly dataDir: string;
  readonly electronVersion?: string;
  readonly chromeVersion?: string;
  readonly startedAt: Date;
}

/** `app.info`: what the About view shows. */
export function appInfo(facts: RuntimeFacts, transport: TransportKind): AppInfo {
  return {
    name: facts.name,
    version: facts.version,
    transport,
    dataDir: facts.dataDir,
    platform: process.platform,
    arch: process.arch,
    versions: {
      node: process.versions.node,
      ...(facts.electronVersion ? { electron: facts.electronVersion } : {}),
      ...(facts.chromeVersion ? { chrome: facts.chromeVersion } : {}),
    },
    startedAt: facts.startedAt.toISOString(),
  };
}
