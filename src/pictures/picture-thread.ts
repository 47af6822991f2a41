// The /timeline picture drawn on a worker thread of its own (picture-worker.ts), so none of its work is on
// the thread that answers commands (issue 17). Drawn on the main thread, in 2 ms slices, a picture cost
// 50–200 ms of that thread's CPU and megabytes of short-lived objects in its heap, which lived across
// several scavenges and were promoted, bringing a full collection (and the parser's re-warming after it)
// every few seconds: at 10,000 articles, with the 100 /timeline pictures of the scale bench being drawn,
// 27–36 of 1,300 answers took over 10 ms, against 3 with no pictures at all. The worker runs the same
// TimelinePictures (layout, drawing, deflating, the cache of drawn pictures), so the picture is the same.
// If the thread cannot start or dies, pictures are drawn on this thread as before.
import { Worker } from 'node:worker_threads';
import type { Attachment } from '../core/reply';
import { TimelinePictures, type TimelinePicture } from './timeline-picture';
import type { Theme } from './timeline-draw';
import { LAYOUT, type TimelineInput, type TimelineLayout } from './timeline-layout';

export const PICTURE_WORKER_TAG = 'herald-picture-worker';

/** How long the picture thread is kept without a picture to draw (PictureThread's idleMs). */
export const PICTURE_THREAD_IDLE_MS = 500;

export type PictureJob = { id: number; kind: 'warm' } | { id: number; kind: 'render'; input: TimelineInput; theme: Theme; width: number };

export type PictureResult =
  | { id: number; ok: true; threadId: number; picture?: { data: Uint8Array; description: string; layout: TimelineLayout; width: number; height: number } }
  | { id: number; ok: false; threadId: number; error: string };

/** What draws /timeline pictures: TimelinePictures on this thread, or PictureThread on a worker. */
export interface PictureMaker {
  render(input: TimelineInput, theme?: Theme, width?: number): Promise<TimelinePicture>;
  warm(): Promise<void>;
}

/**
 * The worker's script: picture-worker.ts under tsx (or vitest, with tsx as its loader), picture-worker.js
 * beside the compiled build (this code is bundled into dist/main.js).
 */
export function pictureWorkerUrl(): URL {
  return /\.ts$/.test(import.meta.url) ? new URL('./picture-worker.ts', import.meta.url) : new URL('./picture-worker.js', import.meta.url);
}

interface Pending {
  job: PictureJob;
  resolve: (result: PictureResult | undefined) => void;
}

export class PictureThread implements PictureMaker {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private next = 0;
  /** Set once the worker could not start or died: every later picture is drawn on this thread. */
  private failed = false;
  private local: TimelinePictures | undefined;
  /** The thread of the last picture the worker sent (for tests). */
  lastThreadId: number | undefined;

  private idle: NodeJS.Timeout | undefined;

  constructor(
    private readonly url: URL = pictureWorkerUrl(),
    /**
     * The old generation's limit of the worker's heap: a picture needs a few megabytes, and a tighter limit
     * has the thread collect sooner (100 pictures queued: ≈ 5 MB less resident at 24 MB than at 64 MB).
     */
    private readonly heapMb = 32,
    /**
     * The thread ends after this long without a picture to draw and starts again for the next one: a thread
     * with its heap, fonts and buffers holds ≈ 25–30 MB (measured), which a bot drawing no picture need not.
     */
    private readonly idleMs = PICTURE_THREAD_IDLE_MS,
  ) {}

  /** Whether the thread is running now (it starts with the first picture asked for and ends when idle). */
  get running(): boolean {
    return this.worker !== undefined;
  }

  async render(input: TimelineInput, theme: Theme = 'dark', width: number = LAYOUT.width): Promise<TimelinePicture> {
    const result = await this.post({ id: this.next++, kind: 'render', input, theme, width });
    if (!result) return this.inThread().render(input, theme, width);
    if (!result.ok) throw new Error(`the picture thread could not draw the picture: ${result.error}`);
    if (!result.picture) throw new Error('the picture thread sent no picture');
    const { data, description, layout, width: w, height } = result.picture;
    const attachment: Attachment = { name: 'timeline.png', contentType: 'image/png', data: Buffer.from(data.buffer, data.byteOffset, data.byteLength), description };
    return { attachment, layout, width: w, height };
  }

  /** Starts the thread and has it pay the first picture's one-off costs (fonts, compiling) there. */
  async warm(): Promise<void> {
    const result = await this.post({ id: this.next++, kind: 'warm' });
    if (!result) return this.inThread().warm();
    if (!result.ok) throw new Error(`the picture thread could not warm up: ${result.error}`);
  }

  /** Ends the thread (pictures asked for afterwards are drawn on this thread); resolves once it has exited. */
  async close(): Promise<void> {
    this.failed = true;
    const exited = this.stop();
    this.settle();
    await exited;
  }

  /** Ends the thread; the next picture starts another. */
  private async stop(): Promise<void> {
    clearTimeout(this.idle);
    this.idle = undefined;
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }

  private inThread(): TimelinePictures {
    return (this.local ??= new TimelinePictures());
  }

  /** Sends a job to the worker; undefined when there is no worker to do it (then the caller draws it here). */
  private post(job: PictureJob): Promise<PictureResult | undefined> {
    const worker = this.started();
    if (!worker) return Promise.resolve(undefined);
    clearTimeout(this.idle);
    this.idle = undefined;
    return new Promise((resolve) => {
      this.pending.set(job.id, { job, resolve });
      // The thread keeps the process alive only while it has work (a console run's last picture).
      if (this.pending.size === 1) worker.ref();
      worker.postMessage(job);
    });
  }

  private started(): Worker | undefined {
    if (this.failed) return undefined;
    if (this.worker) return this.worker;
    let worker: Worker;
    try {
      // The TypeScript source (under tsx or vitest) is loaded through tsx's loader, registered in the thread.
      const script = this.url.pathname.endsWith('.ts') ? `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(this.url.href)}); })` : this.url;
      worker = new Worker(script, { eval: typeof script === 'string', workerData: { tag: PICTURE_WORKER_TAG }, resourceLimits: { maxOldGenerationSizeMb: this.heapMb } });
    } catch {
      this.failed = true;
      return undefined;
    }
    worker.unref();
    worker.on('message', (result: PictureResult) => {
      const waiting = this.pending.get(result.id);
      if (!waiting) return;
      this.pending.delete(result.id);
      this.lastThreadId = result.threadId;
      if (this.pending.size === 0) {
        worker.unref();
        this.idle = setTimeout(() => void this.stop(), this.idleMs);
        this.idle.unref();
      }
      waiting.resolve(result);
    });
    const gone = () => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.failed = true;
      this.settle();
    };
    worker.on('error', gone);
    worker.on('exit', gone);
    this.worker = worker;
    return worker;
  }

  /** What the worker held is drawn on this thread. */
  private settle(): void {
    for (const waiting of this.pending.values()) waiting.resolve(undefined);
    this.pending.clear();
  }
}
