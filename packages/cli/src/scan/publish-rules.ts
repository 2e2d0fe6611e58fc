import { defineRule, type MatchContext } from '@tightlip/core';

// What `publish-check` reports besides secrets and terms: things that do not belong in a
// publish set whatever they hold. Rules like any other (ids in reports, SARIF, baselines).

/** Whether the match lies in a front-matter block at the top of the text (`---` YAML or `+++` TOML). */
function inFrontMatter(_secret: string, { text, start }: MatchContext): boolean {
  const open = /^\uFEFF?(---|\+\+\+)[ \t]*\r?\n/.exec(text);
  if (!open) return false;
  const close = new RegExp(
    `\\n${open[1] === '---' ? '---' : '\\+\\+\\+'}[ \\t]*(?:\\r?\\n|$)`,
  ).exec(text.slice(open[0].length - 1));
  return start >= open[0].length && (close === null || start < open[0].length - 1 + close.index);
}

export const publishRules = [
  defineRule({
    id: 'publish-draft',
    title: 'Draft page in a publish set',
    description:
      'A page whose front matter says draft: true is about to be published: a draft that was not meant to be seen yet.',
    remediation:
      'Leave drafts out of the build (most site generators do unless told otherwise), or publish it on purpose by removing draft: true.',
    severity: 'medium',
    keywords: ['draft'],
    scope: 'line',
    pattern: /^draft[ \t]*[:=][ \t]*["']?(?<secret>true|yes)["']?[ \t]*\r?$/gm,
    check: inFrontMatter,
    samples: () => ({
      match: ['---\ntitle: Launch\ndraft: true\n---\nSoon.\n', '+++\ndraft = true\n+++\n'],
      ignore: ['draft: true\n', '---\ntitle: x\n---\ndraft: true\n', '---\ndraft: false\n---\n'],
    }),
  }),
  defineRule({
    id: 'publish-source-map-sources',
    title: 'Source map embeds its sources',
    description:
      'A source map with sourcesContent carries whole source files, comments and all, into what is published. Each embedded source is scanned as a file of its own.',
    remediation:
      'Build without embedded sources (sourcesContent: false, --sources-content=false), or leave *.map out of the publish set ("files" in package.json, .npmignore).',
    severity: 'info',
    keywords: ['sourcescontent'],
    scope: 'line',
    pattern: /"(?<secret>sourcesContent)"[ \t\r\n]*:[ \t\r\n]*\[[ \t\r\n]*"/g,
    samples: () => ({
      match: [
        '{"version":3,"sources":["a.ts"],"sourcesContent":["const a = 1;\\n"],"mappings":"AAAA"}',
      ],
      ignore: ['{"version":3,"sources":["a.ts"],"sourcesContent":[null],"mappings":"AAAA"}'],
    }),
  }),
];
