import { z } from 'zod';

/**
 * The parts of Block Kit Baton sends, with Slack's own limits, so a card that Slack would refuse
 * (`invalid_blocks`) fails in a test instead of in a reviewer's channel. Limits from Slack's
 * reference: 50 blocks per message, 100 per modal, 3000 characters of section text, 75 of button text.
 */
const plainText = (max: number) => z.strictObject({ type: z.literal('plain_text'), text: z.string().min(1).max(max), emoji: z.boolean().optional() });
const markdown = (max: number) => z.strictObject({ type: z.literal('mrkdwn'), text: z.string().min(1).max(max) });
const anyText = (max: number) => z.union([plainText(max), markdown(max)]);

const actionId = z.string().min(1).max(255);
const blockId = z.string().min(1).max(255).optional();

export const ButtonSchema = z.strictObject({
  type: z.literal('button'),
  action_id: actionId,
  text: plainText(75),
  value: z.string().max(2_000).optional(),
  style: z.enum(['primary', 'danger']).optional(),
});

const OptionSchema = z.strictObject({ text: plainText(75), value: z.string().min(1).max(150) });

const StaticSelectSchema = z.strictObject({
  type: z.literal('static_select'),
  action_id: actionId,
  placeholder: plainText(150).optional(),
  options: z.array(OptionSchema).min(1).max(100),
  initial_option: OptionSchema.optional(),
});

const PlainTextInputSchema = z.strictObject({
  type: z.literal('plain_text_input'),
  action_id: actionId,
  multiline: z.boolean().optional(),
  initial_value: z.string().max(3_000).optional(),
  min_length: z.number().int().min(0).max(3_000).optional(),
  max_length: z.number().int().min(1).max(3_000).optional(),
  placeholder: plainText(150).optional(),
});

const NumberInputSchema = z.strictObject({
  type: z.literal('number_input'),
  action_id: actionId,
  is_decimal_allowed: z.boolean(),
  initial_value: z.string().max(64).optional(),
  min_value: z.string().optional(),
  max_value: z.string().optional(),
});

const SectionSchema = z
  .strictObject({
    type: z.literal('section'),
    block_id: blockId,
    text: anyText(3_000).optional(),
    fields: z.array(anyText(2_000)).min(1).max(10).optional(),
    accessory: ButtonSchema.optional(),
  })
  .refine((block) => block.text !== undefined || block.fields !== undefined, 'a section needs text or fields');

export const BlockSchema = z.union([
  SectionSchema,
  z.strictObject({ type: z.literal('header'), block_id: blockId, text: plainText(150) }),
  z.strictObject({ type: z.literal('divider'), block_id: blockId }),
  z.strictObject({ type: z.literal('context'), block_id: blockId, elements: z.array(anyText(2_000)).min(1).max(10) }),
  z.strictObject({ type: z.literal('actions'), block_id: blockId, elements: z.array(z.union([ButtonSchema, StaticSelectSchema])).min(1).max(25) }),
  z.strictObject({
    type: z.literal('input'),
    block_id: blockId,
    label: plainText(2_000),
    hint: plainText(2_000).optional(),
    optional: z.boolean().optional(),
    element: z.union([PlainTextInputSchema, NumberInputSchema, StaticSelectSchema]),
  }),
]);
export type Block = z.infer<typeof BlockSchema>;

/** A message as `chat.postMessage` / `chat.update` take it: fallback text for notifications, and blocks. */
export const MessageSchema = z.strictObject({
  text: z.string().min(1).max(4_000),
  blocks: z.array(BlockSchema).max(50),
});
export type SlackMessage = z.infer<typeof MessageSchema>;

export const ModalSchema = z.strictObject({
  type: z.literal('modal'),
  callback_id: z.string().min(1).max(255),
  title: plainText(24),
  submit: plainText(24).optional(),
  close: plainText(24).optional(),
  private_metadata: z.string().max(3_000).optional(),
  blocks: z.array(BlockSchema).min(1).max(100),
});
export type SlackModal = z.infer<typeof ModalSchema>;
