/**
 * Payload limits, one number per idea. The API's request validators and the domain's checks both
 * read these, so what the domain would refuse is refused at the edge already, with the same 400.
 * Lengths count characters; a "MAX_<LIST>" bounds the number of entries of a list.
 */

// Identifiers

/** Ids of people, units and other records named in a payload. */
export const MAX_ID_LENGTH = 100;
/** A programme's id (a slug): also what `supersede` may name as the successor. */
export const MIN_PROGRAMME_ID_LENGTH = 3;
export const MAX_PROGRAMME_ID_LENGTH = 81;
export const PROGRAMME_ID_PATTERN = new RegExp(
  `^[a-z0-9][a-z0-9-]{${MIN_PROGRAMME_ID_LENGTH - 1},${MAX_PROGRAMME_ID_LENGTH - 1}}$`,
);
/** The client's id of a request, the same on retries. */
export const MIN_REQUEST_ID_LENGTH = 8;
export const MAX_REQUEST_ID_LENGTH = 100;
export const REQUEST_ID_PATTERN = new RegExp(`^[A-Za-z0-9._-]{${MIN_REQUEST_ID_LENGTH},${MAX_REQUEST_ID_LENGTH}}$`);

// Texts

/** Bodies: survey findings, drafts, opinions, review reports, inspection findings, task progress and results. */
export const MAX_FREE_TEXT_LENGTH = 20_000;
/** A paragraph: reasons for sending back or returning, notes, evaluations, commendations, lessons, registrations. */
export const MAX_STATEMENT_LENGTH = 5000;
/** A short reason: cancelling, superseding, extending, reassigning; a draft's change note. */
export const MAX_REASON_LENGTH = 2000;
/** A programme's or a breakthrough cycle's title. */
export const MIN_TITLE_LENGTH = 3;
/** Titles and names: programmes, cycles, annual plans, targets. */
export const MAX_TITLE_LENGTH = 500;
/** What a task is (also a breakthrough registration, which becomes a task). */
export const MAX_TASK_TITLE_LENGTH = 1000;
/** Codes and short labels: target and task codes, a target's unit of measure. */
export const MAX_CODE_LENGTH = 50;
/** The number of an issued document, e.g. 05-CTr/TU. */
export const MAX_DOCUMENT_NUMBER_LENGTH = 50;
/** A reference to a document kept elsewhere: a draft's file, a task's evidence. */
export const MAX_REFERENCE_LENGTH = 200;
/** A calendar date as text: 2024-03-31. */
export const DATE_LENGTH = 10;
/** A date-time as text, such as 2026-03-31T17:00:00+07:00. */
export const MIN_DATE_TIME_LENGTH = 10;
export const MAX_DATE_TIME_LENGTH = 40;
/** A target value is a decimal: at most this many digits before and after the point, and a sign. */
export const MAX_DECIMAL_INTEGER_DIGITS = 15;
export const MAX_DECIMAL_FRACTION_DIGITS = 6;
export const MAX_DECIMAL_LENGTH = 1 + MAX_DECIMAL_INTEGER_DIGITS + 1 + MAX_DECIMAL_FRACTION_DIGITS;

// Lists

export const MAX_SURVEYORS = 100;
export const MAX_INVITEES = 2000;
export const MAX_AUDIENCE = 10_000;
export const MAX_TARGETS = 500;
/** Tasks issued with a programme, or added by one annual plan. */
export const MAX_TASKS = 2000;
export const MAX_COORDINATING_UNITS = 100;
export const MAX_STEERING_COMMITTEE_MEMBERS = 200;
/** Solutions and resources listed when a programme is issued. */
export const MAX_ISSUANCE_ITEMS = 500;
export const MAX_ANNUAL_PLAN_ITEMS = 1000;
export const MAX_LESSONS = 200;
export const MAX_EVIDENCE_REFS = 50;

// Spreadsheet imports: the organisation (units, people, positions), a programme's targets and tasks

/** Size of one uploaded file (XLSX or CSV). */
export const MAX_IMPORT_FILE_BYTES = 5 * 1024 * 1024;
/** What an XLSX (a ZIP) may unpack to: a small file that unpacks to gigabytes is refused unread. */
export const MAX_IMPORT_UNPACKED_BYTES = 50 * 1024 * 1024;
/** Data rows of one file, all sheets together (empty lines not counted). */
export const MAX_IMPORT_ROWS = 5000;
/** Columns of one sheet: a row wider than this is not one of ours. */
export const MAX_IMPORT_COLUMNS = 30;

// Numbers

export const MIN_ANNUAL_PLAN_YEAR = 2000;
export const MAX_ANNUAL_PLAN_YEAR = 2100;
/** How far one extension may move a task's due date, counted in working days (about three years). */
export const MAX_EXTENSION_WORKING_DAYS = 750;

/** Tasks one inspection may reopen, and corrective tasks it may open. */
export const MAX_INSPECTION_FOLLOW_UPS = 50;
/** The cascade: obligations named in one request, and the longest deadline in days after signing. */
export const MAX_OBLIGATIONS_PER_REQUEST = 200;
export const MAX_CASCADE_DEADLINE_DAYS = 750;
// Breakthrough cycles cascading down the levels

/** Content groups (nhóm nội dung) of one cycle: the reports name two or three. */
export const MAX_CONTENT_GROUPS = 20;
/** Subordinate committees one cascade opens cycles for at once. */
export const MAX_CASCADE_UNITS = 500;
