// Answers keep their embeds within Discord's 6000-character total by shortening the longest field
// values first, so the renderer's last-resort cut never has to drop a field.
import type { Embed } from '../core/reply';
import { clip } from '../format/text';

/**
 * Keeps an embed within Discord's 6000-character total by shortening the longest field values
 * first: short values keep their length, the rest share what is left equally.
 */
export function fitEmbed(embed: Embed, total = 5900): Embed {
  const fields = embed.fields ?? [];
  const fixed = (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.length ?? 0) + fields.reduce((n, f) => n + f.name.length, 0);
  let room = total - fixed;
  if (fields.reduce((n, f) => n + f.value.length, 0) <= room) return embed;
  const caps: number[] = new Array(fields.length).fill(0);
  const order = fields.map((_, i) => i).sort((a, b) => fields[a].value.length - fields[b].value.length);
  order.forEach((i, k) => {
    caps[i] = Math.max(1, Math.min(fields[i].value.length, Math.floor(room / (order.length - k))));
    room -= caps[i];
  });
  return { ...embed, fields: fields.map((f, i) => (f.value.length <= caps[i] ? f : { ...f, value: clip(f.value, caps[i]) })) };
}
