import { describe, expect, test, vi } from 'vitest';
import {
  cacheCorpus,
  echoOf,
  loadCorpus,
  type LoadedCorpus,
} from '../../src/background/corpus-service';
import type { EchoGroup } from '../../src/core/provenance';
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
  const group = (reports: string[], origin: string | null): EchoGroup => ({
    id: `group-${reports[0]}`,
    reports,
    origin,
    members: [],
  });
  test.each([
    ['one group naming a source', [group(['a', 'b'], 'Wire')], { origin: 'Wire', reports: 2 }],
    ['two groups', [group(['a'], 'Wire'), group(['b'], 'Own')], null],
    ['a single report', [group(['a'], 'Wire')], null],
    ['one group naming no source', [group(['a', 'b'], null)], null],
  ])('%s', (_name, groups, echo) => {
    expect(echoOf(groups)).toEqual(echo);
  });
});

describe('loadCorpus', () => {
  const matcher = { reports: [meta('a', 'W'), meta('b', 'W')], story: 'A story', check: vi.fn() };

  test('builds the matcher and what is shown about the corpus', async () => {
    const provenance = {
      version: 1,
      groups: [{ id: 'group-a', reports: ['a', 'b'], origin: 'W' }],
      reports: {
        a: { attributions: [], outlets: ['W'], anonymous: false, published: null },
        b: { attributions: [], outlets: ['W'], anonymous: true, published: null },
      },
    };
    const loaded = await loadCorpus(
      'x',
      async () => ({ story: 'A story', provenance }),
      () => matcher,
    );
    expect(loaded.info).toMatchObject({
      story: 'A story',
      reports: matcher.reports,
      echo: { origin: 'W', reports: 2 },
    });
    expect(loaded.info.groups?.map((g) => g.reports)).toEqual([['a', 'b']]);
    expect(loaded.groups.groupOf('b')).toBe('group-a');
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
