import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { loadConfig } from '../../src/config.js';

/**
 * No Docker engine runs here, so the deployment files are held to what they must say: the
 * compose file parsed and checked against the settings Baton needs, the Dockerfile against the
 * source tree and the process it runs.
 */
const ServiceSchema = z.object({
  image: z.string().optional(),
  build: z.string().optional(),
  command: z.array(z.string()).optional(),
  environment: z.record(z.string(), z.string()).optional(),
  ports: z.array(z.string()).optional(),
  depends_on: z.record(z.string(), z.object({ condition: z.string() })).optional(),
  healthcheck: z.object({ test: z.array(z.string()).optional(), disable: z.boolean().optional() }).optional(),
  stop_grace_period: z.string().optional(),
  profiles: z.array(z.string()).optional(),
});
const ComposeSchema = z.object({ services: z.record(z.string(), ServiceSchema), volumes: z.record(z.string(), z.unknown().nullable()) });

async function compose() {
  return ComposeSchema.parse(parse(await readFile('compose.yaml', 'utf8')));
}

/** What compose would substitute, with the variables a user must set given. */
function substitute(value: string): string {
  return value.replace(/\$\{(\w+)(?::[-?]([^}]*))?\}/g, (_match, name: string, fallback: string | undefined) => (name === 'BATON_MCP_TOKEN' ? 'a-secret-of-sixteen-characters' : fallback ?? ''));
}

describe('compose.yaml', () => {
  it('runs Redis that never evicts and persists, PostgreSQL, baton serve and optional workers', async () => {
    const { services, volumes } = await compose();
    expect(Object.keys(services).sort()).toEqual(['baton', 'postgres', 'redis', 'worker']);
    const redisCommand = services['redis']?.command?.join(' ') ?? '';
    expect(redisCommand).toContain('--maxmemory-policy noeviction');
    expect(redisCommand).toContain('--appendonly yes');
    expect(Object.keys(volumes).sort()).toEqual(['postgres-data', 'redis-data']);
    expect(services['baton']).toMatchObject({ build: '.', command: ['serve'], ports: ['127.0.0.1:8787:8787'], depends_on: { redis: { condition: 'service_healthy' }, postgres: { condition: 'service_healthy' } } });
    expect(services['worker']).toMatchObject({ command: ['worker', '--workers', '2'], profiles: ['workers'], healthcheck: { disable: true } });
    expect(services['worker']?.image).toBe(services['baton']?.image);
  });

  it("gives Baton an environment its own config accepts, and more time to stop than the drain deadline", async () => {
    const { services } = await compose();
    const environment = Object.fromEntries(Object.entries(services['baton']?.environment ?? {}).map(([name, value]) => [name, substitute(value)]));
    const config = loadConfig(environment);
    expect(config.databaseUrl).toBe('postgres://baton:baton@postgres:5432/baton');
    expect(config.redisUrl).toBe('redis://redis:6379');
    expect(config.http).toEqual({ host: '0.0.0.0', port: 8787 });
    expect(config.tracing.otlpEndpoint).toBeUndefined();
    expect(services['worker']?.environment).toEqual(services['baton']?.environment);
    const grace = Number(/^(\d+)s$/.exec(services['baton']?.stop_grace_period ?? '')?.[1]) * 1000;
    expect(grace).toBeGreaterThan(config.shutdownDeadlineMs);
    expect(services['baton']?.environment?.['BATON_MCP_TOKEN']).toMatch(/^\$\{BATON_MCP_TOKEN:\?/);
  });
});

describe('Dockerfile', () => {
  it('copies every source folder the build compiles, runs baton serve as the non-root node user, and checks /healthz', async () => {
    const dockerfile = await readFile('Dockerfile', 'utf8');
    const build = JSON.parse(await readFile('tsconfig.build.json', 'utf8')) as { include: string[] };
    for (const folder of build.include) expect(dockerfile).toContain(`COPY ${folder} ./${folder}`);
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/BATON_HTTP_HOST=0\.0\.0\.0/);
    expect(runtime).toMatch(/^HEALTHCHECK .*\n?.*\/healthz/m);
    expect(runtime).toMatch(/^ENTRYPOINT \["node", "dist\/src\/cli\/main\.js"\]$/m);
    expect(runtime).toMatch(/^CMD \["serve"\]$/m);
    expect(runtime.indexOf('USER node')).toBeLessThan(runtime.indexOf('CMD ["serve"]'));
  });
});
