using BasketClient = Shop.Basket.Grpc.Basket.BasketClient;

namespace Shop.Web.Services;

// Takes the injected client in its primary constructor and calls it without a deadline.
public class BasketReader(BasketClient basket)
{
    public async Task<int> Count()
    {
        var reply = await basket.GetBasketAsync(new()); // relplan:finding
        return reply.Items.Count;
    }
}
