import { describe, expect, it } from 'vitest';
import { requestShapeProblem } from './request-shape.js';

const user = { id: 'U1', team_id: 'T1' };

describe('requestShapeProblem', () => {
  it.each([
    ['a slash command', { command: '/baton', text: 'help', team_id: 'T1' }],
    ['a button click', { type: 'block_actions', user, team: { id: 'T1' }, actions: [{ action_id: 'approval.approve' }] }],
    ['an org-wide install (team null)', { type: 'block_actions', user, team: null, actions: [{ action_id: 'approval.approve' }] }],
    ['a modal submission', { type: 'view_submission', user, view: { id: 'V1', callback_id: 'approval.edit' } }],
    ['a global shortcut', { type: 'shortcut', user, callback_id: 'open_baton' }],
    ['an event', { type: 'event_callback', event: { type: 'app_mention', user: 'U1', channel: 'C1' } }],
  ])('lets %s through', (_name, body) => {
    expect(requestShapeProblem(body)).toBeUndefined();
  });

  it.each([
    ['a shortcut with nothing but its type', { type: 'shortcut' }],
    ['a shortcut without its user', { type: 'shortcut', callback_id: 'open_baton' }],
    ['a button click whose user is a string', { type: 'block_actions', user: 'U1', actions: [{ action_id: 'approval.approve' }] }],
    ['a button click whose team is a number', { type: 'block_actions', user, team: 7, actions: [{ action_id: 'approval.approve' }] }],
    ['an event whose channel is a number', { type: 'event_callback', event: { type: 'message', channel: 7 } }],
    ['an event without its event', { type: 'event_callback' }],
    ['a message action without a callback id', { type: 'message_action', user }],
    ['an unknown type', { type: 'nonsense', user }],
  ])('refuses %s, saying what kind of body it was', (_name, body) => {
    expect(requestShapeProblem(body)).toMatch(/^a body of "\w+" that Slack would not send/);
  });
});
