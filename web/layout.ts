import { html, raw, type SafeHtml } from './html.js';

export interface PageOptions {
  readonly title: string;
  readonly base: string;
  /** Refresh every few seconds while something is still moving (a run in progress). */
  readonly refreshSeconds?: number;
  readonly notice?: { readonly kind: 'ok' | 'error'; readonly text: string } | undefined;
}

const STYLE = raw(`
body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1d2430;background:#f6f7f9}
header{background:#1d2430;color:#fff;padding:10px 20px;display:flex;gap:20px;align-items:center}
header a{color:#cfd8e3;text-decoration:none}header a:hover{color:#fff}header strong{margin-right:12px}
main{padding:16px 20px;max-width:1280px}
h1{font-size:20px;margin:4px 0 12px}h2{font-size:16px;margin:20px 0 8px}
table{border-collapse:collapse;background:#fff;width:100%}
th,td{border-bottom:1px solid #e3e6ea;padding:6px 8px;text-align:left;vertical-align:top}
th{font-weight:600;color:#55606e;font-size:12px;text-transform:uppercase}
code,pre{font:12px/1.4 ui-monospace,monospace}pre{background:#f0f2f5;padding:8px;overflow:auto;max-height:320px;margin:4px 0}
.status{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;background:#e3e6ea}
.succeeded,.approved,.edited,.closed{background:#d5f2dc}.failed,.rejected,.open,.cancelled,.expired{background:#fadadd}
.running,.pending,.queued,.half_open{background:#fff1c9}.waiting_for_human,.waiting{background:#dbe7ff}.partial{background:#ffe2c4}.not-reached{background:#eef0f3;color:#8a94a3}
.notice{padding:8px 12px;margin-bottom:12px;border-radius:4px}.notice.ok{background:#d5f2dc}.notice.error{background:#fadadd}
form.inline{display:inline}form.filters{display:flex;gap:8px;align-items:end;margin-bottom:12px}
button{cursor:pointer;padding:4px 10px}textarea{width:100%;font:12px ui-monospace,monospace}
.graph{display:flex;gap:6px;align-items:center;flex-wrap:wrap;background:#fff;padding:10px;border:1px solid #e3e6ea}
.graph .node{border:1px solid #b8c0cc;border-radius:6px;padding:6px 8px;min-width:90px}
.graph .group{border:1px dashed #b8c0cc;border-radius:6px;padding:6px;display:flex;gap:6px;align-items:center}
.graph .column{flex-direction:column;align-items:stretch}.graph .label{font-size:11px;color:#55606e}
.graph .arrow{color:#8a94a3}
.timeline{background:#fff;border:1px solid #e3e6ea;padding:8px}
.timeline .row{display:grid;grid-template-columns:220px 1fr 260px;gap:8px;align-items:center;height:22px}
.timeline .track{position:relative;height:14px;background:#f0f2f5}
.timeline .bar{position:absolute;top:0;height:14px;min-width:2px;border-radius:2px}
.bar.succeeded{background:#3aa55d}.bar.failed{background:#d9534f}.bar.running,.bar.pending{background:#e0a800}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:12px}
.chart{background:#fff;border:1px solid #e3e6ea;padding:8px}.chart h3{font-size:13px;margin:0 0 6px}
`);

/** The page shell: one stylesheet inline, no script, nothing fetched from elsewhere. */
export function page(options: PageOptions, body: SafeHtml): string {
  const { base } = options;
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${options.title} · Baton</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
${options.refreshSeconds === undefined ? '' : html`<meta http-equiv="refresh" content="${options.refreshSeconds}">`}
<style>${STYLE}</style></head>
<body><header><strong>Baton</strong>
<a href="${base}">Runs</a><a href="${base}/approvals">Approvals</a><a href="${base}/dead-letters">Dead letters</a><a href="${base}/metrics">Metrics</a></header>
<main>${options.notice === undefined ? '' : html`<div class="notice ${options.notice.kind}" role="status">${options.notice.text}</div>`}${body}</main>
</body></html>`.text;
}

export function statusBadge(status: string): SafeHtml {
  return html`<span class="status ${status}" data-status="${status}">${status.replaceAll('_', ' ')}</span>`;
}
