/** A realistic inbound reply (examples/replies/interested.json) as the context an agent run receives. */
export const SAMPLE_REPLY = {
  reply: {
    from: 'dana.ortiz@northwind-logistics.com',
    subject: 'Re: Series B and your SDR ramp',
    text: "Thanks for the note. The timing is good: we are hiring six SDRs this quarter. Interested, let's talk. Next week works for me, Tuesday or Wednesday afternoon.",
    receivedAt: '2026-11-20T15:42:00Z',
  },
} as const;
