/**
 * One Aptic sandbox in a process of its own (`node --import tsx sandbox-child.ts`), so a bench can
 * read its CPU time apart from the client's. Prints {baseUrl, credentials, settings, pid} once
 * listening; SANDBOX_SEED and SANDBOX_SCALE say which dataset.
 */
import { startSandbox } from '../../../sandbox/start-sandbox';

const sandbox = await startSandbox('aptic', { seed: Number(process.env.SANDBOX_SEED ?? 1), scale: Number(process.env.SANDBOX_SCALE ?? 200) });
process.stdout.write(`${JSON.stringify({ baseUrl: sandbox.baseUrl, credentials: sandbox.credentials, settings: sandbox.settings })}\n`);
process.on('SIGTERM', () => void sandbox.close().then(() => process.exit(0)));
