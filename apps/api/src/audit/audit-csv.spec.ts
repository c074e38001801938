import type { AdminAuditEntity } from '@app/persistence';
import { toCsv } from '../supervision/csv.util';
import { AUDIT_CSV_COLUMNS, spreadsheetSafe } from './audit-csv';

describe('audit CSV', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    for (const formula of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1'])
      expect(spreadsheetSafe(formula)).toBe(`'${formula}`);
    for (const plain of ['bithu.hg', ' =1', "'=1", '', 'a=b']) expect(spreadsheetSafe(plain)).toBe(plain);
    expect(spreadsheetSafe(401)).toBe(401);
    expect(spreadsheetSafe(null)).toBeNull();
  });

  it('writes every column, JSON for the structured ones', () => {
    const row: AdminAuditEntity = {
      id: '12',
      occurredAt: new Date('2026-03-01T01:02:03Z'),
      act: 'auth.login',
      route: 'POST /auth/login',
      status: 401,
      error: 'UnauthorizedException: invalid username or password',
      personId: null,
      username: '=HYPERLINK("http://evil")',
      unitId: null,
      target: null,
      summary: { username: '=HYPERLINK("http://evil")' },
      responseId: null,
      ip: '::1',
      userAgent: '-x',
      requestId: '3',
    };
    const [header, line] = toCsv([row], AUDIT_CSV_COLUMNS).replace('\uFEFF', '').split('\r\n');
    expect(header).toBe(
      'id,occurredAt,act,status,error,personId,username,unitId,route,target,summary,responseId,ip,userAgent,requestId',
    );
    expect(line).toBe(
      `12,2026-03-01T01:02:03.000Z,auth.login,401,UnauthorizedException: invalid username or password,,"'=HYPERLINK(""http://evil"")",,POST /auth/login,,"{""username"":""=HYPERLINK(\\""http://evil\\"")""}",,::1,'-x,3`,
    );
  });
});
