import { describe, expect, it } from 'vitest';
import { EventStreamReader } from './event-stream';

describe('EventStreamReader', () => {
  it('yields each event once it is complete, however the body is cut', () => {
    const body = ': connected\n\ndata: {"type":"cases-changed","changes":[]}\n\n: ping\n\ndata: {"type":"session-expired"}\n\n';
    for (const size of [1, 2, 3, 7, body.length]) {
      const reader = new EventStreamReader();
      const events: string[] = [];
      for (let i = 0; i < body.length; i += size) events.push(...reader.push(body.slice(i, i + size)));
      expect(events).toEqual(['{"type":"cases-changed","changes":[]}', '{"type":"session-expired"}']);
    }
  });

  it('holds an event back until its blank line arrives', () => {
    const reader = new EventStreamReader();
    expect(reader.push('data: {"a":1}\n')).toEqual([]);
    expect(reader.push('\n')).toEqual(['{"a":1}']);
  });

  it('joins several data lines, accepts CRLF and CR line ends, and ignores comments and other fields', () => {
    const reader = new EventStreamReader();
    expect(reader.push('data: cut\r')).toEqual([]);
    expect(reader.push('\n\r\n')).toEqual(['cut']);
    expect(reader.push('event: x\r\ndata: one\r\ndata:two\r\nid: 5\r\n\r\n: ping\r\rdata: three\r\r')).toEqual(['one\ntwo']);
    // The last CR might have been half of a CRLF; the next piece settles it.
    expect(reader.push('data: four\n\n')).toEqual(['three', 'four']);
  });

  it('does not turn a heartbeat or an empty event into an event', () => {
    const reader = new EventStreamReader();
    expect(reader.push(': ping\n\n\n\nretry: 10\n\n')).toEqual([]);
  });
});
