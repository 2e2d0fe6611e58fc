// Built-in term lists, opt-in by name wherever term lists are configured (`"terms":
// ["tightlip:markers"]`, `--terms tightlip:markers`). JSON term lists (docs/terms.md), so
// they behave as a user's own: every multi-word term also matches its joined and
// separated spellings (`DO_NOT_DISTRIBUTE`, `Do-Not-Distribute`, `DoNotDistribute`).

/**
 * `tightlip:markers`: classification and handling markers that say a document was not
 * meant to leave the building. For publish sets (packages, sites, release archives) and
 * public repositories, where any of them is a leak or a sign of one. Ids name what a marker
 * means without its words: a term's id may not give the term away (reports print ids).
 */
const MARKERS = {
  version: 1,
  defaults: { severity: 'medium' },
  terms: [
    {
      id: 'marker-classified',
      term: 'confidential',
      aliases: ['strictly confidential', 'company confidential', 'proprietary and confidential'],
    },
    {
      id: 'marker-in-house',
      term: 'internal only',
      aliases: ['internal use only', 'for internal use only', 'internal distribution only'],
    },
    {
      id: 'marker-handling-restriction',
      term: 'do not distribute',
      aliases: [
        'not for distribution',
        'do not share',
        'do not forward',
        'do not publish',
        'not for publication',
        'not for public release',
      ],
    },
    {
      id: 'marker-release-hold',
      term: 'embargoed',
      aliases: ['embargoed until', 'under embargo', 'embargo until', 'press embargo'],
    },
    { id: 'marker-limited-audience', term: 'restricted distribution', aliases: ['need to know'] },
    {
      id: 'marker-legal-privilege',
      term: 'attorney client privileged',
      aliases: ['privileged and confidential', 'legally privileged'],
    },
    { id: 'marker-nondisclosure', term: 'under nda', aliases: ['subject to nda', 'nda only'] },
  ],
};

/** The built-in term lists, by the name that configures them, as the text of a JSON list. */
export const BUILTIN_TERM_LISTS: Readonly<Record<string, string>> = {
  'tightlip:markers': JSON.stringify(MARKERS),
};
