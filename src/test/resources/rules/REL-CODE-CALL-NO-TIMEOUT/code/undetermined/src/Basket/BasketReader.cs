using BasketClient = Shop.Basket.Grpc.Basket.BasketClient;

namespace Shop.Web.Services;

// Takes the injected client in its primary constructor and calls it without a deadline of its own.
public class BasketReader(BasketClient basket)
{
    public async Task<int> Count()
    {
        var reply = await basket.GetBasketAsync(new());
        return reply.Items.Count;
    }
}
