import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  plugins: [vue()],
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // The sandboxes' clock (sandbox/data/calendar.ts): pinned, so generated data and every
    // expectation computed from it are the same on any day the tests run.
    env: { SANDBOX_TODAY: '2025-06-30' },
    // Vitest's default on 2 cores is one worker; most slow files wait on sockets, timers and the
    // keyring rather than the CPU, so two run side by side.
    maxWorkers: 2,
  },
});
