import { calendarYearsBetween, DEFAULT_CALENDAR_YEARS, WorkingCalendar } from '../libs/domain/src/calendar';
import { WorkingCalendarLoaderService } from '../apps/worker/src/tasks/working-calendar-loader.service';
import { startTestStack, TestStack } from './utils/test-stack';

/**
 * The working-day table end to end over HTTP on the real stack: seeded with the shipped years, only
 * admins read and edit it, an invalid year is refused with every problem and nothing written, and
 * what an admin saved is what the task workflow's activity loads. (That a loaded holiday moves a
 * task's reminders is shown on the time-skipping server in task.workflow.int.spec.ts.)
 */
describe('working-day calendar admin (e2e)', () => {
  let stack: TestStack;
  let admin: string;
  let staff: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  // A year no other test uses, so editing it changes nobody's deadlines.
  const YEAR = 2031;
  const valid2031 = {
    holidays: [
      { date: '2031-01-01', name: 'Tết Dương lịch' },
      { date: '2031-06-10', name: 'Ngày nghỉ thêm (thử nghiệm)' },
    ],
    substituteDaysOff: [],
    makeUpWorkingDays: [{ date: '2031-03-08', name: 'Làm bù (thử nghiệm)' }],
  };

  beforeAll(async () => {
    stack = await startTestStack();
    admin = await stack.login('admin');
    staff = await stack.login('chuyenvien.hg');
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
  });

  it('refuses people without the ADMIN role (403) and writes nothing for them', async () => {
    expect((await stack.http().get('/admin/calendar').set(auth(staff))).status).toBe(403);
    expect((await stack.http().get('/admin/calendar/2026').set(auth(staff))).status).toBe(403);
    const put = await stack.http().put(`/admin/calendar/${YEAR}`).set(auth(staff)).send(valid2031);
    expect(put.status).toBe(403);
    expect((await stack.http().get('/admin/calendar')).status).toBe(401);
  });

  it('lists the shipped years 2025–2027 with their days, seeded by the migration', async () => {
    const res = await stack.http().get('/admin/calendar').set(auth(admin));
    expect(res.status).toBe(200);
    for (const shipped of DEFAULT_CALENDAR_YEARS) {
      const row = res.body.items.find((y: { year: number }) => y.year === shipped.year);
      expect(row).toMatchObject({
        year: shipped.year,
        holidays: shipped.holidays,
        substituteDaysOff: shipped.substituteDaysOff,
        makeUpWorkingDays: shipped.makeUpWorkingDays,
      });
    }
    const one = await stack.http().get('/admin/calendar/2026').set(auth(admin));
    expect(one.status).toBe(200);
    expect(one.body.source).toBe('TABLE');
    expect(one.body.holidays).toContainEqual({ date: '2026-09-02', name: expect.any(String) });
    // A year no table holds is computed: Tết Kỷ Dậu on Tuesday 13/2/2029, Giỗ Tổ on Monday 23/4.
    const computed = await stack.http().get('/admin/calendar/2029').set(auth(admin));
    expect(computed.status).toBe(200);
    expect(computed.body).toMatchObject({ year: 2029, source: 'COMPUTED', updatedBy: null, updatedAt: null });
    expect(computed.body.holidays).toContainEqual({ date: '2029-02-13', name: 'Tết Nguyên đán (mùng 1)' });
    expect(computed.body.holidays).toContainEqual({ date: '2029-04-23', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' });
  });

  it('saves a year an admin edits, with who saved it, and the task activity loads it', async () => {
    const before = Date.now();
    const put = await stack.http().put(`/admin/calendar/${YEAR}`).set(auth(admin)).send(valid2031);
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ year: YEAR, ...valid2031, updatedBy: 'admin' });
    expect(Date.parse(put.body.updatedAt)).toBeGreaterThanOrEqual(before - 5_000);
    const got = await stack.http().get(`/admin/calendar/${YEAR}`).set(auth(admin));
    expect(got.body).toEqual(put.body);

    // The activity a task workflow calls when it starts: the edited year, the shipped 2027, and for
    // 2028–2030, which no table holds, the statutory holidays computed from the lunar calendar.
    const loaded = await new WorkingCalendarLoaderService(stack.dataSource).load({ fromYear: 2027, toYear: YEAR });
    expect(loaded.map((y) => y.year)).toEqual([2027, 2028, 2029, 2030, YEAR]);
    expect(loaded[4]).toEqual({ year: YEAR, ...valid2031 });
    expect(loaded[2].holidays).toContainEqual({ date: '2029-02-13', name: 'Tết Nguyên đán (mùng 1)' });
    const cal = new WorkingCalendar(loaded);
    expect(cal.isWorkingDay('2031-06-10')).toBe(false); // the admin's holiday, a Tuesday
    expect(cal.isWorkingDay('2031-03-08')).toBe(true); // the make-up Saturday
    // One working day after Monday 9/6 is now Wednesday 11/6.
    expect(cal.addWorkingDaysToDate('2031-06-09', 1)).toBe('2031-06-11');
    // Without the admin's table, 2031 would count the computed statutory holidays (mùng 1 Tết on 23/1).
    expect(calendarYearsBetween([], YEAR, YEAR)[0].holidays).toContainEqual({
      date: '2031-01-23',
      name: 'Tết Nguyên đán (mùng 1)',
    });
    await expect(
      new WorkingCalendarLoaderService(stack.dataSource).load({ fromYear: YEAR, toYear: 2020 }),
    ).rejects.toThrow(/after toYear/);
  });

  it('refuses an invalid year with every problem listed (400) and changes nothing', async () => {
    const saved = (await stack.http().get(`/admin/calendar/${YEAR}`).set(auth(admin))).body;
    const res = await stack
      .http()
      .put(`/admin/calendar/${YEAR}`)
      .set(auth(admin))
      .send({
        holidays: [
          { date: '2031-02-30', name: 'Ngày không có thật' },
          { date: '2030-12-31', name: 'Sai năm' },
          { date: '2031-06-10', name: ' ' },
        ],
        substituteDaysOff: [{ date: '2031-02-01', name: 'Nghỉ bù vào thứ Bảy' }],
        makeUpWorkingDays: [{ date: '2031-06-10', name: 'Vừa nghỉ vừa làm' }],
      });
    expect(res.status).toBe(400);
    expect(res.body.message).toEqual([
      expect.stringContaining('"2031-02-30" is not a real date'),
      expect.stringContaining('2030-12-31 is not in 2031'),
      expect.stringContaining('name must be non-empty text'),
      expect.stringContaining('2031-02-01 is a Saturday'),
      expect.stringContaining('already a working day'),
      expect.stringContaining('cannot be both a holiday'),
    ]);
    expect((await stack.http().get(`/admin/calendar/${YEAR}`).set(auth(admin))).body).toEqual(saved);

    // Unknown fields, a missing list and a year that is not a number never reach the table either.
    expect(
      (
        await stack
          .http()
          .put(`/admin/calendar/${YEAR}`)
          .set(auth(admin))
          .send({ ...valid2031, year: 1999 })
      ).status,
    ).toBe(400);
    expect(
      (await stack.http().put(`/admin/calendar/${YEAR}`).set(auth(admin)).send({ holidays: [], substituteDaysOff: [] }))
        .status,
    ).toBe(400);
    expect(
      (
        await stack
          .http()
          .put(`/admin/calendar/${YEAR}`)
          .set(auth(admin))
          .send({ ...valid2031, holidays: [{ date: '2031-01-01', name: 'x', extra: 1 }] })
      ).status,
    ).toBe(400);
    expect((await stack.http().put('/admin/calendar/abc').set(auth(admin)).send(valid2031)).status).toBe(400);
    expect((await stack.http().put('/admin/calendar/99999').set(auth(admin)).send(valid2031)).status).toBe(400);
    expect((await stack.http().get(`/admin/calendar/${YEAR}`).set(auth(admin))).body).toEqual(saved);
    // No table and no computation (the lunar calendar is computed for 1900–2199): nothing to show.
    expect((await stack.http().get('/admin/calendar/2300').set(auth(admin))).status).toBe(404);
  });
});
