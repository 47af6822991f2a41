// Rasterises picture SVGs on one worker thread (raster-worker.mjs, resvg's WebAssembly build), one picture at
// a time, and ends the thread after a quiet spell so its memory goes back. Native resvg in this thread kept
// each render's megabytes until a garbage collection finalised its objects: at 10,000 articles the process
// peaked at 477–488 MB over 100 pictures, against 342 MB this way (README). Where no worker can start,
// pictures are drawn with native resvg on libuv's thread pool instead.
import { Worker } from 'node:worker_threads';
import { renderAsync } from '@resvg/resvg-js';

export interface Png {
  data: Buffer;
  width: number;
  height: number;
}

/**
 * How long the worker waits for another picture before it ends (a tall story takes 0.1–0.5 s to draw; a
 * new thread costs ~0.1 s of start-up off the reply's path, and its ~65 MB while it runs are given back).
 */
export const RASTER_IDLE_MS = 5_000;

type Reply = { ready: true } | { id: number; data: Uint8Array; width: number; height: number } | { id: number; error: string };

const workerUrl = () => new URL(/\.ts$/.test(import.meta.url) ? './raster-worker.mjs' : './raster-worker.js', import.meta.url);

export class Rasterizer {
  private worker?: Worker;
  private readonly jobs = new Map<number, { svg: string; resolve: (png: Png) => void; reject: (error: Error) => void }>();
  private nextId = 0;
  private idleTimer?: NodeJS.Timeout;
  /** Workers started so far (tests and the bench read it). */
  started = 0;
  private noWorker = false;

  constructor(
    private readonly idleMs = RASTER_IDLE_MS,
    private readonly entry: URL = workerUrl(),
  ) {}

  private chain: Promise<unknown> = Promise.resolve();

  rasterize(svg: string): Promise<Png> {
    const worker = this.noWorker ? undefined : this.ensureWorker();
    if (!worker) {
      // One at a time here too: each native render holds megabytes until a garbage collection frees it.
      const work = this.chain.then(() => inThread(svg));
      this.chain = work.catch(() => undefined);
      return work;
    }
    clearTimeout(this.idleTimer);
    const id = this.nextId++;
    return new Promise<Png>((resolve, reject) => {
      this.jobs.set(id, { svg, resolve, reject });
      worker.postMessage({ id, svg });
    });
  }

  /** Whether a worker thread is running now. */
  get running(): boolean {
    return this.worker !== undefined;
  }

  /** Ends the worker now (shutdown); pictures still waiting are drawn in this thread. */
  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private ensureWorker(): Worker | undefined {
    if (this.worker) return this.worker;
    let worker: Worker;
    try {
      worker = new Worker(this.entry);
    } catch {
      this.noWorker = true;
      return undefined;
    }
    this.started++;
    worker.unref(); // a picture being drawn never keeps the process alive
    let ready = false;
    worker.on('message', (reply: Reply) => {
      if ('ready' in reply) ready = true;
      this.onReply(reply);
    });
    worker.on('error', () => undefined); // reported by 'exit' below
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = undefined;
      // A thread that ended before it was ready (no WebAssembly, a missing file) is not tried again.
      if (!ready) this.noWorker = true;
      // Pictures the thread had not answered are drawn here instead.
      const waiting = [...this.jobs.values()];
      this.jobs.clear();
      for (const job of waiting) inThread(job.svg).then(job.resolve, job.reject);
    });
    this.worker = worker;
    return worker;
  }

  private onReply(reply: Reply): void {
    if ('ready' in reply) return;
    const job = this.jobs.get(reply.id);
    this.jobs.delete(reply.id);
    if (job) {
      if ('error' in reply) job.reject(new Error(reply.error));
      else job.resolve({ data: Buffer.from(reply.data.buffer, reply.data.byteOffset, reply.data.byteLength), width: reply.width, height: reply.height });
    }
    if (this.jobs.size === 0) {
      clearTimeout(this.idleTimer);
      this.idleTimer = setTimeout(() => void this.close(), this.idleMs);
      this.idleTimer.unref();
    }
  }
}

function inThread(svg: string): Promise<Png> {
  return renderAsync(svg, { font: { loadSystemFonts: false }, fitTo: { mode: 'original' } }).then((img) => ({ data: img.asPng(), width: img.width, height: img.height }));
}
