/**
 * The matcher's index: segments (a stored, binary, self-contained piece of the index), the index
 * over several of them, and how segments are made and merged. The matcher reads everything about
 * the corpus through {@link SegmentedIndex}.
 */
export { FormatError, LITTLE_ENDIAN } from './binary';
export { compileSegment, segmentOfCompiled, type CompileOptions } from './compile';
export {
  Segment,
  SEGMENT_FORMAT,
  SEGMENT_MAGIC,
  type SegmentSource,
  type UnitColumn,
} from './segment';
export { SegmentedIndex, type IndexOptions, type TextSource } from './segmented-index';
