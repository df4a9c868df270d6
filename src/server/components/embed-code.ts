// The code other sites paste to embed a chart: an iframe that fills its column, and a few lines
// that set the frame's height from the size the chart reports (app.js posts it from /embed), so
// the chart is never cut off or padded, whatever the column's width.
export function embedCode(origin: string, embedPath: string, title: string): string {
  const src = `${origin}${embedPath}`.replace(/&/g, '&amp;');
  const safeTitle = title.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const origin1 = JSON.stringify(origin);
  return [
    `<iframe src="${src}" title="${safeTitle}" style="width:100%;min-width:280px;border:0" height="640" loading="lazy" data-airace-embed></iframe>`,
    `<script>window.addEventListener("message",function(e){if(e.origin!==${origin1}||!e.data||e.data.type!=="airace:height")return;document.querySelectorAll("iframe[data-airace-embed]").forEach(function(f){if(f.contentWindow===e.source)f.style.height=e.data.height+"px"})})</script>`,
  ].join('\n');
}
