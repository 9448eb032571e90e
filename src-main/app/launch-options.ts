export interface LaunchOptions {
  /** Serve the app to a browser instead of opening an Electron window. */
  browser: boolean;
  /** Port for browser mode; null: the usual one if free, else any free one. */
  port: number | null;
  /** Start the provider sandboxes and one demo connection per provider, in a data folder of its own. */
  demo: boolean;
}

/** Reads the command-line flags both launchers understand; an unknown flag is an error, not a guess. */
export function parseLaunchOptions(argv: readonly string[]): LaunchOptions {
  const options: LaunchOptions = { browser: false, port: null, demo: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--browser') options.browser = true;
    else if (arg === '--demo') options.demo = true;
    else if (arg === '--port' || arg?.startsWith('--port=')) {
      const value = arg === '--port' ? argv[++i] : arg.slice('--port='.length);
      const port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new Error(`--port needs a whole number from 0 to 65535, got "${value ?? ''}".`);
      }
      options.port = port;
    } else {
      throw new Error(`Unknown option "${arg}". Use --browser, --demo and --port N.`);
    }
  }
  return options;
}
