import { TASK_BUCKETS, TaskBucket } from '../../../libs/domain/src/task/task-buckets';

/** The API client: bearer token kept in the browser's local storage, JSON in and out, errors as readable text. */
const TOKEN_KEY = 'ap.token';

export interface Principal {
  personId: string;
  unitId: string;
  username: string;
  fullName: string;
  roles: string[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export const session = {
  token: (): string | null => localStorage.getItem(TOKEN_KEY),
  set: (token: string) => localStorage.setItem(TOKEN_KEY, token),
  clear: () => localStorage.removeItem(TOKEN_KEY),
};

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  const token = session.token();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (res.status === 401 && path !== '/auth/login') {
    session.clear();
    location.hash = '#/login';
  }
  if (!res.ok) {
    const problem = await res.json().catch(() => ({}));
    const message = Array.isArray(problem.message) ? problem.message.join('; ') : (problem.message ?? res.statusText);
    throw new ApiError(res.status, message);
  }
  return res.status === 204 ? (undefined as T) : ((await res.json()) as T);
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body: unknown) => request<T>('POST', path, body),
  /** Downloads a file with the bearer token and hands it to the browser as a named download. */
  async download(path: string, fallbackName: string): Promise<void> {
    const res = await fetch(path, { headers: { Authorization: `Bearer ${session.token() ?? ''}` } });
    if (!res.ok) throw new ApiError(res.status, res.statusText);
    const name = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') ?? '')?.[1] ?? fallbackName;
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
};

export const requestId = (): string => crypto.randomUUID();

const SUPERVISOR_ROLES = ['HEAD', 'STANDING_COMMITTEE', 'INSPECTOR', 'ADVISORY_STAFF', 'ADMIN'];
export const isSupervisor = (p: Principal | null): boolean => !!p && p.roles.some((r) => SUPERVISOR_ROLES.includes(r));

export const BUCKETS = TASK_BUCKETS;
export type BucketCounts = Record<TaskBucket, number> & { total: number };
