import type { Argv, CommandModule } from 'yargs';
import type { CommandContext, GlobalArgs } from './context.js';

interface HashArgs extends GlobalArgs {
  list: string;
  keyFile?: string;
}

interface CheckArgs extends GlobalArgs {
  input: string;
  terms: string[];
  keyFile: string[];
  path?: string;
  date?: string;
}

interface LintArgs extends GlobalArgs {
  lists: string[];
  keyFile: string[];
  date?: string;
}

const keyFileOption = {
  type: 'string',
  array: true,
  default: [] as string[],
  describe: 'Key of hashed lists (also TIGHTLIP_TERMS_KEY, TIGHTLIP_TERMS_KEY_FILE); repeatable',
} as const;
const dateOption = {
  type: 'string',
  describe: 'Judge lift dates as of this date (YYYY-MM-DD) instead of now',
} as const;

/** `tightlip terms hash|check|lint`: tools for the owners of term lists. */
export function termsCommand(context: CommandContext): CommandModule<GlobalArgs, GlobalArgs> {
  const hash: CommandModule<GlobalArgs, HashArgs> = {
    command: 'hash <list>',
    describe:
      'Turn a plaintext term list into a hashed list that reveals no term (to stdout or --output)',
    builder: (yargs: Argv<GlobalArgs>) =>
      yargs
        .positional('list', {
          type: 'string',
          demandOption: true,
          describe: 'Plain (one term per line) or JSON term list',
        })
        .option('key-file', {
          type: 'string',
          describe: 'File holding the secret key (or TIGHTLIP_TERMS_KEY, TIGHTLIP_TERMS_KEY_FILE)',
        })
        .example('$0 terms hash codenames.json --key-file team.key -o codenames.hashed.json', ''),
    handler: async (argv) => {
      const { hashListFile } = await import('../actions/terms-hash.js');
      context.setExitCode(
        await hashListFile({
          list: argv.list,
          keyFile: argv.keyFile,
          output: argv.output,
          io: context.io,
        }),
      );
    },
  };
  const check: CommandModule<GlobalArgs, CheckArgs> = {
    command: 'check <input>',
    describe:
      'Which terms match a text (a file, or - for stdin), and which normalisation made each match',
    builder: (yargs: Argv<GlobalArgs>) =>
      yargs
        .positional('input', {
          type: 'string',
          demandOption: true,
          describe: 'File to check, or - for standard input',
        })
        .option('terms', {
          type: 'string',
          array: true,
          default: [] as string[],
          describe: 'Term list file, besides the configured ones; repeatable',
        })
        .option('key-file', keyFileOption)
        .option('path', {
          type: 'string',
          describe: 'Judge path scopes as if the text were at this path',
        })
        .option('date', dateOption)
        .example('$0 terms check draft.md', '')
        .example('echo "ship myth0s" | $0 terms check -', '') as unknown as Argv<CheckArgs>,
    handler: async (argv) => {
      const { checkTerms } = await import('../actions/terms-check.js');
      context.setExitCode(
        await checkTerms({
          // yargs reads a lone `-` as an empty string.
          input: argv.input === '' ? '-' : argv.input,
          config: argv.config,
          termFiles: argv.terms,
          keyFiles: argv.keyFile,
          path: argv.path,
          date: argv.date,
          reveal: !argv.mask,
          format: argv.format,
          ...(argv.output !== undefined ? { output: argv.output } : {}),
          io: context.io,
        }),
      );
    },
  };
  const lint: CommandModule<GlobalArgs, LintArgs> = {
    command: 'lint [lists..]',
    describe:
      'Find duplicates, terms that would flood (too short, common words), expired embargoes',
    builder: (yargs: Argv<GlobalArgs>) =>
      yargs
        .positional('lists', {
          type: 'string',
          array: true,
          default: [] as string[],
          describe: 'Lists to lint; default: every configured list',
        })
        .option('key-file', keyFileOption)
        .option('date', dateOption) as unknown as Argv<LintArgs>,
    handler: async (argv) => {
      const { lintTermLists } = await import('../actions/terms-lint.js');
      context.setExitCode(
        await lintTermLists({
          lists: argv.lists,
          config: argv.config,
          keyFiles: argv.keyFile,
          date: argv.date,
          format: argv.format,
          ...(argv.output !== undefined ? { output: argv.output } : {}),
          io: context.io,
        }),
      );
    },
  };
  return {
    command: 'terms <command>',
    describe: 'Tools for term list owners: hash, check, lint (see docs/terms.md)',
    builder: (yargs: Argv<GlobalArgs>) =>
      yargs
        .command(hash)
        .command(check)
        .command(lint)
        .demandCommand(1, 'Give a terms command: hash, check or lint.'),
    handler: () => {},
  };
}
