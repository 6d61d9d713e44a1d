/** The provenance fixtures: a corpus folder compiled into a matcher, and the pages checked against it. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkArticle } from '../../../src/core/check-article';
import { compileCorpus, parseManifest, type CorpusInput } from '../../../src/core/corpus';
import { Matcher } from '../../../src/core/matcher';
import { buildEchoGroups, type EchoGroups } from '../../../src/core/provenance';
import type { ArticleReport } from '../../../src/core/types';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** Two independent origins: a wire story with four rewrites, and two reports of their own. */
export const FIXTURE_CORPUS = path.join(ROOT, 'test/fixtures/provenance/corpus');
export const BUNDLED_CORPUS = path.join(ROOT, 'assets/corpus');

/** A corpus folder's reports (with `origin` removed from the manifest when asked). */
export function readInputs(dir: string, options: { withoutOrigin?: boolean } = {}) {
  const json = JSON.parse(readFileSync(path.join(dir, 'reports.json'), 'utf8')) as {
    reports: Record<string, unknown>[];
  };
  if (options.withoutOrigin) for (const r of json.reports) delete r.origin;
  const manifest = parseManifest(json);
  const inputs: CorpusInput[] = manifest.reports.map((meta) => ({
    meta,
    text: readFileSync(path.join(dir, meta.file), 'utf8'),
  }));
  return { story: manifest.story, inputs };
}

/** A corpus compiled, its matcher and its echo groups. */
export interface LoadedFixture {
  matcher: Matcher;
  groups: EchoGroups;
  inputs: CorpusInput[];
  check(text: string, published?: string | null): ArticleReport;
}

/** Compiles a corpus folder and computes its groups the way the build does. */
export function loadFixture(dir: string, options: { withoutOrigin?: boolean } = {}): LoadedFixture {
  const { story, inputs } = readInputs(dir, options);
  const matcher = Matcher.fromCompiled(compileCorpus(inputs, story));
  const groups = buildEchoGroups(inputs, (text, exclude) => matcher.check(text, { exclude }));
  return {
    matcher,
    groups,
    inputs,
    check: (text, published = null) => checkArticle(matcher, text, { groups, published }),
  };
}

/** A provenance fixture page's text. */
export function page(name: string): string {
  return readFileSync(path.join(ROOT, 'test/fixtures/provenance/pages', `${name}.txt`), 'utf8');
}
