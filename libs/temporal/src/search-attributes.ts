import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * Custom search attributes that make programmes listable in Temporal itself. Safe to import from
 * workflow code. infra/temporal/search-attributes.txt registers the same names on the dev server.
 */
export const SA_PROGRAMME_ID = defineSearchAttributeKey('ProgrammeId', SearchAttributeType.KEYWORD);
export const SA_PHASE = defineSearchAttributeKey('ProgrammePhase', SearchAttributeType.KEYWORD);
export const SA_MEMBER_IN_CHARGE = defineSearchAttributeKey('MemberInCharge', SearchAttributeType.KEYWORD);
export const SA_FIELD_GROUP = defineSearchAttributeKey('FieldGroup', SearchAttributeType.KEYWORD);
export const SA_ISSUING_UNIT = defineSearchAttributeKey('IssuingUnit', SearchAttributeType.KEYWORD);
export const SA_TERM = defineSearchAttributeKey('Term', SearchAttributeType.KEYWORD);

export const CUSTOM_SEARCH_ATTRIBUTES = [
  SA_PROGRAMME_ID,
  SA_PHASE,
  SA_MEMBER_IN_CHARGE,
  SA_FIELD_GROUP,
  SA_ISSUING_UNIT,
  SA_TERM,
];
