// esbuild options of every bundle that runs in Node: the command line, the corpus compiler and
// its worker thread, the benchmarks, and the tests that start the worker.

/** ES modules for Node 20, with the packages left in node_modules. */
export const NODE_BUNDLE = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
};
