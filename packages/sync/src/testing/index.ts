// The sync package's test doubles for suites outside it (reliability/, the app's tests). The
// model world of two devices is `@sendlog/sync/testing/sync-world`: it brings vitest and fast-check.
export { FakeServer } from './fake-server.js';
export type { FakeServerOptions } from './fake-server.js';
export { FaultPlan } from './fault-plan.js';
export type { Fault } from './fault-plan.js';
export { FaultyTransport } from './faulty-transport.js';
export { ManualClock, ManualConnectivity, ManualTimers, sequentialIds } from './manual-timers.js';
