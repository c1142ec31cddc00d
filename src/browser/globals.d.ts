// Constants that the search plugin's esbuild step defines in the browser bundle.

/** File name of the search file, next to the bundle under assets/search/. */
declare const __SEARCH_INDEX_FILE__: string;
