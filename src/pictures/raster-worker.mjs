// Entry of the picture worker thread (plain JavaScript, so it starts under tsx, vitest and the compiled build
// alike): SVG → PNG with resvg's WebAssembly build. Its memory is one WebAssembly buffer that this thread
// reuses from picture to picture and hands back whole when the thread ends, where native resvg's
// allocations stayed in the process's heap until a garbage collection (tens of megabytes a few pictures).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parentPort } from 'node:worker_threads';
import { initWasm, Resvg } from '@resvg/resvg-wasm';

const require = createRequire(import.meta.url);
await initWasm(readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm')));

parentPort.on('message', ({ id, svg }) => {
  let resvg;
  let image;
  try {
    resvg = new Resvg(svg, { font: { loadSystemFonts: false }, fitTo: { mode: 'original' } });
    image = resvg.render();
    const png = image.asPng();
    // Sent by transfer: a buffer of its own, never a view of the WebAssembly memory.
    const data = png.byteOffset === 0 && png.buffer.byteLength === png.byteLength ? png : png.slice();
    parentPort.postMessage({ id, data, width: image.width, height: image.height }, [data.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  } finally {
    image?.free();
    resvg?.free();
  }
});
parentPort.postMessage({ ready: true });
