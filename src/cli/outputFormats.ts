/**
 * What `eqd discover` prints: the front as a table or JSON, or the best formula as the code "Insert into
 * Editor" writes into a file of that language (the names are VS Code languageIds).
 */
export const SNIPPET_FORMATS = ['python', 'javascript', 'c', 'julia', 'rust', 'matlab', 'r', 'latex', 'markdown'] as const;
export type SnippetFormat = (typeof SNIPPET_FORMATS)[number];

export const OUTPUT_FORMATS = ['table', 'json', ...SNIPPET_FORMATS] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export function isOutputFormat(s: string | undefined): s is OutputFormat {
  return (OUTPUT_FORMATS as readonly (string | undefined)[]).includes(s);
}

export function isSnippetFormat(f: OutputFormat): f is SnippetFormat {
  return (SNIPPET_FORMATS as readonly string[]).includes(f);
}
