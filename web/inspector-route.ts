import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Engine } from '../src/engine/engine.js';
import { BatonError, toBatonError } from '../src/errors/index.js';
import type { HttpRoute } from '../src/main/http-server.js';
import type { MetricsSnapshot, MetricsWindowInput } from '../src/metrics/index.js';
import { RunStatusSchema } from '../src/store/index.js';
import { readFormBody } from './form-body.js';
import { html } from './html.js';
import { parseDecideForm } from './inspector-actions.js';
import { authenticate, identityOf, sessionCookie, type InspectorAccess, type InspectorIdentity } from './inspector-auth.js';
import { page, type PageOptions } from './layout.js';
import { approvalsPage } from './pages/approvals-page.js';
import { deadLettersPage } from './pages/dead-letters-page.js';
import { loginPage } from './pages/login-page.js';
import { metricsPage } from './pages/metrics-page.js';
import { runPage } from './pages/run-page.js';
import { runsPage } from './pages/runs-page.js';

export interface InspectorOptions {
  readonly engine: Pick<Engine, 'listRuns' | 'getRun' | 'listApprovals' | 'getApproval' | 'decide' | 'listDeadLetters' | 'retryDeadLetter' | 'discardDeadLetter' | 'workflows'>;
  readonly metrics: (input: MetricsWindowInput) => Promise<MetricsSnapshot>;
  readonly access: InspectorAccess;
  /** Defaults to `/inspector`. */
  readonly prefix?: string;
  readonly now?: () => number;
}

interface Exchange {
  readonly request: IncomingMessage;
  readonly response: ServerResponse;
  readonly url: URL;
  readonly identity: InspectorIdentity;
}

/** The run inspector: server-rendered pages over the engine's public API, behind the MCP token. */
export function createInspectorRoute(options: InspectorOptions): HttpRoute {
  const base = options.prefix ?? '/inspector';
  const now = options.now ?? Date.now;
  const send = (response: ServerResponse, status: number, pageOptions: Omit<PageOptions, 'base'>, body: ReturnType<typeof html>) => {
    const text = page({ ...pageOptions, base }, body);
    response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store', 'x-frame-options': 'DENY', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'" });
    response.end(text);
  };
  const redirect = (response: ServerResponse, location: string, headers: Record<string, string> = {}) => {
    response.writeHead(303, { location, ...headers });
    response.end();
  };
  const noticeOf = (url: URL): PageOptions['notice'] => {
    const text = url.searchParams.get('notice');
    return text === null ? undefined : { kind: url.searchParams.get('kind') === 'error' ? 'error' : 'ok', text };
  };
  const withNotice = (path: string, kind: 'ok' | 'error', text: string) => `${path}${path.includes('?') ? '&' : '?'}${new URLSearchParams({ notice: text, kind }).toString()}`;

  const pages: { method: string; pattern: RegExp; handle: (exchange: Exchange, match: RegExpExecArray) => Promise<void> }[] = [
    {
      method: 'GET',
      pattern: /^\/?$/,
      handle: async ({ response, url }) => {
        const status = RunStatusSchema.safeParse(url.searchParams.get('status')).data;
        const workflow = url.searchParams.get('workflow') || undefined;
        const cursor = url.searchParams.get('cursor') || undefined;
        const runPageData = await options.engine.listRuns({ limit: 50, ...(status === undefined ? {} : { status }), ...(workflow === undefined ? {} : { workflow }), ...(cursor === undefined ? {} : { cursor }) });
        const workflows = [...new Set(options.engine.workflows.list().map((definition) => definition.name))].sort();
        send(response, 200, { title: 'Runs', notice: noticeOf(url) }, runsPage({ base, page: runPageData, workflows, filters: { status, workflow } }));
      },
    },
    {
      method: 'GET',
      pattern: /^\/runs\/([^/]+)$/,
      handle: async ({ response, url }, match) => {
        const run = await options.engine.getRun(decodeURIComponent(match[1] ?? ''));
        const approvals = await options.engine.listApprovals({ runId: run.id });
        const root = run.kind === 'workflow' ? rootOf(options.engine.workflows, run.name, run.version) : undefined;
        const moving = ['queued', 'running'].includes(run.status);
        send(response, 200, { title: `Run ${run.id.slice(0, 8)}`, notice: noticeOf(url), ...(moving ? { refreshSeconds: 2 } : {}) }, runPage({ base, run, approvals, root, now: now() }));
      },
    },
    {
      method: 'GET',
      pattern: /^\/approvals$/,
      handle: async ({ response, url }) => {
        send(response, 200, { title: 'Approvals', notice: noticeOf(url) }, approvalsPage(base, await options.engine.listApprovals({ status: 'pending' })));
      },
    },
    {
      method: 'POST',
      pattern: /^\/approvals\/([^/]+)\/decide$/,
      handle: async ({ request, response, identity }, match) => {
        const approvalId = decodeURIComponent(match[1] ?? '');
        const fields = await readFormBody(request);
        const back = fields['return'] === 'approvals' ? `${base}/approvals` : undefined;
        try {
          const form = parseDecideForm(fields);
          const { runId } = await options.engine.getApproval(approvalId);
          const decided = await options.engine.decide({ approvalId, fingerprint: form.fingerprint, decision: form.decision, reviewer: { id: identity.id, groups: identity.groups, via: 'web' } });
          redirect(response, withNotice(back ?? `${base}/runs/${runId}`, 'ok', `Approval ${decided.outcome} by ${identity.id}; the run is ${decided.status.replaceAll('_', ' ')}.`));
        } catch (thrown) {
          const error = toBatonError(thrown);
          if (error.fault !== 'user') throw error;
          redirect(response, withNotice(back ?? `${base}/approvals`, 'error', `${error.code}: ${error.message}`));
        }
      },
    },
    {
      method: 'GET',
      pattern: /^\/dead-letters$/,
      handle: async ({ response, url }) => {
        send(response, 200, { title: 'Dead letters', notice: noticeOf(url) }, deadLettersPage(base, await options.engine.listDeadLetters({ limit: 100 })));
      },
    },
    {
      method: 'POST',
      pattern: /^\/dead-letters\/([^/]+)\/(retry|discard)$/,
      handle: async ({ response, identity }, match) => {
        const deadLetterId = decodeURIComponent(match[1] ?? '');
        const by = `web:${identity.id}`;
        try {
          if (match[2] === 'retry') await options.engine.retryDeadLetter(deadLetterId, by);
          else await options.engine.discardDeadLetter(deadLetterId, by);
          redirect(response, withNotice(`${base}/dead-letters`, 'ok', `Dead letter ${deadLetterId.slice(0, 8)} ${match[2] === 'retry' ? 'retried: its run restarts from the failed step' : 'discarded'}.`));
        } catch (thrown) {
          const error = toBatonError(thrown);
          if (error.fault !== 'user') throw error;
          redirect(response, withNotice(`${base}/dead-letters`, 'error', `${error.code}: ${error.message}`));
        }
      },
    },
    {
      method: 'GET',
      pattern: /^\/metrics$/,
      handle: async ({ response, url }) => {
        const since = url.searchParams.get('since') ?? '24h';
        send(response, 200, { title: 'Metrics', notice: noticeOf(url) }, metricsPage(base, await options.metrics({ since })));
      },
    },
  ];

  return {
    name: 'inspector',
    prefix: base,
    async handle(request, response) {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const path = url.pathname.slice(base.length);
      if (path === '/login') {
        await login(request, response, url);
        return;
      }
      const identity = authenticate(request, options.access);
      if (identity === undefined) {
        const configured = options.access.tokens.length > 0;
        send(response, configured ? 401 : 403, { title: 'Sign in' }, loginPage(base, configured));
        return;
      }
      const route = pages.find((candidate) => candidate.method === request.method && candidate.pattern.test(path));
      if (route === undefined) {
        send(response, 404, { title: 'Not found' }, html`<h1>Not found</h1><p>Nothing is at ${url.pathname}.</p>`);
        return;
      }
      try {
        await route.handle({ request, response, url, identity }, route.pattern.exec(path) as RegExpExecArray);
      } catch (thrown) {
        const error = toBatonError(thrown);
        if (error.fault !== 'user') throw error;
        send(response, error.code === 'not_found' ? 404 : 400, { title: 'Error', notice: { kind: 'error', text: `${error.code}: ${error.message}` } }, html`<p><a href="${base}">Back to the runs</a></p>`);
      }
    },
  };

  async function login(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const token = request.method === 'POST' ? (await readFormBody(request))['token'] : url.searchParams.get('token') ?? undefined;
    if (identityOf(token, options.access) === undefined || token === undefined) {
      send(response, 401, { title: 'Sign in', notice: { kind: 'error', text: 'That token is not one this server accepts.' } }, loginPage(base, options.access.tokens.length > 0));
      return;
    }
    redirect(response, base, { 'set-cookie': sessionCookie(token, base) });
  }
}

function rootOf(workflows: InspectorOptions['engine']['workflows'], name: string, version: string) {
  try {
    return workflows.get(name, version).root;
  } catch (error) {
    if (error instanceof BatonError && error.code === 'not_found') return undefined;
    throw error;
  }
}
