import { randomUUID } from 'node:crypto';
import { newResolution } from '../utils/authorization-fixtures';
import {
  PROVINCE_LIST,
  Entry,
  PROVINCE_READS,
  PROVINCE_OVERVIEW,
  REGISTRY_CREATE,
  REGISTRY_CHANGE,
} from './matrix-expectations';

/** The resolution registry, and its cascade of obligations with their supervision counts. */
export const REGISTRY_ROUTES: Record<string, Entry> = {
  // The resolution registry: read like programmes, written by the issuing committee's leaders and admins
  'GET /resolutions': [
    {
      what: 'list',
      kind: 'read',
      request: (fx) => ({ method: 'get', path: '/resolutions?pageSize=100&year=2022', marker: fx.resolutionId }),
      expected: PROVINCE_LIST,
    },
  ],
  'POST /resolutions': [
    {
      what: "register one for the province (another province: 400, its unit is not the caller's)",
      kind: 'write',
      request: () => ({ method: 'post', path: '/resolutions', body: newResolution() }),
      expected: REGISTRY_CREATE,
    },
  ],
  'GET /resolutions/:id': [
    {
      what: 'one',
      kind: 'read',
      request: (fx) => ({ method: 'get', path: `/resolutions/${fx.resolutionId}` }),
      expected: PROVINCE_READS,
    },
  ],
  'PATCH /resolutions/:id': [
    {
      what: 'make it implement itself (refused after authorization)',
      kind: 'write',
      request: (fx) => ({
        method: 'patch',
        path: `/resolutions/${fx.resolutionId}`,
        body: { implementsId: fx.resolutionId },
      }),
      expected: REGISTRY_CHANGE,
    },
  ],
  'POST /resolutions/:id/status': [
    {
      what: 'replace it by nothing (refused after authorization)',
      kind: 'write',
      request: (fx) => ({
        method: 'post',
        path: `/resolutions/${fx.resolutionId}/status`,
        body: { status: 'REPLACED' },
      }),
      expected: REGISTRY_CHANGE,
    },
  ],
  'GET /resolutions/:id/lineage': [
    {
      what: 'its lineage',
      kind: 'read',
      request: (fx) => ({ method: 'get', path: `/resolutions/${fx.resolutionId}/lineage` }),
      expected: PROVINCE_READS,
    },
  ],
  // The cascade: read like the entry (each reader sees the obligations of bodies whose programmes they read);
  // obliging and withdrawing by the entry's writers, refused by the domain only after authorization
  'GET /resolutions/:id/obligations': [
    {
      what: "the entry's cascade",
      kind: 'read',
      request: (fx) => ({ method: 'get', path: `/resolutions/${fx.resolutionId}/obligations` }),
      expected: PROVINCE_READS,
    },
  ],
  'POST /resolutions/:id/obligations': [
    {
      what: 'oblige the issuing committee itself (refused after authorization: not a body below it)',
      kind: 'write',
      request: (fx) => ({
        method: 'post',
        path: `/resolutions/${fx.resolutionId}/obligations`,
        body: {
          requestId: randomUUID(),
          obligations: [{ unitId: 'hg-tu', deadlineKind: 'CALENDAR_DAYS', deadlineDays: 30 }],
        },
      }),
      expected: REGISTRY_CHANGE,
    },
  ],
  'POST /resolutions/:id/obligations/:obligationId/withdraw': [
    {
      what: 'withdraw an obligation the entry does not have (404 after authorization)',
      kind: 'write',
      request: (fx) => ({
        method: 'post',
        path: `/resolutions/${fx.resolutionId}/obligations/khong-co/withdraw`,
        body: { requestId: randomUUID(), reason: 'thử' },
      }),
      expected: {
        anonymous: 401,
        admin: 404,
        provincial: [404, 404],
        staff: [403, 403, 404],
        head: [404, 403, 404],
        standing: [404, 403, 404],
        inspector: [403, 403, 404],
        advisory: [404, 403, 404],
      },
    },
  ],
  'GET /supervision/counts': [
    {
      what: 'the province',
      kind: 'read',
      request: () => ({ method: 'get', path: '/supervision/counts?term=2020-2025&committeeId=hg-tu' }),
      expected: PROVINCE_OVERVIEW,
    },
  ],
  'GET /supervision/counts/items': [
    {
      what: 'the province',
      kind: 'read',
      request: () => ({
        method: 'get',
        path: '/supervision/counts/items?term=2020-2025&committeeId=hg-tu&subject=resolutions',
      }),
      expected: PROVINCE_OVERVIEW,
    },
  ],
};
