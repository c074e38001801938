import { NotificationKind, validateNotificationEvent } from './notification-event';

describe('validateNotificationEvent: the optional traceparent', () => {
  const event = {
    key: 'programme-1#3/run-1',
    kind: NotificationKind.SURVEY_ASSIGNED,
    recipientIds: ['hg-skhdt-gd'],
    params: { title: 'CTr 123' },
    occurredAt: '2025-03-01T02:00:00.000Z',
  };

  it('accepts an event without one and with one', () => {
    expect(validateNotificationEvent(event)).toEqual([]);
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    expect(validateNotificationEvent({ ...event, traceparent })).toEqual([]);
  });

  it('refuses one that is not short text', () => {
    expect(validateNotificationEvent({ ...event, traceparent: 42 })).toEqual([
      'traceparent must be text of at most 128 characters',
    ]);
    expect(validateNotificationEvent({ ...event, traceparent: 'x'.repeat(129) })).toHaveLength(1);
  });
});
