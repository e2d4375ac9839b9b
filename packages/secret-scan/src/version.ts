/** The version reports carry; its own module so the CLI's first imports stay small. */
export const VERSION = '0.1.0';
