import { useEffect, useState } from 'react';
import { api, Schemas } from '../api';
import { useActionTexts } from '../forms/action-texts';

type Round = Schemas['ConsultationRoundResponse'];
type Draft = Schemas['DraftVersionResponse'];
type Hunk = Schemas['DiffHunkResponse'];
/** The draft asked about: from the API, or (when that cannot be read) from the live state. */
type DraftView = Pick<Schemas['DraftResponse'] | Draft, 'version' | 'text'>;
type Person = Schemas['ConsultationSilentResponse'] & { at?: string };
/** What the section shows of a round: the API's round view, or what the live state tells. */
type RoundView = Pick<Schemas['ConsultationRoundViewResponse'], 'draftVersion' | 'deadline' | 'quorum'> & {
  answered: Person[];
  silent: Person[];
};

/** The round's view from the live state, when the API's round view cannot be read. */
function fromState(round: Round): RoundView {
  const answered = Object.entries(round.opinions).map(([personId, o]) => ({ personId, name: null, at: o.at }));
  const silent = round.inviteeIds.filter((id) => !(id in round.opinions)).map((personId) => ({ personId, name: null }));
  return { draftVersion: null, deadline: round.deadline, quorum: null, answered, silent };
}

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
      const v: RoundView = await api
        .get('/programmes/{id}/consultations/{no}', { path: { id, no: round.no } })
        .catch(() => fromState(round));
      const version = v.draftVersion ?? drafts[drafts.length - 1]?.version;
      const d: DraftView | null = version
        ? await api
            .get('/programmes/{id}/drafts/{version}', { path: { id, version } })
            .catch(() => drafts.find((x) => x.version === version) ?? null)
        : null;
      const h =
        version && version > 1
          ? await api
              .get('/programmes/{id}/drafts/{version}/diff', { path: { id, version } })
              .then((diff) => diff.hunks)
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
