import { addIsoDuration } from '../time/iso-duration';
import { findTemplate, TEMPLATES, validateTemplate } from './programme-template';

describe('programme templates', () => {
  it.each(TEMPLATES.map((t) => [t.id, t]))('%s is valid', (_id, t) => {
    expect(validateTemplate(t)).toEqual([]);
  });

  it.each(TEMPLATES.map((t) => [t.id, t]))('%s closes its last review before the term ends', (_id, t) => {
    const start = new Date('2026-01-05T02:00:00Z');
    const termEnd = addIsoDuration(start, t.term).getTime();
    let lastOpen = start;
    for (let k = 1; addIsoDuration(start, t.reviewEvery, k).getTime() < termEnd; k++)
      lastOpen = addIsoDuration(start, t.reviewEvery, k);
    expect(addIsoDuration(lastOpen, t.reviewWindow).getTime()).toBeLessThan(termEnd);
  });

  it('refuses a template whose durations are not ISO-8601', () => {
    const broken = { ...findTemplate('drill')!, term: '24 seconds' };
    expect(validateTemplate(broken).join(' ')).toMatch(/term/);
  });
});
