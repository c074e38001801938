import type { JsonSchema } from './extract-schemas';
import { fieldPaths } from './form-checks';
import { fieldsOf, initialValues, toPayload, toLocalInput, Values } from './form-model';

const issue: JsonSchema = {
  type: 'object',
  required: ['documentNumber', 'issuedOn', 'targets', 'solutions'],
  properties: {
    documentNumber: { type: 'string', minLength: 1, maxLength: 50 },
    issuedOn: { type: 'string', minLength: 10, maxLength: 10 },
    targets: {
      type: 'array',
      maxItems: 500,
      items: {
        type: 'object',
        required: ['code', 'goal'],
        properties: {
          code: { type: 'string', maxLength: 50 },
          goal: {
            type: 'object',
            required: ['comparator', 'goal'],
            properties: {
              comparator: { type: 'string', enum: ['AT_LEAST', 'AT_MOST'] },
              goal: { type: 'string' },
            },
          },
        },
      },
    },
    solutions: { type: 'array', items: { type: 'string' } },
    steeringCommittee: {
      type: 'object',
      nullable: true,
      required: ['headId'],
      properties: { headId: { type: 'string' }, memberIds: { type: 'array', items: { type: 'string' } } },
    },
    documentId: { type: 'string', format: 'uuid' },
    values: { type: 'object' },
  },
};

describe('schema → form fields', () => {
  it('maps every kind of property to its field, with required and limits from the schema', () => {
    const fields = fieldsOf(issue);
    const by = Object.fromEntries(fields.map((f) => [f.name, f]));
    expect(by.documentNumber).toMatchObject({ kind: 'text', required: true, minLength: 1, maxLength: 50 });
    expect(by.issuedOn).toMatchObject({ kind: 'date', required: true });
    expect(by.targets).toMatchObject({ kind: 'table', required: true, maxItems: 500 });
    expect(by.targets.fields?.map((c) => [c.name, c.kind, c.path])).toEqual([
      ['code', 'text', 'targets.*.code'],
      ['goal', 'object', 'targets.*.goal'],
    ]);
    expect(by.targets.fields?.[1].fields?.[0]).toMatchObject({
      kind: 'select',
      required: true,
      options: [
        { value: 'AT_LEAST', label: 'AT_LEAST' },
        { value: 'AT_MOST', label: 'AT_MOST' },
      ],
    });
    expect(by.solutions).toMatchObject({ kind: 'list', people: false, required: true });
    expect(by.steeringCommittee).toMatchObject({ kind: 'object', required: false });
    expect(by.steeringCommittee.fields?.[1]).toMatchObject({ name: 'memberIds', kind: 'list', people: true });
    expect(by.documentId.kind).toBe('document');
    expect(by.values.kind).toBe('map');
  });

  it('gives long texts a text area, integers and booleans their inputs, instants a date-time', () => {
    const fields = fieldsOf({
      type: 'object',
      properties: {
        reasons: { type: 'string', maxLength: 5000 },
        percent: { type: 'integer', minimum: 0, maximum: 100 },
        restricted: { type: 'boolean' },
        deadline: { type: 'string', minLength: 10, maxLength: 40 },
        dueAt: { type: 'string' },
        when: { type: 'string', format: 'date-time' },
      },
    });
    expect(fields.map((f) => f.kind)).toEqual(['textarea', 'integer', 'boolean', 'datetime', 'datetime', 'datetime']);
    expect(fields[1]).toMatchObject({ minimum: 0, maximum: 100, required: false });
  });

  it('turns offered choices into pickers: people to check, a review to choose, labels kept', () => {
    const fields = fieldsOf(
      {
        type: 'object',
        properties: {
          inviteeIds: { type: 'array', minItems: 1, items: { type: 'string' } },
          reviewSeq: { type: 'integer' },
          toPersonId: { type: 'string' },
        },
      },
      {
        inviteeIds: [{ value: 'hg-stc-gd', label: 'Đặng Ngọc Lan' }, 'hg-skhdt-gd'],
        reviewSeq: [{ seq: 2, labelVi: 'Sơ kết năm 2026' }],
        toPersonId: [{ id: 'hg-cv1', name: 'Phạm Quốc Dũng' }],
      },
    );
    expect(fields[0]).toMatchObject({
      kind: 'list',
      people: true,
      minItems: 1,
      options: [
        { value: 'hg-stc-gd', label: 'Đặng Ngọc Lan' },
        { value: 'hg-skhdt-gd', label: 'hg-skhdt-gd' },
      ],
    });
    expect(fields[1]).toMatchObject({
      kind: 'select',
      numeric: true,
      options: [{ value: '2', label: 'Sơ kết năm 2026' }],
    });
    expect(fields[2]).toMatchObject({
      kind: 'select',
      people: true,
      options: [{ value: 'hg-cv1', label: 'Phạm Quốc Dũng' }],
    });
  });
});

describe('form values ⇄ payload', () => {
  it('starts from the prefill and sends it back in the payload’s shape', () => {
    const fields = fieldsOf(issue);
    const prefill = {
      documentNumber: '77-CTr/TU',
      issuedOn: '2026-03-02',
      targets: [{ code: 'DX', goal: { comparator: 'AT_LEAST', goal: '90' } }],
      solutions: ['Đầu tư hạ tầng'],
      values: { DX: '91' },
    };
    const values = initialValues(fields, prefill);
    expect(values.solutions).toEqual(['Đầu tư hạ tầng']);
    expect(values.values).toEqual([['DX', '91']]);
    expect(toPayload(fields, values)).toEqual(prefill);
  });

  it('leaves out optional fields left empty, blank list lines, and converts numbers and instants', () => {
    const fields = fieldsOf({
      type: 'object',
      required: ['percent', 'lessons', 'deadline'],
      properties: {
        percent: { type: 'integer' },
        lessons: { type: 'array', items: { type: 'string' } },
        deadline: { type: 'string' },
        note: { type: 'string' },
        restricted: { type: 'boolean' },
        steeringCommittee: { type: 'object', properties: { headId: { type: 'string' } } },
      },
    });
    const values: Values = {
      percent: '40',
      lessons: ['Một', '', '  ', 'Hai', ''],
      deadline: '2026-12-01T17:00',
      note: '  ',
      restricted: false,
      steeringCommittee: { headId: '' },
    };
    expect(toPayload(fields, values)).toEqual({
      percent: 40,
      lessons: ['Một', 'Hai'],
      deadline: '2026-12-01T17:00:00+07:00',
      restricted: false,
    });
  });

  it('gives a map with offered keys one labelled row per key, sending only the values given', () => {
    const fields = fieldsOf(
      { type: 'object', required: ['values'], properties: { values: { type: 'object' } } },
      {
        values: [
          { value: 'GRDP', label: 'Tăng trưởng GRDP (%/năm)' },
          { value: 'REV', label: 'Thu ngân sách (%/năm)' },
        ],
      },
    );
    expect(fields[0]).toMatchObject({ kind: 'map', options: [{ value: 'GRDP' }, { value: 'REV' }] });
    const values = initialValues(fields, { values: { REV: '12', OLD: '3' } });
    expect(values.values).toEqual([
      ['GRDP', ''],
      ['REV', '12'],
      ['OLD', '3'],
    ]);
    expect(fieldPaths(fields, values)).toEqual(['values', 'values.GRDP', 'values.REV', 'values.OLD']);
    values.values = [
      ['GRDP', ' 7.2 '],
      ['REV', ''],
      ['OLD', '3'],
    ];
    expect(toPayload(fields, values)).toEqual({ values: { GRDP: '7.2', OLD: '3' } });
  });

  it('shows an instant in Vietnam’s time in a date-time input', () => {
    expect(toLocalInput('2026-12-01T10:00:00.000Z')).toBe('2026-12-01T17:00');
  });
});
