/**
 * The sandbox's command line: parsed into `SandboxOptions` (kept apart from `cli.ts`, which runs on
 * import, so tests can parse without starting anything).
 */
import { parseArgs } from 'node:util';
import { isPartnerCloud } from '../partner-center/clouds';
import { parseFaultSpec, type SandboxOptions } from './index';

/** The usage text. */
export const USAGE = `Usage: npm run sandbox -- [options]
  --port N            port on 127.0.0.1 (0 = any free port; default 0)
  --seed N            same seed, same data (default 1)
  --latency-ms N      extra delay before every API answer (default 0)
  --rate-limit N      requests per minute per partner tenant on throttled operations (default unlimited)
  --faults SPEC       e.g. 429:0.05,503:0.02,timeout:0.01,drop-after-commit:0.05,malformed:0.01
  --catalog small|full   catalog size (default full)
  --line-items N      line items on the largest invoice (default 5000)
  --customers N       customers, the six demo customers included (default 66); their reservation
                      orders expire over the next three years, some within 30/60/90 days, some expired
  --data-dir DIR      persist state across restarts (default in memory)
  --auto-approve      device-code and browser sign-ins approve themselves
  --registration-delay-ms N   Registering → Registered after N ms (default 5000)
  --order-completion-ms N     orders pending → completed after N ms (default 5000)
  --fault-timeout-ms N        how long a timeout fault holds its answer (default 120000)
  --inventory-routes both|by-resource-type|legacy   inventory-check routes served (default both)
  --export-running-ms N       reconciliation exports stay running this long (default 2000)
  --no-graph-consent          refuse Graph tokens: PartnerBilling.Read.All was never granted
  --cloud global|usgov|china  the cloud to pretend to be: sign-in under that cloud's authority path
                              (e.g. /login.microsoftonline.us/{tenant}); services it lacks (Graph
                              reconciliation, price sheet) answer 404 (default global)`;

/** A bad command line: reported on stderr with exit status 2. */
export class UsageError extends Error {}

/** `--help`: usage on stdout, exit status 0. */
export class HelpRequested extends Error {}

function integer(name: string, raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

/** Parses the command line into sandbox options. */
export function parseCliOptions(argv: ReadonlyArray<string>): SandboxOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        seed: { type: 'string' },
        'latency-ms': { type: 'string' },
        'rate-limit': { type: 'string' },
        faults: { type: 'string' },
        catalog: { type: 'string' },
        'line-items': { type: 'string' },
        customers: { type: 'string' },
        'data-dir': { type: 'string' },
        'auto-approve': { type: 'boolean' },
        'registration-delay-ms': { type: 'string' },
        'order-completion-ms': { type: 'string' },
        'fault-timeout-ms': { type: 'string' },
        'inventory-routes': { type: 'string' },
        'export-running-ms': { type: 'string' },
        'no-graph-consent': { type: 'boolean' },
        cloud: { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) throw new HelpRequested();
  const catalog = values.catalog;
  if (catalog !== undefined && catalog !== 'small' && catalog !== 'full') {
    throw new UsageError(`--catalog must be small or full (got "${catalog}")`);
  }
  if (values.faults !== undefined) {
    try {
      parseFaultSpec(values.faults);
    } catch (error) {
      throw new UsageError(`--faults: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const inventoryRoutes = values['inventory-routes'];
  if (
    inventoryRoutes !== undefined &&
    inventoryRoutes !== 'both' &&
    inventoryRoutes !== 'by-resource-type' &&
    inventoryRoutes !== 'legacy'
  ) {
    throw new UsageError(
      `--inventory-routes must be both, by-resource-type or legacy (got "${inventoryRoutes}")`,
    );
  }
  const cloud = values.cloud;
  if (cloud !== undefined && !isPartnerCloud(cloud)) {
    throw new UsageError(`--cloud must be global, usgov or china (got "${cloud}")`);
  }
  if (values['data-dir'] !== undefined && values['data-dir'].trim() === '') {
    throw new UsageError('--data-dir must name a directory');
  }
  const port = integer('port', values.port, 0, 65_535);
  const seed = integer('seed', values.seed, 0, 4_294_967_295);
  const latencyMs = integer('latency-ms', values['latency-ms'], 0, 600_000);
  const rateLimitPerMinute = integer('rate-limit', values['rate-limit'], 0, 10_000_000);
  const lineItems = integer('line-items', values['line-items'], 0, 10_000_000);
  const customers = integer('customers', values.customers, 6, 100_000);
  const registrationDelayMs = integer(
    'registration-delay-ms',
    values['registration-delay-ms'],
    0,
    86_400_000,
  );
  const orderCompletionMs = integer('order-completion-ms', values['order-completion-ms'], 0, 86_400_000);
  const faultTimeoutMs = integer('fault-timeout-ms', values['fault-timeout-ms'], 0, 86_400_000);
  const exportRunningMs = integer('export-running-ms', values['export-running-ms'], 0, 86_400_000);
  return {
    ...(port !== undefined ? { port } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(latencyMs !== undefined ? { latencyMs } : {}),
    ...(rateLimitPerMinute !== undefined ? { rateLimitPerMinute } : {}),
    ...(values.faults !== undefined ? { faults: values.faults } : {}),
    ...(catalog !== undefined ? { catalog } : {}),
    ...(inventoryRoutes !== undefined ? { inventoryRoutes } : {}),
    ...(lineItems !== undefined ? { lineItems } : {}),
    ...(customers !== undefined ? { customers } : {}),
    ...(values['data-dir'] !== undefined ? { dataDir: values['data-dir'] } : {}),
    ...(values['auto-approve'] ? { autoApprove: true } : {}),
    ...(registrationDelayMs !== undefined ? { registrationDelayMs } : {}),
    ...(orderCompletionMs !== undefined ? { orderCompletionMs } : {}),
    ...(faultTimeoutMs !== undefined ? { faultTimeoutMs } : {}),
    ...(exportRunningMs !== undefined ? { reconciliation: { runningMs: exportRunningMs } } : {}),
    ...(values['no-graph-consent'] ? { graphConsent: false } : {}),
    ...(cloud !== undefined ? { cloud } : {}),
  };
}
