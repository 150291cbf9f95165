// Converts prices with the call options its caller passes: whether they hold a deadline is decided there.
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const money = grpc.loadPackageDefinition(protoLoader.loadSync('money.proto')).money;
const currency = new money.CurrencyService('currency:7000', grpc.credentials.createInsecure());

function convert(amount, to, callOptions, done) {
  currency.convert({ amount, to }, callOptions, done);
}

module.exports = { convert };
