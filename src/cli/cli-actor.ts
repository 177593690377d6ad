/** Who the CLI records as the actor of retries, cancels and discards (decisions name their reviewer with --as). */
export const CLI_ACTOR = 'cli';
