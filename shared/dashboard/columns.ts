/**
 * Growable struct-of-arrays tables. A million dashboard records as typed-array columns take a fraction of
 * the memory of a million objects, leave the garbage collector nothing to trace, and are scanned in order
 * by the metric loops at memory speed.
 */
export type ColumnKind = 'f64' | 'i32' | 'u8';
type ArrayOf<K extends ColumnKind> = K extends 'f64' ? Float64Array : K extends 'i32' ? Int32Array : Uint8Array;
export type Columns<S extends Record<string, ColumnKind>> = { [K in keyof S]: ArrayOf<S[K]> };

const MAKERS: Record<ColumnKind, (n: number) => Float64Array | Int32Array | Uint8Array> = {
  f64: (n) => new Float64Array(n),
  i32: (n) => new Int32Array(n),
  u8: (n) => new Uint8Array(n),
};

export class RecordTable<S extends Record<string, ColumnKind>> {
  length = 0;
  /** The columns; replaced when the table grows, so read them afresh after any push. */
  cols: Columns<S>;
  private capacity: number;

  constructor(
    private readonly schema: S,
    initialCapacity = 1024,
  ) {
    this.capacity = initialCapacity;
    this.cols = this.allocate(initialCapacity);
  }

  /** Appends a row and returns its index. */
  push(row: { [K in keyof S]: number }): number {
    if (this.length === this.capacity) this.grow();
    const i = this.length++;
    for (const key in this.schema) this.cols[key][i] = row[key];
    return i;
  }

  /** The filled part of every column as bytes, in schema order (for a snapshot). */
  toBytes(): Uint8Array[] {
    return Object.keys(this.schema).map((key) => {
      const col = this.cols[key]!;
      return new Uint8Array(col.buffer, col.byteOffset, this.length * col.BYTES_PER_ELEMENT);
    });
  }

  /** Replaces the contents with `length` rows read from toBytes() output (copied, so any alignment will do). */
  restore(length: number, parts: readonly Uint8Array[]): void {
    const keys = Object.keys(this.schema);
    if (parts.length !== keys.length) throw new RangeError(`restore: ${parts.length} columns for ${keys.length}`);
    this.capacity = Math.max(1024, length);
    this.cols = this.allocate(this.capacity);
    keys.forEach((key, i) => {
      const col = this.cols[key]!;
      const bytes = parts[i]!;
      if (bytes.byteLength !== length * col.BYTES_PER_ELEMENT) throw new RangeError(`restore: column ${key} has ${bytes.byteLength} bytes`);
      new Uint8Array(col.buffer, 0, bytes.byteLength).set(bytes);
    });
    this.length = length;
  }

  /** Bytes per row, for splitting a snapshot back into columns. */
  columnWidths(): number[] {
    return Object.keys(this.schema).map((key) => this.cols[key]!.BYTES_PER_ELEMENT);
  }

  private grow(): void {
    this.capacity *= 2;
    const next = this.allocate(this.capacity);
    for (const key in this.schema) next[key].set(this.cols[key]);
    this.cols = next;
  }

  private allocate(n: number): Columns<S> {
    const cols = {} as Record<string, Float64Array | Int32Array | Uint8Array>;
    for (const key in this.schema) cols[key] = MAKERS[this.schema[key]](n);
    return cols as Columns<S>;
  }
}
