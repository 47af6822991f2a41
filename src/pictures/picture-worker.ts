// The /timeline picture's own thread (picture-thread.ts starts it): lays out, draws and deflates each
// picture it is sent with TimelinePictures, as the main thread did, and sends back the PNG and what the
// reply needs of the layout. Entry point of dist/picture-worker.js in the compiled build (scripts/build.mjs).
import { isMainThread, parentPort, threadId, workerData } from 'node:worker_threads';
import { TimelinePictures } from './timeline-picture';
import { PICTURE_WORKER_TAG, type PictureJob, type PictureResult } from './picture-thread';

if (!isMainThread && parentPort && (workerData as { tag?: string } | undefined)?.tag === PICTURE_WORKER_TAG) {
  const port = parentPort;
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
