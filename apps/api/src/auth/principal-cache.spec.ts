import { Role } from '@app/domain';
import { PrincipalCache } from './principal-cache';

const principal = (personId: string) => ({
  personId,
  unitId: 'hg-tu',
  roles: [Role.STAFF],
  username: personId,
  fullName: personId,
});

describe('PrincipalCache', () => {
  it('answers within its time to live and forgets after it', () => {
    let now = 1_000;
    const cache = new PrincipalCache(5_000, 10, () => now);
    cache.set('a', principal('a'));
    now += 4_999;
    expect(cache.get('a')?.personId).toBe('a');
    now += 1;
    expect(cache.get('a')).toBeUndefined();
  });

  it('keeps nothing when turned off, and drops the oldest entry when full', () => {
    expect(
      (() => {
        const c = new PrincipalCache(0);
        c.set('a', principal('a'));
        return c.get('a');
      })(),
    ).toBeUndefined();
    const cache = new PrincipalCache(5_000, 2);
    cache.set('a', principal('a'));
    cache.set('b', principal('b'));
    cache.set('c', principal('c'));
    expect([cache.get('a'), cache.get('b')?.personId, cache.get('c')?.personId]).toEqual([undefined, 'b', 'c']);
    cache.forget('b');
    expect(cache.get('b')).toBeUndefined();
  });
});
