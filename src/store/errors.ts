/** A stored record failed its schema: never shown as data, reported instead. */
export class StoredRecordError extends Error {
  override readonly name = 'StoredRecordError';
}
