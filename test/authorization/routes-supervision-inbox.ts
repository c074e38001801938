import { Entry, OK, NONE, SIGNED_IN, PROVINCE_SUPERVISORS, PROVINCE_OVERVIEW, programme } from './matrix-expectations';

/** Supervision of a province's programmes, and each person's inbox. */
export const SUPERVISION_AND_INBOX_ROUTES: Record<string, Entry> = {
  // Supervision
  'GET /supervision/overview': [
    {
      what: 'the province',
      kind: 'read',
      request: () => ({ method: 'get', path: '/supervision/overview?committeeId=hg-tu' }),
      expected: PROVINCE_OVERVIEW,
    },
  ],
  'GET /supervision/programmes': [
    {
      what: 'the province',
      kind: 'read',
      request: () => ({ method: 'get', path: '/supervision/programmes?committeeId=hg-tu' }),
      expected: PROVINCE_OVERVIEW,
    },
  ],
  'GET /supervision/responsiveness': [
    {
      what: 'the province',
      kind: 'read',
      request: () => ({ method: 'get', path: '/supervision/responsiveness?committeeId=hg-tu&by=unit' }),
      expected: PROVINCE_OVERVIEW,
    },
  ],
  'GET /supervision/units': [
    {
      what: 'units one may ask about',
      kind: 'read',
      request: () => ({ method: 'get', path: '/supervision/units', marker: '"id":"hg-tu"' }),
      expected: {
        ...SIGNED_IN(NONE),
        admin: OK,
        provincial: [OK, NONE],
        head: [OK, NONE, NONE],
        standing: [OK, NONE, NONE],
        inspector: [OK, NONE, NONE],
        advisory: [OK, NONE, NONE],
      },
    },
  ],
  'GET /supervision/lineage': [
    {
      what: 'the programme',
      kind: 'read',
      request: (fx) => ({ method: 'get', path: `/supervision/lineage?programmeId=${programme(fx)}` }),
      expected: PROVINCE_SUPERVISORS,
    },
  ],
  'GET /supervision/programmes/:id/timeline': [
    {
      what: 'the programme',
      kind: 'read',
      request: (fx) => ({ method: 'get', path: `/supervision/programmes/${programme(fx)}/timeline` }),
      expected: PROVINCE_SUPERVISORS,
    },
  ],

  // Inbox: each person's own
  'GET /inbox': [
    {
      what: 'my notifications',
      kind: 'read',
      request: (fx) => ({ method: 'get', path: '/inbox?limit=100', marker: fx.foreignNotificationId }),
      expected: SIGNED_IN(NONE),
    },
  ],
  'GET /inbox/unread-count': [
    {
      what: 'mine',
      kind: 'read',
      request: () => ({ method: 'get', path: '/inbox/unread-count' }),
      expected: SIGNED_IN(OK),
    },
  ],
  'GET /inbox/preferences': [
    {
      what: 'mine',
      kind: 'read',
      request: () => ({ method: 'get', path: '/inbox/preferences' }),
      expected: SIGNED_IN(OK),
    },
  ],
  'PUT /inbox/preferences': [
    {
      what: 'mine, with an unknown language',
      kind: 'write',
      request: () => ({ method: 'put', path: '/inbox/preferences', body: { locale: 'xx', channels: [] } }),
      expected: SIGNED_IN(400),
    },
  ],
  'POST /inbox/:id/read': [
    {
      what: "someone else's notification",
      kind: 'write',
      request: (fx) => ({ method: 'post', path: `/inbox/${fx.foreignNotificationId}/read` }),
      expected: SIGNED_IN(404),
    },
  ],
  'POST /inbox/read-all': [
    {
      what: 'mine',
      kind: 'write',
      request: () => ({ method: 'post', path: '/inbox/read-all' }),
      expected: SIGNED_IN(OK),
    },
  ],
};
