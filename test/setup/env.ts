// Runs in each test worker before the test file: keep app logs quiet unless asked for.
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
jest.setTimeout(120_000);
