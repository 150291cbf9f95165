using Grpc.Net.Client;

// Asks the stock service over gRPC without a deadline: gRPC sets none by default.
public class StockClient
{
    private readonly StockService.StockServiceClient _client =
        new StockService.StockServiceClient(GrpcChannel.ForAddress("http://stock:50051")); // relplan:evidence

    public async Task<long> Level(string sku)
    {
        var reply = await _client.LevelAsync(new LevelRequest { Sku = sku }); // relplan:finding
        return reply.Count;
    }
}
