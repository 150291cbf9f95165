// The quotes API registers health checks without any check, and a minimal API endpoint that always answers OK.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddHealthChecks(); // relplan:evidence

var app = builder.Build();
app.MapHealthChecks("/health"); // relplan:finding
app.MapGet("/healthz", () => "OK"); // relplan:finding
app.MapGet("/quotes/{symbol}", (string symbol) => symbol);
app.Run();
