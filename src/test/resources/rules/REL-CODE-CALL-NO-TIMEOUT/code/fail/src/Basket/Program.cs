// The basket client is registered with the gRPC client factory, with no handler or interceptor.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddGrpcClient<Basket.BasketClient>(o => o.Address = new("http://basket-api")); // relplan:evidence
builder.Services.AddScoped<BasketReader>();
builder.Build().Run();
