export {
  startEmulator,
  type Emulator,
  type EmulatorOptions,
  type NewDeveloper,
  type NewDeveloperInput,
  type RequestRecord,
  type UsageInput,
  type DayUsageRecord,
} from './emulator.js';
export type { FaultHandle, FaultMatch, FaultSpec } from './faults.js';
export { DEFAULT_KEY_RATE_LIMIT, BOOTSTRAP_KEY_RATE_LIMIT, MANAGE_SCOPE } from './store.js';
