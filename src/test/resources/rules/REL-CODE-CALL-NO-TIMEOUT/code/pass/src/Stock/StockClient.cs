using Grpc.Net.Client;

// Asks the stock service over gRPC with a two-second deadline.
public class StockClient
{
    private readonly StockService.StockServiceClient _client =
        new StockService.StockServiceClient(GrpcChannel.ForAddress("http://stock:50051"));

    public async Task<long> Level(string sku)
    {
        var reply = await _client.LevelAsync(new LevelRequest { Sku = sku }, deadline: DateTime.UtcNow.AddSeconds(2));
        return reply.Count;
    }
}
