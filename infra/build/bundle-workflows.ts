import { writeFile } from 'node:fs/promises';
import { bundleWorkflowCode } from '@temporalio/worker';
import { tracedBundlePath, workflowBundleOptions } from '../../libs/temporal/src/workflow-bundle';

/**
 * Bundles the workflow code once at build time; the worker loads the file instead of running webpack.
 * Two bundles: the plain one, and beside it the one with the tracing interceptors, which the worker
 * loads when OTEL_EXPORTER_OTLP_ENDPOINT is set.
 */
async function main(): Promise<void> {
  const out = process.argv[2];
  if (!out) throw new Error('usage: bundle-workflows <output file>');
  for (const [file, tracing] of [
    [out, false],
    [tracedBundlePath(out), true],
  ] as const) {
    const { code } = await bundleWorkflowCode({ ...workflowBundleOptions({ tracing }), logger: undefined });
    await writeFile(file, code);
    console.log(`workflow bundle written to ${file} (${Math.round(code.length / 1024)} KiB)`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
