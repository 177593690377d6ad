import type { AccountBrief } from '../contracts/account-brief.js';
import { strongestSignal } from '../email-writer/strongest-signal.js';
import { findBannedPhrases } from './acknowledgement-rules.js';
import type { ObjectionHandlerInput, ObjectionKind, ObjectionReply } from './objection-schemas.js';

/** Cues per objection, checked in this order: "we built our own tool" is in_house, not existing_tool. */
const CUES: readonly (readonly [ObjectionKind, readonly string[]])[] = [
  ['in_house', ['built our own', 'build our own', 'in-house', 'in house', 'internal tool', 'homegrown']],
  ['existing_tool', ['already use', 'already have', 'already using', 'locked into', 'under contract', 'happy with our', 'we use ']],
  ['no_budget', ['no budget', 'budget', 'too expensive', 'cannot afford', "can't afford", 'spend freeze']],
  ['timing', ['not the right time', 'bad timing', 'next quarter', 'next year', 'not now', 'not a priority', 'revisit', 'maybe later']],
  ['no_need', ["don't need", 'do not need', 'no need', 'not a problem for us', 'not relevant', 'works fine']],
];

interface Response {
  readonly acknowledge: string;
  readonly reframe: (context: string) => string;
  readonly question: string;
  readonly angle: string;
}

const RESPONSES: Readonly<Record<ObjectionKind, Response>> = {
  existing_tool: { acknowledge: 'Makes sense, and switching tools is rarely worth the disruption.', reframe: (context) => `Teams that keep their current tool often find parts of the work stay manual ${context}.`, question: 'Would it help to compare notes on what yours leaves manual?', angle: 'complement the current tool rather than replace it' },
  no_budget: { acknowledge: 'Understood, and I would not ask you to reopen a set budget.', reframe: (context) => `Some teams start by sizing the problem ${context}, so the numbers are ready when planning opens.`, question: 'Would it make sense to reconnect when next year’s plan is being set?', angle: 'help size the problem now for the next budget cycle' },
  timing: { acknowledge: 'Fair enough, the timing has to be right.', reframe: (context) => `Priorities tend to shift ${context}, so I will not crowd your inbox.`, question: 'When would be a better time to pick this up?', angle: 'agree a later moment instead of pushing now' },
  no_need: { acknowledge: 'Thanks for being direct, that helps.', reframe: (context) => `Most teams only feel this once headcount grows ${context}.`, question: 'Should I close the file, or check back if that changes?', angle: 'leave the door open for when the need appears' },
  in_house: { acknowledge: 'Makes sense, an in-house build fits your process exactly.', reframe: (context) => `The hard part is usually upkeep ${context}, not the first version.`, question: 'How is the internal build holding up as the team grows?', angle: 'ask about the cost of maintaining the in-house build' },
  other: { acknowledge: 'Thanks for the honest reply.', reframe: (context) => `I reached out because of what is happening ${context}.`, question: 'Would a short example be more useful than another email?', angle: 'offer a concrete example instead of a pitch' },
};

/**
 * Offline mode's objection handler: the objection by its cues, and a short reply that
 * acknowledges it, offers one different angle (tied to the brief's strongest signal when there
 * is a brief) and asks one soft question. `[simulated]` is in the angle and the subject.
 */
export function createObjectionSimulator(bannedPhrases: readonly string[]): (input: ObjectionHandlerInput) => ObjectionReply {
  return ({ reply, brief }) => {
    const text = `${reply.subject ?? ''} ${reply.text}`.toLowerCase();
    const match = CUES.find(([, cues]) => cues.some((cue) => text.includes(cue)));
    const objection = match?.[0] ?? 'other';
    const response = RESPONSES[objection];
    const context = contextOf(brief, bannedPhrases);
    const subject = reply.subject === undefined ? 'Re: your note' : `Re: ${reply.subject.replace(/^re:\s*/i, '')}`;
    return {
      objection,
      replyDraft: { subject: `[simulated] ${subject}`, body: [response.acknowledge, response.reframe(context), response.question].join(' ') },
      angle: `[simulated] ${response.angle}`,
      confidence: match === undefined ? 0.45 : 0.75,
    };
  };
}

/** "after the Series B at Northwind", or a neutral phrase when there is no usable signal. */
function contextOf(brief: AccountBrief | undefined, bannedPhrases: readonly string[]): string {
  const signal = brief === undefined ? undefined : strongestSignal(brief);
  const keyword = signal?.keywords.find((candidate) => findBannedPhrases(candidate, bannedPhrases).length === 0 && !/[?—–]/.test(candidate));
  return brief === undefined || keyword === undefined ? 'as teams grow' : `after the ${keyword} at ${brief.account.name}`;
}
