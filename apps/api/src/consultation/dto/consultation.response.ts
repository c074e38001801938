import {
  ApiBoolean,
  ApiDateTime,
  ApiEnum,
  ApiInt,
  ApiNestedList,
  ApiNullableDateTime,
  ApiNullableInt,
  ApiNullableString,
  ApiString,
} from '../../openapi/schema-props';

const DIFF_OPS = ['same', 'added', 'removed'] as const;
type DiffOp = (typeof DIFF_OPS)[number];

/** One version of a programme's draft. */
export class DraftResponse {
  @ApiString() programmeId: string;
  @ApiInt({ description: 'the version number (1, 2, ...)' }) version: number;
  @ApiNullableString({ description: 'the text; null when given as a document only, or withheld from the caller' })
  text: string | null;
  @ApiNullableString({ description: 'reference to the document kept elsewhere; null when none, or withheld' })
  documentRef: string | null;
  @ApiNullableString({ description: "the programme's uploaded document holding this version, when one is named" })
  documentId: string | null;
  @ApiString() changeNote: string;
  @ApiString({ description: 'person id of the author' }) by: string;
  @ApiNullableString({ description: "the author's full name" }) byName: string | null;
  @ApiDateTime() at: string;
  @ApiBoolean({
    description:
      "true when the caller does not read drafts (only the programme's leaders, drafting team, supervisors and invitees do)",
  })
  withheld: boolean;
}

export class DiffPartResponse {
  @ApiEnum(DIFF_OPS) op: DiffOp;
  @ApiString() text: string;
}

export class DiffHunkResponse extends DiffPartResponse {
  @ApiNestedList(() => DiffPartResponse, {
    optional: true,
    description:
      'on an added run of lines replacing the removed run just before it: the same change word by word, when it is small',
  })
  words?: DiffPartResponse[];
}

/** What changed between two versions of a draft, line by line. */
export class DraftDiffResponse {
  @ApiString() programmeId: string;
  @ApiInt({ description: 'the version shown' }) version: number;
  @ApiNullableInt({ description: 'the version compared against; null for the first version (compared with nothing)' })
  against: number | null;
  @ApiNestedList(() => DiffHunkResponse, { description: 'runs of lines, same / added / removed, in order' })
  hunks: DiffHunkResponse[];
  @ApiInt({ description: 'lines added' }) added: number;
  @ApiInt({ description: 'lines removed' }) removed: number;
  @ApiBoolean({ description: 'false when a very large change is shown as removed then added whole' }) exact: boolean;
}

export class ConsultationAnswerResponse {
  @ApiString() personId: string;
  @ApiNullableString({ description: 'full name' }) name: string | null;
  @ApiDateTime({ description: 'when the opinion was given' }) at: string;
  @ApiNullableString({
    description: "the opinion; only for the programme's leaders, its drafting team and the opinion's author",
  })
  text: string | null;
}

export class ConsultationSilentResponse {
  @ApiString() personId: string;
  @ApiNullableString({ description: 'full name' }) name: string | null;
}

/** One consultation round: the draft it asks about, who answered and who is silent. */
export class ConsultationRoundViewResponse {
  @ApiString() programmeId: string;
  @ApiInt() no: number;
  @ApiNullableInt({ description: 'the draft version the round asks about' }) draftVersion: number | null;
  @ApiDateTime() openedAt: string;
  @ApiDateTime() deadline: string;
  @ApiNullableDateTime() closedAt: string | null;
  @ApiNullableInt({ description: 'answers after which the drafting team may close the round early; null: everyone' })
  quorum: number | null;
  @ApiBoolean({ description: 'the quorum (or, without one, every invitee) has answered' }) quorumReached: boolean;
  @ApiInt() invited: number;
  @ApiNestedList(() => ConsultationAnswerResponse, { description: 'in the order they answered' })
  answered: ConsultationAnswerResponse[];
  @ApiNestedList(() => ConsultationSilentResponse, {
    description: 'invitees who have not answered (once closed: who never did), in the order invited',
  })
  silent: ConsultationSilentResponse[];
  @ApiBoolean({ description: 'true when opinions of others are withheld from the caller' }) opinionsWithheld: boolean;
}
