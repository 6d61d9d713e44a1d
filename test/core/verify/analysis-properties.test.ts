import fc from 'fast-check';
import { expect, test } from 'vitest';
import { tokenize } from '../../../src/core/tokens';
import { unitTags } from '../../../src/core/verify';
import {
  ADVERBIAL_PREPOSITIONS,
  TAG_ADJUNCT,
  TAG_PREDICATE,
} from '../../../src/core/verify/analyse';

/** Words of news text: names, verbs, nouns, function words, prepositions, numbers, punctuation. */
const PIECES = [
  'Russia',
  'Putin',
  'officials',
  'talks',
  'demands',
  'weeks',
  'three',
  '30',
  '100',
  'list',
  'handed',
  'discussed',
  'has',
  'will',
  'to',
  'the',
  'a',
  'of',
  'and',
  'or',
  'that',
  'not',
  'on',
  'for',
  'with',
  ...ADVERBIAL_PREPOSITIONS,
  ',',
  ';',
  '—',
  '.',
];

const sentence = fc
  .array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 24 })
  .map((pieces) => pieces.join(' '));

test('a word never stands both as a predicate and in an adverbial phrase', () => {
  fc.assert(
    fc.property(sentence, (text) => {
      const tokens = tokenize(text);
      const tags = unitTags(text, tokens);
      expect(tags.length).toBe(tokens.length);
      for (const tag of tags) expect(tag & TAG_PREDICATE && tag & TAG_ADJUNCT).toBeFalsy();
    }),
  );
});

test('without a preposition of time, place or manner, no word stands in an adverbial phrase', () => {
  const plain = PIECES.filter((p) => !ADVERBIAL_PREPOSITIONS.has(p));
  fc.assert(
    fc.property(
      fc
        .array(fc.constantFrom(...plain), { minLength: 1, maxLength: 24 })
        .map((pieces) => pieces.join(' ')),
      (text) => {
        const tags = unitTags(text, tokenize(text));
        expect(tags.some((tag) => tag & TAG_ADJUNCT)).toBe(false);
      },
    ),
  );
});

test('a phrase does not reach past punctuation that no preposition follows', () => {
  fc.assert(
    fc.property(sentence, sentence, (before, after) => {
      const plainAfter = after
        .split(' ')
        .filter((w) => !ADVERBIAL_PREPOSITIONS.has(w))
        .join(' ');
      const text = `${before}, ${plainAfter}`;
      const tokens = tokenize(text);
      const tags = unitTags(text, tokens);
      const cut = before.length + 1;
      tokens.forEach((token, i) => {
        if (token.start > cut) expect(tags[i]! & TAG_ADJUNCT).toBe(0);
      });
    }),
  );
});
