import { TASK_BUCKETS } from '../../../libs/domain/src/task/task-buckets';
import type { components, paths } from './generated/api';
import { fetchWithSession, session } from './session';
import { downloadName } from './download-name';

/**
 * The API client: typed from the API's OpenAPI document (src/generated/api.d.ts, written by the
 * build), so a changed path, parameter, body or answer fails the console's type check. The session
 * is in cookies (see session.ts); an expired access token is renewed once and the request repeated;
 * errors come back as readable text.
 */

/** The API's schemas by name, e.g. `Schemas['TaskSummaryResponse']`. */
export type Schemas = components['schemas'];
export type Principal = Schemas['PrincipalResponse'];
export type BucketCounts = Schemas['BucketCountsResponse'];

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
/** Documented paths that have the method. */
type PathsWith<M extends Method> = {
  [P in keyof paths]: paths[P] extends Record<M, { responses: unknown }> ? P : never;
}[keyof paths];
type Operation<P extends keyof paths, M extends Method> = paths[P] extends Record<M, infer O> ? O : never;

type Json<R> = R extends { content: { 'application/json': infer T } } ? T : undefined;
/** The body of the operation's success answer (undefined for 204). */
type Success<O> = O extends { responses: infer R }
  ? 200 extends keyof R
    ? Json<R[200]>
    : 201 extends keyof R
      ? Json<R[201]>
      : undefined
  : never;
type Params<O> = O extends { parameters: infer A } ? A : never;
type Body<O> = O extends { requestBody: { content: { 'application/json': infer B } } } ? B : never;
/** What a call sends besides the path: its parameters (`path`, `query`) and its JSON `body`. */
type Init<O> = Params<O> & ([Body<O>] extends [never] ? { body?: never } : { body: Body<O> });
/** The init argument, required when something in it is. */
type InitArgs<O> = object extends Init<O> ? [init?: Init<O>] : [init: Init<O>];
type Parts = { path?: unknown; query?: unknown; body?: unknown };

/** The multipart body of an upload operation. */
type Multipart<O> = O extends { requestBody: { content: { 'multipart/form-data': infer F } } } ? F : never;
/** Documented paths whose POST takes a multipart body (the uploads). */
type UploadPaths = {
  [P in PathsWith<'post'>]: [Multipart<Operation<P, 'post'>>] extends [never] ? never : P;
}[PathsWith<'post'>];
/** An upload's text parts: everything in its multipart body but the file. */
type Fields<O> = Omit<Multipart<O>, 'file'>;
/** What an upload sends besides the path and the file: its parameters and its text `fields`. */
type UploadInit<O> = Params<O> & (object extends Fields<O> ? { fields?: Fields<O> } : { fields: Fields<O> });
type UploadArgs<O> = object extends UploadInit<O> ? [init?: UploadInit<O>] : [init: UploadInit<O>];

/** The staff-action routes: one documented path per action, `<subject>/actions/<name>`. */
type ActionPath = Extract<PathsWith<'post'>, `${string}/actions/${string}`>;
type SubjectOf<P> = P extends `${infer S}/actions/${string}` ? S : never;
/** The routes of the subjects actions are taken on: `/programmes/{id}`, `/tasks/{id}`, `/breakthrough/cycles/{unitId}/{year}`. */
export type ActionSubject = SubjectOf<ActionPath>;
/** The operations of every action on the subject (a union). */
type ActionOperation<S extends ActionSubject> = {
  [P in ActionPath]: P extends `${S}/actions/${string}` ? Operation<P, 'post'> : never;
}[ActionPath];
/**
 * What an action sends: the subject's path parameters and the body all its actions share, the
 * client's `requestId` and a `payload` whose shape the action's name decides.
 */
type ActionInit<O> = Params<O> & { body: Omit<Body<O>, 'payload'> & { payload: Record<string, unknown> } };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Each problem the API named (a 400 lists every one). */
    readonly problems: string[] = [message],
    /** The whole answer, for refusals that carry more (an import's report). */
    readonly body: unknown = undefined,
  ) {
    super(message);
  }
}

export { session };

/** The routes that open, renew or end a session answer 401 for themselves: no renewal on them. */
const SESSION_ROUTES = new Set(['/auth/login', '/auth/refresh', '/auth/logout']);

/** A documented path with its parameters filled in and its query appended (empty values left out). */
export function apiUrl(template: string, params?: Parts): string {
  const path = (params?.path ?? {}) as Record<string, string | number>;
  const filled = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(path[name])));
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries((params?.query ?? {}) as Record<string, unknown>))
    for (const v of Array.isArray(value) ? value : [value])
      if (v !== undefined && v !== null && v !== '') query.append(name, String(v));
  const search = query.toString();
  return search ? `${filled}?${search}` : filled;
}

/** Sends with the session; on 401 renews it once and sends again; when it cannot be renewed, it is over. */
async function send(method: string, url: string, body?: unknown): Promise<Response> {
  // A form (a file upload) goes as multipart, the browser choosing its boundary; anything else as JSON.
  const form = body instanceof FormData;
  const attempt = () =>
    fetchWithSession(url, {
      method,
      headers: body === undefined || form ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
    });
  const res = await attempt();
  if (res.status !== 401 || SESSION_ROUTES.has(url.split('?')[0])) return res;
  if (await session.renew()) {
    const again = await attempt();
    if (again.status !== 401) return again;
  }
  session.ended();
  return res;
}

async function failure(res: Response): Promise<ApiError> {
  const problem = await res.json().catch(() => ({}));
  const problems: string[] = Array.isArray(problem.message)
    ? problem.message.map(String)
    : [String(problem.message ?? res.statusText)];
  return new ApiError(res.status, problems.join('; '), problems, problem);
}

async function request(method: string, url: string, body?: unknown): Promise<unknown> {
  const res = await send(method, url, body);
  if (!res.ok) throw await failure(res);
  return res.status === 204 ? undefined : await res.json();
}

const call = (method: string, path: string, init?: Parts) => request(method, apiUrl(path, init), init?.body);

export const api = {
  get: <P extends PathsWith<'get'>>(path: P, ...[init]: InitArgs<Operation<P, 'get'>>) =>
    call('GET', path, init) as Promise<Success<Operation<P, 'get'>>>,
  post: <P extends PathsWith<'post'>>(path: P, ...[init]: InitArgs<Operation<P, 'post'>>) =>
    call('POST', path, init) as Promise<Success<Operation<P, 'post'>>>,
  put: <P extends PathsWith<'put'>>(path: P, ...[init]: InitArgs<Operation<P, 'put'>>) =>
    call('PUT', path, init) as Promise<Success<Operation<P, 'put'>>>,
  patch: <P extends PathsWith<'patch'>>(path: P, ...[init]: InitArgs<Operation<P, 'patch'>>) =>
    call('PATCH', path, init) as Promise<Success<Operation<P, 'patch'>>>,
  /**
   * Sends a file as the multipart field `file` (the API's uploads) with the operation's text fields
   * (`fields`, e.g. a document's `kind`), answering the operation's body.
   */
  upload: <P extends UploadPaths>(path: P, file: File, ...[init]: UploadArgs<Operation<P, 'post'>>) => {
    const form = new FormData();
    form.append('file', file);
    const fields = (init as { fields?: Record<string, unknown> } | undefined)?.fields ?? {};
    for (const [name, value] of Object.entries(fields))
      if (value !== undefined && value !== null) form.append(name, String(value));
    return request('POST', apiUrl(path, init as Parts | undefined), form) as Promise<Success<Operation<P, 'post'>>>;
  },
  /**
   * A staff action, POST `<subject>/actions/<name>`: the API documents one path per action, but which
   * action is taken is known only at run time (the names GET …/available-actions lists). Typed by the
   * subject's route: its path parameters, the `{ requestId, payload }` body every action takes (the
   * payload checked by the action's form against the schema the API names) and the union of the
   * subject's answers.
   */
  act: <S extends ActionSubject>(subject: S, name: string, init: ActionInit<ActionOperation<S>>) =>
    call('POST', `${subject}/actions/${encodeURIComponent(name)}`, init) as Promise<Success<ActionOperation<S>>>,
  /** Downloads a file with the session and hands it to the browser as a named download. */
  async download(url: string, fallbackName: string): Promise<void> {
    const res = await send('GET', url);
    if (!res.ok) throw await failure(res);
    const name = downloadName(res.headers.get('Content-Disposition'), fallbackName);
    const objectUrl = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = objectUrl;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(objectUrl), 10_000);
  },
};

export const requestId = (): string => crypto.randomUUID();

const SUPERVISOR_ROLES = ['HEAD', 'STANDING_COMMITTEE', 'INSPECTOR', 'ADVISORY_STAFF', 'ADMIN'];
export const isSupervisor = (p: Principal | null): boolean => !!p && p.roles.some((r) => SUPERVISOR_ROLES.includes(r));

/** Who administers the organisation: a province's administrator, or the system's. */
export const isAdministrator = (p: Principal | null): boolean =>
  !!p && p.roles.some((r) => r === 'ADMIN' || r === 'SYSTEM_ADMIN');

export const BUCKETS = TASK_BUCKETS;
