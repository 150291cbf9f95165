// An interceptor of the application's own may give every call a deadline: not read.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddGrpcClient<Basket.BasketClient>(o => o.Address = new("http://basket-api"))
    .AddInterceptor<CallDeadlineInterceptor>();
builder.Build().Run();
