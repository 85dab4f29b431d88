/**
 * The version of the metrics payload. Apart from the schema so that building a payload on the
 * device does not pull the validation library into the first screen.
 */
export const metricsPayloadVersion = 1;
