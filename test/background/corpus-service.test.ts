import { describe, expect, test, vi } from 'vitest';
import {
  cacheCorpus,
  echoOf,
  loadCorpus,
  type LoadedCorpus,
} from '../../src/background/corpus-service';
import type { ReportMeta } from '../../src/core/types';

function meta(id: string, origin: string): ReportMeta {
  return {
    id,
    file: `${id}.txt`,
    outlet: id,
    site: `${id}.example`,
    url: `https://${id}.example/`,
    title: null,
    published: '2025-03',
    origin,
  };
}

describe('echoOf', () => {
  test.each([
    [
      'all reports share one origin',
      [meta('a', 'Wire report'), meta('b', ' Wire report ')],
      { origin: 'Wire report', reports: 2 },
    ],
    ['origins differ', [meta('a', 'Wire report'), meta('b', 'Own reporting')], null],
    ['a single report', [meta('a', 'Wire report')], null],
    ['no origin given', [meta('a', ''), meta('b', '')], null],
  ])('%s', (_name, reports, echo) => {
    expect(echoOf(reports)).toEqual(echo);
  });
});

describe('loadCorpus', () => {
  const matcher = { reports: [meta('a', 'W'), meta('b', 'W')], story: 'A story', check: vi.fn() };

  test('builds the matcher and what is shown about the corpus', async () => {
    const loaded = await loadCorpus(
      'x',
      async () => ({ story: 'A story' }),
      () => matcher,
    );
    expect(loaded.info).toEqual({
      story: 'A story',
      reports: matcher.reports,
      echo: { origin: 'W', reports: 2 },
    });
  });

  test('a fetch failure names the index', async () => {
    await expect(
      loadCorpus(
        'x',
        async () => Promise.reject(new Error('HTTP 404')),
        () => matcher,
      ),
    ).rejects.toThrow('corpus/index.json could not be read: HTTP 404');
  });

  test('a damaged index fails with the engine’s message', async () => {
    const compile = () => {
      throw new Error('index.json: "vocabulary" must be an array');
    };
    await expect(loadCorpus('x', async () => ({}), compile)).rejects.toThrow(
      '"vocabulary" must be an array',
    );
  });
});

test('cacheCorpus loads once, but tries again after a failure', async () => {
  const loaded = {} as LoadedCorpus;
  const load = vi
    .fn<() => Promise<LoadedCorpus>>()
    .mockRejectedValueOnce(new Error('first start'))
    .mockResolvedValue(loaded);
  const get = cacheCorpus(load);
  await expect(get()).rejects.toThrow('first start');
  expect(await get()).toBe(loaded);
  expect(await get()).toBe(loaded);
  expect(load).toHaveBeenCalledTimes(2);
});
