import { BadRequestException, ConflictException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';

/** 400 listing every problem found, before anything changed (as request validation answers). */
export function refuseProblems(problems: readonly string[]): void {
  if (problems.length) throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: [...problems] });
}

/** The Postgres error code of a failed statement, if it is one. */
function pgCode(err: unknown): string | undefined {
  return err instanceof QueryFailedError ? (err.driverError as { code?: string }).code : undefined;
}

/**
 * The database's own guards, for writers that raced past the checks: a second holder of a seat on
 * overlapping dates (exclusion) is a 400 like the rule's; a duplicate natural key is a 409.
 */
export async function withConstraintAnswers<T>(write: () => Promise<T>, duplicate: string): Promise<T> {
  try {
    return await write();
  } catch (err) {
    const code = pgCode(err);
    if (code === '23P01')
      throw new BadRequestException('the seat is held by someone else on overlapping dates (written at the same time)');
    if (code === '23505') throw new ConflictException(duplicate);
    throw err;
  }
}

/** Today in Vietnam, as the database tells it (every replica agrees). */
export async function vnToday(em: { query: (sql: string) => Promise<Array<{ today: string }>> }): Promise<string> {
  const [row] = await em.query(`SELECT to_char(now() AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') AS today`);
  return row.today;
}
