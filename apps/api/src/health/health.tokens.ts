export const HEALTH_REDIS = Symbol('HEALTH_REDIS');
