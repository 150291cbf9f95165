const https = require('node:https');
const { get } = require('http');

function charge(body, options) {
  return new Promise((resolve, reject) => {
    const req = https.request({ hostname: 'pay.example.com', port: 443, timeout: 2000 }, resolve);
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.setTimeout(1000, function () { this.abort(); });
    req.on('error', reject);
    req.end(body);
  });
}

function later(url) {
  get(url, { signal: AbortSignal.timeout(500) }).on('timeout', onTimeout);
  return https.get(options);
}
