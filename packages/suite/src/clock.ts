/** The suite reads time from the same injectable clock as the platform, so travel moves both. */
export interface Clock {
  now(): number;
}
