import type { ChildProcess } from 'node:child_process';
import { stopChild } from '../utils/temporal-dev-server';

export default async function globalTeardown(): Promise<void> {
  const child = (globalThis as Record<string, unknown>).__TEMPORAL_DEV_SERVER__ as ChildProcess | undefined;
  if (child) await stopChild(child);
}
