// Types for the part of js-yaml 4 that plainYamlData.ts uses; the package ships no declarations.
declare module 'js-yaml' {
  export interface TypeOptions {
    kind: 'scalar' | 'sequence' | 'mapping';
    resolve?: (data: unknown) => boolean;
    construct?: (data: unknown) => unknown;
  }

  export class Type {
    constructor(tag: string, options: TypeOptions);
  }

  export class Schema {
    extend(types: { implicit?: Type[]; explicit?: Type[] }): Schema;
  }

  export class YAMLException extends Error {}

  export const FAILSAFE_SCHEMA: Schema;

  export interface LoadOptions {
    schema?: Schema;
    json?: boolean;
    filename?: string;
  }

  export function load(text: string, options?: LoadOptions): unknown;
}
