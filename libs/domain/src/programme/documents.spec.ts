import { Role } from '../org/roles';
import { documentUploadRefusal } from './documents';
import { validateAction } from './programme-actions';
import {
  act,
  at,
  drafter,
  head,
  issuePayload,
  memberInCharge,
  outsider,
  toDrafting,
  toImplementation,
  toIssued,
  ubndReporter,
} from './test-fixtures';

const DOC = '0b8f2a52-4c1e-4d8e-9a51-3f0f4d1c2b7a';
const inspector = { personId: 'hg-ubkt1', unitId: 'hg-ubkt', roles: [Role.INSPECTOR] };

describe('who adds which document', () => {
  it('a draft: the drafting team only', () => {
    const s = toDrafting();
    expect(documentUploadRefusal(s, drafter, 'DRAFT')).toBeNull();
    expect(documentUploadRefusal(s, memberInCharge, 'DRAFT')).toBeNull();
    expect(documentUploadRefusal(s, outsider, 'DRAFT')).toMatch(/drafting team/);
    expect(documentUploadRefusal(s, inspector, 'DRAFT')).toMatch(/drafting team/);
  });

  it('the issued text: drafters and approvers', () => {
    const s = toIssued();
    expect(documentUploadRefusal(s, drafter, 'ISSUED')).toBeNull();
    expect(documentUploadRefusal(s, head, 'ISSUED')).toBeNull();
    expect(documentUploadRefusal(s, { ...outsider, roles: [Role.STANDING_COMMITTEE] }, 'ISSUED')).toBeNull();
    expect(documentUploadRefusal(s, outsider, 'ISSUED')).toMatch(/approvers/);
  });

  it('a unit report: a unit expected in a review not yet closed, not the office that issued it', () => {
    const s = toImplementation();
    expect(documentUploadRefusal(s, ubndReporter, 'UNIT_REPORT')).toBeNull();
    expect(documentUploadRefusal(s, drafter, 'UNIT_REPORT')).toMatch(/not closed/);
    expect(documentUploadRefusal(toDrafting(), ubndReporter, 'UNIT_REPORT')).toMatch(/not closed/);
  });

  it('an inspection record: whoever may inspect', () => {
    const s = toImplementation();
    expect(documentUploadRefusal(s, inspector, 'INSPECTION_RECORD')).toBeNull();
    expect(documentUploadRefusal(s, memberInCharge, 'INSPECTION_RECORD')).toBeNull();
    expect(documentUploadRefusal(s, drafter, 'INSPECTION_RECORD')).toMatch(/inspection/);
  });
});

describe('actions naming a document', () => {
  it('submitDraft keeps the documentId with the draft and its audit; a draft may be the file alone', () => {
    const s = toDrafting();
    const effects = act(
      s,
      drafter,
      { name: 'submitDraft', payload: { changeNote: 'Bản Word', documentId: DOC } },
      at('2024-02-10T02:00:00Z'),
    );
    expect(s.drafts[0]).toMatchObject({ version: 1, text: null, documentId: DOC });
    expect(effects.find((e) => e.type === 'audit')).toMatchObject({ after: { documentId: DOC } });
  });

  it('refuses a documentId that is not a UUID', () => {
    const s = toDrafting();
    const refused = validateAction(
      s,
      drafter,
      { name: 'submitDraft', payload: { text: 'x', changeNote: 'y', documentId: 'abc' } },
      at('2024-02-10T02:00:00Z'),
    );
    expect(refused).toEqual({ kind: 'INVALID', reason: 'documentId must be a UUID' });
  });

  it('a draft without a documentId stays as it was (no documentId key)', () => {
    const s = toDrafting();
    act(s, drafter, { name: 'submitDraft', payload: { text: 'x', changeNote: 'y' } }, at('2024-02-10T02:00:00Z'));
    expect('documentId' in s.drafts[0]).toBe(false);
  });

  it('issue and recordInspection keep theirs', () => {
    const s = toIssued();
    act(s, drafter, { name: 'issue', payload: { ...issuePayload(), documentId: DOC } }, at('2024-03-05T02:00:00Z'));
    expect(s.issuance?.documentId).toBe(DOC);
    const i = toImplementation();
    act(
      i,
      inspector,
      { name: 'recordInspection', payload: { findings: 'Đúng tiến độ', documentId: DOC } },
      at('2024-04-01T02:00:00Z'),
    );
    expect(i.implementation.inspections[0]).toMatchObject({ findings: 'Đúng tiến độ', documentId: DOC });
  });
});
