/**
 * The README is a front page and docs/ holds the reference: every relative link in them must
 * reach a file (and the heading its #anchor names, as GitHub spells anchors), every page in
 * docs/ must be reachable from the README, and the README must stay a two-minute read.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

const ROOT = path.resolve(__dirname, '../../..');
const README_LIMIT = 12 * 1024;
const PAGES = [
  'README.md',
  ...readdirSync(path.join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

/** The text a reader sees as prose: fenced blocks and code spans hold no links. */
function prose(text: string): string {
  return text.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
}

function links(text: string): string[] {
  return [...prose(text).matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => match[1])
    .filter((target) => !/^[a-z]+:/i.test(target));
}

/** GitHub's anchors: the heading's text, lower case, without punctuation, spaces as hyphens; repeats get -1, -2. */
function anchors(text: string): Set<string> {
  const seen = new Map<string, number>();
  const found = new Set<string>();
  for (const [, heading] of text.replace(/^```[\s\S]*?^```/gm, '').matchAll(/^#{1,6} (.+)$/gm)) {
    const visible = heading.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[`*_]/g, '');
    const slug = visible
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    found.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return found;
}

describe('the README and docs/', () => {
  it('every relative link reaches a file, and the heading its anchor names', () => {
    const broken: string[] = [];
    for (const page of PAGES) {
      const text = readFileSync(path.join(ROOT, page), 'utf8');
      for (const link of links(text)) {
        const [file, anchor] = link.split('#');
        const target = file
          ? path.resolve(path.dirname(path.join(ROOT, page)), decodeURIComponent(file))
          : path.join(ROOT, page);
        if (!existsSync(target)) {
          broken.push(`${page}: ${link} (no such file)`);
        } else if (
          anchor &&
          statSync(target).isFile() &&
          target.endsWith('.md') &&
          !anchors(readFileSync(target, 'utf8')).has(anchor)
        ) {
          broken.push(`${page}: ${link} (no such heading)`);
        }
      }
    }
    assert.deepEqual(broken, []);
  });

  it('every file of the repository a page names in code (`electron/...`, `test/...`) is there', () => {
    // Files move (tests to mirrored paths, renderer folders); a page that names an old path sends a reader nowhere.
    const missing: string[] = [];
    for (const page of PAGES) {
      const text = readFileSync(path.join(ROOT, page), 'utf8');
      for (const [, named] of text.matchAll(
        /`((?:electron|shared|renderer|test|e2e|scripts|build|docs)\/[\w./-]+)`/g,
      )) {
        if (!existsSync(path.join(ROOT, named.replace(/\/$/, '')))) missing.push(`${page}: ${named}`);
      }
    }
    assert.deepEqual(missing, []);
  });

  it('every page in docs/ is linked from the README', () => {
    const linked = new Set(links(readFileSync(path.join(ROOT, 'README.md'), 'utf8')).map((link) => link.split('#')[0]));
    assert.deepEqual(
      PAGES.filter((page) => page !== 'README.md' && !linked.has(page)),
      [],
    );
  });

  it(`the README stays a front page: at most ${README_LIMIT} bytes`, () => {
    const size = statSync(path.join(ROOT, 'README.md')).size;
    assert.ok(size <= README_LIMIT, `README.md is ${size} bytes; move reference text into docs/`);
  });

  it('the anchors are spelt as GitHub spells them', () => {
    const page =
      '# A\n## On the command line: `watch`\n## What made a run fail (closed 2026-12-03)\n## Set-up\n## Set-up\n```\n# not a heading\n```\n';
    assert.deepEqual(
      [...anchors(page)],
      ['a', 'on-the-command-line-watch', 'what-made-a-run-fail-closed-2026-12-03', 'set-up', 'set-up-1'],
    );
  });
});
