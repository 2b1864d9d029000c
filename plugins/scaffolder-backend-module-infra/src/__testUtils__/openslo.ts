import Ajv from 'ajv';
import fs from 'node:fs';
import path from 'node:path';
import { referencePath } from '@plinth/test-support';

/**
 * Builds a validator from the OpenSLO v1 JSON schema in
 * the shared reference data, openslo/schemas/v1 (OpenSLO/OpenSLO's schema POC, see its README).
 * Returns undefined when the reference data is missing outside CI.
 */
export function createOpenSloValidator():
  | ((document: unknown) => string[])
  | undefined {
  const dir = referencePath('openslo', 'schemas', 'v1');
  if (!dir) {
    return undefined;
  }
  const ajv = new Ajv({ allErrors: true, strict: false });
  const partsDir = path.join(dir, 'parts');
  for (const file of fs.readdirSync(partsDir)) {
    ajv.addSchema(
      JSON.parse(fs.readFileSync(path.join(partsDir, file), 'utf8')),
    );
  }
  const validate = ajv.compile(
    JSON.parse(fs.readFileSync(path.join(dir, 'openslo.schema.json'), 'utf8')),
  );
  return document =>
    validate(document)
      ? []
      : (validate.errors ?? []).map(e => `${e.instancePath} ${e.message}`);
}
