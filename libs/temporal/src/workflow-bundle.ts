import * as path from 'node:path';
import type { BundleOptions } from '@temporalio/worker';

const ROOT = path.resolve(__dirname, '../../..');
// Compiled copies live under dist/, sources at the top; bundle from the sources either way.
const SOURCE_ROOT = path.basename(ROOT) === 'dist' ? path.dirname(ROOT) : ROOT;

/** The workflow interceptors of a traced worker: spans exported through the worker's `exporter` sink. */
export function tracingInterceptorModules(): string[] {
  return [path.join(SOURCE_ROOT, 'workflows/src/tracing/workflow-tracing.interceptors.ts')];
}

/** The traced bundle sits beside the plain one: `workflow-bundle.js` → `workflow-bundle.traced.js`. */
export function tracedBundlePath(bundlePath: string): string {
  return bundlePath.replace(/(\.js)?$/, '.traced.js');
}

/**
 * The one place that says how workflow code is bundled: tests and the production build use it, so
 * what is tested is what runs. Path aliases are the only libs workflow code may use. `tracing` adds
 * the tracing workflow interceptors; without it the bundle has no tracing code at all.
 */
export function workflowBundleOptions({ tracing = false }: { tracing?: boolean } = {}): BundleOptions {
  const alias: Record<string, string> = {
    '@app/domain': path.join(SOURCE_ROOT, 'libs/domain/src'),
    '@app/temporal': path.join(SOURCE_ROOT, 'libs/temporal/src'),
    '@app/workflows': path.join(SOURCE_ROOT, 'workflows/src'),
  };
  return {
    workflowsPath: path.join(SOURCE_ROOT, 'workflows/src/index.ts'),
    ...(tracing ? { workflowInterceptorModules: tracingInterceptorModules() } : {}),
    webpackConfigHook: (config) => {
      config.resolve = config.resolve ?? {};
      config.resolve.alias = { ...(config.resolve.alias as Record<string, string | false>), ...alias };
      return config;
    },
  };
}
