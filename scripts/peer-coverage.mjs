#!/usr/bin/env node
// Measures tightlip's credential catalog against its peers' rule examples (issue 15): every
// example of every rule of Nosey Parker and Kingfisher, scanned as its own file of unknown
// type (`example`, no extension) with the built-in catalog (`createEngine()` of the built
// @tightlip/core). `npm run corpus:peers` builds first. Reads the peers' rule files from their
// git snapshots at run time; nothing of them is kept, copied or printed but rule names.
//
//   node scripts/peer-coverage.mjs [--noseyparker <git dir>] [--kingfisher <git dir>] [--json]
//
// Snapshots: the arguments, else TIGHTLIP_NOSEYPARKER_REPO / TIGHTLIP_KINGFISHER_REPO, else
// the fetched mirrors under /work/.mirror. A peer whose snapshot is absent is skipped with a
// message; with neither present the script says so and exits 0.
//
// The figures (issue 15): of a peer's rules that detect a genuine secret and have at least one
// genuine example, the share tightlip finds, and the share it finds by a named provider rule
// (not `generic-*`). Which rules and examples count is decided in code, reproducibly:
// - a rule detects a genuine secret unless it is a Kingfisher helper rule (`visible: false`),
//   its name says identifier, client/app/account/key id, username, bucket, domain, host,
//   public or publishable key, recipient or password hash (unless it also says password,
//   secret or credential), or Nosey Parker categorises it `identifier` without `secret`;
// - an example is genuine when the secret the peer's own pattern captures in it (the last
//   captured group that is not a host or URL) is not a stand-in: no placeholder word or mark,
//   own name (also in leetspeak), one or two short single-case words, sequence (`12345`,
//   `abcde`, `a1b2c3d4e5`, `abcd1234`), run (`00000`), repeated stretch, typed home-row
//   letters, mixed-case hex, base64 of prose or of text that is a stand-in once decoded,
//   broken documented structure (JWT / `eyJ…` JSON, OpenAI's `T3BlbkFJ`), failed checksum
//   (GitHub, npm, Grafana, age), or a stretch reused by three or more providers' examples;
// - a rule is found when tightlip reports anything on one of its genuine examples.
// Details: scripts/peer-coverage/classify.mjs; docs/rules.md, "Measured against peers".
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { builtinRules, createEngine } from '@tightlip/core';
import { CATEGORY_ORDER, categoryOf } from './peer-coverage/categories.mjs';
import { measurePeer, summarise } from './peer-coverage/measure.mjs';
import { PEERS, gitDirOf, readPeerRules } from './peer-coverage/peer-rules.mjs';

const { values } = parseArgs({
  options: {
    noseyparker: { type: 'string' },
    kingfisher: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});

/** Issue 15's targets: found, and found by a named provider rule. */
const TARGETS = /** @type {Record<string, { found: number, named: number }>} */ ({
  noseyparker: { found: 95, named: 85 },
  kingfisher: { found: 90, named: 75 },
});

const pct = (/** @type {number} */ part, /** @type {number} */ whole) =>
  whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)} %`;

const engine = createEngine();
const reports = [];
for (const peer of PEERS) {
  const path = values[peer.key] ?? process.env[peer.env] ?? peer.defaultRepo;
  const gitDir = existsSync(path) ? gitDirOf(path) : undefined;
  if (gitDir === undefined) {
    console.error(
      `${peer.title}: no git snapshot at ${path} (fetch the peer's repository and pass --${peer.key} <git dir> or set ${peer.env}); skipped.`,
    );
    continue;
  }
  const { commit, rules } = readPeerRules(gitDir, peer.rulesDir);
  const results = measurePeer(rules, engine, peer);
  reports.push({ peer, commit, results, summary: summarise(results) });
}

if (reports.length === 0) {
  console.error('No peer snapshot found: nothing measured.');
} else if (values.json) {
  const json = reports.map(({ peer, commit, results, summary }) => ({
    peer: peer.key,
    commit,
    ...summary,
    notFound: results
      .filter((r) => r.secret && r.genuine && !r.named)
      .map((r) => ({
        id: r.rule.id,
        name: r.rule.name,
        category: categoryOf(r.rule.name),
        reportedBy: r.reportedBy,
      })),
  }));
  console.log(JSON.stringify({ rules: builtinRules.length, peers: json }, null, 2));
} else {
  console.log(
    `tightlip's catalog (${builtinRules.length} rules) against its peers' rule examples\n`,
  );
  const header = ['peer', 'commit', 'rules', 'secret', 'counted', 'found', 'named', 'target'];
  const rows = reports.map(({ peer, commit, summary: s }) => [
    peer.title,
    commit.slice(0, 8),
    String(s.rules),
    String(s.secretRules),
    String(s.counted),
    `${s.found} (${pct(s.found, s.counted)})`,
    `${s.named} (${pct(s.named, s.counted)})`,
    `≥ ${TARGETS[peer.key]?.found} % / ≥ ${TARGETS[peer.key]?.named} %`,
  ]);
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((r) => r[i]?.length ?? 0)));
  for (const row of [header, ...rows]) {
    console.log(
      row
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    );
  }
  console.log(
    '\nsecret: rules that detect a genuine secret; counted: of those, with a genuine example;',
  );
  console.log('found / named: found by any rule / by a named provider rule (not generic-*).');
  for (const { peer, results, summary: s } of reports) {
    console.log(
      `\n${peer.title}: ${s.genuineExamples} of ${s.examples} examples genuine. Counted rules not found by a named rule, by category (* = found by a generic detector):`,
    );
    const missed = results.filter((r) => r.secret && r.genuine && !r.named);
    for (const category of CATEGORY_ORDER) {
      const names = missed
        .filter((r) => categoryOf(r.rule.name) === category)
        .map((r) => `${r.rule.name}${r.found ? '*' : ''}`);
      if (names.length > 0) console.log(`  ${category} (${names.length}): ${names.join(', ')}`);
    }
  }
}
