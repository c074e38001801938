import { useEffect, useState } from 'react';
import { api, apiUrl, Schemas } from '../api';
import { useActionTexts } from '../forms/action-texts';

type Round = Schemas['ConsultationRoundResponse'];
type Draft = Schemas['DraftVersionResponse'];

interface Person {
  personId: string;
  name?: string;
  at?: string;
}
interface RoundView {
  draftVersion?: number | null;
  deadline?: string;
  quorum?: number | null;
  answered: Person[];
  silent: Person[];
}
interface Hunk {
  op: 'same' | 'added' | 'removed';
  text: string;
}
interface DraftView {
  version: number;
  text: string | null;
  changeNote?: string;
}

/** The round's view from the API, or (before that route answers) what the live state tells. */
function fromState(round: Round): RoundView {
  const answered = Object.entries(round.opinions).map(([personId, o]) => ({ personId, at: o.at }));
  const silent = round.inviteeIds.filter((id) => !(id in round.opinions)).map((personId) => ({ personId }));
  return { deadline: round.deadline, answered, silent };
}

const hunksOf = (body: unknown): Hunk[] =>
  (Array.isArray(body)
    ? body
    : ((body as { hunks?: Hunk[]; lines?: Hunk[] })?.hunks ?? (body as { lines?: Hunk[] })?.lines ?? [])) as Hunk[];

/** The latest consultation round: the draft asked about, its changes, who answered, who is silent, the quorum. */
export function ConsultationSection({
  programmeId,
  rounds,
  drafts,
}: {
  programmeId: string;
  rounds: Round[];
  drafts: Draft[];
}) {
  const texts = useActionTexts();
  const round = rounds[rounds.length - 1];
  const [view, setView] = useState<RoundView | null>(null);
  const [draft, setDraft] = useState<DraftView | null>(null);
  const [diff, setDiff] = useState<Hunk[] | null>(null);

  useEffect(() => {
    if (!round) return;
    const id = programmeId;
    let cancelled = false;
    void (async () => {
      const v = await api
        .untyped<RoundView>('GET', apiUrl('/programmes/{id}/consultations/{no}', { path: { id, no: round.no } }))
        .catch(() => fromState(round));
      const version = v.draftVersion ?? drafts[drafts.length - 1]?.version;
      const d = version
        ? await api
            .untyped<DraftView>('GET', apiUrl('/programmes/{id}/drafts/{v}', { path: { id, v: version } }))
            .catch(() => drafts.find((x) => x.version === version) ?? null)
        : null;
      const h =
        version && version > 1
          ? await api
              .untyped('GET', apiUrl('/programmes/{id}/drafts/{v}/diff', { path: { id, v: version } }))
              .then(hunksOf)
              .catch(() => null)
          : null;
      if (cancelled) return;
      setView(v);
      setDraft(d);
      setDiff(h);
    })();
    return () => {
      cancelled = true;
    };
  }, [programmeId, round, drafts]);

  if (!round || !view) return null;
  const who = (p: Person) => p.name ?? p.personId;
  return (
    <section className="card" aria-labelledby="consultation-title" data-testid="consultation">
      <h3 id="consultation-title">
        {texts.x('consultation')} — {texts.x('round')} {round.no}
      </h3>
      <dl className="facts">
        {draft && (
          <>
            <dt>{texts.x('draftVersion')}</dt>
            <dd data-testid="draft-version">{draft.version}</dd>
          </>
        )}
        <dt>{texts.t('due')}</dt>
        <dd>{texts.date(view.deadline ?? round.deadline)}</dd>
        {view.quorum ? (
          <>
            <dt>{texts.x('quorum')}</dt>
            <dd data-testid="quorum">
              {view.answered.length}/{view.quorum}
            </dd>
          </>
        ) : null}
      </dl>
      {draft?.text && <blockquote className="draft-text">{draft.text}</blockquote>}
      {diff && diff.length > 0 && (
        <>
          <h4>{texts.x('changes')}</h4>
          <ol className="diff" data-testid="diff">
            {diff.map((h, i) =>
              h.op === 'same' ? (
                <li key={i}>{h.text}</li>
              ) : h.op === 'added' ? (
                <li key={i}>
                  <ins>
                    <span className="sign" aria-hidden="true">
                      +
                    </span>
                    <span className="sr-only">{texts.x('added')}: </span>
                    {h.text}
                  </ins>
                </li>
              ) : (
                <li key={i}>
                  <del>
                    <span className="sign" aria-hidden="true">
                      −
                    </span>
                    <span className="sr-only">{texts.x('removed')}: </span>
                    {h.text}
                  </del>
                </li>
              ),
            )}
          </ol>
        </>
      )}
      <div className="grid-2">
        <div>
          <h4>
            {texts.x('answered')} ({view.answered.length})
          </h4>
          <ul data-testid="answered">
            {view.answered.map((p) => (
              <li key={p.personId}>
                {who(p)} {p.at ? `(${texts.date(p.at)})` : ''}
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h4>
            {texts.x('silent')} ({view.silent.length})
          </h4>
          <ul data-testid="silent">
            {view.silent.map((p) => (
              <li key={p.personId}>{who(p)}</li>
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}
