export { ConfigError, loadConfig, str, int, url, hostPort, oneOf, secret } from './env';
export type { VarSpec } from './env';
export { sharedConfigSpec } from './shared.config';
