import { runSlackAlone } from '../../main/slack-standalone.js';
import { EXIT, type CliCommand } from '../cli-command.js';
import { expectPositionals, parseCliArgs } from '../parse-cli-args.js';
import { listenForShutdown } from '../shutdown-signals.js';

export const slackCommand: CliCommand = {
  name: 'slack',
  usage: 'baton slack',
  summary: 'Run the Slack app alone: approval cards, slash commands and alerts (baton serve runs it too)',
  help: [
    'Runs the Slack app without step workers: approval cards in threads, /research and /baton, alerts, dead-letter triage and',
    'the daily digest. HTTP mode (SLACK_SIGNING_SECRET) listens on BATON_HTTP_HOST:BATON_HTTP_PORT at /slack/events; Socket Mode',
    '(SLACK_APP_TOKEN) connects out and needs no public URL. Needs SLACK_BOT_TOKEN and SLACK_APPROVALS_CHANNEL. Runs until SIGINT',
    'or SIGTERM. `baton serve` runs the same app when SLACK_BOT_TOKEN is set.',
  ].join('\n'),
  defaultLogLevel: 'info',
  async run(args, context) {
    const { positionals } = parseCliArgs(args, {}, this.usage);
    expectPositionals(positionals, 0, this.usage);
    const signals = listenForShutdown(context.io, 'the Slack app');
    try {
      const baton = await context.baton();
      const running = await runSlackAlone(baton);
      baton.logger.info({ mode: baton.config.slack?.mode, ...(running.url === undefined ? {} : { url: `${running.url}/slack/events` }) }, 'baton slack started; stop with Ctrl-C or SIGTERM');
      await signals.received;
      await running.close();
      return EXIT.ok;
    } finally {
      signals.dispose();
    }
  },
};
