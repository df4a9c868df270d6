// A worker thread of the PNG pool (src/server/png-renderer.ts): rasterises a finished SVG with
// resvg. resvg draws off the event loop already (renderAsync), but encoding the PNG (asPng) runs
// on the calling thread and takes longer than the drawing: here it holds up no request.
import { svgToPng } from '../chart/render.js';

export interface PngTask {
  svg: string;
  scale: number;
}

export default async function pngTask(task: PngTask): Promise<Uint8Array> {
  const png = await svgToPng(task.svg, { scale: task.scale });
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
