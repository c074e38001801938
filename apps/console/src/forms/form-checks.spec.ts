import { checkAll, fieldPaths, pathOfMessage, placeMessages } from './form-checks';
import { fieldsOf, Values } from './form-model';

const fields = fieldsOf({
  type: 'object',
  required: ['reasons', 'inviteeIds', 'targets'],
  properties: {
    reasons: { type: 'string', minLength: 1, maxLength: 10 },
    inviteeIds: { type: 'array', minItems: 1, maxItems: 2, items: { type: 'string' } },
    percent: { type: 'integer', minimum: 0, maximum: 100 },
    term: { type: 'string', pattern: '^\\d{4}-\\d{4}$' },
    targets: {
      type: 'array',
      items: {
        type: 'object',
        required: ['code', 'goal'],
        properties: {
          code: { type: 'string', minLength: 1 },
          goal: { type: 'object', required: ['goal'], properties: { goal: { type: 'string' } } },
        },
      },
    },
  },
});

describe('client-side checks from the schema', () => {
  it('names each problem by its field path, table rows numbered', () => {
    const values: Values = {
      reasons: 'quá dài để gửi đi',
      inviteeIds: ['a', 'b', 'c'],
      percent: '120',
      term: '2020',
      targets: [
        { code: 'DX', goal: { goal: '90' } },
        { code: '', goal: { goal: '' } },
      ],
    };
    expect(checkAll(fields, values)).toEqual({
      reasons: [{ rule: 'maxLength', limit: 10 }],
      inviteeIds: [{ rule: 'maxItems', limit: 2 }],
      percent: [{ rule: 'maximum', limit: 100 }],
      term: [{ rule: 'pattern' }],
      'targets.1.code': [{ rule: 'required' }],
      'targets.1.goal.goal': [{ rule: 'required' }],
    });
  });

  it('asks for what is required and nothing of empty optional fields', () => {
    const values: Values = { reasons: ' ', inviteeIds: [''], percent: '', term: '', targets: [] };
    expect(checkAll(fields, values)).toEqual({
      reasons: [{ rule: 'required' }],
      inviteeIds: [{ rule: 'minItems', limit: 1 }],
    });
    expect(checkAll(fields, { ...values, reasons: 'Lý do', inviteeIds: ['hg-stc-gd'] })).toEqual({});
  });

  it('refuses a number that is not one', () => {
    expect(checkAll(fields, { reasons: 'x', inviteeIds: ['a'], percent: '4.5', term: '', targets: [] })).toEqual({
      percent: [{ rule: 'number' }],
    });
  });
});

describe("the API's 400 messages, next to the field they name", () => {
  it('reads the path a message starts with', () => {
    expect(pathOfMessage('payload.reasons must be longer than or equal to 1 characters')).toBe('reasons');
    expect(pathOfMessage('payload.targets.0.goal.goal must be a string')).toBe('targets.0.goal.goal');
    expect(pathOfMessage('payload.targets[1].code: too long')).toBe('targets.1.code');
    expect(pathOfMessage('title must be longer than or equal to 3 characters')).toBe('title');
    expect(pathOfMessage('  ')).toBeNull();
  });

  it('places each message on the deepest field it names, the rest in general', () => {
    const values: Values = {
      reasons: '',
      inviteeIds: [],
      percent: '',
      term: '',
      targets: [{ code: 'DX', goal: { goal: '' } }],
    };
    const paths = fieldPaths(fields, values);
    expect(paths).toEqual([
      'reasons',
      'inviteeIds',
      'percent',
      'term',
      'targets',
      'targets.0.code',
      'targets.0.goal',
      'targets.0.goal.goal',
    ]);
    expect(
      placeMessages(
        [
          'payload.reasons must be longer than or equal to 1 characters',
          'payload.targets.0.goal.goal must be a string',
          'payload.targets.3.code must be a string',
          'payload.inviteeIds.0: unknown person hg-x',
          'payload.surprise is not a field of this action',
          'Only the drafting team sends a draft back',
        ],
        paths,
      ),
    ).toEqual({
      byPath: {
        reasons: ['reasons must be longer than or equal to 1 characters'],
        'targets.0.goal.goal': ['targets.0.goal.goal must be a string'],
        targets: ['targets.3.code must be a string'],
        inviteeIds: ['inviteeIds.0: unknown person hg-x'],
      },
      general: ['payload.surprise is not a field of this action', 'Only the drafting team sends a draft back'],
    });
  });
});
