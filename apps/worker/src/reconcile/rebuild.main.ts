/**
 * Rebuilds the read model from Temporal, from the command line: `npm run read-model:rebuild --
 * --programme <id>` (the programme and its tasks) or `-- --all` (every programme, task and cycle
 * Temporal holds). Safe while the system runs (the projections' version guards hold); a worker must
 * be running to answer the workflows' queries. Exit code 1 when anything failed.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError } from '@app/config';
import { loadWorkerConfig } from '../worker.config';
import { WorkerModule } from '../worker.module';
import { parseRebuildArgs } from './rebuild-plan';
import { RebuildService } from './rebuild.service';

async function main(): Promise<void> {
  const target = parseRebuildArgs(process.argv.slice(2));
  const config = loadWorkerConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    const rebuild = app.get(RebuildService);
    const say = (line: string) => console.log(line);
    const report = target.scope === 'all' ? await rebuild.all(say) : await rebuild.programme(target.programmeId, say);
    console.log(
      `rebuilt ${report.written} read-model row(s); ${report.notFound.length} workflow(s) not found; ${report.failed.length} failed`,
    );
    if (report.failed.length > 0) process.exitCode = 1;
  } finally {
    await app.close();
  }
}

if (require.main === module)
  main().catch((err) => {
    console.error(err instanceof ConfigError ? err.message : err);
    process.exit(1);
  });
