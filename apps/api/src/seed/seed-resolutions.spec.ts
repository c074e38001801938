import {
  documentNumberProblem,
  implementsProblem,
  MAX_DOCUMENT_NUMBER_LENGTH,
  normaliseDocumentNumber,
  ResolutionLevel,
  ResolutionStatus,
  signedOnProblem,
} from '@app/domain';
import { DEMO_PEOPLE, DEMO_UNITS } from './demo-data';
import { DEMO_RESOLUTIONS } from './seed-resolutions';

/** The demo registry must obey the rules the API applies to every entry written through it. */
describe('demo resolutions', () => {
  const byId = new Map(DEMO_RESOLUTIONS.map((r) => [r.id, r]));

  it('have numbers as the registry keeps them, real dates and one issuer each', () => {
    for (const r of DEMO_RESOLUTIONS) {
      expect(normaliseDocumentNumber(r.number)).toBe(r.number);
      expect(documentNumberProblem(r.number, MAX_DOCUMENT_NUMBER_LENGTH)).toBeNull();
      expect(signedOnProblem(r.signedOn, '2025-12-31')).toBeNull();
      expect((r.issuingUnitId === null) !== (r.externalBody === null)).toBe(true);
      expect(r.level === ResolutionLevel.CENTRAL).toBe(r.externalBody !== null);
      if (r.issuingUnitId) expect(DEMO_UNITS.some((u) => u.id === r.issuingUnitId)).toBe(true);
      if (r.memberInChargeId) expect(DEMO_PEOPLE.some((p) => p.id === r.memberInChargeId)).toBe(true);
    }
  });

  it('implement only entries listed before them, as the lineage rule allows', () => {
    DEMO_RESOLUTIONS.forEach((r, i) => {
      if (!r.implementsId) return;
      const higher = byId.get(r.implementsId);
      expect(DEMO_RESOLUTIONS.indexOf(higher as never)).toBeLessThan(i);
      const node = (e: typeof r) => ({ ...e, status: ResolutionStatus.IN_FORCE });
      expect(
        implementsProblem(node(r), node(higher as typeof r), (id) => byId.get(id)?.implementsId ?? null),
      ).toBeNull();
    });
  });
});
