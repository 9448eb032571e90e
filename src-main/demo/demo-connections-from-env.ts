import type { NewConnection } from '../../src-shared/domain/connection';
import { demoConnectionsSchema, demoConnectionsVariable } from '../../src-shared/domain/demo-connections';

/**
 * The demo connections the demo launcher handed over. Demo mode without them is a launch mistake
 * (main no longer starts sandboxes itself), so it stops with a message rather than run half a demo.
 */
export function demoConnectionsFromEnv(env: NodeJS.ProcessEnv): NewConnection[] {
  const raw = env[demoConnectionsVariable];
  if (raw === undefined || raw.trim() === '') {
    throw new Error(`--demo needs the demo connections in ${demoConnectionsVariable}; start demo mode with npm run demo.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new Error(`${demoConnectionsVariable} is not JSON.`);
  }
  const parsed = demoConnectionsSchema.safeParse(json);
  if (!parsed.success) {
    // Issues name paths and rules, never the values, so demo secrets stay out of the message.
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(top)'}: ${issue.message}`);
    throw new Error(`${demoConnectionsVariable} is not a list of demo connections: ${issues.join('; ')}`);
  }
  return parsed.data;
}
