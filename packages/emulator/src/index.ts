export { startEmulator } from './server.js';
export type {
  DayUsageRecord,
  Emulator,
  EmulatorOptions,
  NewDeveloper,
  NewDeveloperInput,
  RequestRecord,
  UsageInput,
} from './types.js';
export type { FaultHandle, FaultMatch, FaultSpec } from './faults.js';
export { DEFAULT_KEY_RATE_LIMIT, BOOTSTRAP_KEY_RATE_LIMIT, MANAGE_SCOPE } from './store.js';
