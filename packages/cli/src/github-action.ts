import { main } from './main.js';

// The entry of the GitHub Action (action.yml at the repository root): `tightlip ci` with
// the action's inputs, annotations on stdout, the job summary, a SARIF file for
// github/codeql-action/upload-sarif. Runs from the bundle: no install, no network.

/** An input of the action, as the runner passes it (`INPUT_<NAME>`); empty when not given. */
function input(name: string): string {
  return (process.env[`INPUT_${name.toUpperCase()}`] ?? '').trim();
}

const args = ['ci', '--format', 'github'];
const sarif = input('sarif-file');
if (sarif !== '') args.push('--report', `sarif=${sarif}`);
const config = input('config');
if (config !== '') args.push('--config', config);
const failOn = input('fail-on');
if (failOn !== '') args.push('--fail-on', failOn);
for (const terms of input('terms').split('\n'))
  if (terms.trim() !== '') args.push('--terms', terms.trim());

process.exitCode = await main(args, {
  cwd: process.env.GITHUB_WORKSPACE || process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});
