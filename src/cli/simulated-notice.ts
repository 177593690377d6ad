/** Offline mode says so in every result it prints: the simulator never passes for a real model. */
export const SIMULATED_NOTICE = 'Simulated by offline mode: no model was called. Set ANTHROPIC_API_KEY for real answers.';
