import { calendarSpan } from './task-calendar';

describe('calendarSpan', () => {
  it('spans the year before the task starts to three years past its due date, in Vietnam time', () => {
    // 31/12/2026 20:00 UTC is already 2027 in Vietnam.
    expect(calendarSpan(new Date('2026-12-31T20:00:00Z'), '2028-06-30T10:00:00Z')).toEqual({
      fromYear: 2026,
      toYear: 2031,
    });
    // A due date before the start (a task started late) widens the span backwards.
    expect(calendarSpan(new Date('2027-03-01T00:00:00Z'), '2026-12-01T10:00:00Z')).toEqual({
      fromYear: 2025,
      toYear: 2030,
    });
  });

  it('never asks for more years than the table may give at once', () => {
    expect(calendarSpan(new Date('2027-01-01T00:00:00Z'), '2099-01-01T00:00:00Z')).toEqual({
      fromYear: 2026,
      toYear: 2075,
    });
  });
});
