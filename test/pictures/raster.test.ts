// The picture worker: SVG → PNG on a worker thread with resvg's WebAssembly build, the same PNG as native
// resvg draws, one thread for every picture, ended after a quiet spell and started again when needed.
import { renderAsync } from '@resvg/resvg-js';
import { afterEach, describe, expect, it } from 'vitest';
import { Rasterizer } from '../../src/pictures/raster';
import { layoutTimeline } from '../../src/pictures/timeline-layout';
import { timelineSvg } from '../../src/pictures/timeline-svg';
import { timelinePictureInput } from '../../src/answers/timeline';
import { parsedSeed, track } from '../answers/helpers';
import { decodePng } from './png-decode';

const NOW = new Date('2026-11-27T12:00:00Z');
const open: Rasterizer[] = [];
afterEach(async () => {
  for (const r of open.splice(0)) await r.close();
});

describe('rasterizer', () => {
  const svg = timelineSvg(layoutTimeline(timelinePictureInput(track(parsedSeed()), NOW)), 'dark');

  it('draws on one worker thread, byte for byte the PNG native resvg draws', async () => {
    const rasterizer = new Rasterizer();
    open.push(rasterizer);
    const [a, b] = await Promise.all([rasterizer.rasterize(svg), rasterizer.rasterize(svg.replace('#2b2d31', '#ffffff'))]);
    expect(rasterizer.started).toBe(1);
    expect(rasterizer.running).toBe(true);
    const native = await renderAsync(svg, { font: { loadSystemFonts: false }, fitTo: { mode: 'original' } });
    expect(Buffer.compare(a.data, Buffer.from(native.asPng()))).toBe(0);
    expect([a.width, a.height]).toEqual([native.width, native.height]);
    expect(decodePng(b.data).pixel(400, a.height - 4)).toEqual([255, 255, 255, 255]);
  });

  it('ends the thread after a quiet spell and starts one again for the next picture', async () => {
    const rasterizer = new Rasterizer(50);
    open.push(rasterizer);
    await rasterizer.rasterize(svg);
    await expect.poll(() => rasterizer.running, { timeout: 3000 }).toBe(false);
    const again = await rasterizer.rasterize(svg);
    expect(again.width).toBe(800);
    expect(rasterizer.started).toBe(2);
  });

  it('reports a picture that cannot be drawn, and goes on drawing the next', async () => {
    const rasterizer = new Rasterizer();
    open.push(rasterizer);
    await expect(rasterizer.rasterize('<svg xmlns="http://www.w3.org/2000/svg" width="0" height="0"/>')).rejects.toThrow();
    expect((await rasterizer.rasterize(svg)).width).toBe(800);
    expect(rasterizer.started).toBe(1);
  });

  it('draws in this thread when the worker cannot start, and does not try it again', async () => {
    const rasterizer = new Rasterizer(5000, new URL('./no-such-worker.mjs', import.meta.url));
    open.push(rasterizer);
    const [a, b] = await Promise.all([rasterizer.rasterize(svg), rasterizer.rasterize(svg)]);
    expect([a.width, b.width]).toEqual([800, 800]);
    expect((await rasterizer.rasterize(svg)).width).toBe(800);
    expect(rasterizer.started).toBe(1);
    expect(rasterizer.running).toBe(false);
  });
});
