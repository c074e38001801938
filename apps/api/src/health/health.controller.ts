import { Controller, Get, Header, Inject, Res, ServiceUnavailableException, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorFunction,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { Connection } from '@temporalio/client';
import type { Response } from 'express';
import Redis from 'ioredis';
import { temporalIsHealthy, TEMPORAL_OPTIONS, TemporalOptions } from '@app/temporal';
import { SystemAdminGuard } from '../auth/admin-role.guard';
import { Public } from '../auth/public.decorator';
import { ApiErrors } from '../openapi/error.response';
import { HealthStatusResponse } from './health.response';
import { HEALTH_REDIS } from './health.tokens';

/**
 * Postgres, Redis and Temporal. Anyone (load balancers, compose, start scripts) learns only up or
 * down; which service failed, where it is and its error text are for admins, since addresses and
 * errors map the inside of the deployment for an attacker.
 */
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
  @Header('Cache-Control', 'no-cache, no-store, must-revalidate')
  @ApiOperation({ summary: 'Up (200) when Postgres, Redis and Temporal all answer, else down (503); nothing more' })
  @ApiOkResponse({ type: HealthStatusResponse, description: 'every service answers' })
  @ApiServiceUnavailableResponse({ type: HealthStatusResponse, description: 'a service does not answer' })
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthStatusResponse> {
    try {
      await this.health.check(this.checks());
      return { status: 'up' };
    } catch (err) {
      if (!(err instanceof ServiceUnavailableException)) throw err;
      res.status(503);
      return { status: 'down' };
    }
  }

  @Get('details')
  @UseGuards(SystemAdminGuard)
  @ApiBearerAuth()
  @HealthCheck()
  @ApiOperation({ summary: 'Health of Postgres, Redis and Temporal, each with its address and error (admins)' })
  @ApiErrors({ 403: 'this needs the SYSTEM_ADMIN role' })
  details() {
    return this.health.check(this.checks());
  }

  private checks(): HealthIndicatorFunction[] {
    return [
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
    ];
  }

  private redisAddress(): string {
    return `${this.redis.options.host}:${this.redis.options.port}`;
  }
}
