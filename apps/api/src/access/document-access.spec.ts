import { readsDocument } from './document-access.service';
import type { ProgrammeViewer } from './programme-visibility';

const viewer = (over: Partial<ProgrammeViewer> = {}): ProgrammeViewer => ({
  personId: 'p',
  unitId: 'u',
  leader: false,
  drafter: false,
  supervisor: false,
  head: false,
  invitee: false,
  ...over,
});

describe('readsDocument', () => {
  const by = (kind: string, uploadedBy = 'someone') => ({ kind, uploadedBy });

  it('the issued text and units’ reports: everyone who opens the programme', () => {
    expect(readsDocument(viewer(), by('ISSUED'))).toBe(true);
    expect(readsDocument(viewer(), by('UNIT_REPORT'))).toBe(true);
  });

  it('a draft: leaders, the drafting team, supervisors and invitees', () => {
    expect(readsDocument(viewer(), by('DRAFT'))).toBe(false);
    for (const who of [{ leader: true }, { drafter: true }, { supervisor: true }, { invitee: true }])
      expect(readsDocument(viewer(who), by('DRAFT'))).toBe(true);
  });

  it('an inspection record: leaders, the drafting team and supervisors, not invitees', () => {
    expect(readsDocument(viewer({ invitee: true }), by('INSPECTION_RECORD'))).toBe(false);
    expect(readsDocument(viewer({ head: true }), by('INSPECTION_RECORD'))).toBe(false);
    expect(readsDocument(viewer({ supervisor: true }), by('INSPECTION_RECORD'))).toBe(true);
    expect(readsDocument(viewer({ drafter: true }), by('INSPECTION_RECORD'))).toBe(true);
  });

  it('the uploader always reads their own', () => {
    expect(readsDocument(viewer(), by('INSPECTION_RECORD', 'p'))).toBe(true);
    expect(readsDocument(viewer(), by('DRAFT', 'p'))).toBe(true);
  });
});
