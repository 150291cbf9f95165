// The quotes API's health endpoint runs a PostgreSQL check.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddHealthChecks()
    .AddNpgSql(builder.Configuration.GetConnectionString("quotes")!);

var app = builder.Build();
app.MapHealthChecks("/health");
app.MapGet("/quotes/{symbol}", (string symbol) => symbol);
app.Run();
