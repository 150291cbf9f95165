// Aspire's client integrations keep their libraries' finite command timeouts.
public static class Data
{
    public static void AddData(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<BasketContext>("basketdb");
        builder.AddRedisClient("redis");
    }
}
