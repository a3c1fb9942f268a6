import { text } from './schema';

/** Run ids are `crypto.randomUUID()`s; nothing else names a run, so nothing else reaches a file name. */
const RUN_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const isRunId = text(36, RUN_ID);
