import { test } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { loadDevCorpus } from './predict';

test('time checks', () => {
  const corpus = loadDevCorpus();
  const texts = [
    readFileSync('examples/meridian-post.txt', 'utf8'),
    ...corpus.inputs.map((i) => i.text),
    ...readdirSync('test/fixtures/heldout').filter((f) => f.endsWith('.txt')).map((f) => readFileSync('test/fixtures/heldout/' + f, 'utf8')),
  ];
  for (let k = 0; k < 20; k++) for (const t of texts) corpus.matcher.check(t);
  const times: number[] = [];
  for (let r = 0; r < 15; r++) {
    const t0 = performance.now();
    for (let k = 0; k < 10; k++) for (const t of texts) corpus.matcher.check(t);
    times.push((performance.now() - t0) / (10 * texts.length));
  }
  times.sort((a, b) => a - b);
  console.log(`TIME median ${times[7]!.toFixed(3)} min ${times[0]!.toFixed(3)} ms per check (${texts.length} texts)`);
});
