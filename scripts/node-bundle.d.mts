import type { BuildOptions } from 'esbuild';

/** ES modules for Node 20, with the packages left in node_modules. */
export declare const NODE_BUNDLE: BuildOptions;
