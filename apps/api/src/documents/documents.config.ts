import { int } from '@app/config';

/** The API's own variable of programme documents: how large an upload may be (where they live: `@app/storage`). */
export const documentsConfigSpec = {
  DOCUMENT_MAX_BYTES: int(
    'largest document accepted for upload, in bytes (larger: 413)',
    20 * 1024 * 1024,
    1,
    512 * 1024 * 1024,
  ),
};
