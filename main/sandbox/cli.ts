/**
 * `npm run sandbox -- [options]`: runs the Partner Center sandbox standalone. Once listening it
 * prints exactly one JSON line (`{"event":"ready",...}`) to stdout so scripts and tests can use it;
 * bad options print a message to stderr and exit with status 2; SIGINT/SIGTERM close it cleanly.
 */
import { HelpRequested, parseCliOptions, USAGE, UsageError } from './cli-options';
import { startSandbox, type RunningSandbox, type SandboxOptions } from './index';

async function main(): Promise<void> {
  let options: SandboxOptions;
  try {
    options = parseCliOptions(process.argv.slice(2));
  } catch (error) {
    if (error instanceof HelpRequested) {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    }
    if (error instanceof UsageError) {
      process.stderr.write(`sandbox: ${error.message}\n${USAGE}\n`);
      process.exit(2);
    }
    throw error;
  }
  let sandbox: RunningSandbox;
  try {
    sandbox = await startSandbox(options);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    process.stderr.write(
      `sandbox: could not start: ${code === 'EADDRINUSE' ? `port ${options.port ?? 0} is in use` : String(error)}\n`,
    );
    process.exit(1);
  }
  const ready = {
    event: 'ready',
    cloud: sandbox.cloud,
    baseUrl: sandbox.baseUrl,
    graphBaseUrl: sandbox.graphBaseUrl,
    blobBaseUrl: sandbox.blobBaseUrl,
    authority: sandbox.authority,
    tenantId: sandbox.tenantId,
    clientId: sandbox.clientId,
    clientSecret: sandbox.clientSecret,
    user: sandbox.user,
  };
  process.stdout.write(`${JSON.stringify(ready)}\n`);

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`sandbox: error while closing: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

await main();
