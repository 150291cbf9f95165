// Converts prices through the currency service over gRPC without a deadline: gRPC sets none by default.
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const money = grpc.loadPackageDefinition(protoLoader.loadSync('money.proto')).money;
const currency = new money.CurrencyService('currency:7000', grpc.credentials.createInsecure()); // relplan:evidence

function convert(amount, to, done) {
  currency.convert({ amount, to }, done); // relplan:finding
}

module.exports = { convert };
