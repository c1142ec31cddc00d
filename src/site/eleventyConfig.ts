// The part of Eleventy 3's configuration API that this project's config and plugins use, typed
// here because Eleventy 3.1 ships its types only as JSDoc in JavaScript files.

export interface EleventyConfig {
  addGlobalData(name: string, value: unknown): void;
  setTemplateFormats(formats: string[]): void;
  /** Adds a template that is not a file: for JavaScript templates, `content` is the module's exports. */
  addTemplate(inputPath: string, content: unknown, data?: Record<string, unknown>): void;
  addPassthroughCopy(paths: string | Record<string, string>): void;
  addWatchTarget(target: string, options?: { resetConfig?: boolean }): void;
  addPlugin<Options>(plugin: (config: EleventyConfig, options?: Options) => void | Promise<void>, options?: Options): void;
  on(event: string, listener: (...args: never[]) => unknown): void;
  /** `sequential` runs the handlers of one event one after another, in the order registered. */
  setEventEmitterMode(mode: 'parallel' | 'sequential'): void;
  /** The output, input and other folders, once Eleventy has resolved them. */
  directories: { input: string; output: string };
}
