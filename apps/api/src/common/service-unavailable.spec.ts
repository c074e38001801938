import { QueryFailedError } from 'typeorm';
import { isServiceUnavailable } from './service-unavailable';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });
/** A gRPC status error as @grpc/grpc-js makes them (numeric code, details, metadata). */
const grpc = (code: number) => Object.assign(new Error(`${code} status`), { code, details: 'details', metadata: {} });

describe('isServiceUnavailable', () => {
  it.each([
    ['a refused connection', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['a reset socket', withCode('read ECONNRESET', 'ECONNRESET')],
    ['a connection lost mid-query', new Error('Connection terminated unexpectedly')],
    ['a pool that cannot connect in time', new Error('timeout exceeded when trying to connect')],
    ['Postgres shutting down', withCode('terminating connection due to administrator command', '57P01')],
    ['Postgres starting up', withCode('the database system is starting up', '57P03')],
    ['too many connections', withCode('sorry, too many clients already', '53300')],
    ['a connection exception class', withCode('connection failure', '08006')],
    ['a Redis without its connection', new Error('Connection is closed.')],
    ['a wrapped cause', new Error('outer', { cause: withCode('inner', 'ECONNREFUSED') })],
    ['a Temporal query no worker reached in time', new Error('Failed to query Workflow', { cause: grpc(4) })],
    ['a Temporal rate limit', new Error('outer', { cause: grpc(8) })],
    ['Temporal unreachable', new Error('outer', { cause: grpc(14) })],
    [
      'an update call that timed out',
      Object.assign(new Error('timed out'), { name: 'WorkflowUpdateRPCTimeoutOrCancelledError' }),
    ],
  ])('is true for %s', (_what, error) => {
    expect(isServiceUnavailable(error)).toBe(true);
  });

  it("looks into TypeORM's driverError", () => {
    const error = new QueryFailedError('SELECT 1', [], withCode('terminating connection', '57P01'));
    expect(isServiceUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', withCode('duplicate key value', '23505')],
    ['a syntax error', withCode('syntax error at or near', '42601')],
    ['a Temporal refusal (not found)', new Error('outer', { cause: grpc(5) })],
    ['a numeric code without gRPC details', Object.assign(new Error('x'), { code: 14 })],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a non-error', 'just a string'],
    ['nothing', undefined],
  ])('is false for %s', (_what, error) => {
    expect(isServiceUnavailable(error)).toBe(false);
  });

  it('survives a cause cycle', () => {
    const a = new Error('a') as Error & { cause?: unknown };
    const b = new Error('b', { cause: a });
    a.cause = b;
    expect(isServiceUnavailable(a)).toBe(false);
  });
});
