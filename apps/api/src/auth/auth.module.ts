import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import Redis from 'ioredis';
import { API_CONFIG, ApiConfig } from '../api.config';
import { AdminAccountsController } from './admin-accounts.controller';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { AUTH_REDIS } from './auth.tokens';
import { JwtAuthGuard } from './jwt-auth.guard';
import { LoginThrottle } from './login-throttle';
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
  controllers: [AuthController, AdminAccountsController],
  providers: [
    AuthService,
    PasswordService,
    SessionStore,
    PasswordHasher,
    LoginThrottle,
    SessionCookies,
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
  exports: [AuthService],
})
export class AuthModule implements OnApplicationShutdown {
  constructor(@Inject(AUTH_REDIS) private readonly redis: Redis) {}

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
