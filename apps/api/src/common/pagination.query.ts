import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** One integer query parameter of a paged list: its default and bounds. */
interface PagingParameter<Name extends string> {
  name: Name;
  default: number;
  min: number;
  max?: number;
}

/**
 * The paging parameters of a list endpoint, as a query class to extend with the list's own filters.
 * Each parameter is optional, a whole number within its bounds, and takes its default when absent.
 */
export function pagingQuery<Name extends string>(
  parameters: ReadonlyArray<PagingParameter<Name>>,
): new () => Record<Name, number> {
  class Paging {
    constructor() {
      Object.assign(this, Object.fromEntries(parameters.map((p) => [p.name, p.default])));
    }
  }
  for (const p of parameters) {
    const decorators: PropertyDecorator[] = [
      ApiPropertyOptional({ type: 'integer', default: p.default, minimum: p.min, maximum: p.max }),
      IsOptional(),
      Type(() => Number),
      IsInt(),
      Min(p.min),
      ...(p.max === undefined ? [] : [Max(p.max)]),
    ];
    // Last first, as decorators written above a property are applied: validation messages keep their order.
    for (const decorate of decorators.reverse()) decorate(Paging.prototype, p.name);
  }
  return Paging as unknown as new () => Record<Name, number>;
}

/**
 * Deep pages cost the database a scan of everything skipped: 100,000 rows is the deepest any list
 * reaches (filters narrow a longer list).
 */
const MAX_SKIPPED = 100_000;

/** `page` (from 1) and `pageSize` (default 20, at most 100): task and supervision lists. */
export const PageQuery = pagingQuery([
  { name: 'page', default: 1, min: 1, max: MAX_SKIPPED / 100 },
  { name: 'pageSize', default: 20, min: 1, max: 100 },
]);
export type PageQuery = InstanceType<typeof PageQuery>;

/** `limit` (default 50, at most 200) and `offset` (items skipped): programme, inbox and admin lists. */
export const OffsetPageQuery = pagingQuery([
  { name: 'limit', default: 50, min: 1, max: 200 },
  { name: 'offset', default: 0, min: 0, max: MAX_SKIPPED },
]);
export type OffsetPageQuery = InstanceType<typeof OffsetPageQuery>;

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** "true"/"false" in a query string as a boolean (anything else stays and fails @IsBoolean). */
export const queryBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;
