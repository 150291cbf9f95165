// Every HttpClient, the gRPC client factory's included, goes through the standard resilience handler.
var builder = WebApplication.CreateBuilder(args);
builder.Services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());
builder.Services.AddGrpcClient<Basket.BasketClient>(o => o.Address = new("http://basket-api"));
builder.Services.AddHttpClient<CatalogReader>(o => o.BaseAddress = new("http://catalog-api"));
builder.Build().Run();
