import { SqlParams } from './sql-params';

describe('SqlParams', () => {
  it('numbers positional placeholders in the order values are added', () => {
    const params = new SqlParams();
    expect([params.add('a'), params.add(['b']), params.add(3)]).toEqual(['$1', '$2', '$3']);
    expect(params.values).toEqual(['a', ['b'], 3]);
    expect(() => params.byName()).toThrow('positional parameters have no names');
  });

  it('names placeholders with a prefix for a query builder', () => {
    const params = new SqlParams('scope');
    expect([params.add('a'), params.add(null)]).toEqual([':scope1', ':scope2']);
    expect(params.byName()).toEqual({ scope1: 'a', scope2: null });
  });
});
