import { parseArgs, type ParseArgsConfig } from 'node:util';
import { BatonError } from '../errors/index.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * node:util's parseArgs, strict, with its TypeErrors turned into one input error that names
 * the option and shows the command's usage (exit status 2, like any other bad input).
 */
export function parseCliArgs<T extends Options>(args: readonly string[], options: T, usage: string) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    const reason = error instanceof Error ? (error.message.split('. ')[0] ?? error.message) : String(error);
    throw new BatonError('input_invalid', `${reason.replace(/\.$/, '')}. Usage: ${usage}`, { cause: error, details: { usage: true } });
  }
}

/** Exactly `count` positionals, or the usage. */
export function expectPositionals(positionals: readonly string[], count: number, usage: string): string[] {
  if (positionals.length !== count) {
    const problem = positionals.length < count ? 'missing argument' : `unexpected argument "${positionals[count] ?? ''}"`;
    throw new BatonError('input_invalid', `${capitalise(problem)}. Usage: ${usage}`, { details: { usage: true } });
  }
  return [...positionals];
}

/** A whole number option within bounds, or an error naming the option. */
export function parseWholeNumber(option: string, value: string | undefined, bounds: { min: number; max: number }): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < bounds.min || number > bounds.max) {
    throw new BatonError('input_invalid', `${option}: expected a whole number from ${bounds.min} to ${bounds.max}, got "${value}".`, { details: { option } });
  }
  return number;
}

/** One of `choices`, or an error naming the option and listing them. */
export function parseChoice<T extends string>(option: string, value: string | undefined, choices: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(choices as readonly string[]).includes(value)) {
    throw new BatonError('input_invalid', `${option}: expected one of ${choices.join(', ')}, got "${value}".`, { details: { option } });
  }
  return value as T;
}

function capitalise(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}
