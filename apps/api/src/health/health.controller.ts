import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Connection } from '@temporalio/client';
import Redis from 'ioredis';
import { temporalIsHealthy, TEMPORAL_OPTIONS, TemporalOptions } from '@app/temporal';
import { Public } from '../auth/public.decorator';
import { HEALTH_REDIS } from './health.tokens';

/** Postgres, Redis and Temporal, each reported separately (503 when any is down). */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(HEALTH_REDIS) private readonly redis: Redis,
    @Inject(Connection) private readonly temporal: Connection,
    @Inject(TEMPORAL_OPTIONS) private readonly temporalOptions: TemporalOptions,
  ) {}

  @Public()
  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'Health of Postgres, Redis and Temporal' })
  check() {
    return this.health.check([
      () => this.db.pingCheck('postgres', { timeout: 2000 }),
      async () => {
        const session = this.indicators.check('redis');
        try {
          await this.redis.ping();
          return session.up({ address: this.redisAddress() });
        } catch (err) {
          return session.down({ address: this.redisAddress(), message: (err as Error).message });
        }
      },
      async () => {
        const session = this.indicators.check('temporal');
        try {
          await temporalIsHealthy(this.temporal, this.temporalOptions.namespace);
          return session.up({ address: this.temporalOptions.address });
        } catch (err) {
          return session.down({ address: this.temporalOptions.address, message: (err as Error).message });
        }
      },
    ]);
  }

  private redisAddress(): string {
    return `${this.redis.options.host}:${this.redis.options.port}`;
  }
}
