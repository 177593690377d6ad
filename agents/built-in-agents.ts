import { compAuditor } from './comp-auditor/comp-auditor.js';
import { classificationJudge } from './classification-judge/classification-judge.js';
import { dealForecaster } from './deal-forecaster/deal-forecaster.js';
import { dealInspector } from './deal-inspector/deal-inspector.js';
import { dealRiskSummariser } from './deal-risk-summariser/deal-risk-summariser.js';
import { createEmailQaAgent } from './email-qa/email-qa.js';
import { loadEmailRules } from './email-qa/email-rules.js';
import { createEmailWriterAgent } from './email-writer/email-writer.js';
import { fundingResearch } from './funding-research/funding-research.js';
import { hiringResearch } from './hiring-research/hiring-research.js';
import { infoAgent } from './info-agent/info-agent.js';
import { leadEnricher } from './lead-enricher/lead-enricher.js';
import { loadIcpRules } from './lead-scorer/icp-rules.js';
import { createLeadScorerAgent } from './lead-scorer/lead-scorer.js';
import { meetingBooker } from './meeting-booker/meeting-booker.js';
import { createObjectionHandlerAgent } from './objection-handler/objection-handler.js';
import { optOutConfirmer } from './opt-out-confirmer/opt-out-confirmer.js';
import { outOfOfficeParser } from './out-of-office-parser/out-of-office-parser.js';
import { personaliser } from './personaliser/personaliser.js';
import { prospectBriefWriter } from './prospect-brief-writer/prospect-brief-writer.js';
import { repRouter } from './rep-router/rep-router.js';
import { replyClassifier } from './reply-classifier/reply-classifier.js';
import { researchMerge } from './research-merge/research-merge.js';
import type { AnyAgent } from './runtime/agent-definition.js';
import { signalResearch } from './signal-research/signal-research.js';
import { techStackResearch } from './tech-stack-research/tech-stack-research.js';

/** Every agent Baton ships, with the rule files they need read from the prompts folder. */
export async function loadBuiltInAgents(promptsFolder: string): Promise<AnyAgent[]> {
  const emailRules = await loadEmailRules(promptsFolder);
  const icpRules = await loadIcpRules(promptsFolder);
  return [
    replyClassifier,
    classificationJudge,
    createEmailQaAgent(emailRules),
    fundingResearch,
    hiringResearch,
    techStackResearch,
    signalResearch,
    researchMerge,
    createEmailWriterAgent(emailRules),
    personaliser,
    meetingBooker,
    createObjectionHandlerAgent(emailRules),
    infoAgent,
    outOfOfficeParser,
    optOutConfirmer,
    leadEnricher,
    createLeadScorerAgent(icpRules),
    repRouter,
    prospectBriefWriter,
    dealInspector,
    dealForecaster,
    compAuditor,
    dealRiskSummariser,
  ];
}
