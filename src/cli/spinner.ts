// A one-line progress indicator on stderr: animated with elapsed seconds on a TTY, plain lines otherwise.

const FRAMES = ['|', '/', '-', '\\'];

export interface Spinner {
  update(message: string): void;
  stop(finalLine?: string): void;
}

export function createSpinner(stream: NodeJS.WriteStream = process.stderr): Spinner {
  const started = Date.now();
  let message = '';
  let frame = 0;
  let timer: ReturnType<typeof setInterval> | undefined;
  const tty = stream.isTTY === true;
  const render = () => {
    const seconds = Math.round((Date.now() - started) / 1000);
    stream.write(`\r\x1b[2K${FRAMES[frame++ % FRAMES.length]} ${message} (${seconds}s)`);
  };
  return {
    update(next: string) {
      message = next;
      if (!tty) {
        stream.write(`${next}\n`);
        return;
      }
      render();
      if (!timer) {
        timer = setInterval(render, 120);
        timer.unref();
      }
    },
    stop(finalLine?: string) {
      if (timer) clearInterval(timer);
      timer = undefined;
      if (tty && message) stream.write('\r\x1b[2K');
      if (finalLine) stream.write(`${finalLine}\n`);
    },
  };
}
