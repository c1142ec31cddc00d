// Compiles the JSON Schema of the entries export with ajv, for the unit and built-site tests.
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { exportJsonSchema } from '../../src/outputs/entriesJson.ts';

/** Returns an ajv validator for `schema` (the generated export schema by default), checking the uri and date formats. */
export function compileExportSchema(schema: Record<string, unknown> = exportJsonSchema()): ValidateFunction {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats.default(ajv);
  return ajv.compile(schema);
}
