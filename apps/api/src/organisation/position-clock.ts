import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PeopleAdminService } from './people-admin.service';

const HOURLY_MS = 60 * 60 * 1000;
/** One replica at a time recomputes (the others skip that hour's run). */
const LOCK_KEY = 1796700001;

/**
 * Positions dated in the future (or ending) take effect on their day without anyone writing: once at
 * start and then every hour, the people whose positions began or ended lately are recomputed.
 */
@Injectable()
export class PositionClock implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PositionClock.name);
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly people: PeopleAdminService,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), HOURLY_MS);
    this.timer.unref();
    void this.tick();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Answers how many people's records changed (0 when another replica holds the lock). */
  async tick(): Promise<number> {
    try {
      return await this.db.transaction(async (em) => {
        const [{ locked }] = await em.query(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [LOCK_KEY]);
        return locked ? this.people.refreshDueAssignments(em) : 0;
      });
    } catch (err) {
      this.logger.error(`positions falling due were not applied: ${(err as Error).message}`);
      return 0;
    }
  }
}
