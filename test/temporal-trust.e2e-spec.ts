/**
 * The api's client and the worker's native connection really reach a Temporal that demands TLS, a
 * client certificate and an API key, configured only through the environment; and a caller without
 * the CA, the certificate or the key is refused. The secured Temporal is a TLS gateway in front of
 * the tests' dev server (see utils/tls-gateway.ts).
 */
import { randomUUID } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { loadConfig, sharedConfigSpec } from '../libs/config/src';
import { buildTemporalConnectionOptions, TemporalConnectionOptions } from '../libs/temporal/src/connection-options';
import { connectTemporal, TemporalModule } from '../libs/temporal/src/temporal.module';
import { eventually, startTestStack, TestStack } from './utils/test-stack';
import { makeTestPki, startTlsGateway, TestPki, TlsGateway } from './utils/tls-gateway';

const namespace = process.env.TEMPORAL_NAMESPACE || 'default';

function connectionOptions(env: Record<string, string>): TemporalConnectionOptions {
  return buildTemporalConnectionOptions(loadConfig(sharedConfigSpec, env)).options;
}

/** How long a refused client keeps trying: a TLS refusal shows only as a connection that never gets ready. */
const REFUSED_AFTER_MS = 2000;

/** Connects the way the api does and asks Temporal something only a connected client can answer. */
async function clientReaches(options: TemporalConnectionOptions, connectTimeoutMs = 10_000): Promise<string> {
  const connection = await connectTemporal({ ...options, connectTimeoutMs });
  try {
    const res = await connection.workflowService.describeNamespace({ namespace });
    return res.namespaceInfo!.name!;
  } finally {
    await connection.close();
  }
}

/**
 * How the native (worker) client reports a TLS refusal of its certificate. TLS 1.3 finishes the
 * client's side of the handshake before the server checks the client certificate, so the refusal
 * arrives as the gateway's alert (`CertificateRequired`), as a transport error, or, on a loaded
 * machine where the gateway closes the connection before the client reads the alert, as "connection
 * closed"; which one is a race, and each is a refusal. A worker that got through would resolve.
 */
const REFUSED_IN_TLS = /CertificateRequired|transport error|connection closed/;

/** Connects the way the worker does. */
async function workerReaches(options: TemporalConnectionOptions): Promise<string> {
  const connection = await NativeConnection.connect(options);
  try {
    const res = await connection.workflowService.describeNamespace({ namespace });
    return res.namespaceInfo!.name!;
  } finally {
    await connection.close();
  }
}

const API_KEY = 'the-right-key';

/** A gateway demanding a client certificate signed by our CA and the API key. */
function startSecuredGateway(): Promise<TlsGateway> {
  return startTlsGateway({
    upstream: process.env.TEMPORAL_ADDRESS!,
    key: pki.read(pki.serverKey),
    cert: pki.read(pki.serverCert),
    clientCa: pki.read(pki.caCert),
    apiKey: API_KEY,
  });
}

/** The variables that reach it: the CA, the client certificate and key, the API key. */
function securedEnv(gateway: TlsGateway): Record<string, string> {
  return {
    TEMPORAL_ADDRESS: gateway.address,
    TEMPORAL_TLS: 'on',
    TEMPORAL_TLS_CA_FILE: pki.caCert,
    TEMPORAL_TLS_CERT_FILE: pki.clientCert,
    TEMPORAL_TLS_KEY_FILE: pki.clientKey,
    TEMPORAL_API_KEY: API_KEY,
  };
}

let pki: TestPki;
beforeAll(() => {
  pki = makeTestPki();
});
afterAll(() => pki.remove());

describe('Temporal behind TLS', () => {
  let gateway: TlsGateway;
  beforeAll(async () => {
    gateway = await startTlsGateway({
      upstream: process.env.TEMPORAL_ADDRESS!,
      key: pki.read(pki.serverKey),
      cert: pki.read(pki.serverCert),
    });
  });
  afterAll(() => gateway.close());

  it('is reached by the client and the worker that trust its CA', async () => {
    const options = connectionOptions({
      TEMPORAL_ADDRESS: gateway.address,
      TEMPORAL_TLS: 'on',
      TEMPORAL_TLS_CA_FILE: pki.caCert,
    });
    expect(await clientReaches(options)).toBe(namespace);
    expect(await workerReaches(options)).toBe(namespace);
  });

  it('is checked against TEMPORAL_TLS_SERVER_NAME when given', async () => {
    const options = (serverName: string) =>
      connectionOptions({
        TEMPORAL_ADDRESS: gateway.address,
        TEMPORAL_TLS: 'on',
        TEMPORAL_TLS_CA_FILE: pki.caCert,
        TEMPORAL_TLS_SERVER_NAME: serverName,
      });
    expect(await clientReaches(options('temporal.test'))).toBe(namespace);
    await expect(clientReaches(options('someone-else.test'), REFUSED_AFTER_MS)).rejects.toThrow(
      /Temporal is not reachable at/,
    );
  });

  it('is refused by a client that does not trust its CA', async () => {
    const options = connectionOptions({ TEMPORAL_ADDRESS: gateway.address, TEMPORAL_TLS: 'on' });
    await expect(clientReaches(options, REFUSED_AFTER_MS)).rejects.toThrow(/Temporal is not reachable at/);
    await expect(workerReaches(options)).rejects.toThrow(/UnknownIssuer/);
  });

  it('does not answer plain gRPC', async () => {
    await expect(clientReaches({ address: gateway.address }, REFUSED_AFTER_MS)).rejects.toThrow(
      /Temporal is not reachable at/,
    );
  });
});

describe('Temporal behind mTLS and an API key', () => {
  let gateway: TlsGateway;
  let secured: Record<string, string>;
  beforeAll(async () => {
    gateway = await startSecuredGateway();
    secured = securedEnv(gateway);
  });
  afterAll(() => gateway.close());

  it('is reached through TemporalModule, as the api and the worker build it from their configuration', async () => {
    const config = loadConfig(sharedConfigSpec, { ...secured, NODE_ENV: 'production' });
    const app: INestApplicationContext = await NestFactory.createApplicationContext(
      TemporalModule.forRoot({
        address: config.TEMPORAL_ADDRESS,
        namespace,
        taskQueue: 'unused',
        connectTimeoutMs: 10_000,
        security: config,
      }),
      { logger: false },
    );
    try {
      const res = await app.get(Client).workflowService.describeNamespace({ namespace });
      expect(res.namespaceInfo!.name).toBe(namespace);
    } finally {
      await app.close();
    }
  });

  it('is reached by the worker with the same options', async () => {
    expect(await workerReaches(connectionOptions(secured))).toBe(namespace);
  });

  it('refuses a caller without a client certificate, or with one from another CA', async () => {
    const { TEMPORAL_TLS_CERT_FILE: _c, TEMPORAL_TLS_KEY_FILE: _k, ...noCertificate } = secured;
    await expect(clientReaches(connectionOptions(noCertificate), REFUSED_AFTER_MS)).rejects.toThrow(
      /Temporal is not reachable at/,
    );
    await expect(workerReaches(connectionOptions(noCertificate))).rejects.toThrow(REFUSED_IN_TLS);
    const stranger = { ...secured, TEMPORAL_TLS_CERT_FILE: pki.strangerCert, TEMPORAL_TLS_KEY_FILE: pki.strangerKey };
    await expect(clientReaches(connectionOptions(stranger), REFUSED_AFTER_MS)).rejects.toThrow(
      /Temporal is not reachable at/,
    );
    await expect(workerReaches(connectionOptions(stranger))).rejects.toThrow(REFUSED_IN_TLS);
  });

  it('refuses a caller with the certificate but without the right API key', async () => {
    const { TEMPORAL_API_KEY: _key, ...noKey } = secured;
    await expect(clientReaches(connectionOptions(noKey))).rejects.toThrow(/missing or wrong API key/);
    await expect(workerReaches(connectionOptions(noKey))).rejects.toThrow(/missing or wrong API key/);
    const wrongKey = { ...secured, TEMPORAL_API_KEY: 'a-guess' };
    await expect(clientReaches(connectionOptions(wrongKey))).rejects.toThrow(/missing or wrong API key/);
    await expect(workerReaches(connectionOptions(wrongKey))).rejects.toThrow(/missing or wrong API key/);
  });
});

describe('the whole system behind mTLS and an API key', () => {
  let gateway: TlsGateway;
  let stack: TestStack | undefined;
  const saved = { ...process.env };

  beforeAll(async () => {
    gateway = await startSecuredGateway();
    // The apps read only their environment: nothing else tells them Temporal is secured.
    Object.assign(process.env, securedEnv(gateway), { TEMPORAL_TLS_SERVER_NAME: 'temporal.test' });
    stack = await startTestStack();
  });

  afterAll(async () => {
    await stack?.close();
    process.env = saved;
    await gateway.close();
  });

  it('runs a programme workflow: the api starts it and the worker runs its activities, both through the gateway', async () => {
    const staff = await stack!.login('chuyenvien.hg');
    const id = `e2e-mtls-${randomUUID().slice(0, 8)}`;
    const created = await stack!
      .http()
      .post('/programmes')
      .set({ Authorization: `Bearer ${staff}` })
      .send({
        id,
        templateId: 'action-programme',
        title: 'Chương trình hành động qua kết nối mTLS',
        issuingUnitId: 'hg-tu',
        memberInChargeId: 'hg-pbt',
        fieldGroup: 'economy',
        term: '2020-2025',
      });
    expect(created.status).toBe(201);
    // The read model row is written by the worker's activity: the worker polled through the gateway.
    const projected = await eventually(async () => {
      const res = await stack!
        .http()
        .get(`/programmes/${id}`)
        .set({ Authorization: `Bearer ${staff}` });
      return res.status === 200 && res.body;
    }, 'the read model row');
    expect(projected.live.phase).toBe('SURVEY');
  });
});
