import Redis from 'ioredis';

/** Pings Redis once, failing with a message that names the service and its address. */
export async function assertRedisReachable(redisUrl: string, timeoutMs: number): Promise<void> {
  const where = new URL(redisUrl).host;
  const client = new Redis(redisUrl, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
  } catch (err) {
    throw new Error(`Redis is not reachable at ${where}: ${(err as Error).message}`, { cause: err });
  } finally {
    client.disconnect();
  }
}
