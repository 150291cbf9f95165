// Uses the client its container injects: its registration may give calls a deadline.
public class StockClient
{
    private readonly StockService.StockServiceClient _client;

    public StockClient(StockService.StockServiceClient client)
    {
        _client = client;
    }

    public async Task<long> Level(string sku)
    {
        var reply = await _client.LevelAsync(new LevelRequest { Sku = sku });
        return reply.Count;
    }
}
