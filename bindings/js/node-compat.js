// Prepended to the Emscripten module (--extern-pre-js). Emscripten 3.1.6's ES-module output
// refers to `require` and `__dirname`, which ES modules in Node do not have; define them from
// import.meta.url when running in Node >= 20.16 (process.getBuiltinModule). Browsers and
// Workers skip this, and the package passes the .wasm bytes in Node itself (see index.js).
var require, __dirname;
if (typeof process === 'object' && process.versions && process.versions.node &&
    typeof process.getBuiltinModule === 'function') {
  require = process.getBuiltinModule('module').createRequire(import.meta.url);
  __dirname = process.getBuiltinModule('path').dirname(process.getBuiltinModule('url').fileURLToPath(import.meta.url));
}
