/**
 * The real API app alone (no worker, no notifier), listening on a free port, for read-side tests
 * whose data is seeded straight into the read model. Postgres and Temporal are the real ones
 * started by global setup.
 */
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { loadApiConfig } from '../../apps/api/src/api.config';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { DEMO_PASSWORD } from '../../apps/api/src/seed/demo-data';
import { seedPeople } from '../../apps/api/src/seed/seed-people';

export interface ApiOnly {
  app: INestApplication;
  dataSource: DataSource;
  baseUrl: string;
  http: () => ReturnType<typeof request>;
  login(username: string): Promise<string>;
  close(): Promise<void>;
}

export async function startApiOnly(): Promise<ApiOnly> {
  const app = await createApiApp(loadApiConfig({ ...process.env, API_PORT: '3000' }));
  await app.listen(0, '127.0.0.1');
  const dataSource = app.get(DataSource);
  await seedPeople(dataSource);
  const server = app.getHttpServer();
  const { port } = server.address() as { port: number };
  const tokens = new Map<string, string>();
  return {
    app,
    dataSource,
    baseUrl: `http://127.0.0.1:${port}`,
    http: () => request(server),
    async login(username: string) {
      const cached = tokens.get(username);
      if (cached) return cached;
      const res = await request(server).post('/auth/login').send({ username, password: DEMO_PASSWORD });
      if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      tokens.set(username, res.body.accessToken);
      return res.body.accessToken as string;
    },
    close: () => app.close(),
  };
}
