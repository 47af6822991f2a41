// The /timeline picture's own thread (picture-thread.ts starts it): lays out, draws and deflates each
// picture it is sent with TimelinePictures, as the main thread did, and sends back the PNG and what the
// reply needs of the layout. Entry point of dist/picture-worker.js in the compiled build (scripts/build.mjs).
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { isMainThread, parentPort, threadId, workerData } from 'node:worker_threads';
import { TimelinePictures } from './timeline-picture';
import { PICTURE_WORKER_TAG, type PictureJob, type PictureResult } from './picture-thread';

/**
 * The nice value of this thread: commands come first. On a busy machine a picture drawn at the main thread's
 * priority took CPU time the next answers waited for; at nice 10 the scheduler gives the thread about a tenth
 * of a core another thread wants, and the whole of an idle one. Linux only (a thread's nice value is its
 * own there: setpriority with the thread's id); elsewhere the thread keeps the process's priority.
 */
export const PICTURE_THREAD_NICE = 10;

function lowerPriority(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, PICTURE_THREAD_NICE);
  } catch {
    // not Linux, or not allowed: the thread keeps the process's priority
  }
}

if (!isMainThread && parentPort && (workerData as { tag?: string } | undefined)?.tag === PICTURE_WORKER_TAG) {
  const port = parentPort;
  lowerPriority();
  const pictures = new TimelinePictures();
  port.on('message', (job: PictureJob) => {
    const work = job.kind === 'warm' ? pictures.warm().then(() => undefined) : pictures.render(job.input, job.theme, job.width);
    work.then(
      (picture) => {
        const result: PictureResult = picture
          ? { id: job.id, ok: true, threadId, picture: { data: picture.attachment.data, description: picture.attachment.description ?? '', layout: picture.layout, width: picture.width, height: picture.height } }
          : { id: job.id, ok: true, threadId };
        // Copied, not transferred: the PNG stays in this thread's cache of drawn pictures.
        port.postMessage(result);
      },
      (error: unknown) => port.postMessage({ id: job.id, ok: false, threadId, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies PictureResult),
    );
  });
}
