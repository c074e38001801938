import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Connection } from '@temporalio/client';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import type { ReadinessCheck } from '@app/observability';
import { temporalIsHealthy, TEMPORAL_OPTIONS, TemporalOptions } from '@app/temporal';
import { HEALTH_REDIS } from './health.tokens';

/** One ping per service the API needs; /health, /health/ready, /health/details and the ops listener share them. */
@Injectable()
export class DependencyChecks {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(HEALTH_REDIS) private readonly redis: Redis,
    @Inject(Connection) private readonly temporal: Connection,
    @Inject(TEMPORAL_OPTIONS) private readonly temporalOptions: TemporalOptions,
  ) {}

  readonly checks: Record<'postgres' | 'redis' | 'temporal', ReadinessCheck> = {
    postgres: () => this.dataSource.query('SELECT 1'),
    redis: () => this.redis.ping(),
    temporal: () => temporalIsHealthy(this.temporal, this.temporalOptions.namespace),
  };

  addressOf(name: 'redis' | 'temporal'): string {
    return name === 'redis' ? `${this.redis.options.host}:${this.redis.options.port}` : this.temporalOptions.address;
  }
}
