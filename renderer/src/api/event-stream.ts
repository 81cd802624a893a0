/**
 * Reads a Server-Sent Events body as it arrives: text in any chunking, out come the `data` of each event.
 * Only what the host sends is understood — `data:` lines, `:` comments (heartbeats), blank lines ending an
 * event; other fields are ignored, as the SSE specification says they may be.
 */
export class EventStreamReader {
  private pending = '';
  private data: string[] = [];

  /** Feeds the next piece of the body; returns the data of every event it completed. */
  push(text: string): string[] {
    this.pending += text;
    const events: string[] = [];
    let end: number;
    while ((end = this.pending.search(/\r\n|\r|\n/)) >= 0) {
      // A CR at the end of a piece may be the first half of a CRLF cut in two: wait for the next piece.
      if (end === this.pending.length - 1 && this.pending.endsWith('\r')) break;
      const line = this.pending.slice(0, end);
      this.pending = this.pending.slice(end + (this.pending.startsWith('\r\n', end) ? 2 : 1));
      if (line === '') {
        if (this.data.length > 0) events.push(this.data.join('\n'));
        this.data = [];
      } else if (line.startsWith('data:')) {
        this.data.push(line.slice(line.startsWith('data: ') ? 6 : 5));
      }
    }
    return events;
  }
}
