/**
 * `npm run sandbox`: starts all four provider sandboxes and prints one JSON line per provider
 * ({provider, baseUrl, credentials, settings}), then runs until SIGINT/SIGTERM.
 * Environment: SANDBOX_SEED, SANDBOX_SCALE, SANDBOX_FAULTS ("429:0.1,500:0.05,slow:0.02"),
 * SANDBOX_PORT_BASE (fixed ports base..base+3 instead of free ones).
 */
import { sandboxOptionsFromEnv } from './options-from-env';
import { startAllSandboxes, type RunningSandbox } from './start-sandbox';

async function main(): Promise<void> {
  const sandboxes: RunningSandbox[] = await startAllSandboxes(sandboxOptionsFromEnv(process.env));
  for (const { provider, baseUrl, credentials, settings } of sandboxes) {
    process.stdout.write(`${JSON.stringify({ provider, baseUrl, credentials, settings })}\n`);
  }
  let closing = false;
  const shutdown = (): void => {
    if (closing) return;
    closing = true;
    Promise.all(sandboxes.map((sandbox) => sandbox.close())).then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`sandbox: closing failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`sandbox: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
