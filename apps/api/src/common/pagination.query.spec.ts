import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { OffsetPageQuery, PageQuery } from './pagination.query';

/** What the API's validation pipe does with a query string: transform, then validate strictly. */
function parse<T extends object>(cls: new () => T, query: Record<string, string>): { value: T; errors: string[] } {
  const value = plainToInstance(cls, query);
  const errors = validateSync(value, { whitelist: true, forbidNonWhitelisted: true }).flatMap((e) =>
    Object.values(e.constraints ?? {}),
  );
  return { value, errors };
}

describe('PageQuery (page and pageSize)', () => {
  it('defaults to the first page of 20', () => {
    expect(parse(PageQuery, {})).toEqual({ value: expect.objectContaining({ page: 1, pageSize: 20 }), errors: [] });
  });

  it('reads whole numbers within bounds', () => {
    expect(parse(PageQuery, { page: '3', pageSize: '100' }).value).toMatchObject({ page: 3, pageSize: 100 });
    expect(parse(PageQuery, { pageSize: '101' }).errors).toEqual(['pageSize must not be greater than 100']);
    expect(parse(PageQuery, { page: '0' }).errors).toEqual(['page must not be less than 1']);
    // Deep pages are capped: at most 100,000 rows skipped (1,000 pages of 100).
    expect(parse(PageQuery, { page: '1000' }).errors).toEqual([]);
    expect(parse(PageQuery, { page: '1001' }).errors).toEqual(['page must not be greater than 1000']);
    expect(parse(PageQuery, { pageSize: '2.5' }).errors).toEqual(['pageSize must be an integer number']);
  });

  it('refuses the offset form', () => {
    expect(parse(PageQuery, { limit: '10' }).errors).toEqual(['property limit should not exist']);
  });
});

describe('OffsetPageQuery (limit and offset)', () => {
  it('defaults to the first 50 items', () => {
    expect(parse(OffsetPageQuery, {})).toEqual({
      value: expect.objectContaining({ limit: 50, offset: 0 }),
      errors: [],
    });
  });

  it('reads whole numbers within bounds', () => {
    expect(parse(OffsetPageQuery, { limit: '200', offset: '400' }).value).toMatchObject({ limit: 200, offset: 400 });
    expect(parse(OffsetPageQuery, { limit: '201' }).errors).toEqual(['limit must not be greater than 200']);
    expect(parse(OffsetPageQuery, { limit: '0' }).errors).toEqual(['limit must not be less than 1']);
    expect(parse(OffsetPageQuery, { offset: '-1' }).errors).toEqual(['offset must not be less than 0']);
    expect(parse(OffsetPageQuery, { offset: '100000' }).errors).toEqual([]);
    expect(parse(OffsetPageQuery, { offset: '100001' }).errors).toEqual(['offset must not be greater than 100000']);
  });

  it('refuses the page form', () => {
    expect(parse(OffsetPageQuery, { page: '2' }).errors).toEqual(['property page should not exist']);
  });
});
