import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores: keep parallelism modest so browser and server tests don't starve each other.
    maxWorkers: 2,
    // The skip reporter says, at the start and end of a run, what was skipped and why, and fails
    // a CI run that skipped anything (test/helpers/requirements.ts lists what suites may need).
    reporters: ['default', './test/helpers/skip-reporter.ts'],
  },
});
