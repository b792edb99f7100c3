// Preloaded (NODE_OPTIONS=--require …) into servers that listen on every
// interface by default (Comunica's endpoint calls server.listen(port)): a
// listen without a host binds 127.0.0.1 only, so benchmark traffic never
// leaves the machine.
const net = require('node:net');
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] === 'number' && (args.length === 1 || typeof args[1] === 'function')) {
    args.splice(1, 0, '127.0.0.1');
  } else if (args[0] && typeof args[0] === 'object' && args[0].port !== undefined && !args[0].host && !args[0].path) {
    args[0] = { ...args[0], host: '127.0.0.1' };
  }
  return listen.apply(this, args);
};
