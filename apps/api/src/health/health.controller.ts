import { Controller, Get, Header, Res, ServiceUnavailableException, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorFunction,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import type { Response } from 'express';
import { SystemAdminGuard } from '../auth/admin-role.guard';
import { Public } from '../auth/public.decorator';
import { ApiErrors } from '../openapi/error.response';
import { HealthStatusResponse } from './health.response';
import { DependencyChecks } from './dependency-checks';

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
    private readonly deps: DependencyChecks,
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

  @Public()
  @Get('live')
  @Header('Cache-Control', 'no-cache, no-store, must-revalidate')
  @ApiOperation({ summary: 'Liveness: 200 while the process answers HTTP, whatever its dependencies do' })
  @ApiOkResponse({ type: HealthStatusResponse, description: 'the process answers' })
  live(): HealthStatusResponse {
    return { status: 'up' };
  }

  @Public()
  @Get('ready')
  @Header('Cache-Control', 'no-cache, no-store, must-revalidate')
  @ApiOperation({ summary: 'Readiness: 200 when Postgres, Redis and Temporal answer (send traffic), else 503' })
  @ApiOkResponse({ type: HealthStatusResponse, description: 'ready for traffic' })
  @ApiServiceUnavailableResponse({ type: HealthStatusResponse, description: 'a service does not answer' })
  ready(@Res({ passthrough: true }) res: Response): Promise<HealthStatusResponse> {
    return this.check(res);
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
      ...(['redis', 'temporal'] as const).map((name) => async () => {
        const session = this.indicators.check(name);
        const address = this.deps.addressOf(name);
        try {
          await this.deps.checks[name]();
          return session.up({ address });
        } catch (err) {
          return session.down({ address, message: (err as Error).message });
        }
      }),
    ];
  }
}
