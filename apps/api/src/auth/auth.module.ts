import { Inject, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { APP_GUARD, HttpAdapterHost } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import Redis from 'ioredis';
import { API_CONFIG, ApiConfig } from '../api.config';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { AUTH_REDIS } from './auth.tokens';
import { JwtAuthGuard } from './jwt-auth.guard';
import { LoginThrottle } from './login-throttle';
import { OIDC_CONTROLLERS, OIDC_PROVIDERS } from './oidc';
import { PasswordHasher } from './password-hasher';
import { PasswordService } from './password.service';
import { SessionCookies } from './session-cookies';
import { SessionStore } from './session.store';

@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [API_CONFIG],
      useFactory: (c: ApiConfig) => ({
        secret: c.JWT_SECRET,
        signOptions: { expiresIn: c.JWT_TTL_SECONDS, algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController, ...OIDC_CONTROLLERS],
  providers: [
    AuthService,
    PasswordService,
    SessionStore,
    PasswordHasher,
    LoginThrottle,
    SessionCookies,
    ...OIDC_PROVIDERS,
    {
      provide: AUTH_REDIS,
      inject: [API_CONFIG],
      // Short timeouts: while Redis is away logins fail fast with 503 rather than hang.
      useFactory: (c: ApiConfig) => {
        const r = new Redis(c.REDIS_URL, { connectTimeout: 2000, maxRetriesPerRequest: 1 });
        r.on('error', () => undefined);
        return r;
      },
    },
    { provide: APP_GUARD, useClass: JwtAuthGuard },
  ],
  exports: [AuthService, PasswordService, PasswordHasher, SessionStore, LoginThrottle],
})
export class AuthModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(AUTH_REDIS) private readonly redis: Redis,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly http: HttpAdapterHost,
  ) {}

  /**
   * Behind a load balancer every request comes from the balancer: throttling by address would then
   * lock everyone out together, and Secure cookies would not know the request was https. TRUST_PROXY
   * names the proxies whose X-Forwarded-* headers are believed.
   */
  onModuleInit(): void {
    const trust = trustProxySetting(this.config.TRUST_PROXY);
    if (trust !== undefined) this.http.httpAdapter?.getInstance().set('trust proxy', trust);
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}

/** TRUST_PROXY as Express takes it: a hop count, true/false, or a list of addresses and subnets. */
export function trustProxySetting(raw: string): number | boolean | string | undefined {
  if (raw === '') return undefined;
  if (/^\d+$/.test(raw)) return Number(raw);
  if (raw === 'true' || raw === 'false') return raw === 'true';
  return raw;
}
