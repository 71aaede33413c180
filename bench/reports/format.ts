import { fmt } from '../lib/report.js';

/** How the report rows write their figures, so every part reads alike. */
export const pct = (ratio: number) => `${fmt(ratio * 100, 0)} %`;
export const times = (ratio: number) => `${fmt(ratio, 1)}×`;
export const perS = (value: number) => `${fmt(value, 0)} sessions/s`;
