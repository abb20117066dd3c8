// Streams the elements of a top-level JSON array (stream-json; the array is never held in memory)
// with the line each element starts on and the line of any value inside it, by JSON path. The
// parser is fed one line at a time, so every token knows its line whatever the chunk size: a
// small file read in one chunk reports real lines, not the file's last one.
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import Assembler from 'stream-json/Assembler';
import Parser from 'stream-json/Parser';

interface Token {
  name: string;
  value?: string;
  /** The 1-based line the token ends on (set by LineTrackingParser). */
  line?: number;
}

/** One element of the array. */
export interface JsonArrayElement {
  /** 0-based index in the array. */
  key: number;
  value: unknown;
  /** The line the element starts on. */
  line: number;
  /**
   * The line of the value at `path`, a JSON path under the element's own root (`$[3].rows[2].metrics["A"]`
   * or `$.rows[2]`: the root segment is skipped); a path that names a missing field answers with its
   * deepest existing ancestor, at worst the element's line.
   */
  lineOf(path: string): number;
}

type Callback = (error?: Error | null) => void;
type ParserInternals = Transform & { _buffer: string; _processBuffer(callback: Callback): void };

/** stream-json's Parser, fed line by line: each token it pushes carries the line it ends on. */
class LineTrackingParser extends (Parser as unknown as new (
  options: Parser.ParserOptions,
) => ParserInternals) {
  line = 1;
  /** The line of the input the parser holds back unconsumed (an incomplete token), if any. */
  private pendingSince: number | undefined;
  /** Where a syntax error is: the line its token starts on. */
  errorLine: number | undefined;

  constructor() {
    super({ packValues: true, streamValues: false });
  }

  override _processBuffer(callback: Callback): void {
    const text = this._buffer;
    this._buffer = '';
    let failure: Error | null = null;
    const done: Callback = (e) => {
      failure = e ?? null;
    };
    let from = 0;
    for (;;) {
      const nl = text.indexOf('\n', from);
      const end = nl === -1 ? text.length : nl + 1;
      // the parser keeps an incomplete token in _buffer; the next piece completes it (on its line)
      this._buffer += text.slice(from, end);
      super._processBuffer(done); // synchronous: stream-json calls back before returning
      if (failure) {
        this.errorLine = this.pendingSince ?? this.line;
        return callback(failure);
      }
      if (this._buffer === '') this.pendingSince = undefined;
      else this.pendingSince ??= this.line;
      if (nl === -1) break;
      this.line++;
      from = end;
      if (from === text.length) break;
    }
    callback(null);
  }

  override push(chunk: unknown, encoding?: BufferEncoding): boolean {
    if (chunk !== null && typeof chunk === 'object') (chunk as Token).line = this.line;
    return super.push(chunk, encoding);
  }
}

const VALUE_TOKENS = new Set(['stringValue', 'numberValue', 'nullValue', 'trueValue', 'falseValue']);

/** The lines of a container's children: by key for an object, by index for an array. */
type ChildLines = Map<string, number> | number[];

interface Frame {
  children: ChildLines;
  /** The key the next value of an object is for. */
  key: string;
}

/** The segments of a JSON path (`$[0].a.b[2]["c d"]`) under the element's root. */
function pathSegments(path: string): (string | number)[] {
  let rest = path.startsWith('$') ? path.slice(1) : path;
  const root = /^\[\d+\]/.exec(rest);
  if (root) rest = rest.slice(root[0].length);
  const out: (string | number)[] = [];
  const segment = /\.([^.[\]]+)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  while (segment.lastIndex < rest.length) {
    const m = segment.exec(rest);
    if (!m) break;
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else out.push(JSON.parse(m[3]) as string);
  }
  return out;
}

/**
 * Assembles array elements from the line-tagged tokens, noting the line of each value beside the
 * container it is in (keyed by the assembled object itself: no path strings are built while reading).
 */
class ElementAssembler extends Transform {
  private readonly assembler = new Assembler();
  private started = false;
  private counter = 0;
  private frames: Frame[] = [];
  private childLines = new WeakMap<object, ChildLines>();
  private elementLine = 0;

  constructor() {
    super({ writableObjectMode: true, readableObjectMode: true });
  }

  override _transform(token: Token, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (!this.started) {
      if (token.name !== 'startArray') return callback(new Error('Top-level value should be an array.'));
      this.started = true;
      this.assembler.consume(token);
      return callback();
    }
    const name = token.name;
    const opens = name === 'startObject' || name === 'startArray';
    if (opens || VALUE_TOKENS.has(name)) {
      const line = token.line ?? 0;
      const parent = this.frames[this.frames.length - 1];
      if (!parent) this.elementLine = line;
      else if (Array.isArray(parent.children)) parent.children.push(line);
      else parent.children.set(parent.key, line);
      this.assembler.consume(token);
      if (opens) {
        const children: ChildLines = name === 'startArray' ? [] : new Map();
        this.childLines.set(this.assembler.current as object, children);
        this.frames.push({ children, key: '' });
      }
    } else {
      if (name === 'keyValue') {
        const top = this.frames[this.frames.length - 1];
        if (top) top.key = token.value ?? '';
      } else if (name === 'endObject' || name === 'endArray') this.frames.pop();
      this.assembler.consume(token);
    }
    if (this.assembler.depth === 1 && (this.assembler.current as unknown[]).length > 0) {
      const value = (this.assembler.current as unknown[]).pop();
      const elementLine = this.elementLine;
      const childLines = this.childLines;
      this.push({
        key: this.counter++,
        value,
        line: elementLine,
        lineOf: (p: string): number => {
          let line = elementLine;
          let at: unknown = value;
          for (const segment of pathSegments(p)) {
            const lines = at !== null && typeof at === 'object' ? childLines.get(at) : undefined;
            const found = Array.isArray(lines)
              ? typeof segment === 'number'
                ? lines[segment]
                : undefined
              : lines?.get(String(segment));
            if (found === undefined) break;
            line = found;
            at = (at as Record<string | number, unknown>)[segment];
          }
          return line;
        },
      } satisfies JsonArrayElement);
    }
    callback();
  }
}

/** What readJsonArrayElements hands back. */
export interface JsonArrayStream {
  /** The elements in order; ends early (no throw) when the input is not a JSON array or breaks off. */
  elements: AsyncIterable<JsonArrayElement>;
  /** Why the stream ended early (after the last good element), or undefined. */
  failure(): Error | undefined;
  /** Where the parser stopped: the line of a syntax error, else the last line it read. */
  line(): number;
}

/**
 * Streams `input` as a JSON array. A syntax error, a top level that is not an array or an input
 * error ends the elements after those already parsed; `failure()` then says why.
 */
export function readJsonArrayElements(input: Readable): JsonArrayStream {
  const parser = new LineTrackingParser();
  const elements = new ElementAssembler();
  input.pipe(parser).pipe(elements);
  // .pipe() does not forward errors: a syntax error must end the iteration, not crash the process.
  let failure: Error | undefined;
  const stop = (e: Error): void => {
    failure ??= e;
    input.unpipe(parser);
    parser.unpipe(elements);
    elements.end();
  };
  parser.on('error', stop);
  input.on('error', stop);
  // an assembler error destroys it: the iteration below throws and records it
  elements.on('error', (e) => {
    failure ??= e;
    input.unpipe(parser);
  });
  return {
    elements: (async function* () {
      try {
        for await (const element of elements as AsyncIterable<JsonArrayElement>) yield element;
      } catch (e) {
        failure ??= e as Error;
      } finally {
        input.destroy();
      }
    })(),
    failure: () => failure,
    line: () => parser.errorLine ?? parser.line,
  };
}
