// The /timeline picture as a reply attachment: layout model → shapes → PNG (cached by the layout), with alt
// text. The picture is drawn in this thread in slices of a few milliseconds, a band of rows at a time, and
// deflated on libuv's thread pool (canvas.ts, png.ts).
import type { Attachment } from '../core/reply';
import { runSliced } from './canvas';
import { sharedTypesetter, type Typesetter } from './glyphs';
import { drawPng, PngRenderer } from './png';
import { cleanText } from './text';
import { timelineShapes, type Theme } from './timeline-draw';
import { layoutTimeline, LAYOUT, type TimelineInput, type TimelineLayout } from './timeline-layout';

export interface TimelinePicture {
  attachment: Attachment;
  layout: TimelineLayout;
  width: number;
  height: number;
}

export class TimelinePictures {
  constructor(
    readonly renderer: PngRenderer = new PngRenderer(),
    private readonly typesetter: Typesetter = sharedTypesetter(),
  ) {}

  async render(input: TimelineInput, theme: Theme = 'dark', width: number = LAYOUT.width): Promise<TimelinePicture> {
    const layout = layoutTimeline(input, width);
    // What is drawn comes from the layout and the theme alone: they are the cache's key.
    const png = await this.renderer.render(`${theme}\n${JSON.stringify(layout)}`, async () =>
      drawPng(layout.width, layout.height, await runSliced(timelineShapes(layout, theme, this.typesetter))),
    );
    return {
      attachment: { name: 'timeline.png', contentType: 'image/png', data: png.data, description: altText(input, layout) },
      layout,
      width: png.width,
      height: png.height,
    };
  }
}

/**
 * Alt text: the headline and the events in order, whole. Discord's limit on it (1024 characters) is the
 * Discord renderer's to apply (transports/discord/render.ts cuts it with format/text.ts `clip`), as for any
 * text of a reply; the labels inside the picture are cut by pixel width instead (text.ts `fitText`).
 */
function altText(input: TimelineInput, layout: TimelineLayout): string {
  const events = input.events.map((e) => cleanText(`${e.dateText}: ${e.description}`)).join('; ');
  return `Timeline picture: ${layout.title.text}. ${events}`;
}
