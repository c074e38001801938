import { Phase } from '../phase';
import { validateAction } from '../programme-actions';
import { TEMPLATE, act, at, drafter, invitee1, outsider, toConsultation, toDrafting } from '../test-fixtures';
import { closeConsultationAtDeadline } from './consultation';

describe('refusals', () => {
  describe('opinions must be given personally, by invitees', () => {
    it('an opinion filed on behalf of someone else → FORBIDDEN, saying it must be given personally', () => {
      const s = toConsultation();
      const now = at('2024-02-13T02:00:00Z');
      // By another invitee for hg-tv2…
      const r1 = validateAction(
        s,
        invitee1,
        { name: 'submitOpinion', payload: { text: 'Ý kiến thay', onBehalfOf: 'hg-tv2' } },
        now,
      );
      expect(r1?.kind).toBe('FORBIDDEN');
      expect(r1?.reason).toContain('personally');
      // …or by the advisory staff for a key cadre.
      const r2 = validateAction(
        s,
        drafter,
        { name: 'submitOpinion', payload: { text: 'Ý kiến thay', onBehalfOf: 'hg-tv1' } },
        now,
      );
      expect(r2?.kind).toBe('FORBIDDEN');
      expect(r2?.reason).toContain('personally');
    });

    it('an opinion by someone not invited → FORBIDDEN', () => {
      const s = toConsultation();
      const r = validateAction(
        s,
        outsider,
        { name: 'submitOpinion', payload: { text: 'Tôi góp ý' } },
        at('2024-02-13T02:00:00Z'),
      );
      expect(r).toEqual({ kind: 'FORBIDDEN', reason: 'you are not invited to this consultation round' });
    });

    it('a second opinion by the same invitee → WRONG_PHASE; an empty opinion → INVALID', () => {
      const s = toConsultation();
      const now = at('2024-02-13T02:00:00Z');
      expect(validateAction(s, invitee1, { name: 'submitOpinion', payload: { text: '' } }, now)?.kind).toBe('INVALID');
      act(s, invitee1, { name: 'submitOpinion', payload: { text: 'Đồng ý' } }, now);
      expect(validateAction(s, invitee1, { name: 'submitOpinion', payload: { text: 'Lần nữa' } }, now)?.kind).toBe(
        'WRONG_PHASE',
      );
    });

    it('opinions outside CONSULTATION → WRONG_PHASE', () => {
      const s = toDrafting();
      expect(
        validateAction(s, invitee1, { name: 'submitOpinion', payload: { text: 'Sớm quá' } }, at('2024-02-02T00:00:00Z'))
          ?.kind,
      ).toBe('WRONG_PHASE');
    });
  });

  describe('closing consultation with a silent invitee', () => {
    const setupOneAnswered = () => {
      const s = toConsultation(); // deadline 2024-02-22T02:00:00Z
      act(s, invitee1, { name: 'submitOpinion', payload: { text: 'Đồng ý' } }, at('2024-02-14T02:00:00Z'));
      return s;
    };

    it('before the deadline → WRONG_PHASE', () => {
      const s = setupOneAnswered();
      const r = validateAction(s, drafter, { name: 'closeConsultation', payload: {} }, at('2024-02-22T01:59:59Z'));
      expect(r?.kind).toBe('WRONG_PHASE');
      expect(r?.reason).toContain('2024-02-22T02:00:00.000Z');
    });

    it('once now is past the round deadline it closes and lists the silent', () => {
      const s = setupOneAnswered();
      const fx = act(s, drafter, { name: 'closeConsultation', payload: {} }, at('2024-02-22T02:00:01Z'));
      expect(s.phase).toBe(Phase.DRAFTING);
      expect(s.consultations[0].silentIds).toEqual(['hg-tv2']);
      expect(fx[0]).toEqual({
        type: 'audit',
        action: 'consultation.closed',
        actorId: 'hg-cv1',
        before: null,
        after: { round: 1, answered: 1, silent: ['hg-tv2'] },
      });
      // The next round starts afresh with round number 2.
      act(
        s,
        drafter,
        { name: 'openConsultation', payload: { inviteeIds: ['hg-tv2'], deadline: '2024-03-01T02:00:00Z' } },
        at('2024-02-23T02:00:00Z'),
      );
      expect(s.consultations[1]).toMatchObject({ no: 2, deadline: '2024-03-01T02:00:00.000Z' });
      expect(s.phaseDeadline).toBe('2024-03-01T02:00:00.000Z');
    });

    it('only the drafting team closes consultation', () => {
      const s = setupOneAnswered();
      expect(
        validateAction(s, invitee1, { name: 'closeConsultation', payload: {} }, at('2024-02-23T00:00:00Z'))?.kind,
      ).toBe('FORBIDDEN');
    });

    it('the deadline timer closes the round itself, with no actor', () => {
      const s = setupOneAnswered();
      expect(closeConsultationAtDeadline(s, TEMPLATE, at('2024-02-21T00:00:00Z'))).toEqual([]);
      expect(s.phase).toBe(Phase.CONSULTATION);
      const fx = closeConsultationAtDeadline(s, TEMPLATE, at('2024-02-22T02:00:00Z'));
      expect(s.phase).toBe(Phase.DRAFTING);
      expect(s.consultations[0].silentIds).toEqual(['hg-tv2']);
      expect(fx[0]).toMatchObject({ type: 'audit', action: 'consultation.closed', actorId: null });
    });
  });
});
