import type { ValidationError } from 'class-validator';
import { existsSync } from 'node:fs';
import { BadRequestException, INestApplication, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { activeTracing } from '@app/observability/tracing';
import { httpTracing } from '@app/observability/http-tracing';
import { ApiConfig } from './api.config';
import { AppModule } from './app.module';
import { rejectInvalidText } from './common/reject-invalid-text';
import { bodyParserRefusals } from './common/body-errors.middleware';
import { RequiredBodyInterceptor } from './common/required-body.interceptor';
import { httpMetrics } from './metrics/http-metrics.middleware';
import { METRICS_REGISTRY } from './metrics/metrics.tokens';
import { methodNotAllowed } from './openapi/method-not-allowed';
import { createOpenApiDocument } from './openapi/openapi-document';
import { securityHeaders } from './security-headers';

/** Builds the HTTP app exactly as production runs it; tests call this too. */
export async function createApiApp(config: ApiConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  // First, so that every answer carries them: pages, API, refusals of the body parser, 404s.
  app.disable('x-powered-by');
  // Before the body parser, so that the request's span is the context of everything after it.
  if (activeTracing()) app.use(httpTracing());
  app.use(httpMetrics(app.get(METRICS_REGISTRY)));
  app.use(securityHeaders(config.NODE_ENV));
  app.useBodyParser('json', { limit: `${config.BODY_LIMIT_KB}kb` });
  app.use(rejectInvalidText);
  app.use(bodyParserRefusals);
  /** An error's messages; a nested object's (a list of objects) named by their path, e.g. `obligations.0.deadlineKind …`. */
  const validationMessages = (e: ValidationError, path = ''): string[] => {
    if (e.constraints) return Object.values(e.constraints).map((m) => (path ? `${path}${m}` : m));
    if (e.children?.length) return e.children.flatMap((c) => validationMessages(c, `${path}${e.property}.`));
    return [`${path}${e.property} is invalid`];
  };
  app.useGlobalInterceptors(new RequiredBodyInterceptor());
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) =>
        new BadRequestException({
          statusCode: 400,
          error: 'Bad Request',
          message: errors.flatMap((e) => validationMessages(e)),
        }),
    }),
  );
  app.enableShutdownHooks();
  // The web console is static files; API routes, /docs and /health are matched when no file is.
  if (existsSync(config.CONSOLE_DIR))
    app.useStaticAssets(config.CONSOLE_DIR, { index: 'index.html', fallthrough: true });
  else app.get(Logger).warn(`no web console at ${config.CONSOLE_DIR} (run npm run build); serving the API only`);
  const doc = createOpenApiDocument(app);
  app.use(methodNotAllowed(doc));
  SwaggerModule.setup('docs', app, doc, { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}

export async function startApi(config: ApiConfig): Promise<INestApplication> {
  const app = await createApiApp(config);
  await app.listen(config.API_PORT, config.API_HOST);
  return app;
}
