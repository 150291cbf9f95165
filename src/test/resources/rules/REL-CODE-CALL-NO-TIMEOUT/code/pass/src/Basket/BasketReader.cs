using BasketClient = Shop.Basket.Grpc.Basket.BasketClient;

namespace Shop.Web.Services;

// Both injected clients are bounded by the standard handler's total request timeout.
public class BasketReader(BasketClient basket)
{
    public async Task<int> Count()
    {
        var reply = await basket.GetBasketAsync(new());
        return reply.Items.Count;
    }
}

public class CatalogReader(HttpClient http)
{
    public Task<string> Brands() => http.GetStringAsync("api/brands");
}
