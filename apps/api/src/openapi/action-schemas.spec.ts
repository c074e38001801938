import { extractActionSchemas, propertyNames } from '../../../console/src/forms/extract-schemas';
import { FORM_TEXT, hasLabel } from '../../../console/src/forms/form-labels';
import { buildOpenApiDocumentOffline } from './write-openapi';

/**
 * The console's forms come from the action payload schemas of the API's OpenAPI document (the
 * build writes them to apps/console/src/generated/action-schemas.json the same way): every action
 * has its schema, and every field, action and enumerated value has a Vietnamese and an English label.
 */
describe('action schemas for the console', () => {
  let schemas: ReturnType<typeof extractActionSchemas>;
  beforeAll(async () => {
    schemas = extractActionSchemas((await buildOpenApiDocumentOffline()) as never);
  }, 60_000);

  it('has a resolved payload schema for every staff action and the creation form', () => {
    expect(Object.keys(schemas.actions.programme)).toEqual(
      expect.arrayContaining(['sendBack', 'issue', 'submitDraft']),
    );
    expect(schemas.actions.programme.sendBack).toBe('SendBackPayload');
    expect(Object.keys(schemas.actions.task)).toEqual(expect.arrayContaining(['accept', 'reportProgress']));
    expect(Object.keys(schemas.actions.cycle)).toEqual(expect.arrayContaining(['register', 'appraise']));
    for (const table of Object.values(schemas.actions))
      for (const name of Object.values(table)) expect(schemas.schemas[name]).toBeDefined();
    expect(schemas.schemas[schemas.createProgramme].required).toEqual(expect.arrayContaining(['title', 'term']));
    expect(JSON.stringify(schemas.schemas)).not.toContain('$ref');
    expect(
      schemas.schemas.IssuePayload.properties?.targets.items?.properties?.goal.properties?.comparator.enum,
    ).toContain('AT_LEAST');
  });

  it('labels every field in Vietnamese and English', () => {
    const missing = propertyNames(schemas.schemas).filter((name) => !hasLabel(`field.${name}`));
    expect(missing).toEqual([]);
  });

  it('labels every action and every enumerated value', () => {
    const actions = [...new Set(Object.values(schemas.actions).flatMap((t) => Object.keys(t)))];
    expect(actions.filter((a) => !hasLabel(`action.${a}`))).toEqual([]);
    const values = new Set<string>();
    const walk = (s: (typeof schemas.schemas)[string]) => {
      s.enum?.forEach((v) => v !== null && v !== '' && values.add(String(v)));
      Object.values(s.properties ?? {}).forEach(walk);
      if (s.items) walk(s.items);
    };
    Object.values(schemas.schemas).forEach(walk);
    expect([...values].filter((v) => !hasLabel(`option.${v}`))).toEqual([]);
    // Vietnamese labels are not the English ones copied.
    expect(FORM_TEXT.vi['field.reasons']).not.toBe(FORM_TEXT.en['field.reasons']);
  });
});
