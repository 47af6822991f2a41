// The /timeline picture as a reply attachment: layout model → SVG → PNG (cached by content), with alt text.
import type { Attachment } from '../core/reply';
import { sharedTypesetter, type Typesetter } from './glyphs';
import { PngRenderer } from './png';
import { cleanText } from './text';
import { layoutTimeline, LAYOUT, type TimelineInput, type TimelineLayout } from './timeline-layout';
import { timelineSvg, type Theme } from './timeline-svg';

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
    const png = await this.renderer.render(timelineSvg(layout, theme, this.typesetter));
    return {
      attachment: { name: 'timeline.png', contentType: 'image/png', data: png.data, description: altText(input, layout) },
      layout,
      width: png.width,
      height: png.height,
    };
  }
}

/** Alt text (Discord allows 1024 characters): the headline and the events in order. */
function altText(input: TimelineInput, layout: TimelineLayout): string {
  const head = `Timeline picture: ${layout.title.text}. `;
  const events = input.events
    .map((e) => cleanText(`${e.dateText}: ${e.description}`))
    .join('; ');
  const text = `${head}${events}`;
  const chars = [...text]; // code points: a cut never splits a surrogate pair
  return chars.length <= 1000 ? text : `${chars.slice(0, 999).join('')}…`;
}
