import { readFile } from 'node:fs/promises';
import { hasCommit, isZeroId, openRepository, type Git } from '@tightlip/git';
import { UsageError } from '../errors.js';
import type { ScanOptions, ScanResult } from '../scan/scan.js';
import { scanHistory, scanRange } from './git-scan.js';

/** What a CI run scans: a range of commits, the commits since a merge-base, or everything a commit reaches. */
export type CiTarget =
  | { kind: 'range'; base: string; head: string; why: string }
  | { kind: 'since'; base: string; head: string; why: string }
  | { kind: 'all'; head: string; why: string };

/**
 * The commits a push from `before` to `head` adds. An all-zero `before` (a new branch, or
 * a first push) or one this clone lacks (a force push; a shallow clone) has no range: then
 * the commits not on the default branch (`origin/<default>`, when fetched), or, pushing
 * the default branch itself (or without it), every commit `head` reaches.
 */
async function pushTarget(
  git: Git,
  before: string | undefined,
  head: string,
  branch: string | undefined,
  defaultBranch: string | undefined,
): Promise<CiTarget> {
  if (before !== undefined && !isZeroId(before) && (await hasCommit(git, before)))
    return { kind: 'range', base: before, head, why: 'the pushed commits' };
  const gone = before === undefined || isZeroId(before) ? 'a new branch' : 'a force push';
  const mainline = defaultBranch === undefined ? undefined : `origin/${defaultBranch}`;
  if (branch !== defaultBranch && mainline !== undefined && (await hasCommit(git, mainline)))
    return { kind: 'since', base: mainline, head, why: `${gone}: the commits not on ${mainline}` };
  return { kind: 'all', head, why: `${gone}: every commit it reaches` };
}

/**
 * What to scan in this CI job, from the variables GitHub Actions and GitLab CI set: the
 * pull (merge) request's commits, or the pushed commits. A UsageError elsewhere.
 */
export async function resolveCiTarget(git: Git, env: NodeJS.ProcessEnv): Promise<CiTarget> {
  if (env.GITHUB_ACTIONS === 'true') {
    const event = env.GITHUB_EVENT_PATH
      ? (JSON.parse(await readFile(env.GITHUB_EVENT_PATH, 'utf8')) as GithubEvent)
      : {};
    const name = env.GITHUB_EVENT_NAME ?? '';
    if (name === 'pull_request' || name === 'pull_request_target') {
      const pr = event.pull_request;
      if (!pr?.base?.sha || !pr.head?.sha)
        throw new UsageError(`the ${name} event at GITHUB_EVENT_PATH has no base and head`);
      return {
        kind: 'range',
        base: pr.base.sha,
        head: pr.head.sha,
        why: "the pull request's commits",
      };
    }
    if (name === 'push') {
      const branch = env.GITHUB_REF?.startsWith('refs/heads/')
        ? env.GITHUB_REF.slice('refs/heads/'.length)
        : undefined;
      return pushTarget(
        git,
        event.before,
        event.after ?? env.GITHUB_SHA ?? 'HEAD',
        branch,
        event.repository?.default_branch,
      );
    }
    throw new UsageError(
      `tightlip ci scans pull requests and pushes, not ${name || 'this'} event; use tightlip diff or tightlip history`,
    );
  }
  if (env.GITLAB_CI === 'true') {
    const head = env.CI_COMMIT_SHA ?? 'HEAD';
    if (env.CI_MERGE_REQUEST_DIFF_BASE_SHA)
      return {
        kind: 'range',
        base: env.CI_MERGE_REQUEST_DIFF_BASE_SHA,
        head,
        why: "the merge request's commits",
      };
    return pushTarget(
      git,
      env.CI_COMMIT_BEFORE_SHA,
      head,
      env.CI_COMMIT_BRANCH,
      env.CI_DEFAULT_BRANCH,
    );
  }
  throw new UsageError(
    'tightlip ci runs in GitHub Actions or GitLab CI (GITHUB_ACTIONS or GITLAB_CI is not set); elsewhere use tightlip diff <base>..<head>',
  );
}

interface GithubEvent {
  before?: string;
  after?: string;
  pull_request?: { base?: { sha?: string }; head?: { sha?: string } };
  repository?: { default_branch?: string };
}

/** Scans what this CI job is about (see `resolveCiTarget`), saying on stderr what that is. */
export async function scanCi(options: ScanOptions): Promise<ScanResult> {
  const git = await openRepository(options.io.cwd, { allowBare: true, env: options.io.env });
  const target = await resolveCiTarget(git, options.io.env);
  const span =
    target.kind === 'all'
      ? target.head
      : `${target.base}${target.kind === 'range' ? '..' : '...'}${target.head}`;
  options.io.stderr.write(`tightlip: scanning ${target.why} (${span})\n`);
  switch (target.kind) {
    case 'range':
      return scanRange({ ...options, range: `${target.base}..${target.head}` });
    case 'since':
      return scanRange({ ...options, base: target.base, head: target.head });
    case 'all':
      return scanHistory({ ...options, revisions: [target.head] });
  }
}
