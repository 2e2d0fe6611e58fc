/** What to do about findings: lines printed after the text report of a blocking hook. */

const ALLOW =
  'To allow a false positive: an inline `tightlip:allow` comment on its line, or accept it with `tightlip baseline update`.';
const ROTATE = 'Rotate any real credential that was found: it may already have been copied.';

export const PRE_COMMIT_ADVICE = [
  'tightlip blocked this commit. Remove each finding from the staged change (edit the file, then git add it again).',
  ROTATE,
  ALLOW,
  'To commit anyway, knowingly: git commit --no-verify (CI scans anyway).',
];

export const COMMIT_MSG_ADVICE = [
  'tightlip blocked this commit: its message holds the findings above. Reword it and commit again;',
  'git kept your message: git commit -e -F .git/COMMIT_EDITMSG',
  'To allow a false positive: add `tightlip:allow <rule or term id> -- reason` to its line of the message (a baseline covers files, not messages).',
  'To commit anyway, knowingly: git commit --no-verify (CI scans anyway).',
];

export const PRE_PUSH_ADVICE = [
  'tightlip blocked this push: the findings above are in commits (or ref names) not yet on the remote.',
  'Rewrite those commits (git rebase -i <remote>/<branch>, edit or drop them; git commit --amend for the last one),',
  'or rename the branch (git branch -m <new name>), then push again.',
  ROTATE,
  ALLOW,
  'To push anyway, knowingly: git push --no-verify (CI scans anyway).',
];

export const PRE_RECEIVE_ADVICE = [
  'Push rejected by tightlip on the server: the findings above are in the pushed commits or ref names.',
  'Rewrite those commits (git rebase -i, git commit --amend) or rename the ref, then push again.',
  ROTATE,
  'To allow a false positive: an inline `tightlip:allow <rule or term id> -- reason` comment on its line in the commit, or ask the server administrator to allow it in the server config (the server does not use a pushed config or baseline).',
  'This server-side check cannot be bypassed with --no-verify.',
];
