// CSP canary for workers (see cspCanary() in page.js): string evaluation must be refused here too.
let result;
try {
  result = { evaluated: new Function('return 1')() === 1 };
} catch (error) {
  result = { evaluated: false, error: error.name };
}
self.postMessage(result);
