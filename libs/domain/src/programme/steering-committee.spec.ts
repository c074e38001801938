import { steeringCommitteeIds, STEERING_NOTICE_KINDS, withSteeringCommittee } from './steering-committee';

describe('steering committee notices', () => {
  const issued = { issuance: { steeringCommittee: { headId: 'hg-bithu', memberIds: ['hg-pbt', 'ubnd-ct'] } } } as never;
  const none = { issuance: null } as never;

  it('lists its head and members once', () => {
    expect(steeringCommitteeIds(issued)).toEqual(['hg-bithu', 'hg-pbt', 'ubnd-ct']);
    expect(steeringCommitteeIds(none)).toEqual([]);
  });

  it('adds them to review and escalation notices, not to others', () => {
    expect(STEERING_NOTICE_KINDS).toEqual(['REVIEW_OPENED', 'REVIEW_CLOSED', 'DEADLINE_ESCALATION']);
    expect(withSteeringCommittee('DEADLINE_ESCALATION', ['hg-pbt'], issued)).toEqual(['hg-pbt', 'hg-bithu', 'ubnd-ct']);
    expect(withSteeringCommittee('REVIEW_OPENED', ['snn-gd'], issued)).toEqual([
      'snn-gd',
      'hg-bithu',
      'hg-pbt',
      'ubnd-ct',
    ]);
    expect(withSteeringCommittee('DEADLINE_REMINDER', ['snn-gd'], issued)).toEqual(['snn-gd']);
    expect(withSteeringCommittee('REVIEW_CLOSED', ['snn-gd'], none)).toEqual(['snn-gd']);
  });
});
