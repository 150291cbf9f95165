// Converts prices through the currency service over gRPC with a one-second deadline.
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const money = grpc.loadPackageDefinition(protoLoader.loadSync('money.proto')).money;
const currency = new money.CurrencyService('currency:7000', grpc.credentials.createInsecure());

function convert(amount, to, done) {
  currency.convert({ amount, to }, { deadline: Date.now() + 1000 }, done);
}

module.exports = { convert };
