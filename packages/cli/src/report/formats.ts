/** The report formats (`--format`); apart from the renderers, so that the command line can name them without loading those. */
export const FORMATS = ['text', 'json', 'sarif', 'junit', 'github', 'gitlab'] as const;
export type Format = (typeof FORMATS)[number];
