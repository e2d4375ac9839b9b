// Injected into the CommonJS bundle in place of import.meta.url (see bundle.mjs).
import { pathToFileURL } from 'node:url';

export const importMetaUrl = pathToFileURL(__filename).href;
