import { api, Schemas } from '../api';
import { useActionTexts } from '../forms/action-texts';
import { createProgrammeSchema } from '../forms/action-schemas';
import { SchemaForm } from '../forms/SchemaForm';

/** A new programme, from the schema of POST /programmes; the API decides who may create one. */
export function CreateProgrammePage() {
  const texts = useActionTexts();
  return (
    <div className="page">
      <section className="card" aria-labelledby="form-createProgramme-title">
        <SchemaForm
          formKey="createProgramme"
          title={texts.x('createProgramme')}
          schema={createProgrammeSchema()}
          prefill={{ templateId: 'action-programme' }}
          submit={(payload) => api.post('/programmes', { body: payload as Schemas['CreateProgrammeDto'] })}
          onDone={(created) => {
            location.hash = `#/programme/${encodeURIComponent((created as { id: string }).id)}`;
          }}
          onClose={() => history.back()}
        />
      </section>
    </div>
  );
}
